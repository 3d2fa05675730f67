#include "pelo/common/cancel.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <mutex>
#include <thread>

namespace pelo {
namespace {

std::atomic<bool> g_cancel{false};
// The wake-up pipe of WaitForCancel: -1 until a first wait made it. RequestCancel writes a byte
// to it; the read end stays readable until ResetCancel drains it.
std::atomic<int> g_wake_read{-1};
std::atomic<int> g_wake_write{-1};
std::once_flag g_wake_once;
static_assert(std::atomic<bool>::is_always_lock_free, "needed for signal safety");
static_assert(std::atomic<int>::is_always_lock_free, "needed for signal safety");

void MakeWakePipe() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return;  // WaitForCancel then sleeps in slices
  g_wake_read.store(fds[0]);
  g_wake_write.store(fds[1]);
}

void DrainWakePipe() {
  const int fd = g_wake_read.load();
  if (fd < 0) return;
  char buffer[64];
  while (read(fd, buffer, sizeof buffer) > 0) {
  }
}

}  // namespace

// The flag is stored before the pipe's descriptor is read, and a waiter publishes the
// descriptor before it reads the flag (both sequentially consistent): either the waiter sees
// the flag, or the handler sees the pipe and wakes it.
void RequestCancel() {
  g_cancel.store(true);
  const int fd = g_wake_write.load();
  if (fd < 0) return;
  const int saved_errno = errno;  // a signal handler must leave errno as it found it
  if (write(fd, "x", 1) < 0) {
    // Full (a byte is already waiting) or closed: the waiter wakes either way.
  }
  errno = saved_errno;
}

bool CancelRequested() { return g_cancel.load(std::memory_order_relaxed); }

void ResetCancel() {
  g_cancel.store(false);
  DrainWakePipe();
}

bool WaitForCancel(std::chrono::milliseconds timeout) {
  std::call_once(g_wake_once, MakeWakePipe);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!g_cancel.load()) {
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    const int fd = g_wake_read.load();
    if (fd < 0) {  // no pipe: sleep in short slices
      std::this_thread::sleep_for(std::min(left, std::chrono::milliseconds(50)));
      continue;
    }
    pollfd wake{fd, POLLIN, 0};
    // EINTR (a signal, perhaps the one that cancels) and spurious wake-ups loop back to the
    // flag and the clock.
    const int ready = poll(&wake, 1, static_cast<int>(std::min<int64_t>(left.count(), INT_MAX)));
    // A byte without the flag: a ResetCancel that ran between a RequestCancel's store and its
    // write. Drained, or every later wait would spin.
    if (ready > 0 && !g_cancel.load()) DrainWakePipe();
  }
  return true;
}

}  // namespace pelo
