#include "roff.h"

#include <cstdint>
#include <cstdio>

namespace pelo::cli {
namespace {

// The code point at text[i] and its length; U+FFFD and 1 for a byte that does not start a
// well-formed UTF-8 sequence (overlong forms and surrogates included).
std::pair<uint32_t, size_t> DecodeUtf8(std::string_view text, size_t i) {
  const auto byte = [&text](size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return {lead, 1};
  size_t length = 0;
  uint32_t point = 0;
  uint32_t min = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, point = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, point = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, point = lead & 0x07, min = 0x10000;
  } else {
    return {0xFFFD, 1};
  }
  if (i + length > text.size()) return {0xFFFD, 1};
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
    point = point << 6 | (byte(i + k) & 0x3F);
  }
  if (point < min || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF)) return {0xFFFD, 1};
  return {point, length};
}

bool IsSpace(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Characters that would steer a terminal or reorder the text around them rather than show.
bool IsDropped(uint32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

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
