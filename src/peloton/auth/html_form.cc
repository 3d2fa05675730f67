#include "peloton/auth/html_form.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pelo/common/strings.h"

namespace pelo::auth::internal {
namespace {

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x110000) {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The code point of a numeric entity body ("#34", "#x22"), or nullopt.
std::optional<uint32_t> NumericEntity(std::string_view body) {
  if (body.size() < 2 || body[0] != '#') return std::nullopt;
  const bool hex = body[1] == 'x' || body[1] == 'X';
  std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 7) return std::nullopt;
  uint32_t value = 0;
  for (char c : digits) {
    const int d = std::isdigit(static_cast<unsigned char>(c)) != 0 ? c - '0'
                  : hex && std::isxdigit(static_cast<unsigned char>(c)) != 0
                      ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                      : -1;
    if (d < 0) return std::nullopt;
    value = value * (hex ? 16 : 10) + static_cast<uint32_t>(d);
  }
  return value;
}

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// One start or end tag. Views into the document: nothing is copied until a value is asked for.
struct Tag {
  std::string_view name;
  bool end = false;
  std::vector<std::pair<std::string_view, std::string_view>> attrs;  // raw, in order

  bool Is(std::string_view tag_name, bool end_tag) const {
    return end == end_tag && EqualsIgnoreCase(name, tag_name);
  }
  // The entity-decoded value of the first attribute named `attr` (as a browser keeps the first
  // of duplicates), or "".
  std::string Attr(std::string_view attr) const {
    for (const auto& [key, value] : attrs) {
      if (EqualsIgnoreCase(key, attr)) return DecodeHtmlEntities(value);
    }
    return "";
  }
};

// Elements whose content is text up to their own end tag (HTML §13.2.5: RAWTEXT, RCDATA and
// script data), so that a "<form" in a script's string or a style's comment is not a form.
// <noscript> is among them because the browser Auth0 expects runs the page's onload script.
bool HoldsOnlyText(std::string_view tag_name) {
  static constexpr std::array<std::string_view, 9> kTextOnly = {
      "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"};
  return std::any_of(kTextOnly.begin(), kTextOnly.end(),
                     [&](std::string_view t) { return EqualsIgnoreCase(t, tag_name); });
}

// The tags of a document, found where a browser's tokenizer (HTML §13.2.5) finds them: a '>'
// inside a quoted attribute value does not end a tag; comments, <!DOCTYPE>, <![CDATA[ (a bogus
// comment outside SVG and MathML) and <?...> are not tags, nor is the text of the elements
// above. A tag cut off by the end of the document is dropped, as a browser drops it.
class TagScanner {
 public:
  explicit TagScanner(std::string_view html) : html_(html) {}

  std::optional<Tag> Next() {
    while (pos_ < html_.size()) {
      const size_t lt = html_.find('<', pos_);
      if (lt == std::string_view::npos) break;
      const std::string_view rest = html_.substr(lt);
      if (rest.starts_with("<!--")) {
        SkipComment(lt + 4);
      } else if (rest.starts_with("<!") || rest.starts_with("<?") ||
                 (rest.starts_with("</") && rest.size() > 2 && !IsAsciiAlpha(rest[2]))) {
        SkipPast(">", lt + 2);  // a bogus comment; "</>" is one too, an empty one
      } else if (const bool end = rest.starts_with("</");
                 rest.size() > (end ? 2u : 1u) && IsAsciiAlpha(rest[end ? 2 : 1])) {
        pos_ = lt + (end ? 2 : 1);
        if (auto tag = ReadTag(end)) return tag;
      } else {
        pos_ = lt + 1;  // a '<' that starts no tag is text
      }
    }
    pos_ = html_.size();
    return std::nullopt;
  }

 private:
  // From a tag name at pos_ to just past its '>'; nullopt when the document ends first.
  std::optional<Tag> ReadTag(bool end) {
    Tag tag{.name = TakeUntil(" \t\n\f\r/>"), .end = end, .attrs = {}};
    while (true) {
      while (pos_ < html_.size() && (IsHtmlSpace(html_[pos_]) || html_[pos_] == '/')) ++pos_;
      if (pos_ >= html_.size()) return std::nullopt;
      if (html_[pos_] == '>') break;
      // An attribute name runs to a space, '/', '>' or '=' (a leading '=' is part of it).
      const std::string_view name = TakeUntil(" \t\n\f\r/>=", 1);
      SkipSpaces();
      std::string_view value;
      if (pos_ < html_.size() && html_[pos_] == '=') {
        ++pos_;
        SkipSpaces();
        if (pos_ < html_.size() && (html_[pos_] == '"' || html_[pos_] == '\'')) {
          const size_t close = html_.find(html_[pos_], pos_ + 1);
          if (close == std::string_view::npos) return std::nullopt;
          value = html_.substr(pos_ + 1, close - pos_ - 1);
          pos_ = close + 1;
        } else {
          value = TakeUntil(" \t\n\f\r>");
        }
      }
      tag.attrs.emplace_back(name, value);
    }
    ++pos_;  // the '>'
    if (!end && HoldsOnlyText(tag.name)) SkipText(tag.name);
    return tag;
  }

  // The bytes from pos_ up to the first of `stop` found from pos_ + `skip` (or the end); pos_
  // moves past them.
  std::string_view TakeUntil(std::string_view stop, size_t skip = 0) {
    const size_t start = pos_;
    pos_ = std::min(html_.find_first_of(stop, pos_ + skip), html_.size());
    return html_.substr(start, pos_ - start);
  }

  void SkipSpaces() {
    while (pos_ < html_.size() && IsHtmlSpace(html_[pos_])) ++pos_;
  }

  void SkipPast(std::string_view terminator, size_t from) {
    const size_t at = html_.find(terminator, from);
    pos_ = at == std::string_view::npos ? html_.size() : at + terminator.size();
  }

  // After "<!--": "<!-->" and "<!--->" are whole comments; otherwise "-->" or "--!>" ends one.
  void SkipComment(size_t body) {
    if (html_.substr(body).starts_with(">")) {
      pos_ = body + 1;
    } else if (html_.substr(body).starts_with("->")) {
      pos_ = body + 2;
    } else {
      for (size_t dashes = html_.find("--", body); dashes != std::string_view::npos;
           dashes = html_.find("--", dashes + 1)) {
        const std::string_view after = html_.substr(dashes + 2);
        if (after.starts_with(">") || after.starts_with("!>")) {
          pos_ = dashes + (after[0] == '>' ? 3 : 4);
          return;
        }
      }
      pos_ = html_.size();
    }
  }

  // To the end tag of element `name` ("</script" then a space, '/' or '>'), left for Next().
  void SkipText(std::string_view name) {
    for (size_t close = html_.find("</", pos_); close != std::string_view::npos;
         close = html_.find("</", close + 2)) {
      const size_t after = close + 2 + name.size();
      if (after < html_.size() && EqualsIgnoreCase(html_.substr(close + 2, name.size()), name) &&
          (IsHtmlSpace(html_[after]) || html_[after] == '/' || html_[after] == '>')) {
        pos_ = close;
        return;
      }
    }
    pos_ = html_.size();
  }

  std::string_view html_;
  size_t pos_ = 0;
};

}  // namespace

std::string DecodeHtmlEntities(std::string_view text) {
  static const std::array<std::pair<std::string_view, char>, 5> kNamed = {
      {{"quot", '"'}, {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"apos", '\''}}};
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    // An entity's ';' is at most 10 bytes after its '&' (&#x10FFFF;): looking no further keeps
    // a page of stray '&'s linear.
    const size_t semi_offset =
        text[i] == '&' ? text.substr(i, 11).find(';') : std::string_view::npos;
    const size_t semi = semi_offset == std::string_view::npos ? semi_offset : i + semi_offset;
    if (semi == std::string_view::npos) {
      out.push_back(text[i]);
      continue;
    }
    std::string_view body = text.substr(i + 1, semi - i - 1);
    auto named =
        std::find_if(kNamed.begin(), kNamed.end(), [&](const auto& e) { return e.first == body; });
    if (named != kNamed.end()) {
      out.push_back(named->second);
    } else if (auto cp = NumericEntity(body)) {
      AppendUtf8(*cp, &out);
    } else {
      out.push_back(text[i]);
      continue;
    }
    i = semi;
  }
  return out;
}

std::optional<HtmlForm> ParseHtmlForm(std::string_view html) {
  TagScanner tags(html);
  std::optional<Tag> tag;
  while ((tag = tags.Next()) && !tag->Is("form", false)) {
  }
  if (!tag) return std::nullopt;
  HtmlForm out;
  out.action = tag->Attr("action");
  out.method = Lower(tag->Attr("method"));
  if (out.method.empty()) out.method = "post";
  // Up to </form> (a nested <form> is ignored, as browsers ignore it) or the document's end.
  while ((tag = tags.Next()) && !tag->Is("form", true)) {
    if (!tag->Is("input", false)) continue;
    std::string name = tag->Attr("name");
    const std::string type = Lower(tag->Attr("type"));
    if (name.empty() || type == "submit" || type == "button" || type == "reset" ||
        type == "image") {
      continue;
    }
    out.fields.emplace_back(std::move(name), tag->Attr("value"));
  }
  return out;
}

}  // namespace pelo::auth::internal
