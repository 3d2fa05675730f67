#include "pelo/common/directories.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace pelo {
namespace {

namespace fs = std::filesystem;

class EnsureDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("pelo_directories_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    old_umask_ = ::umask(0);  // the modes asked for, unreduced
  }
  void TearDown() override {
    ::umask(old_umask_);
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }

  static unsigned ModeOf(const fs::path& path) {
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
  }

  fs::path dir_;
  mode_t old_umask_ = 0;
};

TEST_F(EnsureDirTest, CreatesTheDirectoryAndItsMissingParentsWithTheMode) {
  const fs::path config = dir_ / "home" / ".config" / "pelo";
  ASSERT_TRUE(EnsureDir(config.string(), 0700).ok());
  EXPECT_TRUE(fs::is_directory(config));
  EXPECT_EQ(ModeOf(config), 0700u);
  EXPECT_EQ(ModeOf(dir_ / "home" / ".config"), 0700u);
  EXPECT_EQ(ModeOf(dir_ / "home"), 0700u);

  const fs::path data = dir_ / "data" / "pelo";
  ASSERT_TRUE(EnsureDir(data.string(), 0755).ok());
  EXPECT_EQ(ModeOf(data), 0755u);
  EXPECT_EQ(ModeOf(dir_ / "data"), 0755u);
}

TEST_F(EnsureDirTest, TheUmaskStillApplies) {
  ::umask(022);
  ASSERT_TRUE(EnsureDir((dir_ / "db").string(), 0777).ok());
  EXPECT_EQ(ModeOf(dir_ / "db"), 0755u);
}

TEST_F(EnsureDirTest, AnExistingDirectoryIsKeptAsItIs) {
  fs::create_directory(dir_ / "mine");
  fs::permissions(dir_ / "mine", fs::perms(0750));
  std::ofstream(dir_ / "mine" / "kept") << "x";
  ASSERT_TRUE(EnsureDir((dir_ / "mine").string(), 0700).ok());
  EXPECT_EQ(ModeOf(dir_ / "mine"), 0750u);  // the user's choice, not changed behind their back
  EXPECT_TRUE(fs::exists(dir_ / "mine" / "kept"));
  ASSERT_TRUE(EnsureDir((dir_ / "mine").string(), 0700).ok());  // and again
}

TEST_F(EnsureDirTest, TrailingSlashesAndALinkToADirectoryAreFine) {
  ASSERT_TRUE(EnsureDir((dir_ / "a" / "b").string() + "//", 0700).ok());
  EXPECT_TRUE(fs::is_directory(dir_ / "a" / "b"));
  fs::create_directory_symlink(dir_ / "a", dir_ / "link");
  ASSERT_TRUE(EnsureDir((dir_ / "link" / "b").string(), 0700).ok());
  ASSERT_TRUE(EnsureDir((dir_ / "link" / "c").string(), 0700).ok());
  EXPECT_TRUE(fs::is_directory(dir_ / "a" / "c"));
  EXPECT_TRUE(EnsureDir("", 0700).ok()) << "the current directory";
}

TEST_F(EnsureDirTest, AFileInTheWayIsAStorageErrorNamingIt) {
  const fs::path file = dir_ / "config";
  std::ofstream(file) << "not a directory";
  for (const fs::path& wanted : {file, file / "pelo", file / "pelo" / "deeper"}) {
    Status status = EnsureDir(wanted.string(), 0700);
    ASSERT_FALSE(status.ok()) << wanted;
    EXPECT_EQ(status.code(), ErrorCode::kStorage);
    EXPECT_EQ(status.message(), file.string() + ": not a directory");
  }
  std::ifstream in(file);
  std::string content;
  std::getline(in, content);
  EXPECT_EQ(content, "not a directory");
}

// In a child process, as `nobody` when the tests run as root (root writes anywhere).
TEST_F(EnsureDirTest, AParentItCannotWriteIsAStorageErrorNamingTheDirectory) {
  fs::create_directory(dir_ / "locked");
  fs::permissions(dir_ / "locked", fs::perms(0500));
  const std::string wanted = (dir_ / "locked" / "pelo").string();
  EXPECT_EXIT(
      {
        if (::geteuid() == 0 && ::setuid(65534) != 0) ::_exit(2);
        const Status status = EnsureDir(wanted, 0700);
        std::fprintf(stderr, "%s\n", status.message().c_str());
        ::_exit(status.code() == ErrorCode::kStorage ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "^cannot create directory .*/locked/pelo: Permission denied");
  EXPECT_FALSE(fs::exists(wanted));
}

// A failure root meets too: a name longer than the file system allows.
TEST_F(EnsureDirTest, ANameTooLongIsAStorageErrorNamingTheDirectory) {
  const fs::path wanted = dir_ / std::string(300, 'n');
  Status status = EnsureDir(wanted.string(), 0700);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), ErrorCode::kStorage);
  EXPECT_EQ(status.message(),
            "cannot create directory " + wanted.string() + ": " + std::strerror(ENAMETOOLONG));
}

}  // namespace
}  // namespace pelo
