// Finds where a body stops being JSON, so that kApi messages say "at byte N". Runs only after
// simdjson has rejected a body: nlohmann's SAX parser (RFC 8259, full UTF-8 validation) finds the
// fault, and the handler adds what simdjson refuses beyond the grammar (numbers beyond 64 bits,
// nesting deeper than simdjson's limit). Builds no document: every event is dropped.
#include <simdjson.h>

#include <array>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>

#include "peloton/api/json_fields.h"

namespace pelo::api::json {
namespace {

using Json = nlohmann::json;

// simdjson's dom::parser limit: a value (scalar or container) may sit at most this many levels
// deep, the top-level value being level 1.
constexpr size_t kMaxDepth = simdjson::DEFAULT_MAX_DEPTH;

// An input iterator over the body that records how far nlohmann's lexer has read, so that SAX
// events (which carry no position) can be placed.
class TrackedIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackedIterator(const char* at, const char** reached) : at_(at), reached_(reached) {}
  reference operator*() const { return *at_; }
  TrackedIterator& operator++() {
    *reached_ = ++at_;
    return *this;
  }
  TrackedIterator operator++(int) {
    TrackedIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackedIterator& other) const { return at_ == other.at_; }

 private:
  const char* at_;
  const char** reached_;
};

bool IsNumberChar(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// The part of an nlohmann message that says what is wrong: "invalid number; expected digit
// after '.'" from "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error
// while parsing value - invalid number; expected digit after '.'; last read: '1.}'". The "last
// read" part quotes the body, which may hold a token, so it is dropped.
std::string_view Detail(std::string_view what) {
  if (const size_t dash = what.find(" - "); dash != std::string_view::npos) {
    what.remove_prefix(dash + 3);
  } else if (const size_t bracket = what.find("] "); bracket != std::string_view::npos) {
    what.remove_prefix(bracket + 2);
  }
  return what.substr(0, what.find("; last read"));
}

// Collects nothing; records the first fault and where it is.
class Locator final : public nlohmann::json_sax<Json> {
 public:
  explicit Locator(std::string_view text) : text_(text), reached_(text.data()) {}

  std::optional<SyntaxError> Run() {
    const char* begin = text_.data();
    const TrackedIterator first(begin, &reached_);
    const TrackedIterator last(begin + text_.size(), &reached_);
    Json::sax_parse(first, last, this);
    return error_;
  }

  bool null() override { return Scalar(Consumed() - 4); }
  bool boolean(bool value) override { return Scalar(Consumed() - (value ? 4 : 5)); }
  bool number_integer(number_integer_t /*value*/) override { return Scalar(NumberStart()); }
  bool number_unsigned(number_unsigned_t /*value*/) override { return Scalar(NumberStart()); }
  bool number_float(number_float_t /*value*/, const string_t& text) override {
    // nlohmann reads an integer beyond 64 bits as a double; simdjson refuses it.
    if (text.find_first_of(".eE") == std::string::npos) return Fail(NumberStart(), kOutOfRange);
    return Scalar(NumberStart());
  }
  bool string(string_t& /*value*/) override { return Scalar(StringStart()); }
  bool binary(binary_t& /*value*/) override { return true; }
  bool key(string_t& /*value*/) override { return true; }
  bool start_object(std::size_t /*size*/) override { return Open(); }
  bool start_array(std::size_t /*size*/) override { return Open(); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) override {
    // `position` counts the bytes read, the end of input included: the byte that failed is the
    // one before it.
    const size_t failed = std::min(position, text_.size() + 1) - (position > 0 ? 1 : 0);
    const std::string_view detail = Detail(ex.what());
    if (detail.rfind("unexpected ", 0) == 0) {
      if (text_.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return Fail(failed, "empty body");
      }
      return Fail(TokenStart(detail, position, last_token), std::string(detail));
    }
    if (ex.id == 406) return Fail(position - last_token.size(), kOutOfRange);  // 1e400
    return LexerError(detail, failed);
  }

 private:
  static constexpr const char* kOutOfRange = "number out of range";

  size_t Consumed() const { return static_cast<size_t>(reached_ - text_.data()); }

  bool Fail(size_t offset, std::string what) {
    if (!error_) error_ = SyntaxError{std::min(offset, text_.size()), std::move(what)};
    return false;
  }

  bool Open() {
    // The bracket was the last byte read.
    if (!Scalar(Consumed() - 1)) return false;
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }
  // A value starting at `start`, `depth_` levels inside containers.
  bool Scalar(size_t start) {
    if (depth_ + 1 > kMaxDepth) {
      return Fail(start, "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    return true;
  }

  // The lexer reads one byte past a number (unless the input ends there); numbers end in a digit.
  size_t NumberStart() const {
    size_t end = Consumed();
    if (end > 0 && !(text_[end - 1] >= '0' && text_[end - 1] <= '9')) --end;
    size_t start = end;
    while (start > 0 && IsNumberChar(text_[start - 1])) --start;
    return start;
  }
  // A string was just read up to its closing quote; its opening quote is the nearest one before
  // that no odd run of backslashes escapes.
  size_t StringStart() const { return QuoteBefore(Consumed() - 1); }
  size_t QuoteBefore(size_t close) const {
    for (size_t i = close; i-- > 0;) {
      if (text_[i] != '"') continue;
      size_t slashes = 0;
      while (slashes < i && text_[i - 1 - slashes] == '\\') ++slashes;
      if (slashes % 2 == 0) return i;
    }
    return 0;
  }

  // Where the token a parser error names begins ("unexpected string literal; expected '}'").
  size_t TokenStart(std::string_view detail, size_t position, const std::string& last_token) {
    detail.remove_prefix(std::string_view("unexpected ").size());
    // A string's or a number's token text is exactly what was read for it.
    if (detail.rfind("string literal", 0) == 0 || detail.rfind("number literal", 0) == 0) {
      return position - std::min(position, last_token.size());
    }
    for (const std::string_view literal : {"true", "false", "null"}) {
      if (detail.rfind(literal, 0) == 0) return position - std::min(position, literal.size());
    }
    return position > 0 ? position - 1 : 0;  // one byte: a bracket, ',', ':' or the end
  }

  // Where a lexer error is reported, and in what words (the form tests and users know).
  enum class At { kFailedByte, kEscape, kLiteral };
  struct Wording {
    std::string_view nlohmann;  // how nlohmann's lexer message begins
    std::string_view ours;      // "" keeps nlohmann's ("invalid number; expected digit after '.'")
    At at;
  };
  static constexpr std::array<Wording, 8> kWordings = {{
      {"invalid string: ill-formed UTF-8", "invalid UTF-8 in string", At::kFailedByte},
      {"invalid string: forbidden character after backslash", "invalid escape in string",
       At::kEscape},
      {"invalid string: '\\u' must be", "invalid escape in string (\\u needs 4 hex digits)",
       At::kEscape},
      {"invalid string: surrogate", "invalid escape in string (an unpaired UTF-16 surrogate)",
       At::kEscape},
      {"invalid string: control character", "control character in string", At::kFailedByte},
      {"invalid string: missing closing quote", "unterminated string", At::kFailedByte},
      {"invalid BOM", "invalid byte order mark", At::kFailedByte},
      {"invalid literal", "", At::kLiteral},
  }};

  bool LexerError(std::string_view detail, size_t failed) {
    for (const Wording& wording : kWordings) {
      if (detail.rfind(wording.nlohmann, 0) != 0) continue;
      const std::string what(wording.ours.empty() ? detail : wording.ours);
      switch (wording.at) {
        case At::kEscape:
          return Fail(text_.substr(0, failed).rfind('\\'), what);  // the escape's backslash
        case At::kLiteral:
          return Fail(LiteralStart(failed), what);
        case At::kFailedByte:
          return Fail(failed, what);
      }
    }
    return Fail(failed, std::string(detail));
  }

  // A literal is wrong as a whole: the bytes before `failed` that begin "true", "false" or
  // "null" (a complete literal before them is a token of its own).
  size_t LiteralStart(size_t failed) const {
    for (size_t length = 4; length > 0; --length) {
      if (length > failed) continue;
      const std::string_view prefix = text_.substr(failed - length, length);
      for (const std::string_view literal : {"true", "false", "null"}) {
        if (length < literal.size() && literal.substr(0, length) == prefix) return failed - length;
      }
    }
    return failed;
  }

  std::string_view text_;
  const char* reached_;
  size_t depth_ = 0;
  std::optional<SyntaxError> error_;
};

}  // namespace

std::optional<SyntaxError> LocateSyntaxError(std::string_view text) { return Locator(text).Run(); }

}  // namespace pelo::api::json
