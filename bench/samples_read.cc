// The read side of bench/export_files_bench.sh: the time to read the samples `pelo export fit`
// writes, from the same database, as a whole process. Two ways:
//   --stream: every sample row in one pass (Store::ForEachSample), the fastest read there is;
//   --per-workout: each workout in full (Store::LoadWorkoutDetail), as the export reads them.
//
//   pelo_samples_read --db PATH (--stream | --per-workout)
//
// Prints {"workouts": N, "samples": M} so the script can check both read the same rows.
#include <cstdio>
#include <cstring>
#include <string>

#include "pelo/store/store.h"

int main(int argc, char** argv) {
  std::string db;
  bool stream = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
      db = argv[++i];
    } else if (std::strcmp(argv[i], "--stream") == 0) {
      stream = true;
    } else if (std::strcmp(argv[i], "--per-workout") != 0) {
      std::fprintf(stderr, "usage: pelo_samples_read --db PATH (--stream | --per-workout)\n");
      return 2;
    }
  }
  auto store = pelo::store::OpenSqliteStoreReadOnly(db);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  auto rows = (*store)->WorkoutRows();
  if (!rows.ok()) return 1;
  size_t samples = 0;
  double checksum = 0;  // read every value, so none of the reading can be skipped
  if (stream) {
    auto read = (*store)->ForEachSample([&](const pelo::model::SampleRow& row) {
      ++samples;
      checksum += row.output_w.value_or(0) + static_cast<double>(row.t_s);
      return true;
    });
    if (!read.ok()) return 1;
  } else {
    for (const pelo::model::WorkoutRow& row : *rows) {
      auto detail = (*store)->LoadWorkoutDetail(row.workout_id);
      if (!detail.ok() || !detail->has_value()) return 1;
      samples += (*detail)->samples.size();
      for (const auto& s : (*detail)->samples) checksum += s.output_w.value_or(0);
    }
  }
  std::printf("{\"workouts\": %zu, \"samples\": %zu, \"checksum\": %.0f}\n", rows->size(), samples,
              checksum);
  return 0;
}
