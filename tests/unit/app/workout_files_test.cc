// The per-workout file loop: grouping, names, atomic writes and its writers, on real files.
#include "pelo/app/workout_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "pelo/app/history.h"
#include "pelo/app/workspace.h"
#include "pelo/common/cancel.h"
#include "pelo/export/csv.h"
#include "pelo/export/file_names.h"
#include "support/sql_exec.h"
#include "unit/app/app_fixture.h"

namespace pelo::app {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// Another format: what it is handed, and a file naming the workout and its sample count.
class RecordingWriter : public WorkoutFileWriter {
 public:
  std::string Extension() const override { return "txt"; }
  Status Write(const model::WorkoutRow& workout, const std::vector<model::SampleRow>& samples,
               std::ostream& out) override {
    for (size_t i = 0; i < samples.size(); ++i) {
      if (samples[i].workout_id != workout.workout_id) ++foreign_samples;
      if (i > 0 && samples[i].t_s <= samples[i - 1].t_s) ++out_of_order;
    }
    calls[workout.workout_id] += 1;
    out << workout.workout_id << " " << samples.size() << "\n";
    return OkStatus();
  }

  std::map<std::string, int> calls;
  int foreign_samples = 0;
  int out_of_order = 0;
};

// Fails on the `fail_at`th workout, as a full disk would.
class FailingWriter : public SamplesCsvWriter {
 public:
  explicit FailingWriter(int fail_at) : fail_at_(fail_at) {}
  Status Write(const model::WorkoutRow& workout, const std::vector<model::SampleRow>& samples,
               std::ostream& out) override {
    if (++calls_ == fail_at_) return Status(ErrorCode::kStorage, "disk full");
    return SamplesCsvWriter::Write(workout, samples, out);
  }

 private:
  int fail_at_;
  int calls_ = 0;
};

std::set<std::string> FilesIn(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename());
  return names;
}

class WorkoutFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Workspace(WorkspaceOptions{}).OpenExistingStore(testing::SyncedDbPath());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    auto rows = ListWorkouts(*store_, DayRange{});
    ASSERT_TRUE(rows.ok());
    rows_ = std::move(*rows);
  }
  void TearDown() override { ResetCancel(); }

  std::unique_ptr<store::Store> store_;
  std::vector<model::WorkoutRow> rows_;
  TempDir dir_;
};

TEST_F(WorkoutFilesTest, EachWorkoutGetsOneCsvOfItsSamplesNamedByDayTitleAndId) {
  const std::string out = dir_.path() + "/new/samples";  // made, parents too
  SamplesCsvWriter csv;
  auto files = WriteWorkoutFiles(*store_, out, csv);
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_EQ(*files, static_cast<int>(rows_.size()));
  const std::set<std::string> names = FilesIn(out);
  EXPECT_EQ(names.size(), rows_.size());
  for (const model::WorkoutRow& row : rows_) {
    EXPECT_TRUE(names.count(exporter::WorkoutFileName(row, "csv"))) << row.workout_id;
  }
  // The newest workout's file: the header, then one row per sample, as `export samples` writes.
  const model::WorkoutRow& newest = rows_.front();
  std::ostringstream expected;
  exporter::WriteSampleCsvHeader(expected);
  ASSERT_TRUE(store_
                  ->ForEachSample([&](const model::SampleRow& s) {
                    if (s.workout_id == newest.workout_id) exporter::WriteSampleCsvRow(s, expected);
                    return true;
                  })
                  .ok());
  std::ifstream in(out + "/" + exporter::WorkoutFileName(newest, "csv"));
  std::stringstream written;
  written << in.rdbuf();
  EXPECT_EQ(written.str(), expected.str());
}

TEST_F(WorkoutFilesTest, AnotherWriterGetsEachWorkoutOnceWithItsOwnSamplesInTimeOrder) {
  RecordingWriter writer;
  auto files = WriteWorkoutFiles(*store_, dir_.path(), writer);
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_EQ(writer.calls.size(), rows_.size());
  for (const auto& [id, n] : writer.calls) EXPECT_EQ(n, 1) << id;
  EXPECT_EQ(writer.foreign_samples, 0);
  EXPECT_EQ(writer.out_of_order, 0);
  for (const std::string& name : FilesIn(dir_.path())) {
    EXPECT_EQ(fs::path(name).extension(), ".txt") << name;
  }
}

TEST_F(WorkoutFilesTest, ExistingFilesAreReplacedNotNumbered) {
  RecordingWriter writer;
  ASSERT_TRUE(WriteWorkoutFiles(*store_, dir_.path(), writer).ok());
  const std::set<std::string> first = FilesIn(dir_.path());
  ASSERT_TRUE(WriteWorkoutFiles(*store_, dir_.path(), writer).ok());
  EXPECT_EQ(FilesIn(dir_.path()), first);
}

TEST_F(WorkoutFilesTest, NamesThatClashGetANumberInTheOrderTheWorkoutsCome) {
  // A copy of the database where the second newest workout takes the newest one's ride (title),
  // start time and id prefix: both would be called the same.
  const std::string db = dir_.path() + "/clash.db";
  fs::copy_file(testing::SyncedDbPath(), db);
  const model::WorkoutRow& newest = rows_[0];
  const model::WorkoutRow& second = rows_[1];
  const std::string twin_id = newest.workout_id.substr(0, 8) + std::string(24, 'f');
  pelo::testing::ExecSql(db, "UPDATE workouts SET id = '" + twin_id +
                                 "', start_time = " + std::to_string(*newest.start_time - 1) +
                                 ", ride_id = (SELECT ride_id FROM workouts WHERE id = '" +
                                 newest.workout_id + "'), title = NULL, name = NULL WHERE id = '" +
                                 second.workout_id + "'");
  auto store = Workspace(WorkspaceOptions{}).OpenExistingStore(db);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const std::string out = dir_.path() + "/out";
  RecordingWriter writer;
  auto files = WriteWorkoutFiles(**store, out, writer);
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_EQ(*files, static_cast<int>(rows_.size()));
  const std::string name = exporter::WorkoutFileName(newest, "txt");
  const std::string numbered = name.substr(0, name.size() - 4) + "-2.txt";
  const std::set<std::string> names = FilesIn(out);
  ASSERT_TRUE(names.count(name)) << name;
  ASSERT_TRUE(names.count(numbered)) << numbered;
  std::ifstream first(out + "/" + name), then(out + "/" + numbered);
  std::string first_id, then_id;
  first >> first_id;
  then >> then_id;
  EXPECT_EQ(first_id, newest.workout_id);  // newest first
  EXPECT_EQ(then_id, twin_id);
}

TEST_F(WorkoutFilesTest, AFailedFileStopsTheLoopAndLeavesNoPartialFile) {
  FailingWriter writer(3);
  auto files = WriteWorkoutFiles(*store_, dir_.path(), writer);
  EXPECT_EQ(files.status().code(), ErrorCode::kStorage);
  EXPECT_NE(files.status().message().find("disk full"), std::string::npos);
  EXPECT_EQ(FilesIn(dir_.path()).size(), 2u);  // the two before, whole; no temporary file
}

TEST_F(WorkoutFilesTest, CancellationStopsBetweenFiles) {
  RequestCancel();
  RecordingWriter writer;
  auto files = WriteWorkoutFiles(*store_, dir_.path(), writer);
  EXPECT_EQ(files.status().code(), ErrorCode::kCancelled);
  EXPECT_TRUE(FilesIn(dir_.path()).empty());
}

TEST_F(WorkoutFilesTest, AFileInTheWayOfTheDirectoryIsAStorageError) {
  const std::string file = dir_.path() + "/taken";
  std::ofstream(file) << "x";
  const Status made = MakeOutputDirectory(file);
  EXPECT_EQ(made.code(), ErrorCode::kStorage);
  EXPECT_EQ(made.message().rfind(file + ": cannot create the directory: ", 0), 0u)
      << made.message();
  RecordingWriter writer;
  EXPECT_EQ(WriteWorkoutFiles(*store_, file, writer).status().code(), ErrorCode::kStorage);
  EXPECT_TRUE(writer.calls.empty());
}

}  // namespace
}  // namespace pelo::app
