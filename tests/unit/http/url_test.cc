#include "pelo/http/url.h"

#include <gtest/gtest.h>

namespace pelo::http {
namespace {

TEST(Url, UrlEncode_KeepsUnreservedAndEscapesTheRest) {
  EXPECT_EQ(UrlEncode("aZ0-._~"), "aZ0-._~");
  EXPECT_EQ(UrlEncode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
  EXPECT_EQ(UrlEncode("offline_access openid"), "offline_access%20openid");
}

TEST(Url, UrlDecode_DecodesPercentAndPlus) {
  EXPECT_EQ(UrlDecode("a%20b+c%2Fd"), "a b c/d");
  EXPECT_EQ(UrlDecode("100%"), "100%");  // a broken escape stays as is
  EXPECT_EQ(UrlDecode("%zz"), "%zz");
  EXPECT_EQ(UrlDecode(UrlEncode("x=y&z é")), "x=y&z é");
}

TEST(Url, Query_BuildAndParseRoundTrip) {
  QueryParams params = {{"a", "1"}, {"b", "x y"}, {"c", ""}};
  EXPECT_EQ(BuildQuery(params), "a=1&b=x%20y&c=");
  EXPECT_EQ(ParseQuery("?a=1&b=x%20y&c="), params);
  EXPECT_EQ(ParseQuery("flag&&k=v"), (QueryParams{{"flag", ""}, {"k", "v"}}));
}

TEST(Url, QueryValue_FindsKeyInUrl) {
  const std::string url = "https://members.onepeloton.com/callback?code=abc%2B1&state=xyz#frag";
  EXPECT_EQ(QueryValue(url, "code"), "abc+1");
  EXPECT_EQ(QueryValue(url, "state"), "xyz");
  EXPECT_EQ(QueryValue(url, "missing"), "");
  EXPECT_EQ(QueryValue("https://h/p", "code"), "");
}

TEST(Url, ResolveUrl_HandlesAbsoluteAndRelativeReferences) {
  const std::string base = "https://auth.example.com:8443/u/login?state=1#x";
  EXPECT_EQ(ResolveUrl(base, "/login?x"), "https://auth.example.com:8443/login?x");
  EXPECT_EQ(ResolveUrl(base, "https://other/y"), "https://other/y");
  EXPECT_EQ(ResolveUrl(base, "//cdn.example.com/a"), "https://cdn.example.com/a");
  EXPECT_EQ(ResolveUrl(base, "?q=2"), "https://auth.example.com:8443/u/login?q=2");
  EXPECT_EQ(ResolveUrl(base, "callback"), "https://auth.example.com:8443/u/callback");
  EXPECT_EQ(ResolveUrl(base, "../a/./b?c"), "https://auth.example.com:8443/a/b?c");
  EXPECT_EQ(ResolveUrl("http://h", "x"), "http://h/x");
}

TEST(Url, UrlParts_OriginHostSchemePath) {
  EXPECT_EQ(Origin("HTTPS://Api.Example.com:8443/api/me?x=1"), "https://api.example.com:8443");
  EXPECT_EQ(UrlHost("http://user@127.0.0.1:80/x"), "127.0.0.1");
  EXPECT_EQ(UrlHost("http://[::1]:8080/x"), "::1");
  EXPECT_EQ(UrlHost("https://Example.COM"), "example.com");
  EXPECT_EQ(UrlScheme("HTTP://x"), "http");
  EXPECT_EQ(UrlScheme("/relative"), "");
  EXPECT_EQ(PathAndQuery("https://h:1/api/me?x=1#f"), "/api/me?x=1");
  EXPECT_EQ(PathAndQuery("https://h"), "/");
  EXPECT_EQ(PathAndQuery("https://h?x"), "/?x");
}

// The host is the one libcurl connects to: the loopback rule for plain http decides on it.
TEST(Url, UrlHost_IsTheHostCurlConnectsTo) {
  EXPECT_EQ(UrlHost("http://127.0.0.1@evil.example/"), "evil.example");  // userinfo
  EXPECT_EQ(UrlHost("http://127.0.0.1:80@evil.example/"), "evil.example");
  EXPECT_EQ(UrlHost("http://evil.example#@127.0.0.1/"), "evil.example");  // a fragment
  EXPECT_EQ(UrlHost("http://evil.example?@127.0.0.1/"), "evil.example");  // a query
  // libcurl is no browser: a backslash is part of the userinfo, not a '/'.
  EXPECT_EQ(UrlHost("http://127.0.0.1\\@evil.example/"), "evil.example");
  EXPECT_EQ(UrlHost("http://evil.example\\@127.0.0.1/"), "127.0.0.1");
  EXPECT_EQ(UrlHost("HTTP://LocalHost:8/"), "localhost");
  EXPECT_EQ(UrlHost("http://localhost./"), "localhost.");  // resolved by DNS, not as localhost
  EXPECT_EQ(UrlHost("http://[::1]/"), "::1");
  EXPECT_EQ(UrlHost("http://[0:0::1]:8/"), "::1");
  EXPECT_EQ(UrlHost("http://[::1%25lo]/"), "::1");
  // IPv4 in the forms inet_aton reads, as libcurl normalises them.
  EXPECT_EQ(UrlHost("http://127.1/"), "127.0.0.1");
  EXPECT_EQ(UrlHost("http://0x7f.1/"), "127.0.0.1");
  EXPECT_EQ(UrlHost("http://2130706433/"), "127.0.0.1");
  EXPECT_EQ(UrlHost("http://0177.0.0.1/"), "127.0.0.1");
  EXPECT_EQ(UrlHost("http://%6cocalhost/"), "localhost");  // percent-decoded
  EXPECT_EQ(UrlHost("http:/127.0.0.1/x"), "127.0.0.1");    // libcurl takes one slash
  // What libcurl refuses to connect to has no host.
  EXPECT_EQ(UrlHost("http://a@b@127.0.0.1/"), "");
  EXPECT_EQ(UrlHost("http://[::1]evil.example/"), "");
  EXPECT_EQ(UrlHost(std::string_view("http://127.0.0.1\0.evil.example/", 32)), "");
  EXPECT_EQ(UrlHost("/relative"), "");
  EXPECT_EQ(UrlHost(""), "");
}

TEST(Url, Origin_IsSchemeHostAndPortOnly) {
  EXPECT_EQ(Origin("https://user:secret@Auth.Example.com/u/login"), "https://auth.example.com");
  EXPECT_EQ(Origin("https://h:443/x"), "https://h");  // the default port is no port
  EXPECT_EQ(Origin("http://[::1]:8080/x"), "http://[::1]:8080");
  EXPECT_EQ(Origin("http://127.1:5/x"), "http://127.0.0.1:5");
}

TEST(Url, ResolveUrl_ReadsLocationHeadersAsLibcurlDoes) {
  const std::string base = "https://auth.example.com/u/login?state=1";
  EXPECT_EQ(ResolveUrl(base, "/authorize/resume?state=a b"),
            "https://auth.example.com/authorize/resume?state=a+b");
  EXPECT_EQ(ResolveUrl(base, "#done"), "https://auth.example.com/u/login?state=1#done");
  EXPECT_EQ(ResolveUrl(base, "HTTPS://Other.example/x"), "https://Other.example/x");
}

TEST(Url, JoinUrl_AvoidsDoubleSlashes) {
  EXPECT_EQ(JoinUrl("https://api.onepeloton.com/", "/api/me"), "https://api.onepeloton.com/api/me");
  EXPECT_EQ(JoinUrl("http://127.0.0.1:5", "/auth/login"), "http://127.0.0.1:5/auth/login");
  EXPECT_EQ(JoinUrl("http://h", "x"), "http://h/x");
}

}  // namespace
}  // namespace pelo::http
