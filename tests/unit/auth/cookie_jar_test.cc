#include "auth/cookie_jar.h"

#include <gtest/gtest.h>

namespace pelo::auth::internal {
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

}  // namespace
}  // namespace pelo::auth::internal
