// The numbers of Garmin's FIT profile that pelo's FIT files use: base types, message numbers,
// field numbers (each with the base type the profile gives it, so a layout cannot pair a field
// with the wrong type), and enum values. Checked against the profile of @garmin/fitsdk 21.217.0
// (web/node_modules/@garmin/fitsdk/src/profile.js); names as in the profile, in namespaces named
// after its messages (fields) and types (enum values, under `types`).
#pragma once

#include <cstdint>

namespace pelo::exporter::fit {

// The protocol's base types: the byte a definition message carries (bit 7 set for multi-byte
// types, whose endianness matters).
enum class BaseType : uint8_t {
  kEnum = 0x00,
  kSint8 = 0x01,
  kUint8 = 0x02,
  kSint16 = 0x83,
  kUint16 = 0x84,
  kSint32 = 0x85,
  kUint32 = 0x86,
  kString = 0x07,
  kFloat32 = 0x88,
  kFloat64 = 0x89,
  kUint8z = 0x0A,
  kUint16z = 0x8B,
  kUint32z = 0x8C,
  kByte = 0x0D,
  kSint64 = 0x8E,
  kUint64 = 0x8F,
  kUint64z = 0x90,
};

// One field of a message layout: its number, base type and how many values of that type it holds
// (an array's length; for a string, its size in bytes including the terminating NUL).
struct FieldDef {
  constexpr FieldDef() = default;
  constexpr FieldDef(uint8_t field_number, BaseType base_type, uint8_t values = 1)
      : number(field_number), type(base_type), count(values) {}

  uint8_t number = 0;
  BaseType type = BaseType::kUint8;
  uint8_t count = 1;
};

// `field` holding `count` values (an array) or, for a string, `count` bytes.
constexpr FieldDef WithCount(FieldDef field, uint8_t count) {
  return {field.number, field.type, count};
}

// The profile's type mesg_num: global message numbers.
namespace mesg_num {
inline constexpr uint16_t kFileId = 0;
inline constexpr uint16_t kSession = 18;
inline constexpr uint16_t kLap = 19;
inline constexpr uint16_t kRecord = 20;
inline constexpr uint16_t kEvent = 21;
inline constexpr uint16_t kDeviceInfo = 23;
inline constexpr uint16_t kActivity = 34;
inline constexpr uint16_t kFieldDescription = 206;
inline constexpr uint16_t kDeveloperDataId = 207;
inline constexpr uint16_t kTimeInZone = 216;
inline constexpr uint16_t kSet = 225;
}  // namespace mesg_num

namespace file_id {
inline constexpr FieldDef kType{0, BaseType::kEnum};
inline constexpr FieldDef kManufacturer{1, BaseType::kUint16};
inline constexpr FieldDef kProduct{2, BaseType::kUint16};
inline constexpr FieldDef kSerialNumber{3, BaseType::kUint32z};
inline constexpr FieldDef kTimeCreated{4, BaseType::kUint32};
}  // namespace file_id

namespace device_info {
inline constexpr FieldDef kDeviceIndex{0, BaseType::kUint8};
inline constexpr FieldDef kManufacturer{2, BaseType::kUint16};
inline constexpr FieldDef kSerialNumber{3, BaseType::kUint32z};
inline constexpr FieldDef kProduct{4, BaseType::kUint16};
inline constexpr FieldDef kSoftwareVersion{5, BaseType::kUint16};  // scale 100
inline constexpr FieldDef kProductName{27, BaseType::kString};
inline constexpr FieldDef kTimestamp{253, BaseType::kUint32};
}  // namespace device_info

namespace event {
inline constexpr FieldDef kEvent{0, BaseType::kEnum};
inline constexpr FieldDef kEventType{1, BaseType::kEnum};
inline constexpr FieldDef kEventGroup{4, BaseType::kUint8};
inline constexpr FieldDef kTimestamp{253, BaseType::kUint32};
}  // namespace event

namespace record {
inline constexpr FieldDef kPositionLat{0, BaseType::kSint32};   // semicircles
inline constexpr FieldDef kPositionLong{1, BaseType::kSint32};  // semicircles
inline constexpr FieldDef kAltitude{2, BaseType::kUint16};      // scale 5, offset 500
inline constexpr FieldDef kHeartRate{3, BaseType::kUint8};
inline constexpr FieldDef kCadence{4, BaseType::kUint8};
inline constexpr FieldDef kDistance{5, BaseType::kUint32};  // scale 100
inline constexpr FieldDef kSpeed{6, BaseType::kUint16};     // scale 1000
inline constexpr FieldDef kPower{7, BaseType::kUint16};
inline constexpr FieldDef kGrade{9, BaseType::kSint16};  // scale 100
inline constexpr FieldDef kCalories{33, BaseType::kUint16};
inline constexpr FieldDef kEnhancedSpeed{73, BaseType::kUint32};     // scale 1000
inline constexpr FieldDef kEnhancedAltitude{78, BaseType::kUint32};  // scale 5, offset 500
inline constexpr FieldDef kTimestamp{253, BaseType::kUint32};
}  // namespace record

// Fields lap and session share, under the same names, but not always the same numbers.
namespace lap {
inline constexpr FieldDef kEvent{0, BaseType::kEnum};
inline constexpr FieldDef kEventType{1, BaseType::kEnum};
inline constexpr FieldDef kStartTime{2, BaseType::kUint32};
inline constexpr FieldDef kTotalElapsedTime{7, BaseType::kUint32};  // scale 1000
inline constexpr FieldDef kTotalTimerTime{8, BaseType::kUint32};    // scale 1000
inline constexpr FieldDef kTotalDistance{9, BaseType::kUint32};     // scale 100
inline constexpr FieldDef kTotalCalories{11, BaseType::kUint16};
inline constexpr FieldDef kAvgSpeed{13, BaseType::kUint16};  // scale 1000
inline constexpr FieldDef kMaxSpeed{14, BaseType::kUint16};  // scale 1000
inline constexpr FieldDef kAvgHeartRate{15, BaseType::kUint8};
inline constexpr FieldDef kMaxHeartRate{16, BaseType::kUint8};
inline constexpr FieldDef kAvgCadence{17, BaseType::kUint8};
inline constexpr FieldDef kMaxCadence{18, BaseType::kUint8};
inline constexpr FieldDef kAvgPower{19, BaseType::kUint16};
inline constexpr FieldDef kMaxPower{20, BaseType::kUint16};
inline constexpr FieldDef kLapTrigger{24, BaseType::kEnum};
inline constexpr FieldDef kSport{25, BaseType::kEnum};
inline constexpr FieldDef kNormalizedPower{33, BaseType::kUint16};
inline constexpr FieldDef kSubSport{39, BaseType::kEnum};
inline constexpr FieldDef kTotalWork{41, BaseType::kUint32};          // J
inline constexpr FieldDef kEnhancedAvgSpeed{110, BaseType::kUint32};  // scale 1000
inline constexpr FieldDef kEnhancedMaxSpeed{111, BaseType::kUint32};  // scale 1000
inline constexpr FieldDef kTimestamp{253, BaseType::kUint32};
inline constexpr FieldDef kMessageIndex{254, BaseType::kUint16};
}  // namespace lap

namespace session {
inline constexpr FieldDef kEvent{0, BaseType::kEnum};
inline constexpr FieldDef kEventType{1, BaseType::kEnum};
inline constexpr FieldDef kStartTime{2, BaseType::kUint32};
inline constexpr FieldDef kSport{5, BaseType::kEnum};
inline constexpr FieldDef kSubSport{6, BaseType::kEnum};
inline constexpr FieldDef kTotalElapsedTime{7, BaseType::kUint32};  // scale 1000
inline constexpr FieldDef kTotalTimerTime{8, BaseType::kUint32};    // scale 1000
inline constexpr FieldDef kTotalDistance{9, BaseType::kUint32};     // scale 100
inline constexpr FieldDef kTotalCalories{11, BaseType::kUint16};
inline constexpr FieldDef kAvgSpeed{14, BaseType::kUint16};  // scale 1000
inline constexpr FieldDef kMaxSpeed{15, BaseType::kUint16};  // scale 1000
inline constexpr FieldDef kAvgHeartRate{16, BaseType::kUint8};
inline constexpr FieldDef kMaxHeartRate{17, BaseType::kUint8};
inline constexpr FieldDef kAvgCadence{18, BaseType::kUint8};
inline constexpr FieldDef kMaxCadence{19, BaseType::kUint8};
inline constexpr FieldDef kAvgPower{20, BaseType::kUint16};
inline constexpr FieldDef kMaxPower{21, BaseType::kUint16};
inline constexpr FieldDef kTotalAscent{22, BaseType::kUint16};  // m
inline constexpr FieldDef kFirstLapIndex{25, BaseType::kUint16};
inline constexpr FieldDef kNumLaps{26, BaseType::kUint16};
inline constexpr FieldDef kTrigger{28, BaseType::kEnum};
inline constexpr FieldDef kNormalizedPower{34, BaseType::kUint16};
inline constexpr FieldDef kTrainingStressScore{35, BaseType::kUint16};  // scale 10
inline constexpr FieldDef kIntensityFactor{36, BaseType::kUint16};      // scale 1000
inline constexpr FieldDef kThresholdPower{45, BaseType::kUint16};
inline constexpr FieldDef kTotalWork{48, BaseType::kUint32};          // J
inline constexpr FieldDef kTimeInHrZone{65, BaseType::kUint32};       // array, scale 1000
inline constexpr FieldDef kTimeInPowerZone{68, BaseType::kUint32};    // array, scale 1000
inline constexpr FieldDef kEnhancedAvgSpeed{124, BaseType::kUint32};  // scale 1000
inline constexpr FieldDef kEnhancedMaxSpeed{125, BaseType::kUint32};  // scale 1000
inline constexpr FieldDef kTimestamp{253, BaseType::kUint32};
inline constexpr FieldDef kMessageIndex{254, BaseType::kUint16};
}  // namespace session

namespace activity {
inline constexpr FieldDef kTotalTimerTime{0, BaseType::kUint32};  // scale 1000
inline constexpr FieldDef kNumSessions{1, BaseType::kUint16};
inline constexpr FieldDef kType{2, BaseType::kEnum};
inline constexpr FieldDef kEvent{3, BaseType::kEnum};
inline constexpr FieldDef kEventType{4, BaseType::kEnum};
inline constexpr FieldDef kLocalTimestamp{5, BaseType::kUint32};
inline constexpr FieldDef kTimestamp{253, BaseType::kUint32};
}  // namespace activity

// The strength set. Unlike the other messages its timestamp is field 254, not 253.
namespace set {
inline constexpr FieldDef kDuration{0, BaseType::kUint32};  // scale 1000
inline constexpr FieldDef kRepetitions{3, BaseType::kUint16};
inline constexpr FieldDef kWeight{4, BaseType::kUint16};  // kg, scale 16
inline constexpr FieldDef kSetType{5, BaseType::kUint8};
inline constexpr FieldDef kStartTime{6, BaseType::kUint32};
inline constexpr FieldDef kCategory{7, BaseType::kUint16};         // array of exercise_category
inline constexpr FieldDef kCategorySubtype{8, BaseType::kUint16};  // array
inline constexpr FieldDef kWeightDisplayUnit{9, BaseType::kUint16};
inline constexpr FieldDef kMessageIndex{10, BaseType::kUint16};
inline constexpr FieldDef kWktStepIndex{11, BaseType::kUint16};
inline constexpr FieldDef kTimestamp{254, BaseType::kUint32};
}  // namespace set

// Time in zones of a lap or session (reference_mesg, reference_index), with the zones' bounds.
namespace time_in_zone {
inline constexpr FieldDef kReferenceMesg{0, BaseType::kUint16};          // mesg_num
inline constexpr FieldDef kReferenceIndex{1, BaseType::kUint16};         // message_index
inline constexpr FieldDef kTimeInHrZone{2, BaseType::kUint32};           // array, scale 1000
inline constexpr FieldDef kTimeInPowerZone{5, BaseType::kUint32};        // array, scale 1000
inline constexpr FieldDef kHrZoneHighBoundary{6, BaseType::kUint8};      // array, bpm
inline constexpr FieldDef kPowerZoneHighBoundary{9, BaseType::kUint16};  // array, W
inline constexpr FieldDef kPwrCalcType{14, BaseType::kEnum};
inline constexpr FieldDef kFunctionalThresholdPower{15, BaseType::kUint16};
inline constexpr FieldDef kTimestamp{253, BaseType::kUint32};
}  // namespace time_in_zone

namespace field_description {
inline constexpr FieldDef kDeveloperDataIndex{0, BaseType::kUint8};
inline constexpr FieldDef kFieldDefinitionNumber{1, BaseType::kUint8};
inline constexpr FieldDef kFitBaseTypeId{2, BaseType::kUint8};
inline constexpr FieldDef kFieldName{3, BaseType::kString};
inline constexpr FieldDef kUnits{8, BaseType::kString};
inline constexpr FieldDef kNativeMesgNum{14, BaseType::kUint16};
inline constexpr FieldDef kNativeFieldNum{15, BaseType::kUint8};
}  // namespace field_description

namespace developer_data_id {
inline constexpr FieldDef kDeveloperId{0, BaseType::kByte};    // 16 bytes
inline constexpr FieldDef kApplicationId{1, BaseType::kByte};  // 16 bytes
inline constexpr FieldDef kManufacturerId{2, BaseType::kUint16};
inline constexpr FieldDef kDeveloperDataIndex{3, BaseType::kUint8};
inline constexpr FieldDef kApplicationVersion{4, BaseType::kUint32};
}  // namespace developer_data_id

// Enum values, by the profile's type names.
namespace types {

namespace file {
inline constexpr uint8_t kActivity = 4;
}  // namespace file

namespace manufacturer {
inline constexpr uint16_t kGarmin = 1;
inline constexpr uint16_t kTacx = 89;
inline constexpr uint16_t kDevelopment = 255;
inline constexpr uint16_t kPeloton = 340;
}  // namespace manufacturer

// Products of the profile's garmin_product list (which holds Tacx's apps too).
namespace garmin_product {
inline constexpr uint16_t kFr945 = 3113;
inline constexpr uint16_t kEpixGen2 = 3943;
inline constexpr uint16_t kTacxTrainingAppWin = 20533;
}  // namespace garmin_product

namespace sport {
inline constexpr uint8_t kGeneric = 0;
inline constexpr uint8_t kRunning = 1;
inline constexpr uint8_t kCycling = 2;
inline constexpr uint8_t kFitnessEquipment = 4;
inline constexpr uint8_t kTraining = 10;
inline constexpr uint8_t kWalking = 11;
inline constexpr uint8_t kRowing = 15;
}  // namespace sport

namespace sub_sport {
inline constexpr uint8_t kGeneric = 0;
inline constexpr uint8_t kTreadmill = 1;
inline constexpr uint8_t kIndoorCycling = 6;
inline constexpr uint8_t kIndoorRowing = 14;
inline constexpr uint8_t kFlexibilityTraining = 19;
inline constexpr uint8_t kStrengthTraining = 20;
inline constexpr uint8_t kCardioTraining = 26;
inline constexpr uint8_t kIndoorWalking = 27;
inline constexpr uint8_t kYoga = 43;
inline constexpr uint8_t kBreathing = 62;
}  // namespace sub_sport

namespace event {
inline constexpr uint8_t kTimer = 0;
inline constexpr uint8_t kSession = 8;
inline constexpr uint8_t kLap = 9;
inline constexpr uint8_t kActivity = 26;
}  // namespace event

namespace event_type {
inline constexpr uint8_t kStart = 0;
inline constexpr uint8_t kStop = 1;
inline constexpr uint8_t kStopAll = 4;
inline constexpr uint8_t kStopDisableAll = 9;
}  // namespace event_type

namespace activity {
inline constexpr uint8_t kManual = 0;
}  // namespace activity

namespace lap_trigger {
inline constexpr uint8_t kManual = 0;
inline constexpr uint8_t kTime = 1;
inline constexpr uint8_t kSessionEnd = 7;
}  // namespace lap_trigger

namespace session_trigger {
inline constexpr uint8_t kActivityEnd = 0;
inline constexpr uint8_t kManual = 1;
}  // namespace session_trigger

namespace pwr_zone_calc {
inline constexpr uint8_t kPercentFtp = 1;
}  // namespace pwr_zone_calc

namespace set_type {
inline constexpr uint8_t kRest = 0;
inline constexpr uint8_t kActive = 1;
}  // namespace set_type

// The profile's exercise categories (set.category); the subtypes (set.category_subtype) are each
// category's own <category>_exercise_name list.
namespace exercise_category {
inline constexpr uint16_t kBenchPress = 0;
inline constexpr uint16_t kCalfRaise = 1;
inline constexpr uint16_t kCardio = 2;
inline constexpr uint16_t kCarry = 3;
inline constexpr uint16_t kChop = 4;
inline constexpr uint16_t kCore = 5;
inline constexpr uint16_t kCrunch = 6;
inline constexpr uint16_t kCurl = 7;
inline constexpr uint16_t kDeadlift = 8;
inline constexpr uint16_t kFlye = 9;
inline constexpr uint16_t kHipRaise = 10;
inline constexpr uint16_t kHipStability = 11;
inline constexpr uint16_t kHipSwing = 12;
inline constexpr uint16_t kHyperextension = 13;
inline constexpr uint16_t kLateralRaise = 14;
inline constexpr uint16_t kLegCurl = 15;
inline constexpr uint16_t kLegRaise = 16;
inline constexpr uint16_t kLunge = 17;
inline constexpr uint16_t kOlympicLift = 18;
inline constexpr uint16_t kPlank = 19;
inline constexpr uint16_t kPlyo = 20;
inline constexpr uint16_t kPullUp = 21;
inline constexpr uint16_t kPushUp = 22;
inline constexpr uint16_t kRow = 23;
inline constexpr uint16_t kShoulderPress = 24;
inline constexpr uint16_t kShoulderStability = 25;
inline constexpr uint16_t kShrug = 26;
inline constexpr uint16_t kSitUp = 27;
inline constexpr uint16_t kSquat = 28;
inline constexpr uint16_t kTotalBody = 29;
inline constexpr uint16_t kTricepsExtension = 30;
inline constexpr uint16_t kWarmUp = 31;
inline constexpr uint16_t kMove = 35;
inline constexpr uint16_t kUnknown = 65534;
}  // namespace exercise_category

}  // namespace types

// What the 14-byte file header says: protocol 2.0 (major in the high nibble, as the protocol
// defines it; Garmin's JavaScript encoder writes 2) and profile 21.217 (major x 1000 + minor).
inline constexpr uint8_t kProtocolVersion = 0x20;
inline constexpr uint16_t kProfileVersion = 21217;

// Seconds between the Unix epoch and FIT's, 1989-12-31T00:00:00Z.
inline constexpr int64_t kFitEpochUnixSeconds = 631065600;

}  // namespace pelo::exporter::fit
