// How `pelo sync` shows progress: a redrawn bar on a terminal, a plain line every few seconds
// otherwise (logs, CI), nothing with --quiet.
#pragma once

#include <chrono>
#include <ostream>
#include <string>

#include "pelo/sync/sync.h"

namespace pelo::cli {

class SyncProgressPrinter {
 public:
  SyncProgressPrinter(std::ostream& out, bool tty) : out_(out), tty_(tty) {}

  void Update(const sync::Progress& progress);
  // Ends the bar's line (a terminal) so what follows starts on a fresh line.
  void Finish();

  // "[#######-----]  412/1000  38.2/s  ETA 15 s  1204 requests" (for tests: `width` columns).
  static std::string Line(const sync::Progress& progress, int bar_width);

 private:
  std::ostream& out_;
  const bool tty_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace pelo::cli
