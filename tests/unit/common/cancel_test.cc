// WaitForCancel: a wait that a cancel ends at once, from another thread or a signal handler
// running on one (as SIGTERM reaches a process whose main thread sleeps).
#include "pelo/common/cancel.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <thread>

namespace pelo {
namespace {

using std::chrono::milliseconds;

// Long enough that a wake-up that did not happen shows: each test asserts that its wait ended
// well before this.
constexpr milliseconds kLongWait(60000);

extern "C" void CancelWaitTestSignalHandler(int) { RequestCancel(); }

class CancelWaitTest : public ::testing::Test {
 protected:
  void SetUp() override { ResetCancel(); }
  void TearDown() override { ResetCancel(); }

  // How long WaitForCancel(kLongWait) took, and what it returned.
  static std::pair<milliseconds, bool> TimedLongWait() {
    const auto start = std::chrono::steady_clock::now();
    const bool cancelled = WaitForCancel(kLongWait);
    return {std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start),
            cancelled};
  }
};

TEST_F(CancelWaitTest, ATimeoutWithoutACancelIsFalse) {
  EXPECT_FALSE(WaitForCancel(milliseconds(20)));
  EXPECT_FALSE(WaitForCancel(milliseconds(0)));
  EXPECT_FALSE(CancelRequested());
}

TEST_F(CancelWaitTest, ACancelAlreadyRequestedEndsTheWaitAtOnce) {
  RequestCancel();
  const auto [took, cancelled] = TimedLongWait();
  EXPECT_TRUE(cancelled);
  EXPECT_LT(took, kLongWait / 2);
  // Reset clears it for the next wait, the wake-up byte included.
  ResetCancel();
  EXPECT_FALSE(WaitForCancel(milliseconds(20)));
}

TEST_F(CancelWaitTest, ACancelFromAnotherThreadWakesTheWait) {
  std::thread canceller([] {
    std::this_thread::sleep_for(milliseconds(50));
    RequestCancel();
  });
  const auto [took, cancelled] = TimedLongWait();
  canceller.join();
  EXPECT_TRUE(cancelled);
  EXPECT_LT(took, kLongWait / 2);
}

TEST_F(CancelWaitTest, ASignalHandledOnAnotherThreadWakesTheWait) {
  auto* previous = std::signal(SIGUSR1, CancelWaitTestSignalHandler);
  // raise() delivers to the calling thread: the handler runs there, not on the waiting thread,
  // so only the handler's write to the pipe can wake the wait.
  std::thread signaller([] {
    std::this_thread::sleep_for(milliseconds(50));
    std::raise(SIGUSR1);
  });
  const auto [took, cancelled] = TimedLongWait();
  signaller.join();
  std::signal(SIGUSR1, previous);
  EXPECT_TRUE(cancelled);
  EXPECT_LT(took, kLongWait / 2);
}

}  // namespace
}  // namespace pelo
