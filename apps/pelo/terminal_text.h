// Text written by strangers (titles, instructor names, other members' locations, error bodies)
// made safe for a person's terminal, and measured the way a terminal lays it out.
// ADR 0012 ("Text for a person's terminal") has the rule and where it applies.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace pelo::cli {

enum class Lines {
  kOne,   // a field, a cell, a one-line message: '\n' becomes visible too
  kKeep,  // a whole text (CSV, a response body): "\n" and "\r\n" stay line ends
};

// `text` with everything that could steer a terminal shown as a visible escape; what is left is
// printable UTF-8. The rule:
//   - C0 controls (U+0000-U+001F): "\t", "\n", "\r", else "\xNN" (ESC is "\x1b");
//   - DEL, C1 controls (U+0080-U+009F; U+009B is a CSI), bidi controls (U+061C ALM, U+200E LRM,
//     U+200F RLM, U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates) and the line
//     and paragraph separators (U+2028, U+2029): "\uXXXX", lower-case hex ("\u009b", "\u202e");
//   - a byte that is not part of valid UTF-8 (a stray continuation, a truncated or overlong
//     sequence, a surrogate, past U+10FFFF): "\xNN".
// Every other character, of every script, emoji and combining marks included, stays as is; a
// backslash stays a backslash (the escapes are for reading, not reversible: --json and --csv in
// a pipe keep the data exact). The "\uXXXX" forms are JSON's own escapes, so JSON text stays
// valid JSON with the same data (its C0 controls are escaped by the serializer already). With
// Lines::kKeep a "\n" and a "\r" right before it are kept; a lone "\r" is escaped.
// Idempotent: escaped text has nothing left to escape.
std::string TerminalText(std::string_view text, Lines lines = Lines::kOne);

// The characters TerminalText shows as "\uXXXX" rather than as themselves: DEL, C1 controls,
// bidi controls and the line and paragraph separators (the rule above). Other writers of
// strangers' text (the manual pages' roff, roff.h) keep the same ones out.
bool IsSteeringCodePoint(char32_t c);

// The columns `text` takes on a terminal, by the Unicode rules whatever the locale (libunistring,
// encoding "UTF-8"): CJK and emoji 2, combining marks 0, East Asian ambiguous 1. For text that
// went through TerminalText (controls count 0 here). A ZWJ emoji sequence counts its parts.
size_t DisplayWidth(std::string_view text);

// The longest start of `text` that fits in `width` columns, cut between characters (a
// zero-width character stays with the one before it).
std::string_view PrefixOfWidth(std::string_view text, size_t width);

// A stream buffer that writes TerminalText(..., Lines::kKeep) of what goes through it to
// `target`, line by line (a line is complete at '\n'; a flush also writes a partial line's complete
// characters).
// `pelo` puts it in front of standard output when that is a terminal, so a machine format
// (CSV, a response body) cannot steer the terminal either, and JSON stays JSON.
class TerminalStreambuf : public std::streambuf {
 public:
  explicit TerminalStreambuf(std::streambuf* target) : target_(target) {}
  ~TerminalStreambuf() override;
  TerminalStreambuf(const TerminalStreambuf&) = delete;
  TerminalStreambuf& operator=(const TerminalStreambuf&) = delete;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  enum class Upto { kLines, kCharacters, kEverything };
  // Writes line_ up to its last '\n', its last complete character (a flush), or its end (the
  // end of the stream); false once `target_` failed.
  bool Drain(Upto upto);

  std::streambuf* target_;
  std::string line_;
  bool failed_ = false;
};

// While it lives, `stream` (std::cout) writes through a TerminalStreambuf; its destructor
// writes what is left and puts the stream's own buffer back.
class TerminalGuard {
 public:
  explicit TerminalGuard(std::ostream& stream);
  ~TerminalGuard();
  TerminalGuard(const TerminalGuard&) = delete;
  TerminalGuard& operator=(const TerminalGuard&) = delete;

 private:
  std::ostream& stream_;
  std::streambuf* original_;
  std::unique_ptr<TerminalStreambuf> filter_;
};

}  // namespace pelo::cli
