#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "pelo/common/atomic_file.h"

namespace pelo {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("pelo_atomic_file_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string Read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
  size_t EntryCount() const {
    return static_cast<size_t>(
        std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }

  // The permission bits of `path`.
  static unsigned ModeOf(const fs::path& path) {
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
  }
  // The one temporary file in the directory (while a write is under way).
  fs::path TheTemporary(const std::string& target) const {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      if (entry.path().filename() != target) found.push_back(entry.path());
    }
    EXPECT_EQ(found.size(), 1u);
    return found.empty() ? fs::path() : found.front();
  }

  fs::path dir_;
};

// Sets the umask for a scope.
class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : old_(::umask(mask)) {}
  ~ScopedUmask() { ::umask(old_); }
  ScopedUmask(const ScopedUmask&) = delete;
  ScopedUmask& operator=(const ScopedUmask&) = delete;

 private:
  mode_t old_;
};

// A file-size limit (RLIMIT_FSIZE) for a scope: writes past `bytes` fail with EFBIG, as on a full
// disk. SIGXFSZ is ignored meanwhile, so the write fails instead of killing the test.
class ScopedFileSizeLimit {
 public:
  explicit ScopedFileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &old_);
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = old_;
    limit.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~ScopedFileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &old_);
    std::signal(SIGXFSZ, old_handler_);
  }
  ScopedFileSizeLimit(const ScopedFileSizeLimit&) = delete;
  ScopedFileSizeLimit& operator=(const ScopedFileSizeLimit&) = delete;

 private:
  rlimit old_{};
  void (*old_handler_)(int) = nullptr;
};

TEST_F(AtomicFileTest, WritesAndReplaces) {
  std::string path = (dir_ / "stats.csv").string();
  auto write = [](std::string text) {
    return [text](std::ostream& out) {
      out << text;
      return OkStatus();
    };
  };
  ASSERT_TRUE(WriteFileAtomically(path, write("a,b\n1,2\n")).ok());
  EXPECT_EQ(Read(path), "a,b\n1,2\n");
  ASSERT_TRUE(WriteFileAtomically(path, write("new\n")).ok());
  EXPECT_EQ(Read(path), "new\n");
  EXPECT_EQ(EntryCount(), 1u);  // no temporary left behind
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::others_read, fs::perms::others_read);
}

TEST_F(AtomicFileTest, WriterFailureLeavesNoFileAndKeepsTheOldOne) {
  std::string path = (dir_ / "stats.csv").string();
  Status failed = WriteFileAtomically(path, [](std::ostream& out) {
    out << "half a row,";
    return Status(ErrorCode::kStorage, "database went away");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.code(), ErrorCode::kStorage);
  EXPECT_NE(failed.message().find(path), std::string::npos);
  EXPECT_EQ(EntryCount(), 0u);

  ASSERT_TRUE(WriteFileAtomically(path, [](std::ostream& out) {
                out << "old\n";
                return OkStatus();
              }).ok());
  Status again = WriteFileAtomically(
      path, [](std::ostream&) { return Status(ErrorCode::kCancelled, "interrupted"); });
  EXPECT_EQ(again.code(), ErrorCode::kCancelled);
  EXPECT_EQ(Read(path), "old\n");
  EXPECT_EQ(EntryCount(), 1u);
}

TEST_F(AtomicFileTest, MissingDirectoryIsAStorageErrorNamingThePath) {
  std::string path = (dir_ / "no" / "such" / "stats.csv").string();
  Status status = WriteFileAtomically(path, [](std::ostream& out) {
    out << "x";
    return OkStatus();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), ErrorCode::kStorage);
  EXPECT_NE(status.message().find(path), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "no"));
}

TEST_F(AtomicFileTest, WritesDataWithExactlyTheModeGivenWhateverTheUmask) {
  const std::string path = (dir_ / "credentials.json").string();
  for (mode_t mask : {mode_t{0}, mode_t{022}, mode_t{077}}) {
    const ScopedUmask umask(mask);
    for (mode_t mode : {mode_t{0600}, mode_t{0644}}) {
      ASSERT_TRUE(WriteFileAtomically(path, "{\"token\": 1}\n", mode).ok());
      EXPECT_EQ(Read(path), "{\"token\": 1}\n");
      EXPECT_EQ(ModeOf(path), mode) << std::oct << "umask " << mask;
      EXPECT_EQ(EntryCount(), 1u);  // no temporary left behind
    }
  }
}

TEST_F(AtomicFileTest, ReplacingAWiderFileLeavesTheNarrowerMode) {
  const std::string path = (dir_ / "credentials.json").string();
  ASSERT_TRUE(WriteFileAtomically(path, "old", 0644).ok());
  ASSERT_TRUE(WriteFileAtomically(path, std::string(100000, 's'), 0600).ok());
  EXPECT_EQ(Read(path), std::string(100000, 's'));
  EXPECT_EQ(ModeOf(path), 0600u);
  ASSERT_TRUE(WriteFileAtomically(path, "", 0600).ok());
  EXPECT_EQ(Read(path), "");
  EXPECT_EQ(EntryCount(), 1u);
}

// The mode is set on the descriptor before the first byte is written: while the data is being
// written the temporary file already has it, and never a wider one.
TEST_F(AtomicFileTest, TheTemporaryHasTheModeBeforeAnyDataIsWritten) {
  const ScopedUmask permissive(0);
  for (mode_t mode : {mode_t{0600}, mode_t{0640}, mode_t{0644}}) {
    const std::string path = (dir_ / "settings.conf").string();
    Status status = WriteFileAtomically(
        path,
        [&](std::ostream& out) {
          EXPECT_EQ(ModeOf(TheTemporary("settings.conf")), mode) << std::oct << "before any byte";
          out << "secret" << std::flush;
          EXPECT_EQ(ModeOf(TheTemporary("settings.conf")), mode) << std::oct << "after a byte";
          return OkStatus();
        },
        mode);
    ASSERT_TRUE(status.ok()) << status.ToString();
    EXPECT_EQ(ModeOf(path), mode);
    EXPECT_EQ(Read(path), "secret");
  }
}

TEST_F(AtomicFileTest, DataIntoAMissingDirectoryIsAStorageErrorAndCreatesNothing) {
  const std::string path = (dir_ / "no" / "such" / "credentials.json").string();
  Status status = WriteFileAtomically(path, "x", 0600);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), ErrorCode::kStorage);
  EXPECT_NE(status.message().find(path), std::string::npos) << status.message();
  EXPECT_EQ(EntryCount(), 0u);
}

TEST_F(AtomicFileTest, ATargetThatIsADirectoryIsAStorageErrorAndLeftAlone) {
  fs::create_directories(dir_ / "taken" / "inside");
  const std::string path = (dir_ / "taken").string();
  for (const std::string& target : {path, path + "/"}) {
    Status status = WriteFileAtomically(target, "x", 0644);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.code(), ErrorCode::kStorage);
    EXPECT_NE(status.message().find(target), std::string::npos) << status.message();
    EXPECT_NE(status.message().find("directory"), std::string::npos) << status.message();
  }
  EXPECT_TRUE(fs::is_directory(dir_ / "taken" / "inside"));
  EXPECT_EQ(EntryCount(), 1u);
}

// The disk fills up mid-write: a storage error naming the file and the cause, the old file
// whole, no temporary left; with room again the write succeeds.
TEST_F(AtomicFileTest, AFullDiskKeepsTheOldFileAndLeavesNoTemporary) {
  const std::string path = (dir_ / "export.csv").string();
  ASSERT_TRUE(WriteFileAtomically(path, "old\n", 0644).ok());
  const std::string big(256 * 1024, 'x');
  {
    const ScopedFileSizeLimit full(16 * 1024);
    Status data = WriteFileAtomically(path, big, 0600);
    ASSERT_FALSE(data.ok());
    EXPECT_EQ(data.code(), ErrorCode::kStorage);
    EXPECT_NE(data.message().find(path), std::string::npos) << data.message();
    EXPECT_NE(data.message().find(std::strerror(EFBIG)), std::string::npos) << data.message();

    Status streamed = WriteFileAtomically(path, [&](std::ostream& out) {
      for (int i = 0; i < 4; ++i) out << big;
      return OkStatus();
    });
    ASSERT_FALSE(streamed.ok());
    EXPECT_EQ(streamed.code(), ErrorCode::kStorage);
    EXPECT_NE(streamed.message().find(path), std::string::npos) << streamed.message();
    EXPECT_NE(streamed.message().find(std::strerror(EFBIG)), std::string::npos)
        << streamed.message();
  }
  EXPECT_EQ(Read(path), "old\n");
  EXPECT_EQ(ModeOf(path), 0644u);
  EXPECT_EQ(EntryCount(), 1u);
  ASSERT_TRUE(WriteFileAtomically(path, big, 0600).ok());
  EXPECT_EQ(Read(path), big);
}

// Many megabytes stream through the descriptor in order.
TEST_F(AtomicFileTest, ALargeStreamArrivesWhole) {
  const std::string path = (dir_ / "samples.csv").string();
  std::string expected;
  for (int i = 0; i < 200000; ++i) expected += std::to_string(i) + ",row\n";
  ASSERT_TRUE(WriteFileAtomically(path, [&](std::ostream& out) {
                for (int i = 0; i < 200000; ++i) out << i << ",row\n";
                return OkStatus();
              }).ok());
  EXPECT_EQ(Read(path), expected);
  EXPECT_EQ(ModeOf(path), 0644u);
}

TEST_F(AtomicFileTest, BatchShowsNothingUntilCommittedThenEveryFileWhole) {
  const fs::path a = dir_ / "a.fit";
  const fs::path b = dir_ / "b.fit";
  std::ofstream(b) << "old";
  AtomicFileBatch batch;
  ASSERT_TRUE(batch.Add(a.string(), "first file", 0644).ok());
  ASSERT_TRUE(batch.Add(b.string(), "second", 0600).ok());
  EXPECT_EQ(batch.pending_files(), 2u);
  EXPECT_EQ(batch.pending_bytes(), 16u);
  EXPECT_FALSE(fs::exists(a));
  EXPECT_EQ(Read(b), "old");
  ASSERT_TRUE(batch.Commit().ok());
  EXPECT_EQ(Read(a), "first file");
  EXPECT_EQ(Read(b), "second");
  EXPECT_EQ(ModeOf(b), 0600u);
  EXPECT_EQ(batch.pending_files(), 0u);
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) ++entries;
  EXPECT_EQ(entries, 2u) << "no temporary left";
}

TEST_F(AtomicFileTest, BatchDroppedUncommittedLeavesNoTemporaries) {
  {
    AtomicFileBatch batch;
    ASSERT_TRUE(batch.Add((dir_ / "x.tcx").string(), "x", 0644).ok());
    const Status missing = batch.Add((dir_ / "no/such/dir/y.tcx").string(), "y", 0644);
    EXPECT_EQ(missing.code(), ErrorCode::kStorage);
    EXPECT_NE(missing.message().find("y.tcx"), std::string::npos) << missing.message();
  }
  EXPECT_TRUE(fs::is_empty(dir_));
}

}  // namespace
}  // namespace pelo
