// Text from strangers never steers the terminal (ADR 0012): titles, instructor names and other
// members' text served by pelo-sim reach a person escaped, in a pipe and on a terminal, while
// --json and --csv in a pipe keep the data exact and JSON on a terminal stays the same JSON.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_env.h"
#include "process.h"
#include "support/screen_text.h"

namespace pelo::testing {
namespace {

const std::string kHostileTitle = "Ride \x1b[31mRED\x1b[0m \x1b]0;pwned\x07";
const std::string kHostileInstructor = "\u202Eliv\u009b2J";  // RLO, C1 CSI

// What must never reach a person's terminal raw: C0 but '\n', DEL, C1 (UTF-8 C2 80-9F), the bidi
// controls, U+2028/U+2029, and bytes that are not UTF-8. The offending text, or "".
std::string RawControl(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::string around = text.substr(i > 20 ? i - 20 : 0, 40);
    if ((b < 0x20 && b != '\n') || b == 0x7F) return around;
    if (b == 0xC2 && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80)
      return around;
    for (const char* bidi :
         {"\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066",
          "\u2067", "\u2068", "\u2069", "\u2028", "\u2029"}) {
      if (text.compare(i, std::char_traits<char>::length(bidi), bidi) == 0) return around;
    }
  }
  return "";
}

// A recorded workout (SyncMyWorkout01.json) with its own ids, title and instructor.
void WriteRecordedWorkout(const TempDir& dir, int n, const std::string& title,
                          const std::string& instructor) {
  const std::string data =
      std::string(PELO_SHARED_DIR) + "/fixtures/peloton/peloton-to-garmin/src/UnitTests/Data/";
  nlohmann::json doc = nlohmann::json::parse(ReadFile(data + "SyncMyWorkout01.json"));
  char id[33];
  std::snprintf(id, sizeof id, "%032x", 0xA000 + n);
  nlohmann::json& workout = doc["Workout"];
  workout["id"] = id;
  for (const char* key : {"created_at", "start_time", "end_time"}) {
    if (workout[key].is_number()) workout[key] = workout[key].get<int64_t>() - n * 86400;
  }
  nlohmann::json& ride = workout["ride"];
  std::snprintf(id, sizeof id, "%032x", 0xB000 + n);
  ride["id"] = id;
  ride["title"] = title;
  std::snprintf(id, sizeof id, "%032x", 0xC000 + n);
  ride["instructor"]["id"] = id;
  ride["instructor_id"] = id;
  ride["instructor"]["name"] = instructor;
  std::ofstream(dir / ("workout" + std::to_string(n) + ".json")) << doc.dump();
}

class CliTerminal : public ::testing::Test {
 protected:
  // One sim serving the recorded workouts `workouts` (title, instructor), synced by one login.
  void Serve(const std::vector<std::pair<std::string, std::string>>& workouts) {
    for (size_t i = 0; i < workouts.size(); ++i) {
      WriteRecordedWorkout(recorded_, static_cast<int>(i), workouts[i].first, workouts[i].second);
    }
    sim_ =
        std::make_unique<SimProcess>(std::vector<std::string>{"--workouts-from", recorded_.path()});
    env_ = std::make_unique<CliEnv>(sim_->url());
    ASSERT_EQ(env_->Login().exit_code, 0);
    const ProcessResult sync = env_->Pelo({"sync"});
    ASSERT_EQ(sync.exit_code, 0) << sync.err;
  }

  ProcessResult OnTerminal(std::vector<std::string> args) const {
    args.insert(args.begin(), PELO_BIN);
    return RunProcessOnTerminal(args, env_->Env());
  }

  TempDir recorded_;
  std::unique_ptr<SimProcess> sim_;
  std::unique_ptr<CliEnv> env_;
};

TEST_F(CliTerminal, TheTableShowsAHostileTitleEscapedAndJsonAndCsvKeepItExact) {
  Serve({{kHostileTitle, kHostileInstructor}});
  const ProcessResult table = env_->Pelo({"workouts"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(RawControl(table.out), "") << table.out;
  EXPECT_NE(table.out.find("Ride \\x1b[31mRED\\x1b[0m \\x1b]0;pwne"), std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("\\u202eliv\\u009b2J"), std::string::npos) << table.out;

  const ProcessResult as_json = env_->Pelo({"workouts", "--json"});
  ASSERT_EQ(as_json.exit_code, 0) << as_json.err;
  const nlohmann::json rows = nlohmann::json::parse(as_json.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["title"], kHostileTitle);
  EXPECT_EQ(rows[0]["instructor"], kHostileInstructor);
  EXPECT_NE(as_json.out.find("\u202E"), std::string::npos);  // exact, not escaped, in a pipe

  const ProcessResult csv = env_->Pelo({"workouts", "--csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const CsvTable by_id = CsvRowsByFirstColumn(csv.out);
  ASSERT_EQ(by_id.size(), 1u);
  EXPECT_EQ(by_id.begin()->second.at("title"), kHostileTitle);
  EXPECT_EQ(by_id.begin()->second.at("instructor"), kHostileInstructor);
  const ProcessResult exported = env_->Pelo({"export", "workouts"});
  EXPECT_EQ(exported.out, csv.out);
}

TEST_F(CliTerminal, NothingRawReachesATerminal) {
  Serve({{kHostileTitle, kHostileInstructor}});
  const ProcessResult table = OnTerminal({"workouts"});
  ASSERT_EQ(table.exit_code, 0) << table.out;
  EXPECT_EQ(RawControl(table.out), "") << table.out;
  EXPECT_NE(table.out.find("Ride \\x1b[31mRED"), std::string::npos) << table.out;

  // CSV on a terminal: escaped like the table; its line ends stay.
  const ProcessResult csv = OnTerminal({"workouts", "--csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.out;
  EXPECT_EQ(RawControl(csv.out), "") << csv.out;
  EXPECT_NE(csv.out.find("Ride \\x1b[31mRED\\x1b[0m \\x1b]0;pwned\\x07"), std::string::npos)
      << csv.out;
  EXPECT_EQ(Lines(csv.out).size(), 2u) << csv.out;

  // JSON on a terminal: the controls as JSON escapes, so it is still the same data.
  const ProcessResult as_json = OnTerminal({"workouts", "--json"});
  ASSERT_EQ(as_json.exit_code, 0) << as_json.out;
  EXPECT_EQ(RawControl(as_json.out), "") << as_json.out;
  const nlohmann::json rows = nlohmann::json::parse(as_json.out, nullptr, false);
  ASSERT_FALSE(rows.is_discarded()) << as_json.out;
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["title"], kHostileTitle);
  EXPECT_EQ(rows[0]["instructor"], kHostileInstructor);

  // `pelo api` on a terminal: the API's body, pretty, with the same data as in a pipe.
  const std::vector<std::string> api = {"api", "GET",
                                        "/api/workout/" + std::string(28, '0') + "a000", "-q",
                                        "joins=ride,ride.instructor"};
  const ProcessResult piped_api = env_->Pelo(api);
  ASSERT_EQ(piped_api.exit_code, 0) << piped_api.err;
  EXPECT_NE(piped_api.out.find("\u202E"), std::string::npos);  // exact in a pipe
  const ProcessResult api_on_terminal = OnTerminal(api);
  ASSERT_EQ(api_on_terminal.exit_code, 0) << api_on_terminal.out;
  EXPECT_EQ(RawControl(api_on_terminal.out), "") << api_on_terminal.out;
  EXPECT_EQ(nlohmann::json::parse(api_on_terminal.out), nlohmann::json::parse(piped_api.out));
}

TEST_F(CliTerminal, ErrorsQuotingHostileTextStayOneEscapedLine) {
  Serve({{"plain", "coach"}});
  const std::string db = env_->dir() / "no\x1b[2J\u202E\ndb";
  const ProcessResult piped = env_->Pelo({"workouts", "--db", db});
  EXPECT_EQ(piped.exit_code, 6);
  EXPECT_EQ(RawControl(piped.err), "") << piped.err;
  EXPECT_EQ(Lines(piped.err).size(), 1u) << piped.err;
  EXPECT_NE(piped.err.find("no\\x1b[2J\\u202e\\ndb"), std::string::npos) << piped.err;
  const ProcessResult usage = env_->Pelo({"workouts", "--limit", "\x1b]0;x\x07"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_EQ(RawControl(usage.err), "") << usage.err;
  EXPECT_EQ(Lines(usage.err).size(), 1u) << usage.err;
  const ProcessResult on_terminal = OnTerminal({"workouts", "--db", db});
  EXPECT_EQ(on_terminal.exit_code, 6);
  EXPECT_EQ(RawControl(on_terminal.out), "") << on_terminal.out;
}

// A trace log (-vv) quotes the bodies it received: each log line is escaped like the rest.
TEST_F(CliTerminal, LogLinesQuotingTheApiAreEscaped) {
  Serve({{"plain", "coach"}});
  ASSERT_EQ(env_->Pelo({"profile", "set", "location=" + kHostileInstructor, "--yes"}).exit_code, 0);
  const ProcessResult traced = env_->Pelo({"-vv", "user", "--json"});
  ASSERT_EQ(traced.exit_code, 0) << traced.err;
  EXPECT_EQ(RawControl(traced.err), "") << traced.err;
  EXPECT_NE(traced.err.find("\\u202eliv\\u009b2J"), std::string::npos) << traced.err;
  EXPECT_EQ(nlohmann::json::parse(traced.out)["location"], kHostileInstructor);  // the body: exact
}

// Other members' free text: the location a member sets reaches `pelo user` and `pelo search`
// escaped, and `--json` in a pipe exact.
TEST_F(CliTerminal, MembersTextIsEscapedInProfilesAndSearch) {
  Serve({{"plain", "coach"}});
  const std::string location = "Berlin \x1b[8m\u202Ehidden\u009b\nsecond line";
  const ProcessResult set = env_->Pelo({"profile", "set", "location=" + location, "--yes"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(RawControl(set.out), "") << set.out;

  const ProcessResult user = env_->Pelo({"user"});
  ASSERT_EQ(user.exit_code, 0) << user.err;
  EXPECT_EQ(RawControl(user.out), "") << user.out;
  EXPECT_NE(user.out.find("Berlin \\x1b[8m\\u202ehidden\\u009b\\nsecond line"), std::string::npos)
      << user.out;
  const nlohmann::json me = nlohmann::json::parse(env_->Pelo({"user", "--json"}).out);
  EXPECT_EQ(me["location"], location);

  const ProcessResult search = env_->Pelo({"search", me["username"].get<std::string>()});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_EQ(RawControl(search.out), "") << search.out;
  EXPECT_NE(search.out.find("Berlin \\x1b[8m"), std::string::npos) << search.out;
  const ProcessResult on_terminal = OnTerminal({"user"});
  EXPECT_EQ(RawControl(on_terminal.out), "") << on_terminal.out;
}

TEST_F(CliTerminal, TheWorkoutsTableAlignsCjkAndEmojiTitles) {
  Serve({{"東京ラン 30分", "Coach-A"},
         {"🚴 Power Zone 🔥", "Coach-B"},
         {"Cafe\u0301 Ride", "Coach-C"},
         {"plain ascii title", "Coach-D"},
         {"東京タワー東京タワー東京タワー東京タワー", "Coach-E"}});  // 40 columns: cut
  // The C locale: the widths must not depend on it.
  const ProcessResult table = env_->Pelo({"workouts"}, {{"LC_ALL", "C"}, {"LANG", "C"}});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  const std::vector<std::string> lines = Lines(table.out);
  ASSERT_EQ(lines.size(), 6u) << table.out;
  const int column = ColumnOf(lines[0], "instructor");
  ASSERT_GT(column, 0);
  for (const char* coach : {"Coach-A", "Coach-B", "Coach-C", "Coach-D", "Coach-E"}) {
    const auto line = std::find_if(lines.begin(), lines.end(), [&](const std::string& l) {
      return l.find(coach) != std::string::npos;
    });
    ASSERT_NE(line, lines.end()) << table.out;
    EXPECT_EQ(ColumnOf(*line, coach), column) << table.out;
  }
  // Cut between characters at 36 columns: 17 two-column characters and the ellipsis.
  EXPECT_NE(table.out.find("東京タワー東京タワー東京タワー東京…"), std::string::npos) << table.out;
}

}  // namespace
}  // namespace pelo::testing
