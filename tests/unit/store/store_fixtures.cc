#include "unit/store/store_fixtures.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pelo/analytics/ftp.h"
#include "pelo/peloton/api/parse.h"

namespace pelo::store::testing {

namespace fs = std::filesystem;

namespace {

WorkoutBundle ReadBundle(const std::string& relative_path) {
  std::ifstream in(std::string(PELO_SHARED_DIR) +
                       "/fixtures/peloton/peloton-to-garmin/src/UnitTests/Data/" + relative_path,
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  nlohmann::json envelope = nlohmann::json::parse(text.str());
  std::string workout_body = envelope.at("Workout").dump();
  std::string graph_body = envelope.at("WorkoutSamples").dump();
  WorkoutBundle bundle;
  auto workout = api::ParseWorkout(workout_body);
  auto graph = api::ParsePerformanceGraph(graph_body);
  EXPECT_TRUE(workout.ok() && graph.ok()) << relative_path;
  if (workout.ok()) bundle.workout = *workout;
  if (graph.ok()) bundle.graph = *graph;
  if (bundle.workout.ftp_info) {
    bundle.resolved_ftp = analytics::ResolveWorkoutFtp(*bundle.workout.ftp_info);
  }
  std::string base = "/api/workout/" + bundle.workout.id;
  bundle.raw.push_back({base + "?joins=ride,ride.instructor", workout_body});
  bundle.raw.push_back({base + "/performance_graph?every_n=1", graph_body});
  return bundle;
}

}  // namespace

WorkoutBundle BundleFromEnvelope(const std::string& relative_path) {
  // Each file is parsed once per process (the envelopes are large); a test gets its own copy.
  // A file that failed to parse is not kept, so that every test using it reports the failure.
  static std::map<std::string, WorkoutBundle> parsed;
  if (const auto it = parsed.find(relative_path); it != parsed.end()) return it->second;
  WorkoutBundle bundle = ReadBundle(relative_path);
  if (!::testing::Test::HasFailure()) parsed.emplace(relative_path, bundle);
  return bundle;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("pelo_store_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

namespace {

template <typename Read>
auto QueryOne(const std::string& db_path, const std::string& sql, Read read) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  decltype(read(stmt)) value{};
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    value = read(stmt);
  } else {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

}  // namespace

int64_t QueryInt(const std::string& db_path, const std::string& sql) {
  return QueryOne(db_path, sql, [](sqlite3_stmt* s) { return sqlite3_column_int64(s, 0); });
}

double QueryDouble(const std::string& db_path, const std::string& sql) {
  return QueryOne(db_path, sql, [](sqlite3_stmt* s) { return sqlite3_column_double(s, 0); });
}

std::string QueryText(const std::string& db_path, const std::string& sql) {
  return QueryOne(db_path, sql, [](sqlite3_stmt* s) {
    const unsigned char* text = sqlite3_column_text(s, 0);
    return text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
  });
}

void ExecSql(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

}  // namespace pelo::store::testing
