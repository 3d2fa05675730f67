#include "auth/html_form.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace pelo::auth::internal {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

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

// Attributes of a tag body ("form action=/x method='post'"), names lowercased.
std::map<std::string, std::string> ParseAttributes(std::string_view tag) {
  std::map<std::string, std::string> attrs;
  size_t i = tag.find_first_of(" \t\r\n/");  // skip the tag name
  while (i < tag.size()) {
    while (i < tag.size() &&
           (std::isspace(static_cast<unsigned char>(tag[i])) != 0 || tag[i] == '/')) {
      ++i;
    }
    const size_t name_start = i;
    while (i < tag.size() && tag[i] != '=' &&
           std::isspace(static_cast<unsigned char>(tag[i])) == 0 && tag[i] != '/') {
      ++i;
    }
    std::string name = Lower(tag.substr(name_start, i - name_start));
    if (name.empty()) break;
    std::string value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        const char quote = tag[i++];
        const size_t end = std::min(tag.find(quote, i), tag.size());
        value = DecodeHtmlEntities(tag.substr(i, end - i));
        i = end + 1;
      } else {
        const size_t start = i;
        while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i])) == 0) ++i;
        value = DecodeHtmlEntities(tag.substr(start, i - start));
      }
    }
    attrs.emplace(std::move(name), std::move(value));
  }
  return attrs;
}

// The body of the next tag named `name` at or after `from` ("input type=hidden ..."), and
// where it ends; npos when there is none.
size_t FindTag(const std::string& lower_html, std::string_view name, size_t from, size_t* tag_end) {
  while (true) {
    size_t pos = lower_html.find("<" + std::string(name), from);
    if (pos == std::string::npos) return pos;
    const size_t after = pos + 1 + name.size();
    if (after < lower_html.size() &&
        (std::isspace(static_cast<unsigned char>(lower_html[after])) != 0 ||
         lower_html[after] == '>' || lower_html[after] == '/')) {
      *tag_end = lower_html.find('>', after);
      if (*tag_end == std::string::npos) *tag_end = lower_html.size();
      return pos + 1;
    }
    from = after;
  }
}

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
  const std::string lower = Lower(html);
  size_t tag_end = 0;
  const size_t form = FindTag(lower, "form", 0, &tag_end);
  if (form == std::string::npos) return std::nullopt;
  auto form_attrs = ParseAttributes(html.substr(form, tag_end - form));
  HtmlForm out;
  out.action = form_attrs["action"];
  out.method = form_attrs["method"].empty() ? "post" : Lower(form_attrs["method"]);
  const size_t form_close = std::min(lower.find("</form", tag_end), lower.size());
  size_t pos = tag_end;
  while (true) {
    const size_t input = FindTag(lower, "input", pos, &tag_end);
    if (input == std::string::npos || input > form_close) break;
    auto attrs = ParseAttributes(html.substr(input, tag_end - input));
    pos = tag_end;
    const std::string type = Lower(attrs["type"]);
    if (attrs["name"].empty() || type == "submit" || type == "button" || type == "reset" ||
        type == "image") {
      continue;
    }
    out.fields.emplace_back(attrs["name"], attrs["value"]);
  }
  return out;
}

}  // namespace pelo::auth::internal
