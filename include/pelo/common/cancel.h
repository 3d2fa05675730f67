// Process-wide cooperative cancellation (set by the CLI's SIGINT/SIGTERM handler).
#pragma once

#include <chrono>

namespace pelo {

// Asks every long-running loop to stop at its next safe point, and wakes WaitForCancel.
// Async-signal-safe.
void RequestCancel();

// True once RequestCancel() was called (and until ResetCancel()).
bool CancelRequested();

// Clears the flag (tests, and the demo between phases).
void ResetCancel();

// Sleeps until RequestCancel() is called (from any thread or a signal handler) or `timeout`
// has passed, whichever comes first; true when cancelled. Wakes at once on a cancel: the
// handler writes to a pipe this waits on (made on the first call), so a wait of an hour is one
// poll(2), not a loop of short sleeps.
bool WaitForCancel(std::chrono::milliseconds timeout);

}  // namespace pelo
