// One workout's archived responses collected as they stream (in Store::ForEachArchived order),
// then parsed into the bundle sync stored: the detail if archived, else the list entry, and
// the graph with the smallest every_n. Shared by rebuild and the metrics refresh.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pelo/store/store.h"
#include "pelo/sync/archive_key.h"

namespace pelo::sync {

class ArchivedWorkout {
 public:
  // Starts collecting `workout_id`'s responses, forgetting any collected before.
  void Reset(std::string workout_id);
  const std::string& workout_id() const { return workout_id_; }

  // One of the workout's responses (`key` from ClassifyArchivePath: a workout kind).
  void Add(const ArchiveKey& key, std::string_view body);

  // The bundle (without raw responses and rows) from what was collected; nullopt when the
  // graph, or both the detail and the list entry, are missing or do not parse, or the workout
  // has no id: sync never stored such a workout. Adds the JSON bytes parsed to `json_bytes`.
  std::optional<store::WorkoutBundle> Parse(int64_t& json_bytes) const;

 private:
  std::string workout_id_;
  std::string detail_, list_entry_, graph_;
  bool has_detail_ = false, has_list_entry_ = false;
  int every_n_ = 0;  // of `graph_`; 0 when none
};

}  // namespace pelo::sync
