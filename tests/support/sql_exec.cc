#include "support/sql_exec.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace pelo::testing {

void ExecSql(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << db_path << ": " << sqlite3_errmsg(db);
    sqlite3_close(db);
    return;
  }
  sqlite3_busy_timeout(db, 10000);
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << (error ? error : "");
  }
  sqlite3_free(error);
  sqlite3_close(db);
}

}  // namespace pelo::testing
