#include "pelo/http/cookie_jar.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace pelo::http {
namespace {

TEST(CookieJar, PathMatchingFollowsRfc6265) {
  EXPECT_TRUE(CookiePathMatches("/", "/anything"));
  EXPECT_TRUE(CookiePathMatches("/usernamepassword/login", "/usernamepassword/login"));
  EXPECT_TRUE(CookiePathMatches("/usernamepassword/login", "/usernamepassword/login?x=1"));
  EXPECT_TRUE(CookiePathMatches("/a", "/a/b"));
  EXPECT_TRUE(CookiePathMatches("/a/", "/a/b"));
  EXPECT_FALSE(CookiePathMatches("/a", "/ab"));
  EXPECT_FALSE(CookiePathMatches("/usernamepassword/login", "/authorize"));
}

TEST(CookieJar, StoresSendsReplacesAndDeletes) {
  CookieJar jar;
  jar.Update({"_csrf=tok1; Path=/usernamepassword/login; HttpOnly; Secure; SameSite=None",
              "did=abc; Path=/; Max-Age=3600", "auth0=sess; Path=/"},
             "/authorize?client_id=x");
  EXPECT_EQ(jar.Get("_csrf"), "tok1");
  EXPECT_EQ(jar.HeaderFor("/authorize"), "did=abc; auth0=sess");
  EXPECT_EQ(jar.HeaderFor("/usernamepassword/login"), "_csrf=tok1; did=abc; auth0=sess");
  jar.Update({"_csrf=tok2; Path=/usernamepassword/login"}, "/login");
  EXPECT_EQ(jar.Get("_csrf"), "tok2");
  EXPECT_EQ(jar.size(), 3u);
  jar.Update({"did=; Path=/; Max-Age=0"}, "/x");
  EXPECT_EQ(jar.Get("did"), "");
  EXPECT_EQ(jar.size(), 2u);
}

TEST(CookieJar, DefaultPathIsRequestDirectory) {
  CookieJar jar;
  jar.Update({"a=1"}, "/u/login?state=s");
  EXPECT_EQ(jar.HeaderFor("/u/other"), "a=1");
  EXPECT_EQ(jar.HeaderFor("/authorize"), "");
  jar.Update({"b=2"}, "/authorize");
  EXPECT_EQ(jar.HeaderFor("/anything"), "b=2");
}

// The jar's clock, moved by hand. 1700000000 is Tue, 14 Nov 2023 22:13:20 GMT.
struct TestClock {
  int64_t now = 1'700'000'000;
  CookieJar Jar() {
    return CookieJar([this] { return now; });
  }
};

TEST(CookieJar, ExpiresInThePastDeletesAndIsNotStored) {
  TestClock clock;
  CookieJar jar = clock.Jar();
  jar.Update({"did=abc; Path=/", "keep=1; Path=/a"}, "/authorize");
  ASSERT_EQ(jar.Get("did"), "abc");
  // How servers delete a cookie (RFC 6265 §3.1): the same name and path, a date long gone.
  jar.Update({"did=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"}, "/x");
  EXPECT_EQ(jar.Get("did"), "");
  EXPECT_EQ(jar.HeaderFor("/a/b"), "keep=1");
  // A cookie that arrives already expired is not stored; one second ago is already gone.
  jar.Update({"old=1; Path=/; expires=Wed, 21 Oct 2015 07:28:00 GMT",
              "just=1; Path=/; Expires=Tue, 14 Nov 2023 22:13:19 GMT"},
             "/x");
  EXPECT_EQ(jar.Get("old"), "");
  EXPECT_EQ(jar.Get("just"), "");
  EXPECT_EQ(jar.size(), 1u);
  // Another path is another cookie: deleting /a's does not touch /'s.
  jar.Update({"keep=root; Path=/", "keep=; Path=/a; Expires=Thu, 01 Jan 1970 00:00:00 GMT"}, "/");
  EXPECT_EQ(jar.HeaderFor("/a/b"), "keep=root");
}

TEST(CookieJar, ExpiresInTheFutureLastsUntilThen) {
  TestClock clock;
  CookieJar jar = clock.Jar();
  // The three date forms of RFC 7231 §7.1.1.1 (IMF-fixdate, RFC 850, asctime), 10 s from now.
  jar.Update({"a=1; Path=/; Expires=Tue, 14 Nov 2023 22:13:30 GMT",
              "b=2; Path=/; Expires=Tuesday, 14-Nov-23 22:13:30 GMT",
              "c=3; Path=/; Expires=Tue Nov 14 22:13:30 2023", "session=4; Path=/"},
             "/");
  EXPECT_EQ(jar.HeaderFor("/"), "a=1; b=2; c=3; session=4");
  clock.now += 9;
  EXPECT_EQ(jar.HeaderFor("/"), "a=1; b=2; c=3; session=4");
  clock.now += 1;
  EXPECT_EQ(jar.Get("a"), "");
  EXPECT_EQ(jar.HeaderFor("/"), "session=4");
  EXPECT_EQ(jar.size(), 1u);  // sending evicted the expired ones
}

TEST(CookieJar, MaxAgeZeroOrLessDeletes) {
  for (const char* max_age : {"0", "00", "-1", "-99999999999999999999"}) {
    SCOPED_TRACE(max_age);
    TestClock clock;
    CookieJar jar = clock.Jar();
    jar.Update({"did=abc; Path=/"}, "/");
    jar.Update({std::string("did=new; Path=/; Max-Age=") + max_age}, "/");
    EXPECT_EQ(jar.Get("did"), "");
    EXPECT_EQ(jar.size(), 0u);
  }
}

TEST(CookieJar, MaxAgeCountsFromReceiptAndBeatsExpires) {
  TestClock clock;
  CookieJar jar = clock.Jar();
  // RFC 6265 §5.3 step 3: Max-Age wins over Expires, whichever comes first in the header.
  jar.Update({"a=1; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60",
              "b=2; Path=/; Max-Age=0; Expires=Tue, 14 Nov 2034 22:13:30 GMT",
              "c=3; Path=/; max-age=99999999999999999999999"},
             "/");
  EXPECT_EQ(jar.HeaderFor("/"), "a=1; c=3");
  clock.now += 59;
  EXPECT_EQ(jar.HeaderFor("/"), "a=1; c=3");
  clock.now += 1;
  EXPECT_EQ(jar.HeaderFor("/"), "c=3");
}

TEST(CookieJar, UnparseableExpiryAttributesAreIgnored) {
  TestClock clock;
  CookieJar jar = clock.Jar();
  // RFC 6265 §5.2.1 and §5.2.2: an Expires that is not a date and a Max-Age that is not an
  // integer are ignored, so these stay session cookies.
  jar.Update({"a=1; Path=/; Expires=soon", "b=2; Path=/; Max-Age=1x",
              "c=3; Path=/; Max-Age=", "d=4; Path=/; Max-Age=+5; Expires="},
             "/");
  clock.now += 1'000'000;
  EXPECT_EQ(jar.HeaderFor("/"), "a=1; b=2; c=3; d=4");
}

}  // namespace
}  // namespace pelo::http
