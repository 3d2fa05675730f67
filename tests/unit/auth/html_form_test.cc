#include "auth/html_form.h"

#include <gtest/gtest.h>

namespace pelo::auth::internal {
namespace {

TEST(HtmlForm, DecodesEntities) {
  EXPECT_EQ(DecodeHtmlEntities("&#34;a&#34; &quot;b&quot; &amp;&lt;&gt;&#39;&apos;"),
            "\"a\" \"b\" &<>''");
  EXPECT_EQ(DecodeHtmlEntities("&#x22;&#233;"), "\"\xC3\xA9");
  EXPECT_EQ(DecodeHtmlEntities("a & b &unknown; &#xZZ;"), "a & b &unknown; &#xZZ;");
}

TEST(HtmlForm, ParsesAuth0HiddenForm) {
  const std::string html = R"(<html><head><title>Submit</title></head><body>
    <FORM method="post" name="hiddenform" action="https://auth.onepeloton.com/login/callback">
      <input type="hidden" name="wa" value="wsignin1.0">
      <input type="hidden" name="wresult" value="eyJ0eXAi.payload.sig">
      <input type='hidden' name='wctx' value='{&#34;strategy&#34;:&#34;auth0&#34;,&#34;auth0Client&#34;:&#34;&#34;}'>
      <input type=hidden name=plain value=x&amp;y>
      <noscript><input type="submit" value="Continue"></noscript>
    </form><input type="hidden" name="outside" value="no"></body></html>)";
  auto form = ParseHtmlForm(html);
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->action, "https://auth.onepeloton.com/login/callback");
  EXPECT_EQ(form->method, "post");
  ASSERT_EQ(form->fields.size(), 4u);
  EXPECT_EQ(form->fields[0], (std::pair<std::string, std::string>{"wa", "wsignin1.0"}));
  EXPECT_EQ(form->fields[1].second, "eyJ0eXAi.payload.sig");
  EXPECT_EQ(form->fields[2].second, R"({"strategy":"auth0","auth0Client":""})");
  EXPECT_EQ(form->fields[3], (std::pair<std::string, std::string>{"plain", "x&y"}));
}

TEST(HtmlForm, NoFormIsNullopt) {
  EXPECT_FALSE(ParseHtmlForm("<html><formula></formula></html>").has_value());
  EXPECT_FALSE(ParseHtmlForm("").has_value());
}

}  // namespace
}  // namespace pelo::auth::internal
