// The dashboard's kept answers: a database file's fingerprint changes with every commit, and an
// answer is served again only under the fingerprint it was kept with.
#include "dashboard/answer_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "pelo/store/store.h"

namespace pelo::dashboard {
namespace {

namespace fs = std::filesystem;

class AnswerCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("pelo-answer-cache-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "pelo.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string db_;
};

std::shared_ptr<const Response> Body(const std::string& body) {
  return std::make_shared<const Response>(Response{200, "application/json", body});
}

TEST_F(AnswerCacheTest, EveryCommitChangesTheFingerprint) {
  EXPECT_FALSE(FingerprintOf(db_));  // no database yet
  auto store = store::OpenSqliteStore(db_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::optional<DbFingerprint> before = FingerprintOf(db_);
  ASSERT_TRUE(before);
  for (int i = 0; i < 5; ++i) {
    // Back to back, within one tick of the file clock: the log grows with each commit.
    ASSERT_TRUE((*store)->SetState("k", std::to_string(i)).ok());
    std::optional<DbFingerprint> after = FingerprintOf(db_);
    ASSERT_TRUE(after);
    EXPECT_NE(*after, *before) << "commit " << i;
    before = after;
  }
  EXPECT_EQ(*FingerprintOf(db_), *before);  // no commit, no change
}

TEST(DbFingerprint, SettledOnlyOnceTheNewestFileTimeIsOldEnough) {
  DbFingerprint f;
  f.db_mtime_ns = 1'000;
  f.wal_mtime_ns = 5'000;
  EXPECT_FALSE(f.Settled(5'500, 1'000));
  EXPECT_TRUE(f.Settled(6'000, 1'000));
}

TEST(AnswerCache, ServesAnAnswerOnlyUnderTheBasisItWasKeptWith) {
  AnswerCache cache(1 << 20);
  AnswerBasis one;
  one.db.db_size = 1;
  AnswerBasis two = one;
  two.db.wal_size = 4096;
  EXPECT_EQ(cache.Find("/api/rides", one), nullptr);
  cache.Keep("/api/rides", one, Body("[1]"));
  ASSERT_NE(cache.Find("/api/rides", one), nullptr);
  EXPECT_EQ(cache.Find("/api/rides", one)->body, "[1]");
  EXPECT_EQ(cache.Find("/api/curve", one), nullptr);
  // The database changed: nothing kept before is served, and an answer read before the change
  // is not kept under the new fingerprint.
  EXPECT_EQ(cache.Find("/api/rides", two), nullptr);
  cache.Keep("/api/rides", two, Body("[2]"));
  ASSERT_NE(cache.Find("/api/rides", two), nullptr);
  EXPECT_EQ(cache.Find("/api/rides", two)->body, "[2]");
  cache.Keep("/api/curve", one, Body("[old]"));
  EXPECT_EQ(cache.Find("/api/curve", two), nullptr);
  // The next period of the clock: "today" may have changed.
  AnswerBasis later = two;
  ++later.period;
  EXPECT_EQ(cache.Find("/api/rides", later), nullptr);
}

TEST(AnswerCache, DropsTheOldestAnswersBeyondItsSize) {
  AnswerCache cache(100);
  AnswerBasis f;
  EXPECT_EQ(cache.Find("a", f), nullptr);
  cache.Keep("a", f, Body(std::string(40, 'a')));
  cache.Keep("b", f, Body(std::string(40, 'b')));
  cache.Keep("c", f, Body(std::string(40, 'c')));
  EXPECT_EQ(cache.Find("a", f), nullptr);
  EXPECT_NE(cache.Find("b", f), nullptr);
  EXPECT_NE(cache.Find("c", f), nullptr);
  EXPECT_LE(cache.bytes(), 100u);
  cache.Keep("huge", f, Body(std::string(200, 'h')));  // larger than the whole cache: not kept
  EXPECT_EQ(cache.Find("huge", f), nullptr);
  EXPECT_NE(cache.Find("c", f), nullptr);
}

}  // namespace
}  // namespace pelo::dashboard
