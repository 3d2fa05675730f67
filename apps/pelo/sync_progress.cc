#include "sync_progress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "terminal_text.h"

namespace pelo::cli {
namespace {

std::string Fixed1(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", value);
  return buffer;
}

std::string Duration(double seconds) {
  const auto s = static_cast<int64_t>(std::ceil(seconds));
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
}

}  // namespace

std::string SyncProgressPrinter::Line(const sync::Progress& p, int bar_width) {
  const int64_t done = p.stored + p.failed;
  std::string line;
  if (bar_width > 0) {
    const double fraction =
        p.to_fetch > 0 ? std::clamp(static_cast<double>(done) / p.to_fetch, 0.0, 1.0) : 0.0;
    const int filled = p.listing_done ? static_cast<int>(fraction * bar_width) : 0;
    line += "[" + std::string(static_cast<size_t>(filled), '#') +
            std::string(static_cast<size_t>(bar_width - filled), p.listing_done ? '-' : '.') + "] ";
  }
  line += std::to_string(done) + "/" + std::to_string(p.to_fetch) + (p.listing_done ? "" : "+") +
          " workouts";
  if (!p.listing_done) line += " (listing: " + std::to_string(p.listed) + " seen)";
  const double rate = p.seconds > 0 ? static_cast<double>(done) / p.seconds : 0;
  if (done > 0) line += "  " + Fixed1(rate) + "/s";
  if (p.listing_done && rate > 0 && done < p.to_fetch) {
    line += "  ETA " + Duration(static_cast<double>(p.to_fetch - done) / rate);
  }
  if (p.failed > 0) line += "  " + std::to_string(p.failed) + " failed";
  if (p.requests > 0) line += "  " + std::to_string(p.requests) + " requests";
  return line;
}

void SyncProgressPrinter::Update(const sync::Progress& progress) {
  const auto now = std::chrono::steady_clock::now();
  const auto every = tty_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(5000);
  if (drawn_ && now - last_ < every) return;
  last_ = now;
  drawn_ = true;
  if (tty_) {
    out_ << "\r\x1b[2K" << TerminalText(Line(progress, 30))
         << std::flush;  // \x1b[2K: clear the line
  } else {
    out_ << "sync: " << TerminalText(Line(progress, 0)) << "\n" << std::flush;
  }
}

void SyncProgressPrinter::Finish() {
  if (tty_ && drawn_) out_ << "\r\x1b[2K" << std::flush;
  drawn_ = false;
}

}  // namespace pelo::cli
