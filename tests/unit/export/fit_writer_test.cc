#include "pelo/export/fit_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace pelo::exporter::fit {
namespace {

std::vector<int> FitBytes(std::string_view s) {
  std::vector<int> out;
  for (char c : s) out.push_back(static_cast<uint8_t>(c));
  return out;
}

// The bytes of the one data message at the end of a file (before its CRC), after its header.
std::vector<int> LastMessagePayload(const std::string& file, size_t size) {
  return FitBytes(std::string_view(file).substr(file.size() - 2 - size, size));
}

TEST(FitCrc, IsCrc16Arc) {
  // The check value of CRC-16/ARC, the CRC FIT uses.
  EXPECT_EQ(FitCrc("123456789"), 0xBB3D);
  EXPECT_EQ(FitCrc(""), 0);
  // Continuing from an earlier CRC gives the CRC of the whole.
  EXPECT_EQ(FitCrc("6789", FitCrc("12345")), 0xBB3D);
  // A file's CRC over its bytes with the CRC appended is 0: how readers check it.
  FitWriter w;
  EXPECT_EQ(FitCrc(w.Finish()), 0);
}

TEST(FitWriter, EmptyFileIsHeaderAndCrc) {
  FitWriter w;
  const std::string file = w.Finish();
  ASSERT_EQ(file.size(), 16u);
  // 14-byte header, protocol 2.0, profile 21217 = 0x52E1, data size 0, ".FIT".
  const std::vector<int> header = {14, 0x20, 0xE1, 0x52, 0, 0, 0, 0, '.', 'F', 'I', 'T'};
  EXPECT_EQ(FitBytes(file.substr(0, 12)), header);
  const uint16_t header_crc = FitCrc(file.substr(0, 12));
  EXPECT_EQ(static_cast<uint8_t>(file[12]), header_crc & 0xFF);
  EXPECT_EQ(static_cast<uint8_t>(file[13]), header_crc >> 8);
  const uint16_t crc = FitCrc(file.substr(0, 14));
  EXPECT_EQ(static_cast<uint8_t>(file[14]), crc & 0xFF);
  EXPECT_EQ(static_cast<uint8_t>(file[15]), crc >> 8);
}

TEST(FitWriter, TinyFileBytes) {
  FitWriter w;
  ASSERT_TRUE(w.Define(0, {mesg_num::kFileId,
                           {file_id::kType, file_id::kManufacturer, file_id::kTimeCreated}})
                  .ok());
  ASSERT_TRUE(w.Write(0, {types::file::kActivity, types::manufacturer::kTacx, 1000000000}).ok());
  const std::string file = w.Finish();
  const std::vector<int> body = {
      // definition: local 0, reserved, little-endian, global 0, 3 fields (number, size, type)
      0x40, 0, 0, 0, 0, 3, 0, 1, 0x00, 1, 2, 0x84, 4, 4, 0x86,
      // data: local 0, type 4, manufacturer 89, time_created 1e9 = 0x3B9ACA00
      0x00, 4, 89, 0, 0x00, 0xCA, 0x9A, 0x3B};
  ASSERT_EQ(file.size(), 14 + body.size() + 2);
  EXPECT_EQ(FitBytes(file.substr(14, body.size())), body);
  EXPECT_EQ(static_cast<uint8_t>(file[4]), body.size());  // data size
  EXPECT_EQ(FitCrc(file.substr(0, 12)),
            static_cast<uint8_t>(file[12]) | (static_cast<uint8_t>(file[13]) << 8));
  EXPECT_EQ(FitCrc(file), 0);
}

TEST(FitWriter, AbsentAndOutOfRangeValuesAreInvalid) {
  FitWriter w;
  ASSERT_TRUE(w.Define(1, {mesg_num::kRecord,
                           {record::kHeartRate, record::kCadence, record::kPower, record::kGrade,
                            record::kPositionLat, FieldDef{90, BaseType::kUint8z},
                            FieldDef{91, BaseType::kUint32z}, FieldDef{92, BaseType::kSint8}}})
                  .ok());
  // HR 999 and cadence -1 do not fit a uint8: INVALID (0xFF), not 231 or 255 wrapped.
  ASSERT_TRUE(w.Write(1, {999, -1, std::optional<int>(), -40000, std::nullopt, 0, 256, -129}).ok());
  const std::string file = w.Finish();
  EXPECT_EQ(LastMessagePayload(file, 16),
            (std::vector<int>{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0x00,
                              0x00, 0x01, 0x00, 0x00, 0x7F}));
}

TEST(FitWriter, InRangeEdgesAreWritten) {
  FitWriter w;
  ASSERT_TRUE(w.Define(0, {mesg_num::kRecord,
                           {record::kHeartRate, record::kGrade, record::kPositionLat,
                            FieldDef{90, BaseType::kSint8}}})
                  .ok());
  ASSERT_TRUE(w.Write(0, {254, -32768, -2147483647 - 1, -128}).ok());
  EXPECT_EQ(LastMessagePayload(w.Finish(), 8),
            (std::vector<int>{254, 0x00, 0x80, 0x00, 0x00, 0x00, 0x80, 0x80}));
}

TEST(FitWriter, StringsAndArrays) {
  FitWriter w;
  ASSERT_TRUE(w.Define(0, {mesg_num::kSet,
                           {WithCount(set::kCategory, 3), WithCount(device_info::kProductName, 6),
                            WithCount(device_info::kProductName, 3)}})
                  .ok());
  const std::vector<int64_t> categories = {types::exercise_category::kSquat, 70000};
  // "Café!" is 6 bytes: 5 are kept with the NUL. In 3 bytes "aéb" would keep half of "é": only
  // "a" is kept.
  ASSERT_TRUE(w.Write(0, {categories, "Café!", "aéb"}).ok());
  EXPECT_EQ(
      LastMessagePayload(w.Finish(), 15),
      (std::vector<int>{28, 0, 0xFF, 0xFF, 0xFF, 0xFF, 'C', 'a', 'f', 0xC3, 0xA9, 0, 'a', 0, 0}));
}

TEST(FitWriter, Floats) {
  FitWriter w;
  ASSERT_TRUE(w.Define(0, {mesg_num::kRecord,
                           {FieldDef{90, BaseType::kFloat32}, FieldDef{91, BaseType::kFloat32}}})
                  .ok());
  ASSERT_TRUE(w.Write(0, {1.5, std::nan("")}).ok());
  EXPECT_EQ(LastMessagePayload(w.Finish(), 8),
            (std::vector<int>{0, 0, 0xC0, 0x3F, 0xFF, 0xFF, 0xFF, 0xFF}));
}

TEST(FitWriter, RejectsMismatchesAndWritesNothing) {
  FitWriter w;
  EXPECT_FALSE(w.Write(0, {1}).ok());  // undefined local type
  EXPECT_FALSE(w.Define(16, {mesg_num::kRecord, {record::kPower}}).ok());
  EXPECT_FALSE(w.Define(0, {mesg_num::kRecord, {WithCount(record::kPower, 200)}}).ok());
  EXPECT_FALSE(w.Define(0, {mesg_num::kRecord, {FieldDef{1, static_cast<BaseType>(0x04)}}}).ok());
  ASSERT_TRUE(
      w.Define(0, {mesg_num::kRecord, {record::kPower, WithCount(set::kCategory, 2)}}).ok());
  const size_t size = w.size();
  EXPECT_FALSE(w.Write(0, {1}).ok());                    // too few values
  EXPECT_FALSE(w.Write(0, {250.5, std::nullopt}).ok());  // a double for an integer field
  EXPECT_FALSE(w.Write(0, {"250", std::nullopt}).ok());  // a string for an integer field
  const std::vector<int64_t> three = {1, 2, 3};
  EXPECT_FALSE(w.Write(0, {1, three}).ok());  // more than the array holds
  EXPECT_EQ(w.size(), size);
  EXPECT_TRUE(w.Write(0, {1, std::nullopt}).ok());
  EXPECT_EQ(w.size(), size + 1 + 2 + 4);
}

TEST(FitWriter, DeveloperFields) {
  FitWriter w;
  // A developer field needs its description first, and a description its developer.
  EXPECT_FALSE(w.Define(0, {mesg_num::kRecord, {record::kPower}, {{0, 0}}}).ok());
  EXPECT_FALSE(w.WriteFieldDescription(1, {0, 0, BaseType::kUint8, 1, "resistance", "%"}).ok());
  std::array<uint8_t, 16> app{};
  app[0] = 0xAB;
  ASSERT_TRUE(w.WriteDeveloperDataId(1, 0, app, 7).ok());
  EXPECT_FALSE(w.WriteDeveloperDataId(1, 0, app, 7).ok());
  ASSERT_TRUE(w.WriteFieldDescription(1, {0, 3, BaseType::kUint8, 1, "resistance", "%"}).ok());
  EXPECT_FALSE(w.WriteFieldDescription(1, {0, 3, BaseType::kUint8, 1, "again", ""}).ok());
  const size_t before = w.size();
  ASSERT_TRUE(w.Define(2, {mesg_num::kRecord, {record::kPower}, {{0, 3}}}).ok());
  ASSERT_TRUE(w.Write(2, {200, 45}).ok());
  ASSERT_TRUE(w.Write(2, {201, 300}).ok());  // out of the uint8 range: INVALID
  const std::string file = w.Finish();
  const std::vector<int> expected = {
      // definition with the developer flag: 1 field, then 1 developer field (3, size 1, dev 0)
      0x62, 0, 0, 20, 0, 1, 7, 2, 0x84, 1, 3, 1, 0,
      // two data messages
      0x02, 200, 0, 45, 0x02, 201, 0, 0xFF};
  EXPECT_EQ(FitBytes(file.substr(before, expected.size())), expected);

  // The declaration and the description themselves.
  const std::vector<int> declaration = {
      0x41, 0,    0, 207, 0, 3, 1, 16, 0x0D, 3, 1, 0x02, 4, 4, 0x86,  // definition
      0x01, 0xAB, 0, 0,   0, 0, 0, 0,  0,    0, 0, 0,    0, 0, 0,    0, 0, 0, 7, 0, 0, 0};
  EXPECT_EQ(FitBytes(file.substr(14, declaration.size())), declaration);
  const std::vector<int> description = {0x41, 0,    0,   206, 0,    5,   0,   1,    0x02, 1,
                                        1,    0x02, 2,   1,   0x02, 3,   11,  0x07, 8,    2,
                                        0x07, 0x01, 0,   3,   0x02, 'r', 'e', 's',  'i',  's',
                                        't',  'a',  'n', 'c', 'e',  0,   '%', 0};
  EXPECT_EQ(FitBytes(file.substr(14 + declaration.size(), description.size())), description);
}

TEST(FitWriter, RedefiningALocalTypeChangesItsLayout) {
  FitWriter w;
  ASSERT_TRUE(w.Define(0, {mesg_num::kRecord, {record::kPower}}).ok());
  ASSERT_TRUE(w.Write(0, {100}).ok());
  ASSERT_TRUE(w.Define(0, {mesg_num::kRecord, {record::kHeartRate}}).ok());
  EXPECT_FALSE(w.Write(0, {100, 1}).ok());
  ASSERT_TRUE(w.Write(0, {150}).ok());
  EXPECT_EQ(LastMessagePayload(w.Finish(), 1), std::vector<int>{150});
}

std::string FitSampleFile(FitWriter& w) {
  EXPECT_TRUE(
      w.Define(0, {mesg_num::kRecord,
                   {record::kTimestamp, record::kPower, record::kHeartRate, record::kSpeed}})
          .ok());
  for (int i = 0; i < 100; ++i) {
    EXPECT_TRUE(
        w.Write(0, {FitTimestamp(1700000000 + i), 150 + i, 120 + i / 3, SpeedMps(8.5 + i * 0.01)})
            .ok());
  }
  return w.Finish();
}

TEST(FitWriter, IsDeterministicAndReusable) {
  FitWriter a;
  FitWriter b(1 << 20);
  const std::string first = FitSampleFile(a);
  EXPECT_EQ(first, FitSampleFile(b));
  EXPECT_EQ(first, FitSampleFile(a));  // a finished writer starts a new file
  EXPECT_EQ(FitCrc(first), 0);
}

TEST(FitScale, CommonFields) {
  EXPECT_EQ(SpeedMps(8.4567), 8457);
  EXPECT_EQ(DistanceM(1234.567), 123457);
  EXPECT_EQ(AltitudeM(-12.5), 2438);  // (-12.5 + 500) x 5 = 2437.5, rounded half away
  EXPECT_EQ(AltitudeM(100.0), 3000);
  EXPECT_EQ(Milliseconds(1.5), 1500);
  EXPECT_EQ(SetWeightKg(22.5), 360);
  EXPECT_EQ(Semicircles(90.0), int64_t{1} << 30);
  EXPECT_EQ(Semicircles(-180.0), -(int64_t{1} << 31));
  EXPECT_EQ(Semicircles(180.0), -(int64_t{1} << 31));
  EXPECT_EQ(Semicircles(45.0), 536870912);
  EXPECT_EQ(SpeedMps(std::nullopt), std::nullopt);
  EXPECT_EQ(SpeedMps(std::nan("")), std::nullopt);
  EXPECT_EQ(Scaled(1e300, 1000), std::nullopt);
  EXPECT_EQ(FitTimestamp(631065600), 0);
  EXPECT_EQ(FitTimestamp(1700000000), 1068934400);
}

}  // namespace
}  // namespace pelo::exporter::fit
