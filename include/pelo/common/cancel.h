// Process-wide cooperative cancellation (set by the CLI's SIGINT/SIGTERM handler).
#pragma once

namespace pelo {

// Asks every long-running loop to stop at its next safe point. Async-signal-safe.
void RequestCancel();

// True once RequestCancel() was called (and until ResetCancel()).
bool CancelRequested();

// Clears the flag (tests, and the demo between phases).
void ResetCancel();

}  // namespace pelo
