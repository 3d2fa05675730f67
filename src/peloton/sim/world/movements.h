// The strength movement library: every movement the simulator's class plans and tracked
// repetitions name, in this one table (header-only, so that a test anywhere can check each one,
// e.g. that it maps to a FIT exercise category). Names are Peloton's; ids are Peloton's own where
// a public source records them (peloton-to-garmin's exercise mapping, the peer projections in
// ../shared/fixtures/peer-projections), else fixed ids of the simulator's (marked "sim id").
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace pelo::sim {

// What a movement is done with: its weight entries in tracked repetitions.
enum class Equipment : uint8_t {
  kBodyweight,    // one entry of 0 lb
  kOneDumbbell,   // one entry (goblet squat, overhead extension...)
  kTwoDumbbells,  // one dumbbell per hand: one entry, or two (one per dumbbell) on some sets
};

// Which parts of a class a movement is chosen for (bits of MovementSpec::pools).
inline constexpr uint8_t kWarmupPool = 1;
inline constexpr uint8_t kUpperPool = 2;
inline constexpr uint8_t kLowerPool = 4;
inline constexpr uint8_t kCorePool = 8;
inline constexpr uint8_t kFullBodyPool = 16;
inline constexpr uint8_t kCooldownPool = 32;
inline constexpr uint8_t kRestPool = 64;

struct MovementSpec {
  const char* id;  // 32 lowercase hex
  const char* name;
  const char* slug;
  Equipment equipment;
  uint8_t pools;  // k...Pool bits
  bool is_hold;   // done for time: its tracked completed_number is seconds held
  int min_lb;     // dumbbell weight range (0 for bodyweight)
  int max_lb;
  double seconds_per_rep;  // pace of a set (0 for holds)
  // Muscle groups as "slug:ranking,..." (ranking 3 primary, 2 secondary, 1 minor).
  const char* muscles;
};

// clang-format off
inline constexpr MovementSpec kMovements[] = {
    // Warmup.
    {"1b3400e0aade45e58d2f42cf19af0f40", "Arm Circles", "arm_circles", Equipment::kBodyweight, kWarmupPool, false, 0, 0, 1.5, "shoulders:3"},
    {"46d30aa1a4a245ada8a5e5ff8f3e7662", "Body Weight Squat", "body_weight_squat", Equipment::kBodyweight, kWarmupPool | kLowerPool, false, 0, 0, 2.5, "quads:3,glutes:2"},
    {"df8e18c5082f408b8490c4adcb0678b5", "Bird Dog", "bird_dog", Equipment::kBodyweight, kWarmupPool | kCorePool, false, 0, 0, 3.0, "core:3,low_back:2,glutes:1"},
    {"3001f790c7ca471e8ba6d1b57a3a842d", "Dead Bug", "dead_bug", Equipment::kBodyweight, kWarmupPool | kCorePool, false, 0, 0, 3.0, "core:3,hips:1"},
    // Upper body.
    {"258884d9586b45b3973228147a6b0c48", "Wide Grip Overhead Press", "wide_grip_overhead_press", Equipment::kTwoDumbbells, kUpperPool, false, 5, 20, 2.8, "shoulders:3,triceps:2,traps:1"},
    {"ef0279948228409298cd6bf62c5b122c", "Overhead Press", "overhead_press", Equipment::kTwoDumbbells, kUpperPool, false, 10, 25, 2.8, "shoulders:3,triceps:2"},
    {"01251235527748368069f9dc898aadf3", "Arnold Press", "arnold_press", Equipment::kTwoDumbbells, kUpperPool, false, 10, 20, 3.2, "shoulders:3,triceps:2"},
    {"ae8ada57d3f0424ba391effec04e1e5f", "Push Press", "push_press", Equipment::kTwoDumbbells, kUpperPool | kFullBodyPool, false, 10, 25, 2.6, "shoulders:3,quads:2,triceps:2"},
    {"1c4d81ad487849a6995f93e1a6a4b1e4", "Push Up", "push_up", Equipment::kBodyweight, kUpperPool, false, 0, 0, 3.5, "chest:3,triceps:2,core:2,shoulders:2"},
    {"d463a4dc0cf640e0a58f3aa058c5b1a0", "Tricep Push Up", "tricep_push_up", Equipment::kBodyweight, kUpperPool, false, 0, 0, 3.8, "triceps:3,chest:2,core:1"},
    {"8af39d3485224ac19f7d8659d30524e7", "Pike Push Up", "pike_push_up", Equipment::kBodyweight, kUpperPool, false, 0, 0, 3.8, "shoulders:3,triceps:2"},
    {"43d404595338443baab306a6589ae7fc", "Bicep Curl", "bicep_curl", Equipment::kTwoDumbbells, kUpperPool, false, 10, 25, 2.6, "biceps:3,forearms:2"},
    {"114ce849b47a4fabbaad961188bf4f7d", "Hammer Curl", "hammer_curl", Equipment::kTwoDumbbells, kUpperPool, false, 10, 25, 2.6, "biceps:3,forearms:2"},
    {"96b11092c5064b779b371462e2509e82", "Zottman Curl", "zottman_curl", Equipment::kTwoDumbbells, kUpperPool, false, 10, 20, 3.4, "biceps:3,forearms:3"},
    {"2da700dd8dae20f853a3912e73f94570", "Tricep Extension", "tricep_extension", Equipment::kOneDumbbell, kUpperPool, false, 10, 25, 2.8, "triceps:3"},  // sim id
    {"f260623343e74d37b165071ee5903199", "Overhead Extension", "overhead_extension", Equipment::kOneDumbbell, kUpperPool, false, 10, 25, 2.8, "triceps:3,shoulders:1"},
    {"3c72e60de73d43f4b5a774c90dea90cd", "Skull Crusher", "skull_crusher", Equipment::kTwoDumbbells, kUpperPool, false, 10, 20, 3.0, "triceps:3"},
    {"da89d743904640d58e8b3f667f08783c", "Tricep Kickback", "tricep_kickback", Equipment::kTwoDumbbells, kUpperPool, false, 5, 15, 2.4, "triceps:3"},
    {"0a983b7dfca7400a92761380ff9d351a", "Tricep Dip", "tricep_dip", Equipment::kBodyweight, kUpperPool, false, 0, 0, 2.8, "triceps:3,chest:1"},
    {"d60a1dd8824a49a4926f826b24f3b061", "Bent Over Row", "bent_over_row", Equipment::kTwoDumbbells, kUpperPool, false, 15, 30, 2.6, "lats:3,mid_back:3,biceps:2"},
    {"ed9adea36e77459dab7c189884ceb7ab", "Renegade Row", "renegade_row", Equipment::kTwoDumbbells, kUpperPool | kFullBodyPool, false, 10, 25, 3.6, "lats:3,core:3,obliques:3,biceps:2,chest:2,mid_back:2,shoulders:2"},
    {"3df6a1136a7a4e4db31e104c7d5a0fcf", "Reverse Fly", "reverse_fly", Equipment::kTwoDumbbells, kUpperPool, false, 5, 12, 2.8, "mid_back:3,shoulders:2,traps:2"},
    {"de0f10b0cc7cb0b7da2d8f2b33d93721", "Chest Press", "chest_press", Equipment::kTwoDumbbells, kUpperPool, false, 15, 30, 2.8, "chest:3,triceps:2,shoulders:1"},  // sim id
    {"802f10996b5048d08f320d8661f13ee1", "Neutral Grip Chest Press", "neutral_grip_chest_press", Equipment::kTwoDumbbells, kUpperPool, false, 15, 30, 2.8, "chest:3,triceps:2"},
    {"45207949aa384783b5d71451f7fe1c3d", "Chest Fly", "chest_fly", Equipment::kTwoDumbbells, kUpperPool, false, 10, 20, 3.0, "chest:3,shoulders:1"},
    {"2635cbe093a140e0be83be83fa594d8b", "Lateral Raise", "lateral_raise", Equipment::kTwoDumbbells, kUpperPool, false, 5, 15, 2.6, "shoulders:3,traps:1"},
    {"a9cefac3b8234bc0bc0ee8deb62d67d3", "Front Raise", "front_raise", Equipment::kTwoDumbbells, kUpperPool, false, 5, 15, 2.6, "shoulders:3"},
    {"d06c8e68481741de849e4101eda76855", "High Pull", "high_pull", Equipment::kTwoDumbbells, kUpperPool, false, 10, 20, 2.6, "traps:3,shoulders:2,biceps:1"},
    // Lower body.
    {"588e35f7067842979485ff1e4f80df26", "Goblet Squat", "goblet_squat", Equipment::kOneDumbbell, kLowerPool, false, 15, 30, 3.0, "quads:3,glutes:3,core:1"},
    {"7d82b59462a54e61926077ded0becae5", "Dumbbell Squat", "dumbbell_squat", Equipment::kTwoDumbbells, kLowerPool, false, 15, 30, 3.0, "quads:3,glutes:3"},
    {"c430accc3802486a86ad2de9cb8f01cc", "Reverse Lunge", "reverse_lunge", Equipment::kTwoDumbbells, kLowerPool, false, 10, 25, 3.4, "quads:3,glutes:3,hamstrings:2"},
    {"fb63e1ea19264145ae6856eefacbcb22", "Lateral Lunge", "lateral_lunge", Equipment::kTwoDumbbells, kLowerPool, false, 10, 20, 3.4, "glutes:3,quads:2,hips:2"},
    {"28833fd99466476ea273d6b94747e3db", "Split Squat", "split_squat", Equipment::kTwoDumbbells, kLowerPool, false, 10, 25, 3.0, "quads:3,glutes:2"},
    {"cd6046306b2c4c4a8f40e169ec924eb9", "Deadlift", "deadlift", Equipment::kTwoDumbbells, kLowerPool | kFullBodyPool, false, 15, 30, 3.0, "hamstrings:3,glutes:3,low_back:2"},
    {"a17b8d35d1264a2fbabe3ab28df458dc", "Romanian Deadlift", "romanian_deadlift", Equipment::kTwoDumbbells, kLowerPool, false, 15, 30, 3.2, "hamstrings:3,glutes:3,low_back:1"},
    {"c8a84ebab765277178d2fefd03423977", "Glute Bridge", "glute_bridge", Equipment::kBodyweight, kLowerPool, false, 0, 0, 2.4, "glutes:3,hamstrings:2"},  // sim id
    {"d592dd85edf09574048410002d2ace21", "Calf Raise", "calf_raise", Equipment::kTwoDumbbells, kLowerPool, false, 15, 30, 2.0, "calves:3"},  // sim id
    // Full body.
    {"607b10b37f43600939083e89808faf04", "Thruster", "thruster", Equipment::kTwoDumbbells, kFullBodyPool, false, 10, 20, 3.2, "quads:3,shoulders:3,glutes:2"},  // sim id
    {"c19e0971d3dbd13db245b89a3c5e5737", "Burpee", "burpee", Equipment::kBodyweight, kFullBodyPool, false, 0, 0, 4.5, "quads:2,chest:2,core:2,shoulders:1"},  // sim id
    {"527aba825bcf58e7d25677a281e2507a", "Mountain Climber", "mountain_climber", Equipment::kBodyweight, kFullBodyPool | kCorePool, false, 0, 0, 1.2, "core:3,shoulders:2,hips:2"},  // sim id
    {"f2a28d3ebf3c4844a704d2b94e283099", "Clean", "clean", Equipment::kTwoDumbbells, kFullBodyPool, false, 10, 25, 3.2, "glutes:3,hamstrings:2,traps:2"},
    {"0ddf8f94acfe4c2289aef5a9bf59e8d9", "Snatch", "snatch", Equipment::kOneDumbbell, kFullBodyPool, false, 10, 25, 3.2, "shoulders:3,glutes:2,hamstrings:2"},
    {"05d60a7d022f41dd8d3a8da07bca6041", "Woodchop", "woodchop", Equipment::kOneDumbbell, kFullBodyPool | kCorePool, false, 10, 20, 2.8, "obliques:3,core:2,shoulders:2"},
    {"4460e019d86c4e4ebe7284bb16d128d2", "Dumbbell Swing", "dumbbell_swing", Equipment::kOneDumbbell, kFullBodyPool, false, 15, 30, 2.4, "glutes:3,hamstrings:3,core:1"},
    {"46112d47abe24b53ad1fa8e75edcf545", "Bear Crawl", "bear_crawl", Equipment::kBodyweight, kFullBodyPool, false, 0, 0, 2.0, "core:3,shoulders:2,quads:1"},
    // Core.
    {"0b853e45afb04c31968b20fc7deaa718", "Roll Up", "roll_up", Equipment::kBodyweight, kCorePool, false, 0, 0, 4.0, "core:3"},
    {"b264d06330c5442d83ffeaff878cf31d", "Hollow Rock", "hollow_rock", Equipment::kBodyweight, kCorePool, false, 0, 0, 1.6, "core:3,hips:1"},
    {"060174b84e3744e6a19fe4ce80411113", "Hollow Hold", "hollow_hold", Equipment::kBodyweight, kCorePool, true, 0, 0, 0, "core:3"},
    {"5b33283433e7479390c0d5fc11722f80", "Shoulder Tap", "shoulder_tap", Equipment::kBodyweight, kCorePool, false, 0, 0, 1.4, "core:3,shoulders:2"},
    {"557f4c630088d6d66b080bb22970d8e5", "Plank", "plank", Equipment::kBodyweight, kCorePool, true, 0, 0, 0, "core:3,shoulders:2"},  // sim id
    {"194cc4f6a88c4abd80afe9bbddb25915", "High Plank", "high_plank", Equipment::kBodyweight, kCorePool, true, 0, 0, 0, "core:3,shoulders:2,chest:1"},
    {"418e12a64deac6f48ef1b6226a9e978d", "Side Plank", "side_plank", Equipment::kBodyweight, kCorePool, true, 0, 0, 0, "obliques:3,core:2"},  // sim id
    {"1c0403c4d7264d83b1c75d18c8cdac4f", "Forearm Side Plank", "forearm_side_plank", Equipment::kBodyweight, kCorePool, true, 0, 0, 0, "obliques:3,core:2,shoulders:1"},
    {"96eb4a9be5a088469bb1c1914f821232", "Bicycle Crunch", "bicycle_crunch", Equipment::kBodyweight, kCorePool, false, 0, 0, 1.8, "core:3,obliques:3"},  // sim id
    {"5c7b2bc65abc4c44849e2119f1338120", "Russian Twist", "russian_twist", Equipment::kOneDumbbell, kCorePool, false, 5, 15, 1.6, "obliques:3,core:2"},
    {"61ac0d64602c48fba25af7e5e5dc1f97", "Crunch", "crunch", Equipment::kBodyweight, kCorePool, false, 0, 0, 2.0, "core:3"},
    {"715caba11593427299342c378b444e05", "V-Up", "v_up", Equipment::kBodyweight, kCorePool, false, 0, 0, 3.2, "core:3,hips:2"},
    {"6091566fa0674afd96a22fcec3ab18ce", "Flutter Kick", "flutter_kick", Equipment::kBodyweight, kCorePool, false, 0, 0, 1.0, "core:3,hips:2"},
    {"0f9b2d6f18b247bd950d60bbbefd19f3", "Scissors", "scissors", Equipment::kBodyweight, kCorePool, false, 0, 0, 1.4, "core:3,hips:2"},
    // Cool down.
    {"3c8c0b2c542694f5d2b5361534a9d7ec", "Hamstring Stretch", "hamstring_stretch", Equipment::kBodyweight, kCooldownPool, true, 0, 0, 0, "hamstrings:3"},  // sim id
    {"983fa833aaacc71e62e5ed688cc2fb60", "Quad Stretch", "quad_stretch", Equipment::kBodyweight, kCooldownPool, true, 0, 0, 0, "quads:3,hips:1"},  // sim id
    {"442bfa3a4575703156b132dc44f2b28d", "Child's Pose", "childs_pose", Equipment::kBodyweight, kCooldownPool, true, 0, 0, 0, "low_back:2,lats:2,hips:1"},  // sim id
    {"3f4596f2d23d8e8cf1e1185f4b08fe93", "Figure Four Stretch", "figure_four_stretch", Equipment::kBodyweight, kCooldownPool, true, 0, 0, 0, "glutes:3,hips:2"},  // sim id
    // Rest: Peloton's own "Rest" movement (strength_nonguide_with_exercise.json).
    {"3ca251f6d68746ad91aebea5c89694ca", "Rest", "rest", Equipment::kBodyweight, kRestPool, false, 0, 0, 0, ""},
};
// clang-format on

inline constexpr size_t kMovementCount = std::size(kMovements);

// The position in kMovements of the movement named `name`, or kMovementCount.
constexpr size_t FindMovement(std::string_view name) {
  for (size_t i = 0; i < kMovementCount; ++i) {
    if (name == kMovements[i].name) return i;
  }
  return kMovementCount;
}

// The position of the "Rest" movement.
inline constexpr size_t kRestMovement = FindMovement("Rest");
static_assert(kRestMovement < kMovementCount);

}  // namespace pelo::sim
