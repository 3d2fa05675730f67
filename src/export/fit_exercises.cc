// The table from Peloton movement names to FIT exercises. Each subtype number is the profile's
// (profile.js of @garmin/fitsdk 21.217.0, the type named after the category), with its name in
// the comment; web/tools/fit-profile-check.mjs checks both against the profile.
#include "pelo/export/fit_exercises.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "pelo/export/fit_profile.h"

namespace pelo::exporter {
namespace {

namespace c = fit::types::exercise_category;

struct MovementEntry {
  std::string_view name;  // as FitExerciseKey gives it
  FitExercise exercise;
};

// Common Peloton strength, bootcamp and core movements, and every one of the fixtures
// (../shared/fixtures/peer-projections). Where FIT has no exercise of that name, the nearest one
// of the same movement pattern and equipment (Peloton's classes use dumbbells).
constexpr MovementEntry kMovements[] = {
    {"wide grip overhead press", {c::kShoulderPress, 15}},   // overheadDumbbellPress
    {"overhead press", {c::kShoulderPress, 15}},             // overheadDumbbellPress
    {"shoulder press", {c::kShoulderPress, 24}},             // dumbbellShoulderPress
    {"single arm overhead press", {c::kShoulderPress, 18}},  // singleArmDumbbellShoulderPress
    {"military press", {c::kShoulderPress, 25}},             // militaryPress
    {"arnold press", {c::kShoulderPress, 1}},                // arnoldPress
    {"push press", {c::kShoulderPress, 8}},                  // dumbbellPushPress
    {"push up", {c::kPushUp, 77}},                           // pushUp
    {"wide push up", {c::kPushUp, 69}},                      // wideHandsPushUp
    {"tricep push up", {c::kPushUp, 11}},                    // closeHandsPushUp
    {"knee push up", {c::kPushUp, 33}},                      // kneelingPushUp
    {"incline push up", {c::kPushUp, 27}},                   // inclinePushUp
    {"decline push up", {c::kPushUp, 13}},                   // declinePushUp
    {"pike push up", {c::kPushUp, 84}},                      // pikePushUp
    {"roll up", {c::kCore, 61}},                             // rollUp
    {"hollow rock", {c::kCrunch, 24}},                       // hollowRock
    {"hollow hold", {c::kCrunch, 24}},                       // hollowRock
    {"shoulder tap", {c::kPlank, 94}},                       // straightArmPlankWithShoulderTouch
    {"plank shoulder tap", {c::kPlank, 94}},                 // straightArmPlankWithShoulderTouch
    {"squat", {c::kSquat, 61}},                              // squat
    {"air squat", {c::kSquat, 100}},                         // airSquat
    {"goblet squat", {c::kSquat, 37}},                       // gobletSquat
    {"sumo squat", {c::kSquat, 69}},                         // sumoSquat
    {"dumbbell squat", {c::kSquat, 29}},                     // dumbbellSquat
    {"front squat", {c::kSquat, 27}},                        // dumbbellFrontSquat
    {"split squat", {c::kSquat, 28}},                        // dumbbellSplitSquat
    {"bulgarian split squat", {c::kLunge, 18}},              // dumbbellBulgarianSplitSquat
    {"wall sit", {c::kSquat, 20}},                           // bodyWeightWallSquat
    {"step up", {c::kSquat, 66}},                            // stepUp
    {"thruster", {c::kSquat, 101}},                          // dumbbellThrusters
    {"squat to press", {c::kSquat, 101}},                    // dumbbellThrusters
    {"squat jack", {c::kCardio, 18}},                        // squatJacks
    {"jump squat", {c::kPlyo, 37}},                          // jumpSquat
    {"squat jump", {c::kPlyo, 37}},                          // jumpSquat
    {"lunge", {c::kLunge, 32}},                              // lunge
    {"forward lunge", {c::kLunge, 32}},                      // lunge
    {"reverse lunge", {c::kLunge, 82}},                      // dumbbellReverseLunge
    {"alternating lunge", {c::kLunge, 81}},                  // alternatingDumbbellLunge
    {"walking lunge", {c::kLunge, 78}},                      // walkingLunge
    {"lateral lunge", {c::kLunge, 61}},                      // sideLunge
    {"side lunge", {c::kLunge, 61}},                         // sideLunge
    {"curtsy lunge", {c::kLunge, 86}},                       // curtsyLunge
    {"jump lunge", {c::kPlyo, 0}},                           // alternatingJumpLunge
    {"jumping lunge", {c::kPlyo, 0}},                        // alternatingJumpLunge
    {"deadlift", {c::kDeadlift, 2}},                         // dumbbellDeadlift
    {"romanian deadlift", {c::kDeadlift, 23}},               // romanianDeadlift
    {"rdl", {c::kDeadlift, 23}},                             // romanianDeadlift
    {"single leg deadlift", {c::kDeadlift, 14}},       // singleLegRomanianDeadliftWithDumbbell
    {"single leg rdl", {c::kDeadlift, 14}},            // singleLegRomanianDeadliftWithDumbbell
    {"sumo deadlift", {c::kDeadlift, 15}},             // sumoDeadlift
    {"stiff leg deadlift", {c::kDeadlift, 25}},        // straightLegDeadlift
    {"straight leg deadlift", {c::kDeadlift, 25}},     // straightLegDeadlift
    {"good morning", {c::kLegCurl, 2}},                // goodMorning
    {"bicep curl", {c::kCurl, 46}},                    // dumbbellBicepsCurl
    {"alternating bicep curl", {c::kCurl, 0}},         // alternatingDumbbellBicepsCurl
    {"hammer curl", {c::kCurl, 16}},                   // dumbbellHammerCurl
    {"concentration curl", {c::kCurl, 44}},            // oneArmConcentrationCurl
    {"zottman curl", {c::kCurl, 45}},                  // standingZottmanBicepsCurl
    {"tricep extension", {c::kTricepsExtension, 15}},  // overheadDumbbellTricepsExtension
    {"overhead tricep extension", {c::kTricepsExtension, 15}},  // overheadDumbbellTricepsExtension
    {"skull crusher", {c::kTricepsExtension, 7}},               // dumbbellLyingTricepsExtension
    {"tricep kickback", {c::kTricepsExtension, 6}},             // dumbbellKickback
    {"tricep dip", {c::kTricepsExtension, 0}},                  // benchDip
    {"bent over row", {c::kRow, 47}},                           // bentOverRowWithDumbell
    {"row", {c::kRow, 2}},                                      // dumbbellRow
    {"dumbbell row", {c::kRow, 2}},                             // dumbbellRow
    {"single arm row", {c::kRow, 13}},                          // oneArmBentOverRow
    {"renegade row", {c::kRow, 15}},                            // renegadeRow
    {"upright row", {c::kShrug, 6}},                            // dumbbellUprightRow
    {"shrug", {c::kShrug, 5}},                                  // dumbbellShrug
    {"reverse fly", {c::kLateralRaise, 3}},                     // bentOverLateralRaise
    {"rear delt fly", {c::kLateralRaise, 3}},                   // bentOverLateralRaise
    {"chest press", {c::kBenchPress, 6}},                       // dumbbellBenchPress
    {"floor press", {c::kBenchPress, 7}},                       // dumbbellFloorPress
    {"bench press", {c::kBenchPress, 6}},                       // dumbbellBenchPress
    {"chest fly", {c::kFlye, 2}},                               // dumbbellFlye
    {"chest flye", {c::kFlye, 2}},                              // dumbbellFlye
    {"lateral raise", {c::kLateralRaise, 34}},                  // dumbbellLateralRaise
    {"front raise", {c::kLateralRaise, 10}},                    // frontRaise
    {"pullover", {c::kPullUp, 8}},                              // ezBarPullover
    {"glute bridge", {c::kHipRaise, 11}},                       // hipRaise
    {"bridge", {c::kHipRaise, 11}},                             // hipRaise
    {"hip bridge", {c::kHipRaise, 11}},                         // hipRaise
    {"single leg glute bridge", {c::kHipRaise, 30}},            // singleLegHipRaise
    {"bridge march", {c::kHipRaise, 24}},                       // marchingHipRaise
    {"hip thrust", {c::kHipRaise, 11}},                         // hipRaise
    {"kettlebell swing", {c::kHipRaise, 23}},                   // kettlebellSwing
    {"clamshell", {c::kHipRaise, 44}},                          // clams
    {"plank", {c::kPlank, 43}},                                 // plank
    {"forearm side plank", {c::kPlank, 66}},                    // sidePlank
    {"arm circles", {c::kWarmUp, 5}},                           // armCircles
    {"body weight squat", {c::kSquat, 100}},                    // airSquat
    {"overhead extension", {c::kTricepsExtension, 15}},         // overheadDumbbellTricepsExtension
    {"neutral grip chest press", {c::kBenchPress, 13}},         // neutralGripDumbbellBenchPress
    {"high pull", {c::kOlympicLift, 8}},                        // barbellHighPull
    {"dumbbell swing", {c::kHipSwing, 1}},                      // singleArmDumbbellSwing
    {"scissors", {c::kCore, 65}},                               // scissors
    {"hamstring stretch", {c::kWarmUp, 44}},                    // stretchHamstring
    {"quad stretch", {c::kWarmUp, 61}},                         // stretchQuad
    {"child's pose", {c::kWarmUp, 39}},                         // stretchChildsPose
    {"figure four stretch", {c::kWarmUp, 59}},                  // stretchPigeonPose
    {"forearm plank", {c::kPlank, 43}},                         // plank
    {"high plank", {c::kPlank, 92}},                            // straightArmPlank
    {"side plank", {c::kPlank, 66}},                            // sidePlank
    {"plank up down", {c::kMove, 34}},                          // plankUpDowns
    {"mountain climber", {c::kPlank, 34}},                      // mountainClimber
    {"cross body mountain climber", {c::kPlank, 6}},            // crossBodyMountainClimber
    {"bear crawl", {c::kPlank, 4}},                             // bearCrawl
    {"crunch", {c::kCrunch, 83}},                               // crunch
    {"bicycle crunch", {c::kCrunch, 0}},                        // bicycleCrunch
    {"reverse crunch", {c::kCrunch, 46}},                       // reverseCrunch
    {"flutter kick", {c::kCrunch, 13}},                         // flutterKicks
    {"russian twist", {c::kCore, 46}},                          // russianTwist
    {"bird dog", {c::kCore, 48}},                               // armAndLegExtensionOnKnees
    {"inchworm", {c::kCore, 44}},                               // inchworm
    {"scissor kick", {c::kCore, 65}},                           // scissors
    {"hundred", {c::kCore, 72}},                                // theHundred
    {"teaser", {c::kCore, 71}},                                 // teaser
    {"windmill", {c::kCore, 17}},                               // kettlebellWindmill
    {"turkish get up", {c::kCore, 89}},                         // turkishGetUp
    {"dead bug", {c::kHipStability, 1}},                        // deadBug
    {"fire hydrant", {c::kHipStability, 5}},                    // fireHydrantKicks
    {"donkey kick", {c::kHipStability, 17}},                    // quadrupedHipExtension
    {"glute kickback", {c::kHipStability, 17}},                 // quadrupedHipExtension
    {"side lying leg raise", {c::kHipStability, 21}},           // sideLyingLegRaise
    {"leg raise", {c::kLegRaise, 8}},                           // lyingStraightLegRaise
    {"leg lift", {c::kLegRaise, 8}},                            // lyingStraightLegRaise
    {"burpee", {c::kTotalBody, 0}},                             // burpee
    {"man maker", {c::kTotalBody, 5}},                          // manMakers
    {"squat thrust", {c::kTotalBody, 7}},                       // squatThrusts
    {"jumping jack", {c::kCardio, 12}},                         // jumpingJacks
    {"jump rope", {c::kCardio, 6}},                             // jumpRope
    {"high knee", {c::kWarmUp, 26}},                            // walkingHighKnees
    {"march", {c::kWarmUp, 88}},                                // marchingInPlace
    {"sit up", {c::kSitUp, 37}},                                // sitUp
    {"v up", {c::kSitUp, 31}},                                  // vUp
    {"superman", {c::kHyperextension, 29}},                     // supermanFromFloor
    {"calf raise", {c::kCalfRaise, 18}},                        // standingCalfRaise
    {"skater", {c::kPlyo, 17}},                                 // lateralLeapAndHop
    {"box jump", {c::kPlyo, 33}},                               // boxJump
    {"woodchop", {c::kChop, 5}},                                // dumbbellChop
    {"wood chop", {c::kChop, 5}},                               // dumbbellChop
    {"clean", {c::kOlympicLift, 12}},                           // dumbbellClean
    {"snatch", {c::kOlympicLift, 25}},                          // dumbbellSnatch
    {"clean and press", {c::kOlympicLift, 27}},                 // cleanAndPress
    {"farmer carry", {c::kCarry, 7}},                           // farmersCarry
    {"toe touch", {c::kMove, 84}},                              // toeTouch
};

// A word in its singular: "ups" is "up", "crunches" "crunch", "biceps" "bicep"; "press" as it
// is.
std::string FitSingular(std::string word) {
  if (word.size() <= 2 || word.back() != 's' || word.ends_with("ss")) return word;
  if (word.ends_with("ches") || word.ends_with("shes")) {
    word.resize(word.size() - 2);
  } else {
    word.pop_back();
  }
  return word;
}

// The name as the table holds it: lowercase words of letters and digits (apostrophes dropped,
// any other character separating), each singular, one space between them, without a closing
// "left" or "right" (a side of the same movement).
std::string FitExerciseKey(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(FitSingular(std::move(word)));
    word.clear();
  };
  for (const char ch : name) {
    const auto u = static_cast<unsigned char>(ch);
    if (u == '\'') continue;
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
      word += ch;
    } else if (u >= 'A' && u <= 'Z') {
      word += static_cast<char>(u - 'A' + 'a');
    } else {
      flush();
    }
  }
  flush();
  while (words.size() > 1 && (words.back() == "left" || words.back() == "right")) words.pop_back();
  std::string key;
  for (const std::string& w : words) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  return key;
}

using MovementIndex = std::vector<std::pair<std::string, FitExercise>>;

// The table by key, sorted, made once (keys normalised the same way as the names looked up).
const MovementIndex& Movements() {
  static const MovementIndex& index = *[] {
    auto* built = new MovementIndex();
    for (const MovementEntry& e : kMovements) {
      built->emplace_back(FitExerciseKey(e.name), e.exercise);
    }
    std::sort(built->begin(), built->end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return built;
  }();
  return index;
}

}  // namespace

std::optional<FitExercise> FitExerciseFor(std::string_view movement_name) {
  const std::string key = FitExerciseKey(movement_name);
  const MovementIndex& index = Movements();
  const auto it = std::lower_bound(index.begin(), index.end(), key,
                                   [](const auto& e, const std::string& k) { return e.first < k; });
  if (it == index.end() || it->first != key) return std::nullopt;
  return it->second;
}

bool IsRestMovement(std::string_view movement_name) {
  return FitExerciseKey(movement_name) == "rest";
}

}  // namespace pelo::exporter
