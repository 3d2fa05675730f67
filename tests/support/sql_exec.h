// Running SQL on a database file directly, to plant a fault or remove a row behind pelo's back.
#pragma once

#include <string>

namespace pelo::testing {

// Runs `sql` on the file at `db_path`; fails the calling test (ADD_FAILURE) on error.
void ExecSql(const std::string& db_path, const std::string& sql);

// The first column of the first row `sql` returns ("" if none), read-only.
std::string QueryText(const std::string& db_path, const std::string& sql);

}  // namespace pelo::testing
