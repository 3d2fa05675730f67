// Store::Rebuild: derived rows replaced in one transaction, archive and bookkeeping untouched.
#include <gtest/gtest.h>

#include "pelo/peloton/api/parse.h"
#include "pelo/store/store.h"
#include "support/db_digest.h"
#include "unit/store/store_fixtures.h"

namespace pelo::store {
namespace {

using testing::BundleFromEnvelope;
using testing::ExecSql;
using testing::QueryInt;
using testing::QueryText;
using testing::TempDir;

class RebuildTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenSqliteStore(db_path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    for (const char* file : {"SyncMyWorkout01.json", "p2g_workouts/walking_outdoor_01.json",
                             "p2g_workouts/rower_workout.json"}) {
      bundles_.push_back(BundleFromEnvelope(file));
    }
    user_.id = "u1";
    user_.username = "rider";
    instructor_.id = "i1";
    instructor_.name = "Someone";
    instructor_.fitness_disciplines = {"cycling"};
  }

  // What a sync stores: the user, the instructor list, then each workout.
  void SaveAll() {
    ASSERT_TRUE(store_->SaveUser(user_, {"/api/me", R"({"id":"u1"})"}).ok());
    ASSERT_TRUE(store_->SaveInstructors({instructor_}, {"/api/instructor", "{}"}).ok());
    for (const WorkoutBundle& bundle : bundles_) ASSERT_TRUE(store_->SaveWorkout(bundle).ok());
  }

  // The same rows through the rebuild writer.
  Status WriteAll(RebuildWriter& writer) {
    PELO_RETURN_IF_ERROR(writer.WriteUser(user_));
    PELO_RETURN_IF_ERROR(writer.WriteInstructors({instructor_}));
    for (const WorkoutBundle& bundle : bundles_) {
      PELO_RETURN_IF_ERROR(writer.WriteWorkout(PrepareWorkout(bundle)));
    }
    return OkStatus();
  }

  // Every archived row exactly (fetched_at and compressed bytes included).
  std::string Archive() {
    return QueryText(db_path_,
                     "SELECT group_concat(path || fetched_at || hex(body_zstd) || raw_size || "
                     "ifnull(workout_id, '-'), ',') FROM (SELECT * FROM raw_responses ORDER BY "
                     "path)");
  }

  std::map<std::string, pelo::testing::TableDigest> Digest() {
    return pelo::testing::DigestTables(db_path_, {.include_bookkeeping = true});
  }

  TempDir dir_;
  std::string db_path_ = (dir_.path() / "pelo.db").string();
  std::unique_ptr<Store> store_;
  std::vector<WorkoutBundle> bundles_;
  model::User user_;
  model::Instructor instructor_;
};

TEST_F(RebuildTest, WritesTheSameRowsAsSavingAndKeepsArchiveAndBookkeeping) {
  SaveAll();
  ASSERT_TRUE(store_->MarkPending("in-progress", "IN_PROGRESS").ok());
  ASSERT_TRUE(store_->SetState("backfill_complete:u1", "1").ok());
  ASSERT_TRUE(store_->Reconcile({bundles_[0].workout.id, bundles_[1].workout.id}).ok());
  const auto before = Digest();
  const std::string archive = Archive();
  ASSERT_FALSE(archive.empty());

  ASSERT_TRUE(store_->Rebuild([&](RebuildWriter& writer) { return WriteAll(writer); }).ok());
  EXPECT_EQ(Digest(), before);
  EXPECT_EQ(Archive(), archive);
  EXPECT_EQ(*store_->PendingWorkoutIds(), std::vector<std::string>{"in-progress"});
  EXPECT_EQ(store_->DeletedWorkoutIds()->size(), 1u);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM samples"), 1800 + 1797 + 600);
}

TEST_F(RebuildTest, DeletesWhatFillDoesNotWriteAgain) {
  SaveAll();
  ASSERT_TRUE(store_
                  ->Rebuild([&](RebuildWriter& writer) {
                    return writer.WriteWorkout(PrepareWorkout(bundles_[2]));  // the rower only
                  })
                  .ok());
  EXPECT_EQ(*store_->CountWorkouts(), 1);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM samples"), 600);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM users"), 0);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM gps_points"), 0);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM rides"), 1);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM raw_responses"), 8);
}

TEST_F(RebuildTest, AnErrorFromFillRollsEverythingBack) {
  SaveAll();
  const auto before = Digest();
  Status status = store_->Rebuild([&](RebuildWriter& writer) -> Status {
    PELO_RETURN_IF_ERROR(writer.WriteWorkout(PrepareWorkout(bundles_[0])));
    return Status(ErrorCode::kCancelled, "interrupted");
  });
  EXPECT_EQ(status.code(), ErrorCode::kCancelled);
  EXPECT_EQ(Digest(), before);
  EXPECT_EQ(*store_->CountWorkouts(), 3);
}

TEST_F(RebuildTest, ADatabaseErrorRollsEverythingBackAndTheStoreStaysUsable) {
  SaveAll();
  const auto before = Digest();
  ExecSql(db_path_,
          "CREATE TRIGGER fail_gps BEFORE INSERT ON gps_points "
          "BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
  Status status = store_->Rebuild([&](RebuildWriter& writer) { return WriteAll(writer); });
  EXPECT_EQ(status.code(), ErrorCode::kStorage);
  EXPECT_NE(status.message().find("injected fault"), std::string::npos) << status.message();
  EXPECT_EQ(Digest(), before);
  ExecSql(db_path_, "DROP TRIGGER fail_gps");
  // Foreign keys are back on: a workout replaced through SaveWorkout still cascades.
  ASSERT_TRUE(store_->SaveWorkout(bundles_[1]).ok());
  EXPECT_EQ(Digest(), before);
}

TEST_F(RebuildTest, AWorkoutWrittenTwiceFailsAndKeepsThePreviousRows) {
  SaveAll();
  const auto before = Digest();
  Status status = store_->Rebuild([&](RebuildWriter& writer) -> Status {
    PELO_RETURN_IF_ERROR(writer.WriteWorkout(PrepareWorkout(bundles_[0])));
    return writer.WriteWorkout(PrepareWorkout(bundles_[0]));
  });
  EXPECT_EQ(status.code(), ErrorCode::kStorage);
  EXPECT_EQ(Digest(), before);
}

}  // namespace
}  // namespace pelo::store
