// pelo's FIT encoder core: the byte-level writer of FIT files (Garmin's Flexible and
// Interoperable Data Transfer protocol 2.0), in memory. It knows layouts, base types, invalid
// values, developer fields and the CRC; what an activity holds (records from samples, laps,
// sessions per discipline) is for the callers. Same calls, same bytes: nothing comes from the
// clock, because intervals.icu deduplicates uploads by file hash.
//
//   FitWriter w;
//   w.Define(0, {fit::mesg_num::kRecord, {fit::record::kTimestamp, fit::record::kPower}});
//   w.Write(0, {FitTimestamp(unix_s), power});   // an absent or out-of-range value: INVALID
//   std::string bytes = w.Finish();
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/export/fit_profile.h"

namespace pelo::exporter::fit {

// A developer field a layout carries: which declared developer (developer_data_index) and which
// of its described fields (field_definition_number).
struct DeveloperFieldRef {
  uint8_t developer_index = 0;
  uint8_t number = 0;
};

// What a definition message says: the global message number and its fields in order, then its
// developer fields.
struct MessageDef {
  MessageDef(uint16_t global_number, std::vector<FieldDef> message_fields,
             std::vector<DeveloperFieldRef> developer = {})
      : global(global_number),
        fields(std::move(message_fields)),
        developer_fields(std::move(developer)) {}

  uint16_t global = 0;
  std::vector<FieldDef> fields;
  std::vector<DeveloperFieldRef> developer_fields;
};

// A developer field's description (field_description, message 206).
struct DeveloperField {
  uint8_t developer_index = 0;
  uint8_t number = 0;
  BaseType type = BaseType::kUint8;
  uint8_t count = 1;  // values per message (bytes for a string)
  std::string name;
  std::string units;
};

// One value of a data message, in the order of its layout's fields. Absent (default, nullopt) is
// written as the field's INVALID value; so is an integer outside the base type's range (HR 999 in
// a uint8 field), never wrapped or clamped. Integers go to integer and float fields, doubles only
// to float fields (a scaled value is made an integer first, by the helpers below), strings to
// string fields, integer lists to array fields (missing elements INVALID), bytes to byte fields.
// A Value only views a string or list: it must outlive the Write call, not more.
class Value {
 public:
  enum class Kind : uint8_t { kAbsent, kInt, kDouble, kString, kInts, kBytes };

  Value() = default;
  Value(std::nullopt_t) {}  // NOLINT(google-explicit-constructor)
  template <typename T>
  requires(std::is_integral_v<T> && !std::is_same_v<T, bool>) Value(T v)
      : kind_(Kind::kInt), int_(static_cast<int64_t>(v)) {  // NOLINT
    // uint64 values above INT64_MAX do not fit the one integer slot: they are out of range of
    // every field but uint64/uint64z, which pelo does not need that large.
    if constexpr (std::is_unsigned_v<T> && sizeof(T) == 8) {
      if (v > static_cast<T>(INT64_MAX)) kind_ = Kind::kAbsent;
    }
  }
  template <typename T>
  requires(std::is_integral_v<T> && !std::is_same_v<T, bool>) Value(const std::optional<T>& v)
      : Value() {  // NOLINT(google-explicit-constructor)
    if (v) *this = Value(*v);
  }
  Value(double v) : kind_(Kind::kDouble), double_(v) {}  // NOLINT(google-explicit-constructor)
  Value(const std::optional<double>& v) {                // NOLINT(google-explicit-constructor)
    if (v) *this = Value(*v);
  }
  Value(std::string_view s) : kind_(Kind::kString), text_(s) {}                 // NOLINT
  Value(const char* s) : Value(std::string_view(s)) {}                          // NOLINT
  Value(const std::string& s) : Value(std::string_view(s)) {}                   // NOLINT
  Value(std::span<const int64_t> v) : kind_(Kind::kInts), ints_(v) {}           // NOLINT
  Value(const std::vector<int64_t>& v) : Value(std::span<const int64_t>(v)) {}  // NOLINT
  Value(std::span<const uint8_t> v) : kind_(Kind::kBytes), bytes_(v) {}         // NOLINT

  Kind kind() const { return kind_; }
  int64_t int_value() const { return int_; }
  double double_value() const { return double_; }
  std::string_view text() const { return text_; }
  std::span<const int64_t> ints() const { return ints_; }
  std::span<const uint8_t> bytes() const { return bytes_; }

 private:
  Kind kind_ = Kind::kAbsent;
  int64_t int_ = 0;
  double double_ = 0;
  std::string_view text_;
  std::span<const int64_t> ints_;
  std::span<const uint8_t> bytes_;
};

// Writes a FIT file into one buffer: the 14-byte header, then definition and data messages as
// called, then (Finish) the header's size and CRC and the file's CRC. Local message types 0-15,
// normal headers, little-endian. A call that fails writes nothing and returns why.
class FitWriter {
 public:
  // `reserve_bytes`: the expected size, so a long activity is written without reallocation.
  explicit FitWriter(size_t reserve_bytes = 4096);

  // Makes local message type `local` mean `def` from here on, writing its definition message.
  // Defining a local type again (a new layout) is allowed; earlier messages keep theirs.
  // Fails on a local type above 15, a field of size 0 or above 255 bytes, or a developer field
  // not yet described by WriteFieldDescription.
  Status Define(uint8_t local, const MessageDef& def);

  // Writes one data message of local type `local`: one value per field of its layout, then one
  // per developer field. Fails when the local type is undefined, the count differs, or a value's
  // kind does not suit its field (a string to an integer field, a double to an integer field, a
  // list longer than the array).
  Status Write(uint8_t local, std::span<const Value> values);
  Status Write(uint8_t local, std::initializer_list<Value> values) {
    return Write(local, std::span<const Value>(values.begin(), values.size()));
  }

  // Declares developer `developer_index` (developer_data_id, message 207) with its 16-byte
  // application id and version, using (and redefining) local type `local`.
  Status WriteDeveloperDataId(uint8_t local, uint8_t developer_index,
                              const std::array<uint8_t, 16>& application_id,
                              uint32_t application_version);

  // Describes a developer field (field_description, message 206) of a declared developer, using
  // (and redefining) local type `local`. A layout may carry the field from then on.
  Status WriteFieldDescription(uint8_t local, const DeveloperField& field);

  // The finished file; the writer is empty afterwards, ready for another file.
  std::string Finish();

  // Bytes written so far, the 14-byte header included.
  size_t size() const { return out_.size(); }

 private:
  struct Layout {
    bool defined = false;
    uint16_t global = 0;
    std::vector<FieldDef> fields;  // then the developer fields, with their base type and count
    size_t field_count = 0;        // how many of `fields` are the message's own
    size_t data_size = 0;
  };

  std::string out_;
  std::array<Layout, 16> layouts_;
  std::vector<DeveloperField> described_;  // name and units cleared: only type and count matter
  std::vector<uint8_t> declared_;          // developer indexes
};

// The FIT CRC-16 (CRC-16/ARC: reflected polynomial 0xA001, initial 0) of `bytes`, continuing
// from `crc`.
uint16_t FitCrc(std::string_view bytes, uint16_t crc = 0);

// Seconds since FIT's epoch (1989-12-31T00:00:00Z) of a Unix time.
constexpr int64_t FitTimestamp(int64_t unix_seconds) { return unix_seconds - kFitEpochUnixSeconds; }

// round((v + offset) * scale) as an integer, nullopt for nullopt, NaN, infinity or a value beyond
// int64 (the writer then writes INVALID; a too large value for the field is INVALID there too).
std::optional<int64_t> Scaled(std::optional<double> v, double scale, double offset = 0);

// The profile's common scales.
inline std::optional<int64_t> SpeedMps(std::optional<double> mps) { return Scaled(mps, 1000); }
inline std::optional<int64_t> DistanceM(std::optional<double> m) { return Scaled(m, 100); }
inline std::optional<int64_t> AltitudeM(std::optional<double> m) { return Scaled(m, 5, 500); }
inline std::optional<int64_t> Milliseconds(std::optional<double> s) { return Scaled(s, 1000); }
inline std::optional<int64_t> SetWeightKg(std::optional<double> kg) { return Scaled(kg, 16); }
// Degrees as semicircles (degrees x 2^31 / 180); +180 longitude is written as -180, the same
// meridian, since 2^31 does not fit a sint32.
std::optional<int64_t> Semicircles(std::optional<double> degrees);

}  // namespace pelo::exporter::fit
