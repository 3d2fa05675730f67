// Bad input on the command line (malformed dates, negative counts, unknown ids, unwritable
// outputs, a missing or newer database) and hostile text from the API (workout titles that would
// make file names): a one-line error with the documented exit code, and nothing created,
// changed or half-written.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_env.h"
#include "process.h"
#include "support/db_digest.h"
#include "support/sql_exec.h"

namespace pelo::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t comma; (comma = text.find(',', start)) != std::string::npos; start = comma + 1) {
    parts.push_back(text.substr(start, comma - start));
  }
  parts.push_back(text.substr(start));
  return parts;
}

// `bytes` as SQL blob hex, so that any byte reaches the database as written.
std::string Hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : bytes) hex += {kDigits[c >> 4], kDigits[c & 15]};
  return hex;
}

// One synced database shared by the tests of this file (they only read it, or copy it).
class CliBadInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sim_ = new SimProcess({"--workouts", "12"});
    env_ = new CliEnv(sim_->url());
    ASSERT_EQ(env_->Login().exit_code, 0);
    auto synced = env_->Pelo({"sync", "--quiet"});
    ASSERT_EQ(synced.exit_code, 0) << synced.err;
  }
  static void TearDownTestSuite() {
    delete env_;
    delete sim_;
  }

  // Runs pelo and checks the outcome: `exit_code`, nothing on stdout, and one line on stderr
  // that starts "pelo: " and holds `mentions`.
  static void ExpectOneLineError(const std::vector<std::string>& args, int exit_code,
                                 const std::string& mentions) {
    std::string command = "pelo";
    for (const std::string& a : args) command += " " + a;
    SCOPED_TRACE(command);
    const ProcessResult r = env_->Pelo(args);
    EXPECT_EQ(r.exit_code, exit_code) << r.err;
    EXPECT_EQ(r.out, "");
    ASSERT_FALSE(r.err.empty());
    EXPECT_EQ(r.err.rfind("pelo: ", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "more than one line: " << r.err;
    EXPECT_NE(r.err.find(mentions), std::string::npos) << r.err;
  }

  static SimProcess* sim_;
  static CliEnv* env_;
};

SimProcess* CliBadInput::sim_ = nullptr;
CliEnv* CliBadInput::env_ = nullptr;

TEST_F(CliBadInput, MalformedDatesAreUsageErrors) {
  ExpectOneLineError({"workouts", "--since", "2024-02-30"}, 2, "'2024-02-30' is not a date");
  ExpectOneLineError({"workouts", "--until", "yesterday"}, 2, "--until");
  ExpectOneLineError({"stats", "rides", "--since", "2024-13-01"}, 2, "--since");
  ExpectOneLineError({"stats", "curve", "--until", "20240101"}, 2, "'20240101' is not a date");
  ExpectOneLineError({"stats", "fitness", "--since", "2024-05-01", "--until", "2024-04-01"}, 2,
                     "is after --until");
  ExpectOneLineError({"sync", "--since", "2024-99-99"}, 2, "--since");
  ExpectOneLineError({"sync", "--since", "-86400"}, 2, "--since");
  ExpectOneLineError({"live", "--from", "2024-02-31"}, 2, "--from");
}

TEST_F(CliBadInput, NegativeAndZeroCountsAreUsageErrors) {
  ExpectOneLineError({"workouts", "--limit", "-1"}, 2, "--limit: must be a whole number of 1");
  ExpectOneLineError({"workouts", "--limit", "0"}, 2, "got 0");
  ExpectOneLineError({"sync", "--last", "-5"}, 2, "--last");
  ExpectOneLineError({"sync", "--jobs", "0"}, 2, "--jobs");
  ExpectOneLineError({"stats", "drivers", "--block-weeks", "-3"}, 2, "--block-weeks");
  ExpectOneLineError({"classes", "--limit", "-1"}, 2, "--limit");
  ExpectOneLineError({"classes", "--page", "-2"}, 2, "--page");
  ExpectOneLineError({"followers", "--limit", "0"}, 2, "--limit");
  ExpectOneLineError({"demo", "--workouts", "-1"}, 2, "--workouts");
}

TEST_F(CliBadInput, UnknownFlagsAndWordsAreUsageErrorsNamingTheCommandsHelp) {
  ExpectOneLineError({"workouts", "--frobnicate"}, 2, "not expected: --frobnicate");
  ExpectOneLineError({"stats", "rides", "extra", "words"}, 2, "not expected: extra words");
  ExpectOneLineError({"stats", "rides", "--nope"}, 2, "`pelo stats rides --help`");
  ExpectOneLineError({"stats"}, 2, "`pelo stats --help`");
  ExpectOneLineError({"export", "workouts", "--dir", "x"}, 2, "--dir applies to samples only");
}

// The global options work after the command too, as the README shows them.
TEST_F(CliBadInput, GlobalOptionsWorkAfterTheCommand) {
  const ProcessResult r = env_->Pelo({"workouts", "--limit", "2", "-v", "--log-level", "debug"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ParseCsv(env_->Pelo({"workouts", "--csv", "--limit", "2"}).out).size(), 3u);
  ExpectOneLineError({"workouts", "--log-level", "shout"}, 2, "shout");
}

TEST_F(CliBadInput, UnknownWorkoutIdsFailWithoutChangingTheDatabase) {
  const auto before = DigestTables(env_->DbPath(), {.include_bookkeeping = true});
  // Not an id at all: refused before any request.
  ExpectOneLineError({"sync", "--workout", "../../api/me"}, 2, "is not a Peloton id");
  ExpectOneLineError({"sync", "--workout", "zzz"}, 2, "'zzz' is not a Peloton id");
  // An id Peloton does not have: the API's 404, named.
  ExpectOneLineError({"sync", "--quiet", "--workout", "0123456789abcdef0123456789abcdef"}, 5,
                     "workout 0123456789abcdef0123456789abcdef: Peloton has no such workout");
  ExpectOneLineError({"class", "0123456789abcdef0123456789abcdef"}, 5, "404");
  EXPECT_EQ(DigestTables(env_->DbPath(), {.include_bookkeeping = true}), before);
}

TEST_F(CliBadInput, UnwritableOutputPathsAreStorageErrorsAndCreateNothing) {
  TempDir dir;
  ExpectOneLineError({"export", "workouts", "-o", dir.path()}, 6, "is a directory");
  ExpectOneLineError({"export", "workouts", "-o", dir / "missing/x.csv"}, 6, "no such directory");
  ExpectOneLineError({"export", "workouts", "-o", dir.path() + "/"}, 6, "is a directory");
  const std::string file = dir / "a-file";
  ASSERT_EQ(env_->Pelo({"export", "workouts", "-o", file}).exit_code, 0);
  ExpectOneLineError({"export", "samples", "--dir", file}, 6, "cannot create the directory");
  // Nothing else appeared: no temporary file, no partial output.
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    names.push_back(entry.path().filename());
  }
  EXPECT_EQ(names, std::vector<std::string>{"a-file"});
  // Standard output to a full disk: not exit 0 with the output cut short.
  for (const char* command : {"workouts", "export"}) {
    std::vector<std::string> argv = {"/bin/bash", "-c",     "exec \"$@\" > /dev/full",
                                     "bash",      PELO_BIN, command};
    if (std::string(command) == "export") argv.push_back("samples");
    const ProcessResult full = RunProcess(argv, env_->Env());
    EXPECT_EQ(full.exit_code, 6) << command << ": " << full.err;
    EXPECT_NE(full.err.find("cannot write standard output"), std::string::npos) << full.err;
  }
}

TEST_F(CliBadInput, DatabaseProblemsAreStorageErrors) {
  TempDir dir;
  // Missing: an error, and no database (or directory) is created by a command that reads.
  ExpectOneLineError({"workouts", "--db", dir / "none/pelo.db"}, 6, "no such database");
  ExpectOneLineError({"stats", "fitness", "--db", dir / "none.db"}, 6, "no such database");
  ExpectOneLineError({"export", "samples", "--db", dir / "none.db"}, 6, "no such database");
  EXPECT_FALSE(fs::exists(dir / "none"));
  EXPECT_FALSE(fs::exists(dir / "none.db"));
  // A directory, and a file that is not SQLite.
  ExpectOneLineError({"workouts", "--db", dir.path()}, 6, "is a directory");
  const std::string junk = dir / "junk.db";
  {
    std::FILE* f = std::fopen(junk.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("this is not a database, just text long enough to have a header....\n", f);
    std::fclose(f);
  }
  ExpectOneLineError({"workouts", "--db", junk}, 6, junk);
  // A database from a newer pelo: refused, untouched.
  const std::string newer = dir / "newer.db";
  fs::copy_file(env_->DbPath(), newer);
  ExecSql(newer, "PRAGMA user_version = 99");
  const auto before = DigestTables(newer, {.include_bookkeeping = true});
  ExpectOneLineError({"workouts", "--db", newer}, 6, "schema v99 is newer than this pelo");
  ExpectOneLineError({"sync", "--quiet", "--db", newer}, 6, "newer than this pelo");
  EXPECT_EQ(QueryText(newer, "PRAGMA user_version"), "99");
  EXPECT_EQ(DigestTables(newer, {.include_bookkeeping = true}), before);
}

// Workout titles are the API's text: file names made from them stay inside the directory asked
// for, whatever they hold, and each workout's file holds its samples.
TEST_F(CliBadInput, HostileTitlesMakeSafeFileNames) {
  TempDir dir;
  const std::string db = dir / "copy.db";
  fs::copy_file(env_->DbPath(), db);
  const std::vector<std::string> titles = {"../../escaped",
                                           "/etc/passwd",
                                           "..",
                                           "CON",
                                           "a\nb\rc\x1b[31m",
                                           "ride\xe2\x80\xae"
                                           "fdp.exe",
                                           "\xff\xfe",
                                           ".hidden"};
  const std::vector<std::string> ids = SplitCommas(
      QueryText(db, "SELECT group_concat(id, ',') FROM (SELECT id FROM workouts ORDER BY id)"));
  ASSERT_GE(ids.size(), titles.size());
  for (size_t i = 0; i < titles.size(); ++i) {
    ExecSql(db,
            "UPDATE rides SET title = NULL WHERE id = (SELECT ride_id FROM workouts WHERE id = '" +
                ids[i] + "')");
    ExecSql(db, "UPDATE workouts SET title = CAST(X'" + Hex(titles[i]) +
                    "' AS TEXT), name = NULL "
                    "WHERE id = '" +
                    ids[i] + "'");
  }
  const std::string out = dir / "files";
  const ProcessResult r = env_->Pelo({"export", "samples", "--db", db, "--dir", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const int with_samples = std::stoi(QueryText(
      db, "SELECT COUNT(DISTINCT w.id) FROM workouts w JOIN samples s ON s.workout_key = w.key"));
  EXPECT_NE(r.err.find("Wrote " + std::to_string(with_samples) + " files"), std::string::npos)
      << r.err;
  // Everything written is a plain file directly in `out`, named DATE_TITLE_ID.csv.
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
    const std::string name = entry.path().filename();
    if (entry.path().parent_path() == dir.path()) continue;  // copy.db and the files dir
    ++files;
    EXPECT_EQ(entry.path().parent_path(), fs::path(out)) << entry.path();
    EXPECT_TRUE(entry.is_regular_file()) << name;
    EXPECT_EQ(name.find(".."), std::string::npos) << name;
    EXPECT_NE(name.front(), '.') << name;
    for (unsigned char c : name) EXPECT_TRUE(c >= 0x20 && c != 0x7f) << name;
    EXPECT_EQ(name.find("\xe2\x80\xae"), std::string::npos) << name;
    EXPECT_TRUE(name.ends_with(".csv")) << name;
  }
  EXPECT_EQ(files, with_samples);
  EXPECT_FALSE(fs::exists(dir / "escaped"));
  // The first hostile workout's file holds its own samples, all of them.
  for (const auto& entry : fs::directory_iterator(out)) {
    const std::string name = entry.path().filename();
    if (name.find("_escaped_" + ids[0].substr(0, 8) + ".csv") == std::string::npos) continue;
    const auto rows = ParseCsv(ReadFile(entry.path()));
    const std::string samples = QueryText(
        db,
        "SELECT COUNT(*) FROM samples s JOIN workouts w ON s.workout_key = w.key WHERE w.id = '" +
            ids[0] + "'");
    EXPECT_EQ(rows.size() - 1, std::stoul(samples));
    EXPECT_EQ(rows[1][0], ids[0]);
    return;
  }
  ADD_FAILURE() << "no file for " << ids[0];
}

}  // namespace
}  // namespace pelo::testing
