// What the sync-under-faults tests share: a scratch directory for their databases, a sync from
// a fresh simulator, the digest of a clean sync to compare with, and readings of the request
// log and the database.
#pragma once

#include <gtest/gtest.h>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <utility>

#include "integration/sim_fixture.h"
#include "pelo/common/cancel.h"
#include "pelo/peloton/sim/server.h"
#include "pelo/store/store.h"
#include "pelo/sync/sync.h"
#include "support/db_digest.h"
#include "support/recorded_waits.h"
#include "support/sql_exec.h"

namespace pelo::testing {

// A fresh directory for a test's databases, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pelo-faults-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

using Digest = std::map<std::string, TableDigest>;

class SyncFaultsFixture : public SimTest {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    db_path_ = dir_.path() + "/pelo.db";
    // The transport's waits (backoff, Retry-After) are recorded, not slept: what a fault test
    // asserts is what was fetched, stored and asked to wait, and the faults are drawn by the
    // request's number, not by time. Timeouts and the simulator's latency stay real.
    transport_options_.sleep = waits_.Sleeper();
  }

  void TearDown() override {
    ResetCancel();
    SimTest::TearDown();
  }

  // Syncs from a simulator started with `options` (stopping the one before, if any) into the
  // database at `db_path`, with every_n 30 and `jobs` workers; `sync_options` for the rest.
  // The simulator's request log then holds the sync's requests (not the login's).
  sync::SyncResult SyncFrom(sim::Options options, const std::string& db_path, int jobs = 6,
                            sync::Options sync_options = {}) {
    SimTest::TearDown();
    StartSignedIn(std::move(options));
    if (HasFatalFailure()) return {};
    server_->ClearRequests();  // the request log holds the sync's requests only
    auto store = store::OpenSqliteStore(db_path);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return {};
    sync_options.every_n = 30;
    sync_options.jobs = jobs;
    return sync::Run(*client_, **store, sync_options);
  }

  // The digest of a clean sync of `workouts` workouts (seed 1), made once per process.
  Digest CleanDigest(int workouts) {
    static std::map<int, Digest> cache;
    if (auto it = cache.find(workouts); it != cache.end()) return it->second;
    sim::Options clean;
    clean.workouts = workouts;
    const std::string path = dir_.path() + "/clean-" + std::to_string(workouts) + ".db";
    const sync::SyncResult report = SyncFrom(clean, path);
    EXPECT_TRUE(report.status.ok()) << report.status.ToString();
    EXPECT_EQ(report.stored_total, workouts);
    SimTest::TearDown();
    return cache[workouts] = DigestTables(path);
  }

  // How many requests the simulator answered with fault `name` ("" = any fault).
  int Faulted(const std::string& name = "") const {
    int count = 0;
    for (const sim::RecordedRequest& r : server_->Requests()) {
      count += name.empty() ? !r.fault.empty() : r.fault == name;
    }
    return count;
  }

  // The longest run of consecutive requests (in the order answered) with fault `name`.
  int LongestRun(const std::string& name) const {
    int longest = 0;
    int run = 0;
    for (const sim::RecordedRequest& r : server_->Requests()) {
      run = r.fault == name ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    return longest;
  }

  static std::string IntegrityCheck(const std::string& db_path) {
    return QueryText(db_path, "PRAGMA integrity_check");
  }

  static int64_t StoredWorkouts(const std::string& db_path) {
    return std::stoll("0" + QueryText(db_path, "SELECT COUNT(*) FROM workouts"));
  }

  ScratchDir dir_;
  std::string db_path_;
  RecordedWaits waits_;  // every wait of every transport the fixture made
};

}  // namespace pelo::testing
