// The main of every pelo test binary (instead of GTest::gtest_main): it fails any test that
// starts a thread in the test process unless the binary carries the ctest label `threads`, the
// label the tsan preset selects (docs/adr/0014-test-command-speed.md). So a test that starts a
// thread cannot slip out of ThreadSanitizer's view by being forgotten in a list.
//
// pelo_add_test compiles the binary against pelo_test_main_threads (label `threads`, the
// definition PELO_TEST_THREADS_LABELLED=1) or pelo_test_main (=0).
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <pthread.h>

#include <atomic>
#include <cstdint>
#include <string>

#ifndef PELO_TEST_THREADS_LABELLED
#error "pelo_add_test defines PELO_TEST_THREADS_LABELLED"
#endif

namespace {

std::atomic<std::uint64_t> threads_started{0};

using PthreadCreate = int (*)(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*);

// The definition that follows pelo's in the lookup order: a sanitizer runtime's interceptor
// (libasan, libtsan come before libc), else libc's own.
PthreadCreate NextPthreadCreate() {
  static const auto next = reinterpret_cast<PthreadCreate>(dlsym(RTLD_NEXT, "pthread_create"));
  return next;
}

// Which test (or suite or program set-up) started how many threads.
class ThreadStartCheck : public testing::EmptyTestEventListener {
 public:
  void OnTestProgramStart(const testing::UnitTest&) override { outside_ = Now(); }
  void OnTestSuiteStart(const testing::TestSuite&) override { CheckOutside("before the suite"); }
  void OnTestStart(const testing::TestInfo&) override {
    CheckOutside("in the suite's set-up");
    at_test_start_ = Now();
  }
  void OnTestEnd(const testing::TestInfo& test) override {
    const std::uint64_t started = Now() - at_test_start_;
    outside_ = Now();
    if (started > 0 && !PELO_TEST_THREADS_LABELLED) {
      ADD_FAILURE() << test.test_suite_name() << "." << test.name() << " started " << started
                    << " thread(s) in the test process, but its binary lacks the ctest label "
                       "`threads`, so the tsan preset would not run it: move the test into a "
                       "binary labelled `threads` (docs/adr/0014-test-command-speed.md)";
    }
  }
  void OnTestSuiteEnd(const testing::TestSuite&) override {
    CheckOutside("in the suite's set-up or tear-down");
  }

 private:
  static std::uint64_t Now() { return threads_started.load(std::memory_order_relaxed); }

  // A thread started outside any test (a suite's SetUpTestSuite, a global environment).
  void CheckOutside(const char* where) {
    const std::uint64_t started = Now() - outside_;
    outside_ = Now();
    if (started > 0 && !PELO_TEST_THREADS_LABELLED) {
      ADD_FAILURE() << started << " thread(s) started " << where
                    << ", but the binary lacks the ctest label `threads`, so the tsan preset "
                       "would not run it (docs/adr/0014-test-command-speed.md)";
    }
  }

  std::uint64_t outside_ = 0;
  std::uint64_t at_test_start_ = 0;
};

}  // namespace

// Interposes on pthread_create for the whole process (std::thread in libstdc++, libcurl,
// cpp-httplib): an executable's definition comes first in the dynamic lookup order.
// Linked with --export-dynamic-symbol (tests/support/CMakeLists.txt), so that shared
// libraries' calls reach it too.
extern "C" int pthread_create(pthread_t* thread, const pthread_attr_t* attr, void* (*start)(void*),
                              void* arg) noexcept {
  threads_started.fetch_add(1, std::memory_order_relaxed);
  return NextPthreadCreate()(thread, attr, start, arg);
}

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  // Appended after the default printer: end events reach listeners in reverse order, so a
  // failure this check adds is part of the test's result when the printer reports it.
  testing::UnitTest::GetInstance()->listeners().Append(new ThreadStartCheck);
  return RUN_ALL_TESTS();
}
