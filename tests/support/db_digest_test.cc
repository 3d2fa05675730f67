#include "support/db_digest.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

namespace pelo::testing {
namespace {

constexpr const char* kSchema = R"sql(
  CREATE TABLE workouts (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT,
                         saved_at INTEGER);
  CREATE TABLE samples (workout_key INTEGER NOT NULL, t_s INTEGER NOT NULL, output_w REAL,
                        PRIMARY KEY (workout_key, t_s)) WITHOUT ROWID;
  CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql";

class DbDigestTest : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // A new database file holding kSchema, then `sql`.
  std::string Make(const std::string& name, const std::string& sql) {
    std::filesystem::create_directories(dir_);
    const std::string path = dir_ + "/" + name;
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, (std::string(kSchema) + sql).c_str(), nullptr, nullptr, &error),
              SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
    return path;
  }

  std::string dir_ = std::filesystem::temp_directory_path() /
                     ("pelo-digest-" + std::to_string(getpid()) + "-" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
};

TEST_F(DbDigestTest, IgnoresInsertionOrderKeysAndTimestamps) {
  const std::string a = Make("a.db", R"sql(
    INSERT INTO workouts VALUES (1, 'w1', 'Ride', 100), (2, 'w2', 'Run', 100);
    INSERT INTO samples VALUES (1, 0, 150.0), (1, 1, NULL), (2, 0, 99.5);
    INSERT INTO sync_state VALUES ('backfill', '1');)sql");
  const std::string b = Make("b.db", R"sql(
    INSERT INTO workouts VALUES (7, 'w2', 'Run', 555), (9, 'w1', 'Ride', 556);
    INSERT INTO samples VALUES (7, 0, 99.5), (9, 1, NULL), (9, 0, 150.0);)sql");
  auto digest_a = DigestTables(a);
  EXPECT_EQ(digest_a, DigestTables(b));
  EXPECT_EQ(digest_a.count("sync_state"), 0u) << "bookkeeping is left out by default";
  EXPECT_EQ(digest_a["samples"].rows, 3);
  EXPECT_EQ(digest_a["samples"].checksum.size(), 16u);
  EXPECT_NE(DigestTables(a, {.include_bookkeeping = true}),
            DigestTables(b, {.include_bookkeeping = true}));
}

TEST_F(DbDigestTest, ASampleMovedToAnotherWorkoutOrAnyValueChangedIsSeen) {
  const std::string base = R"sql(
    INSERT INTO workouts VALUES (1, 'w1', 'Ride', 0), (2, 'w2', '', 0);)sql";
  const std::string a = Make("a.db", base + "INSERT INTO samples VALUES (1, 0, 150.0);");
  const std::string b = Make("b.db", base + "INSERT INTO samples VALUES (2, 0, 150.0);");
  const std::string c = Make("c.db", base + "INSERT INTO samples VALUES (1, 0, 150.000001);");
  auto digest_a = DigestTables(a);
  EXPECT_NE(digest_a["samples"], DigestTables(b)["samples"]);
  EXPECT_NE(digest_a["samples"], DigestTables(c)["samples"]);
  EXPECT_EQ(digest_a["workouts"], DigestTables(c)["workouts"]);
  // NULL, '' and 0 are different values.
  const std::string d = Make("d.db", R"sql(
    INSERT INTO workouts VALUES (1, 'w1', 'Ride', 0), (2, 'w2', NULL, 0);)sql");
  const std::string e = Make("e.db", R"sql(
    INSERT INTO workouts VALUES (1, 'w1', 'Ride', 0), (2, 'w2', 0, 0);)sql");
  EXPECT_NE(digest_a["workouts"], DigestTables(d)["workouts"]);
  EXPECT_NE(DigestTables(d)["workouts"], DigestTables(e)["workouts"]);
}

}  // namespace
}  // namespace pelo::testing
