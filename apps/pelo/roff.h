// Text for roff, the language of manual pages: whatever a description holds (backslashes,
// a leading '.' or '\'', quotes, hyphens, control and non-ASCII characters) is printed as
// written, never read as a request, an escape or a font change (ADR 0026).
#pragma once

#include <string>
#include <string_view>

namespace pelo::cli {

// `text` as literal roff text for a text line: backslashes as \e, '-' as \- (so that options
// copy as ASCII), a '.' or '\'' that could start a line guarded by \&, each run of white space
// (newlines included) as one space, non-ASCII as \[uXXXX] (bytes that are not UTF-8 as
// \[uFFFD]), other control and bidi-control characters dropped. The result is ASCII, one line.
std::string RoffText(std::string_view text);

// `text` as one double-quoted argument of a request (.TH): RoffText, with '"' as \(dq.
std::string RoffArgument(std::string_view text);

// RoffText in bold (\fB...\fR) or italics (\fI...\fR).
std::string RoffBold(std::string_view text);
std::string RoffItalic(std::string_view text);

}  // namespace pelo::cli
