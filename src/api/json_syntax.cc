// Finds where a body stops being JSON, so that kApi messages say "at byte N". Runs only after
// simdjson has rejected a body; it follows RFC 8259 closely enough to point at the first fault.
#include "api/json_fields.h"

namespace pelo::api::json {
namespace {

// Deeper nesting than this is reported rather than recursed into (bounded stack).
constexpr int kMaxDepth = 1024;

class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}

  SyntaxError Run() {
    SkipSpace();
    if (AtEnd()) return Fail("empty body");
    if (!Value(0)) return error_;
    SkipSpace();
    if (!AtEnd()) return Fail("unexpected content after the JSON value");
    // Structurally valid here but rejected by simdjson (e.g. invalid UTF-8 or a bad number).
    return {0, "malformed content"};
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }
  void SkipSpace() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t' || Peek() == '\n' || Peek() == '\r')) {
      ++pos_;
    }
  }
  SyntaxError Fail(std::string what) {
    error_ = {pos_, AtEnd() ? what + " (unexpected end of input)" : std::move(what)};
    return error_;
  }
  bool Failed(std::string what) {
    Fail(std::move(what));
    return false;
  }

  bool Value(int depth) {
    if (depth > kMaxDepth) return Failed("nesting too deep");
    if (AtEnd()) return Failed("expected a value");
    switch (Peek()) {
      case '{':
        return Container(depth, '}', true);
      case '[':
        return Container(depth, ']', false);
      case '"':
        return StringToken();
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        return Number();
    }
  }

  bool Container(int depth, char close, bool is_object) {
    ++pos_;
    SkipSpace();
    if (!AtEnd() && Peek() == close) return ++pos_, true;
    while (true) {
      SkipSpace();
      if (is_object) {
        if (AtEnd() || Peek() != '"') return Failed("expected a string key");
        if (!StringToken()) return false;
        SkipSpace();
        if (AtEnd() || Peek() != ':') return Failed("expected ':'");
        ++pos_;
        SkipSpace();
      }
      if (!Value(depth + 1)) return false;
      SkipSpace();
      if (AtEnd()) return Failed(std::string("expected ',' or '") + close + "'");
      if (Peek() == close) return ++pos_, true;
      if (Peek() != ',') return Failed(std::string("expected ',' or '") + close + "'");
      ++pos_;
    }
  }

  bool StringToken() {
    ++pos_;
    while (!AtEnd()) {
      unsigned char c = static_cast<unsigned char>(Peek());
      if (c == '"') return ++pos_, true;
      if (c < 0x20) return Failed("control character in string");
      if (c == '\\') {
        if (pos_ + 1 >= text_.size() ||
            std::string_view("\"\\/bfnrtu").find(text_[pos_ + 1]) == std::string_view::npos) {
          return Failed("invalid escape in string");
        }
        pos_ += 2;
      } else if (c >= 0x80) {
        if (!Utf8Sequence(c)) return Failed("invalid UTF-8 in string");
      } else {
        ++pos_;
      }
    }
    return Failed("unterminated string");
  }

  // Steps over one multi-byte UTF-8 sequence starting with `lead` (shape only, no overlongs).
  bool Utf8Sequence(unsigned char lead) {
    size_t extra = (lead & 0xE0) == 0xC0   ? 1
                   : (lead & 0xF0) == 0xE0 ? 2
                   : (lead & 0xF8) == 0xF0 ? 3
                                           : 0;
    if (extra == 0 || pos_ + extra >= text_.size()) return false;
    for (size_t i = 1; i <= extra; ++i) {
      if ((static_cast<unsigned char>(text_[pos_ + i]) & 0xC0) != 0x80) return false;
    }
    pos_ += extra + 1;
    return true;
  }

  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return Failed("invalid literal");
    pos_ += word.size();
    return true;
  }

  // RFC 8259: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  bool Number() {
    if (!AtEnd() && Peek() == '-') ++pos_;
    if (AtEnd() || !IsDigit(Peek())) return Failed("unexpected character");
    if (Peek() == '0') {
      ++pos_;
    } else {
      SkipDigits();
    }
    if (!AtEnd() && Peek() == '.') {
      ++pos_;
      if (AtEnd() || !IsDigit(Peek())) return Failed("invalid number");
      SkipDigits();
    }
    if (!AtEnd() && (Peek() == 'e' || Peek() == 'E')) {
      ++pos_;
      if (!AtEnd() && (Peek() == '+' || Peek() == '-')) ++pos_;
      if (AtEnd() || !IsDigit(Peek())) return Failed("invalid number");
      SkipDigits();
    }
    return true;
  }
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }
  void SkipDigits() {
    while (!AtEnd() && IsDigit(Peek())) ++pos_;
  }

  std::string_view text_;
  size_t pos_ = 0;
  SyntaxError error_;
};

}  // namespace

SyntaxError LocateSyntaxError(std::string_view text) { return Locator(text).Run(); }

}  // namespace pelo::api::json
