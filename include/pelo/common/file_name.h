// File names made from text that came from elsewhere (a workout's title from the API): safe to
// join to a directory, on Linux and on the file systems other systems read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pelo {

// `text` as one path component:
//  - no '/', '\\', ':', '*', '?', '"', '<', '>', '|', control characters (C0, DEL, C1), or
//    invisible format characters that could disguise a name (bidi overrides, zero-width, BOM);
//    each run of those and of white space becomes one '-', as does a run of '-';
//  - no leading or trailing '-', '.' or space, and no "..", so never "", ".", ".." or a hidden
//    file;
//  - invalid UTF-8 bytes are dropped; valid letters of any script are kept;
//  - no name Windows reserves (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with or without an
//    extension): those get a trailing '_';
//  - at most `max_bytes` bytes (at least 8), cut at a character boundary.
// An empty result is "untitled".
std::string SafeFileName(std::string_view text, size_t max_bytes = 80);

}  // namespace pelo
