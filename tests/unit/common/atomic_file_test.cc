#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>

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

  fs::path dir_;
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

}  // namespace
}  // namespace pelo
