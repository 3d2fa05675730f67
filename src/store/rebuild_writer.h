// Store::Rebuild's two steps on a connection whose transaction the caller owns.
#pragma once

#include <memory>

#include "pelo/store/store.h"
#include "store/sqlite_db.h"

namespace pelo::store {

// Deletes every row derived from the archive; leaves the archive and the sync bookkeeping.
Status DeleteDerivedRows(sqlite::Database& db);

// A writer over `db` with its statements prepared once for the whole rebuild.
StatusOr<std::unique_ptr<RebuildWriter>> MakeRebuildWriter(sqlite::Database& db);

}  // namespace pelo::store
