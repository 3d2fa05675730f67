#include "common/tzif.h"

#include <algorithm>

namespace pelo::tz {
namespace {

// Every offset in the tz database is within a day; RFC 8536 allows a little more.
constexpr int32_t kMaxOffset = 26 * 3600;
constexpr uint32_t kMaxTransitions = 1u << 20;

struct Counts {
  uint32_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

// Big-endian reads over the file; callers check Has() before reading.
class Bytes {
 public:
  explicit Bytes(std::string_view data) : data_(data) {}
  bool Has(uint64_t n) const { return data_.size() - pos_ >= n; }
  size_t pos() const { return pos_; }
  std::string_view Rest() const { return data_.substr(pos_); }
  void Skip(uint64_t n) { pos_ += static_cast<size_t>(n); }
  uint8_t U8() { return static_cast<uint8_t>(data_[pos_++]); }
  uint64_t Unsigned(int size) {
    uint64_t v = 0;
    for (int i = 0; i < size; ++i) v = (v << 8) | U8();
    return v;
  }
  int64_t Signed(int size) {
    const uint64_t v = Unsigned(size);
    if (size == 8) return static_cast<int64_t>(v);
    return static_cast<int32_t>(static_cast<uint32_t>(v));
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// The 44-byte header; `version` is 0 for version 1 files, else the version digit.
std::optional<Counts> ReadHeader(Bytes& b, char& version) {
  if (!b.Has(44) || !b.Rest().starts_with("TZif")) return std::nullopt;
  b.Skip(4);
  version = static_cast<char>(b.U8());
  b.Skip(15);
  Counts c;
  for (uint32_t* field : {&c.isut, &c.isstd, &c.leap, &c.time, &c.type, &c.chars}) {
    *field = static_cast<uint32_t>(b.Unsigned(4));
  }
  if (c.type > 256 || c.time > kMaxTransitions || c.leap > kMaxTransitions) {
    return std::nullopt;
  }
  if ((c.isut != 0 && c.isut != c.type) || (c.isstd != 0 && c.isstd != c.type)) {
    return std::nullopt;
  }
  return c;
}

uint64_t BlockSize(const Counts& c, int time_size) {
  return uint64_t{c.time} * time_size + c.time + uint64_t{c.type} * 6 + c.chars +
         uint64_t{c.leap} * (time_size + 4) + c.isstd + c.isut;
}

// The data block after a header; leaves `b` after it.
std::optional<TzifZone> ReadBlock(Bytes& b, const Counts& c, int time_size) {
  if (c.type == 0 || !b.Has(BlockSize(c, time_size))) return std::nullopt;
  const size_t end = b.pos() + static_cast<size_t>(BlockSize(c, time_size));
  TzifZone zone;
  zone.transitions.reserve(c.time);
  for (uint32_t i = 0; i < c.time; ++i) zone.transitions.push_back(b.Signed(time_size));
  if (!std::is_sorted(zone.transitions.begin(), zone.transitions.end())) return std::nullopt;
  zone.transition_types.reserve(c.time);
  for (uint32_t i = 0; i < c.time; ++i) {
    const uint8_t type = b.U8();
    if (type >= c.type) return std::nullopt;
    zone.transition_types.push_back(type);
  }
  for (uint32_t i = 0; i < c.type; ++i) {
    const int64_t offset = b.Signed(4);
    b.Skip(2);  // isdst, abbreviation index
    if (offset <= -kMaxOffset || offset >= kMaxOffset) return std::nullopt;
    zone.type_offsets.push_back(static_cast<int32_t>(offset));
  }
  b.Skip(end - b.pos());
  return zone;
}

}  // namespace

int32_t TzifZone::OffsetAt(int64_t epoch_s) const {
  if (transitions.empty()) return footer ? PosixTzOffset(*footer, epoch_s) : type_offsets[0];
  if (epoch_s < transitions.front()) return type_offsets[0];
  if (footer && epoch_s >= transitions.back()) return PosixTzOffset(*footer, epoch_s);
  const auto after = std::upper_bound(transitions.begin(), transitions.end(), epoch_s);
  return type_offsets[transition_types[static_cast<size_t>(after - transitions.begin()) - 1]];
}

std::optional<TzifZone> ParseTzif(std::string_view bytes) {
  Bytes b(bytes);
  char version = 0;
  const std::optional<Counts> v1 = ReadHeader(b, version);
  if (!v1) return std::nullopt;
  if (version == 0) return ReadBlock(b, *v1, 4);

  // Version 2+: skip the 32-bit data for the second header, 64-bit data and the footer.
  if (!b.Has(BlockSize(*v1, 4))) return std::nullopt;
  b.Skip(BlockSize(*v1, 4));
  const std::optional<Counts> v2 = ReadHeader(b, version);
  if (!v2) return std::nullopt;
  std::optional<TzifZone> zone = ReadBlock(b, *v2, 8);
  if (!zone) return std::nullopt;
  const std::string_view rest = b.Rest();
  if (rest.size() >= 2 && rest[0] == '\n') {
    const size_t end = rest.find('\n', 1);
    if (end != std::string_view::npos) zone->footer = ParsePosixTz(rest.substr(1, end - 1));
  }
  return zone;
}

}  // namespace pelo::tz
