#include "pelo/export/fit_writer.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace pelo::exporter::fit {
namespace {

constexpr size_t kHeaderSize = 14;
constexpr uint8_t kDefinitionFlag = 0x40;
constexpr uint8_t kDeveloperDataFlag = 0x20;

// What the writer needs of a base type; indexed by the type's number (its low five bits).
struct TypeInfo {
  bool known = false;
  uint8_t size = 0;
  bool is_signed = false;
  bool is_float = false;
  uint64_t invalid = 0;  // the INVALID value's bits, little-endian in `size` bytes
};

constexpr std::array<TypeInfo, 17> kTypes = {{
    {true, 1, false, false, 0xFF},                // enum
    {true, 1, true, false, 0x7F},                 // sint8
    {true, 1, false, false, 0xFF},                // uint8
    {true, 2, true, false, 0x7FFF},               // sint16
    {true, 2, false, false, 0xFFFF},              // uint16
    {true, 4, true, false, 0x7FFFFFFF},           // sint32
    {true, 4, false, false, 0xFFFFFFFF},          // uint32
    {true, 1, false, false, 0x00},                // string
    {true, 4, true, true, 0xFFFFFFFF},            // float32
    {true, 8, true, true, 0xFFFFFFFFFFFFFFFF},    // float64
    {true, 1, false, false, 0x00},                // uint8z
    {true, 2, false, false, 0x0000},              // uint16z
    {true, 4, false, false, 0x00000000},          // uint32z
    {true, 1, false, false, 0xFF},                // byte
    {true, 8, true, false, 0x7FFFFFFFFFFFFFFF},   // sint64
    {true, 8, false, false, 0xFFFFFFFFFFFFFFFF},  // uint64
    {true, 8, false, false, 0x0000000000000000},  // uint64z
}};

const TypeInfo* Info(BaseType type) {
  const auto raw = static_cast<uint8_t>(type);
  const size_t index = raw & 0x1F;
  if (index >= kTypes.size()) return nullptr;
  const TypeInfo& info = kTypes[index];
  // The endian bit must be what the protocol gives the type (0x84, not 0x04, for uint16).
  const bool multi_byte = info.size > 1;
  if (raw != (index | (multi_byte ? 0x80 : 0x00))) return nullptr;
  return &info;
}

void PutLittleEndian(uint8_t* p, uint64_t bits, size_t size) {
  for (size_t i = 0; i < size; ++i) p[i] = static_cast<uint8_t>(bits >> (8 * i));
}

void PutInvalid(uint8_t* p, const TypeInfo& info, size_t count) {
  for (size_t i = 0; i < count; ++i) PutLittleEndian(p + i * info.size, info.invalid, info.size);
}

// An integer in a field of type `info`: its bits, or INVALID when outside the type's range.
void PutInt(uint8_t* p, const TypeInfo& info, int64_t v) {
  if (info.is_float) {
    if (info.size == 4) {
      PutLittleEndian(p, std::bit_cast<uint32_t>(static_cast<float>(v)), 4);
    } else {
      PutLittleEndian(p, std::bit_cast<uint64_t>(static_cast<double>(v)), 8);
    }
    return;
  }
  bool in_range = true;
  if (info.size < 8) {
    const int bits = 8 * info.size;
    const int64_t min = info.is_signed ? -(int64_t{1} << (bits - 1)) : 0;
    const int64_t max = info.is_signed ? (int64_t{1} << (bits - 1)) - 1 : (int64_t{1} << bits) - 1;
    in_range = v >= min && v <= max;
  } else if (!info.is_signed) {
    in_range = v >= 0;
  }
  if (!in_range) {
    PutLittleEndian(p, info.invalid, info.size);
    return;
  }
  PutLittleEndian(p, static_cast<uint64_t>(v), info.size);
}

void PutDouble(uint8_t* p, const TypeInfo& info, double v) {
  if (!std::isfinite(v) ||
      (info.size == 4 && std::fabs(v) > double{std::numeric_limits<float>::max()})) {
    PutLittleEndian(p, info.invalid, info.size);
  } else if (info.size == 4) {
    PutLittleEndian(p, std::bit_cast<uint32_t>(static_cast<float>(v)), 4);
  } else {
    PutLittleEndian(p, std::bit_cast<uint64_t>(v), 8);
  }
}

// The longest prefix of `s` of at most `max` bytes that does not cut a UTF-8 sequence.
size_t Utf8Prefix(std::string_view s, size_t max) {
  if (s.size() <= max) return s.size();
  size_t n = max;
  // Back off continuation bytes (10xxxxxx) to the start of the cut sequence.
  while (n > 0 && (static_cast<uint8_t>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

Status Mismatch(const FieldDef& field, const char* what) {
  return Status(ErrorCode::kInvalidArgument,
                "FIT field " + std::to_string(field.number) + ": " + what);
}

// Encodes `value` for `field` at `p` (the field's size bytes, zero-filled).
Status Encode(const FieldDef& field, const TypeInfo& info, const Value& value, uint8_t* p) {
  const size_t count = field.count;
  if (field.type == BaseType::kString) {
    switch (value.kind()) {
      case Value::Kind::kAbsent:
        return OkStatus();  // all NUL: the invalid string
      case Value::Kind::kString: {
        // The last byte stays NUL: readers want a terminated string.
        const size_t n = Utf8Prefix(value.text(), count - 1);
        std::memcpy(p, value.text().data(), n);
        return OkStatus();
      }
      default:
        return Mismatch(field, "a string field takes a string");
    }
  }
  switch (value.kind()) {
    case Value::Kind::kAbsent:
      PutInvalid(p, info, count);
      return OkStatus();
    case Value::Kind::kInt:
      PutInt(p, info, value.int_value());
      PutInvalid(p + info.size, info, count - 1);
      return OkStatus();
    case Value::Kind::kDouble:
      if (!info.is_float) return Mismatch(field, "a double for an integer field (scale it first)");
      PutDouble(p, info, value.double_value());
      PutInvalid(p + info.size, info, count - 1);
      return OkStatus();
    case Value::Kind::kInts: {
      const auto ints = value.ints();
      if (ints.size() > count) return Mismatch(field, "more values than the array holds");
      for (size_t i = 0; i < ints.size(); ++i) PutInt(p + i * info.size, info, ints[i]);
      PutInvalid(p + ints.size() * info.size, info, count - ints.size());
      return OkStatus();
    }
    case Value::Kind::kBytes: {
      const auto bytes = value.bytes();
      if (info.size != 1 || info.is_signed) return Mismatch(field, "bytes for a multi-byte field");
      if (bytes.size() > count) return Mismatch(field, "more bytes than the field holds");
      std::memcpy(p, bytes.data(), bytes.size());
      PutInvalid(p + bytes.size(), info, count - bytes.size());
      return OkStatus();
    }
    case Value::Kind::kString:
      return Mismatch(field, "a string for a non-string field");
  }
  return Mismatch(field, "unknown value kind");
}

// The NUL-terminated size of a string field for `text` (at most 255 bytes).
uint8_t StringFieldSize(std::string_view text) {
  return static_cast<uint8_t>(std::min<size_t>(text.size() + 1, 255));
}

}  // namespace

FitWriter::FitWriter(size_t reserve_bytes) {
  out_.reserve(std::max(reserve_bytes, kHeaderSize + 2));
  out_.resize(kHeaderSize);  // filled by Finish, once the data size is known
}

Status FitWriter::Define(uint8_t local, const MessageDef& def) {
  if (local > 15) {
    return Status(ErrorCode::kInvalidArgument,
                  "FIT local message type " + std::to_string(local) + " is above 15");
  }
  const size_t total = def.fields.size() + def.developer_fields.size();
  if (def.fields.size() > 255 || def.developer_fields.size() > 255) {
    return Status(ErrorCode::kInvalidArgument, "FIT message has more than 255 fields");
  }
  Layout layout;
  layout.global = def.global;
  layout.fields.reserve(total);
  layout.field_count = def.fields.size();
  for (const FieldDef& field : def.fields) {
    const TypeInfo* info = Info(field.type);
    if (info == nullptr) return Mismatch(field, "unknown base type");
    const size_t size = size_t{info->size} * field.count;
    if (size == 0 || size > 255) return Mismatch(field, "size must be 1 to 255 bytes");
    layout.fields.push_back(field);
    layout.data_size += size;
  }
  std::vector<uint8_t> developer_sizes;
  developer_sizes.reserve(def.developer_fields.size());
  for (const DeveloperFieldRef& ref : def.developer_fields) {
    const auto found = std::find_if(described_.begin(), described_.end(), [&](const auto& d) {
      return d.developer_index == ref.developer_index && d.number == ref.number;
    });
    if (found == described_.end()) {
      return Status(ErrorCode::kInvalidArgument,
                    "FIT developer field " + std::to_string(ref.developer_index) + "/" +
                        std::to_string(ref.number) + " used before its field_description");
    }
    const size_t size = size_t{Info(found->type)->size} * found->count;
    layout.fields.push_back({found->number, found->type, found->count});
    layout.data_size += size;
    developer_sizes.push_back(static_cast<uint8_t>(size));
  }
  layout.defined = true;

  const bool developer = !def.developer_fields.empty();
  out_.push_back(static_cast<char>(kDefinitionFlag | (developer ? kDeveloperDataFlag : 0) | local));
  out_.push_back(0);  // reserved
  out_.push_back(0);  // architecture: little-endian
  out_.push_back(static_cast<char>(def.global & 0xFF));
  out_.push_back(static_cast<char>(def.global >> 8));
  out_.push_back(static_cast<char>(def.fields.size()));
  for (const FieldDef& field : def.fields) {
    out_.push_back(static_cast<char>(field.number));
    out_.push_back(static_cast<char>(Info(field.type)->size * field.count));
    out_.push_back(static_cast<char>(field.type));
  }
  if (developer) {
    out_.push_back(static_cast<char>(def.developer_fields.size()));
    for (size_t i = 0; i < def.developer_fields.size(); ++i) {
      out_.push_back(static_cast<char>(def.developer_fields[i].number));
      out_.push_back(static_cast<char>(developer_sizes[i]));
      out_.push_back(static_cast<char>(def.developer_fields[i].developer_index));
    }
  }
  layouts_[local] = std::move(layout);
  return OkStatus();
}

Status FitWriter::Write(uint8_t local, std::span<const Value> values) {
  if (local > 15 || !layouts_[local].defined) {
    return Status(ErrorCode::kInvalidArgument,
                  "FIT local message type " + std::to_string(local) + " is not defined");
  }
  const Layout& layout = layouts_[local];
  if (values.size() != layout.fields.size()) {
    return Status(ErrorCode::kInvalidArgument, "FIT message " + std::to_string(layout.global) +
                                                   " has " + std::to_string(layout.fields.size()) +
                                                   " fields, given " +
                                                   std::to_string(values.size()) + " values");
  }
  const size_t start = out_.size();
  out_.resize(start + 1 + layout.data_size);
  auto* p = reinterpret_cast<uint8_t*>(out_.data() + start);
  *p++ = local;
  for (size_t i = 0; i < values.size(); ++i) {
    const FieldDef& field = layout.fields[i];
    const TypeInfo& info = *Info(field.type);
    if (Status s = Encode(field, info, values[i], p); !s.ok()) {
      out_.resize(start);
      return s.WithContext("FIT message " + std::to_string(layout.global));
    }
    p += size_t{info.size} * field.count;
  }
  return OkStatus();
}

Status FitWriter::WriteDeveloperDataId(uint8_t local, uint8_t developer_index,
                                       const std::array<uint8_t, 16>& application_id,
                                       uint32_t application_version) {
  if (std::find(declared_.begin(), declared_.end(), developer_index) != declared_.end()) {
    return Status(ErrorCode::kInvalidArgument,
                  "FIT developer " + std::to_string(developer_index) + " declared twice");
  }
  namespace d = developer_data_id;
  PELO_RETURN_IF_ERROR(Define(
      local, {mesg_num::kDeveloperDataId,
              {WithCount(d::kApplicationId, 16), d::kDeveloperDataIndex, d::kApplicationVersion}}));
  PELO_RETURN_IF_ERROR(Write(
      local, {std::span<const uint8_t>(application_id), developer_index, application_version}));
  declared_.push_back(developer_index);
  return OkStatus();
}

Status FitWriter::WriteFieldDescription(uint8_t local, const DeveloperField& field) {
  if (std::find(declared_.begin(), declared_.end(), field.developer_index) == declared_.end()) {
    return Status(ErrorCode::kInvalidArgument, "FIT developer field '" + field.name +
                                                   "' of an undeclared developer " +
                                                   std::to_string(field.developer_index));
  }
  for (const DeveloperField& d : described_) {
    if (d.developer_index == field.developer_index && d.number == field.number) {
      return Status(ErrorCode::kInvalidArgument,
                    "FIT developer field " + std::to_string(field.number) + " described twice");
    }
  }
  const TypeInfo* info = Info(field.type);
  const size_t size = info == nullptr ? 0 : size_t{info->size} * field.count;
  if (size == 0 || size > 255) {
    return Status(ErrorCode::kInvalidArgument,
                  "FIT developer field '" + field.name + "': bad base type or size");
  }
  namespace f = field_description;
  MessageDef def{mesg_num::kFieldDescription,
                 {f::kDeveloperDataIndex, f::kFieldDefinitionNumber, f::kFitBaseTypeId,
                  WithCount(f::kFieldName, StringFieldSize(field.name))}};
  if (!field.units.empty())
    def.fields.push_back(WithCount(f::kUnits, StringFieldSize(field.units)));
  PELO_RETURN_IF_ERROR(Define(local, def));
  if (field.units.empty()) {
    PELO_RETURN_IF_ERROR(Write(local, {field.developer_index, field.number,
                                       static_cast<uint8_t>(field.type), field.name}));
  } else {
    PELO_RETURN_IF_ERROR(Write(local, {field.developer_index, field.number,
                                       static_cast<uint8_t>(field.type), field.name, field.units}));
  }
  described_.push_back({field.developer_index, field.number, field.type, field.count, {}, {}});
  return OkStatus();
}

std::string FitWriter::Finish() {
  const uint64_t data_size = out_.size() - kHeaderSize;
  auto* h = reinterpret_cast<uint8_t*>(out_.data());
  h[0] = kHeaderSize;
  h[1] = kProtocolVersion;
  PutLittleEndian(h + 2, kProfileVersion, 2);
  // A file past 4 GiB cannot be said in the header; an activity is some hundred kilobytes.
  PutLittleEndian(h + 4, std::min<uint64_t>(data_size, 0xFFFFFFFF), 4);
  std::memcpy(h + 8, ".FIT", 4);
  PutLittleEndian(h + 12, FitCrc(std::string_view(out_.data(), 12)), 2);
  const uint16_t crc = FitCrc(out_);
  out_.push_back(static_cast<char>(crc & 0xFF));
  out_.push_back(static_cast<char>(crc >> 8));

  std::string file = std::move(out_);
  out_ = std::string();
  out_.resize(kHeaderSize);
  layouts_ = {};
  described_.clear();
  declared_.clear();
  return file;
}

namespace {

// The CRC's byte table, made from the polynomial rather than written out: one lookup a byte
// instead of the profile's two with its four-bit table (the CRC was a fifth of a 3-hour ride's
// FitFile with two).
constexpr std::array<uint16_t, 256> MakeByteTable() {
  std::array<uint16_t, 256> table{};
  for (uint16_t n = 0; n < 256; ++n) {
    uint16_t crc = n;
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc & 1) != 0 ? static_cast<uint16_t>((crc >> 1) ^ 0xA001) : crc >> 1;
    }
    table[n] = crc;
  }
  return table;
}

constexpr std::array<uint16_t, 256> kByteTable = MakeByteTable();

}  // namespace

uint16_t FitCrc(std::string_view bytes, uint16_t crc) {
  for (const char c : bytes) {
    crc = static_cast<uint16_t>((crc >> 8) ^ kByteTable[(crc ^ static_cast<uint8_t>(c)) & 0xFF]);
  }
  return crc;
}

std::optional<int64_t> Scaled(std::optional<double> v, double scale, double offset) {
  if (!v || !std::isfinite(*v)) return std::nullopt;
  const double r = std::round((*v + offset) * scale);
  // 2^63 is exactly representable; anything at or past it does not fit an int64.
  if (!(r > -9223372036854775808.0 && r < 9223372036854775808.0)) return std::nullopt;
  return static_cast<int64_t>(r);
}

std::optional<int64_t> Semicircles(std::optional<double> degrees) {
  std::optional<int64_t> s = Scaled(degrees, 2147483648.0 / 180.0);
  if (s && *s == (int64_t{1} << 31)) s = -(int64_t{1} << 31);
  return s;
}

}  // namespace pelo::exporter::fit
