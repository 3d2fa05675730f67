#include "peloton/auth/html_form.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

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

using Field = std::pair<std::string, std::string>;

TEST(HtmlForm, GreaterThanInsideQuotesStaysInTheValue) {
  auto form = ParseHtmlForm(R"(<form action="/cb?a=1>2" method='POST'>
      <input type="hidden" name="wctx" value="{&quot;a&quot;:&quot;x>y&quot;}">
      <input type='hidden' name='single' value='p>q'>
      <input type=hidden name=unquoted value=a>b>
      <input name = "spaced" value = "1 > 0" type = "hidden">
    </form>)");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->action, "/cb?a=1>2");
  EXPECT_EQ(form->method, "post");
  // An unquoted value ends at '>', as in a browser: "b>" is text after the tag.
  EXPECT_EQ(
      form->fields,
      (std::vector<Field>{
          {"wctx", R"({"a":"x>y"})"}, {"single", "p>q"}, {"unquoted", "a"}, {"spaced", "1 > 0"}}));
}

TEST(HtmlForm, FormsInCommentsScriptsAndStylesAreNotTheForm) {
  auto form = ParseHtmlForm(R"(<!DOCTYPE html><html><head>
    <!-- <form action="/commented"><input name="c" value="1"></form> -->
    <SCRIPT type="text/javascript">
      var tpl = '<form action="/scripted"><input name="s" value="1"></form>';
      if (a < b && b > c) document.write(tpl);
    </ScRiPt>
    <style>/* <form action="/styled"> */ p > a { color: red }</style>
    <![CDATA[ <form action="/cdata"> ]]>
    <title>Log in <form action="/titled"></title>
    </head><body><Form ACTION="/real"><INPUT NAME="r" VALUE="1"></FORM></body></html>)");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->action, "/real");
  EXPECT_EQ(form->fields, (std::vector<Field>{{"r", "1"}}));
}

TEST(HtmlForm, InputsInCommentsAndScriptsInsideTheFormAreSkipped) {
  auto form = ParseHtmlForm(R"(<form action="/real">
      <!-- <input type="hidden" name="old" value="1"> </form> -->
      <input type="hidden" name="a" value="1">
      <script>document.write('<input name="injected" value="x"></form>');</script>
      <input type="hidden" name="b" value="2">
    </form><input type="hidden" name="outside" value="no">)");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->fields, (std::vector<Field>{{"a", "1"}, {"b", "2"}}));
}

TEST(HtmlForm, UnterminatedCommentScriptOrTagHidesTheRest) {
  EXPECT_FALSE(ParseHtmlForm("<!-- <form action=/x>").has_value());
  EXPECT_FALSE(ParseHtmlForm("<script> <form action=/x>").has_value());
  EXPECT_FALSE(ParseHtmlForm("<script> </scripty> <form action=/x>").has_value());
  // "<!-->" is a whole (empty) comment in HTML.
  auto form = ParseHtmlForm("<!--><form action=/x>");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->action, "/x");
  // A browser drops a tag the document ends inside of; half a value is not posted.
  form = ParseHtmlForm(R"(<form action=/x><input name=a value=1><input name=b value="cut)");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->fields, (std::vector<Field>{{"a", "1"}}));
}

// Auth0's page auto-posts from its onload script, so what a browser with scripts posts counts:
// <noscript>'s content is text there.
TEST(HtmlForm, NoscriptContentIsNotPosted) {
  auto form = ParseHtmlForm(R"(<form action=/x><input type=hidden name=a value=1>
      <noscript><input type=hidden name=nojs value=1></noscript></form>)");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->fields, (std::vector<Field>{{"a", "1"}}));
}

}  // namespace
}  // namespace pelo::auth::internal
