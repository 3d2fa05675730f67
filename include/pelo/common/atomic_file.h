// Files that appear whole or not at all.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "pelo/common/status.h"

namespace pelo {

// Writes via `write` to a temporary file beside `path`, then renames it over `path` (mode 0644):
// a failure leaves no half-written file. kStorage naming `path` on failure.
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& write);

}  // namespace pelo
