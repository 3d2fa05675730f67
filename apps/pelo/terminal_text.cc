#include "terminal_text.h"

#include <unistr.h>
#include <uniwidth.h>

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace pelo::cli {
namespace {

constexpr const char* kEncoding = "UTF-8";  // widths by Unicode, not by LC_CTYPE

const uint8_t* Bytes(std::string_view s) { return reinterpret_cast<const uint8_t*>(s.data()); }

void AppendHex(std::string& out, const char* format, unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, format, value);
  out += buffer;
}

void AppendC0(std::string& out, unsigned char c) {
  switch (c) {
    case '\t':
      out += "\\t";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    default:
      AppendHex(out, "\\x%02x", c);
  }
}

// How many bytes at the end of `s` start a UTF-8 character that is not complete yet.
size_t IncompleteTail(std::string_view s) {
  for (size_t back = 1; back <= 3 && back <= s.size(); ++back) {
    const auto byte = static_cast<unsigned char>(s[s.size() - back]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

}  // namespace

// DEL, C1, bidi controls and the Unicode line/paragraph separators: escaped as "\uXXXX".
bool IsSteeringCodePoint(char32_t c) {
  return c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

std::string TerminalText(std::string_view text, Lines lines) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20) {
      const bool keep =
          lines == Lines::kKeep &&
          (byte == '\n' || (byte == '\r' && i + 1 < text.size() && text[i + 1] == '\n'));
      if (keep) {
        out += static_cast<char>(byte);
      } else {
        AppendC0(out, byte);
      }
      ++i;
      continue;
    }
    if (byte < 0x7F) {
      out += static_cast<char>(byte);
      ++i;
      continue;
    }
    ucs4_t c = 0;
    const int n = u8_mbtoucr(&c, Bytes(text) + i, text.size() - i);
    if (n <= 0) {  // -1 invalid, -2 cut short at the end
      AppendHex(out, "\\x%02x", byte);
      ++i;
      continue;
    }
    if (IsSteeringCodePoint(c)) {
      AppendHex(out, "\\u%04x", c);
    } else {
      out.append(text.substr(i, static_cast<size_t>(n)));
    }
    i += static_cast<size_t>(n);
  }
  return out;
}

size_t DisplayWidth(std::string_view text) {
  const int width = u8_width(Bytes(text), text.size(), kEncoding);
  return width > 0 ? static_cast<size_t>(width) : 0;
}

std::string_view PrefixOfWidth(std::string_view text, size_t width) {
  size_t used = 0;
  size_t i = 0;
  while (i < text.size()) {
    ucs4_t c = 0;
    const int n = u8_mbtoucr(&c, Bytes(text) + i, text.size() - i);
    // A byte that is not UTF-8 (never in TerminalText's output) takes one column, as "\xNN"
    // would take at least one.
    const int w = n > 0 ? uc_width(c, kEncoding) : 1;
    const size_t columns = w > 0 ? static_cast<size_t>(w) : 0;
    if (used + columns > width) break;
    used += columns;
    i += n > 0 ? static_cast<size_t>(n) : 1;
  }
  return text.substr(0, i);
}

TerminalStreambuf::~TerminalStreambuf() { Drain(Upto::kEverything); }

TerminalStreambuf::int_type TerminalStreambuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  line_ += traits_type::to_char_type(c);
  if (line_.back() == '\n' && !Drain(Upto::kLines)) return traits_type::eof();
  return c;
}

std::streamsize TerminalStreambuf::xsputn(const char* s, std::streamsize n) {
  line_.append(s, static_cast<size_t>(n));
  const bool complete = std::memchr(s, '\n', static_cast<size_t>(n)) != nullptr;
  if (complete && !Drain(Upto::kLines)) return 0;
  return n;
}

int TerminalStreambuf::sync() {
  if (!Drain(Upto::kCharacters)) return -1;
  return target_->pubsync();
}

bool TerminalStreambuf::Drain(Upto upto) {
  size_t end = line_.size();
  if (upto == Upto::kLines) end = line_.rfind('\n') + 1;  // npos + 1 == 0: no complete line
  if (upto == Upto::kCharacters) end -= IncompleteTail(line_);
  if (end == 0) return !failed_;
  const std::string safe = TerminalText(std::string_view(line_).substr(0, end), Lines::kKeep);
  line_.erase(0, end);
  const auto size = static_cast<std::streamsize>(safe.size());
  if (target_->sputn(safe.data(), size) != size) failed_ = true;
  return !failed_;
}

TerminalGuard::TerminalGuard(std::ostream& stream)
    : stream_(stream),
      original_(stream.rdbuf()),
      filter_(std::make_unique<TerminalStreambuf>(original_)) {
  stream_.rdbuf(filter_.get());
}

TerminalGuard::~TerminalGuard() {
  stream_.flush();
  stream_.rdbuf(original_);
}

}  // namespace pelo::cli
