// A compiled tz database file (TZif, RFC 8536): its transitions and the rule after them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/posix_tz.h"

namespace pelo::tz {

struct TzifZone {
  std::vector<int64_t> transitions;       // UTC instants, ascending
  std::vector<uint8_t> transition_types;  // index into type_offsets, one per transition
  std::vector<int32_t> type_offsets;      // UTC offset of each local time type; never empty
  std::optional<PosixTz> footer;          // rule after the last transition; nullopt = none
                                          // or not understood (the last offset holds)

  // The UTC offset at `epoch_s`: type 0 before the first transition, the footer rule after
  // the last one.
  int32_t OffsetAt(int64_t epoch_s) const;
};

// `bytes` parsed (the 64-bit data of version 2+ files, the 32-bit data of version 1 files);
// nullopt when they are not a well-formed TZif file.
std::optional<TzifZone> ParseTzif(std::string_view bytes);

}  // namespace pelo::tz
