// The versioned schema: ordered migrations, tracked in PRAGMA user_version.
#pragma once

#include "pelo/common/status.h"
#include "store/sqlite_db.h"

namespace pelo::store {

// Brings `db` to CurrentSchemaVersion(), one transaction per migration. kStorage when the file
// was written by a newer pelo.
Status Migrate(sqlite::Database& db);
// PRAGMA user_version of `db`.
StatusOr<int> ReadSchemaVersion(const sqlite::Database& db);

}  // namespace pelo::store
