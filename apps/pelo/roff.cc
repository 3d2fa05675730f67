#include "roff.h"

#include <unistr.h>

#include <cstdint>
#include <cstdio>

#include "terminal_text.h"

namespace pelo::cli {
namespace {

// The code point at text[i] and its length (libunistring, as TerminalText reads UTF-8); U+FFFD
// and 1 for a byte that does not start a well-formed sequence (overlong forms and surrogates
// included).
std::pair<uint32_t, size_t> DecodeUtf8(std::string_view text, size_t i) {
  ucs4_t c = 0;
  const int n = u8_mbtoucr(&c, reinterpret_cast<const uint8_t*>(text.data()) + i, text.size() - i);
  if (n <= 0) return {0xFFFD, 1};
  return {c, static_cast<size_t>(n)};
}

bool IsSpace(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Characters that would steer a terminal or reorder the text around them rather than show: C0
// controls and those TerminalText escapes.
bool IsDropped(uint32_t c) { return c < 0x20 || IsSteeringCodePoint(c); }

}  // namespace

std::string RoffText(std::string_view text) {
  std::string out;
  bool space = false;  // white space seen since the last character written
  for (size_t i = 0; i < text.size();) {
    const auto [c, length] = DecodeUtf8(text, i);
    i += length;
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (IsDropped(c)) continue;
    if (space && !out.empty()) out += ' ';
    space = false;
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if ((c == '.' || c == '\'') && out.empty()) {
      out += "\\&";
      out += static_cast<char>(c);
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      char escape[16];
      std::snprintf(escape, sizeof escape, "\\[u%04X]", static_cast<unsigned>(c));
      out += escape;
    }
  }
  return out;
}

std::string RoffArgument(std::string_view text) {
  std::string out = "\"";
  for (char c : RoffText(text)) {
    if (c == '"') {
      out += "\\(dq";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string RoffBold(std::string_view text) { return "\\fB" + RoffText(text) + "\\fR"; }

std::string RoffItalic(std::string_view text) { return "\\fI" + RoffText(text) + "\\fR"; }

}  // namespace pelo::cli
