// Tests for thread_check_test.cc to run in a child process: built twice, with the test main of an
// unlabelled binary (pelo_thread_check_probe) and of one labelled `threads`
// (pelo_thread_check_probe_threads). Never registered with ctest themselves.
#include <gtest/gtest.h>
#include <pthread.h>

#include <thread>

namespace {

TEST(ThreadCheckProbe, StartsNoThread) { EXPECT_EQ(std::string("a") + "b", "ab"); }

// Started and joined inside the test: gone before the test ends, still counted.
TEST(ThreadCheckProbe, StartsAStdThreadAndJoinsIt) {
  int value = 0;
  std::thread worker([&value] { value = 1; });
  worker.join();
  EXPECT_EQ(value, 1);
}

TEST(ThreadCheckProbe, StartsAThreadThroughPthreadCreate) {
  pthread_t thread;
  ASSERT_EQ(pthread_create(
                &thread, nullptr, [](void*) -> void* { return nullptr; }, nullptr),
            0);
  EXPECT_EQ(pthread_join(thread, nullptr), 0);
}

class ThreadCheckProbeSuite : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::thread([] {}).join();
  }
};

TEST_F(ThreadCheckProbeSuite, StartsNoThreadItselfButItsSuiteSetUpDoes) { SUCCEED(); }

}  // namespace
