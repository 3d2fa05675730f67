#include "pelo/common/file_name.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace pelo {
namespace {

// The length of the UTF-8 sequence at `text[i]` and its code point; 0 when it is not valid
// UTF-8 (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF or cut short).
size_t DecodeUtf8(std::string_view text, size_t i, uint32_t& cp) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  size_t length = 0;
  uint32_t min = 0;
  if (lead < 0x80) {
    cp = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

// Characters that end up as a separator: what file systems forbid or shells trip on, control
// and invisible format characters, and white space.
bool IsSeparator(uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return true;  // C0, DEL, C1
  if (cp < 0x80)
    return std::string_view("/\\:*?\"<>| \t-").find(static_cast<char>(cp)) !=
           std::string_view::npos;
  return cp == 0xA0 || cp == 0xAD || cp == 0x061C || cp == 0x1680 || cp == 0x180E ||
         (cp >= 0x2000 && cp <= 0x200F) ||  // spaces, zero-width, LRM/RLM
         (cp >= 0x2028 && cp <= 0x202F) ||  // line/paragraph separators, bidi embeddings
         (cp >= 0x205F && cp <= 0x206F) ||  // math space, invisible operators, bidi isolates
         cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// CON, PRN, AUX, NUL, COM0-9 and LPT0-9 name devices on Windows, whatever follows a '.'.
bool IsReservedName(std::string_view name) {
  const std::string stem = Upper(name.substr(0, name.find('.')));
  static constexpr std::array<std::string_view, 4> kDevices = {"CON", "PRN", "AUX", "NUL"};
  if (std::find(kDevices.begin(), kDevices.end(), stem) != kDevices.end()) return true;
  return stem.size() == 4 && (stem.starts_with("COM") || stem.starts_with("LPT")) &&
         std::isdigit(static_cast<unsigned char>(stem[3]));
}

// Each '-'-separated part without leading or trailing dots and with single dots inside ("a.b",
// never "a..b" or "-.-"); empty parts dropped. ASCII only, so no character is split.
std::string TidyDots(std::string_view name) {
  std::string out;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('-', start);
    if (end == std::string_view::npos) end = name.size();
    std::string part;
    for (char c : name.substr(start, end - start)) {
      if (c == '.' && (part.empty() || part.back() == '.')) continue;
      part += c;
    }
    while (!part.empty() && part.back() == '.') part.pop_back();
    if (!part.empty()) out += (out.empty() ? "" : "-") + part;
    start = end + 1;
  }
  return out;
}

// Shortens valid UTF-8 `text` to at most `max_bytes` bytes without splitting a character.
void CutToCharacters(std::string& text, size_t max_bytes) {
  size_t end = 0;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    const size_t length = std::max<size_t>(DecodeUtf8(text, i, cp), 1);
    if (i + length > max_bytes) break;
    i += length;
    end = i;
  }
  text.resize(end);
}

}  // namespace

std::string SafeFileName(std::string_view text, size_t max_bytes) {
  max_bytes = std::max<size_t>(max_bytes, 8);
  std::string out;
  bool separator = false;  // a '-' is owed before the next kept character
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    const size_t length = DecodeUtf8(text, i, cp);
    if (length == 0) {  // not UTF-8: dropped
      ++i;
      continue;
    }
    if (IsSeparator(cp)) {
      separator = true;
    } else {
      const size_t needed = length + (separator && !out.empty() ? 1 : 0);
      if (out.size() + needed > max_bytes) break;
      if (separator && !out.empty()) out += '-';
      separator = false;
      out.append(text.substr(i, length));
    }
    i += length;
  }
  out = TidyDots(out);
  if (out.empty()) return "untitled";
  if (IsReservedName(out)) {
    // "nul.csv" -> "nul_.csv": the device name is the part before the first '.'. The stem is at
    // most 4 bytes and max_bytes at least 8, so the cut below never reaches the '_'.
    out.insert(std::min(out.find('.'), out.size()), 1, '_');
    if (out.size() > max_bytes) CutToCharacters(out, max_bytes);
    while (out.back() == '.' || out.back() == '-') out.pop_back();
  }
  return out;
}

}  // namespace pelo
