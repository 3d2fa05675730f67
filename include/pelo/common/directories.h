// Directories pelo keeps its files in (the config directory, the database's), made on demand.
#pragma once

#include <sys/types.h>

#include <string>

#include "pelo/common/status.h"

namespace pelo {

// Creates `dir` and its missing parents, each with `mode` as mkdir(2) takes it (the umask
// applies: 0700 for the config directory, which holds the token file). A directory that exists,
// or a link to one, is fine and keeps its mode; "" is the current directory. kStorage naming the
// directory on failure: "D: not a directory" when a file is in the way, else
// "cannot create directory D: <reason>".
Status EnsureDir(const std::string& dir, mode_t mode);

}  // namespace pelo
