// Reading the raw-response archive back, for Store::ForEachArchived.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "pelo/common/status.h"

namespace pelo::store {

// Streams the archive of the database at `db_path` through a read-only connection of its own,
// in Store::ForEachArchived's order; one decompressed body in memory at a time.
Status StreamArchive(const std::string& db_path,
                     const std::function<Status(const std::string&, std::string_view)>& fn);

}  // namespace pelo::store
