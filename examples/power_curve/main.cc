// The power curve of a pelo database (made by `pelo sync` or `pelo demo`): the best average
// power at a few durations from 1 s to 3 h, and the ride that set each, as `pelo stats curve`
// shows it. Nothing but libpelo's application layer (pelo/app): no network.
//
//   power_curve pelo-demo.db
#include <algorithm>
#include <iomanip>
#include <iostream>

#include "pelo/app/history.h"
#include "pelo/app/workspace.h"

// The durations shown, in seconds; the curve has every duration its rides reach.
constexpr int kDurationsS[] = {1, 5, 30, 60, 300, 1200, 3600, 10800};

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: power_curve DATABASE\n";
    return 2;
  }
  const pelo::app::Workspace workspace(pelo::app::WorkspaceOptions{});
  auto store = workspace.OpenExistingStore(argv[1]);  // read only; never creates one
  if (!store.ok()) {
    std::cerr << "power_curve: " << store.status().ToString() << "\n";
    return 1;
  }
  // Every ride of every day; a DayRange with `since`/`until` narrows it.
  auto curve = pelo::app::RangeCurve(**store, pelo::app::DayRange{});
  if (!curve.ok()) {
    std::cerr << "power_curve: " << curve.status().ToString() << "\n";
    return 1;
  }
  std::cout << "seconds\twatts\tdate\tworkout\n" << std::fixed << std::setprecision(1);
  for (const pelo::app::CurvePoint& point : *curve) {
    if (std::ranges::find(kDurationsS, point.duration_s) == std::end(kDurationsS)) continue;
    std::cout << point.duration_s << "\t" << point.watts << "\t" << point.date << "\t"
              << point.workout_id << "\n";
  }
  return 0;
}
