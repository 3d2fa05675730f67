// pelo's workouts CSV carries the same numbers as the notebook pipeline it replaces
// (../shared/bench/notebook_pipeline.py, run with Debian's python3 + requests + pandas), for the
// same simulator data and every_n.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <map>

#include "cli_env.h"

namespace pelo::testing {
namespace {

constexpr const char* kPython = "/usr/bin/python3";

// The notebook's columns, which pelo's CSV must reproduce.
const std::vector<std::string> kNotebookColumns = {
    "workout_id",         "peloton_id",         "date",
    "duration",           "total_output",       "max_output",
    "average_output",     "average_cadence",    "max_resistance",
    "average_resistance", "average_heart_rate", "max_heart_rate"};

// Same cell: both empty, the same text, or the same number (pandas writes 142 as "142.0" when
// the column has gaps).
bool SameCell(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a.empty() || b.empty()) return false;
  char* end_a = nullptr;
  char* end_b = nullptr;
  double x = std::strtod(a.c_str(), &end_a);
  double y = std::strtod(b.c_str(), &end_b);
  if (*end_a || *end_b) return false;
  return std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(x));
}

void ExpectParity(int workouts, int every_n) {
  if (access(kPython, X_OK) != 0) GTEST_SKIP() << "no " << kPython;
  SimProcess sim({"--workouts", std::to_string(workouts), "--seed", "7"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login("pkce").exit_code, 0);
  auto sync = env.Pelo({"sync", "--every-n", std::to_string(every_n)});
  ASSERT_EQ(sync.exit_code, 0) << sync.err;
  const std::string pelo_csv = env.dir() / "pelo.csv";
  ASSERT_EQ(env.Pelo({"export", "workouts", "--format", "csv", "-o", pelo_csv}).exit_code, 0);

  const std::string notebook_csv = env.dir() / "notebook.csv";
  auto nb = RunProcess({kPython, std::string(PELO_SHARED_DIR) + "/bench/notebook_pipeline.py",
                        "--api-url", sim.url(), "--auth-url", sim.url(), "--email",
                        "demo@example.com", "--password", "demo", "--every-n",
                        std::to_string(every_n), "--discipline", "all", "--out", notebook_csv});
  ASSERT_EQ(nb.exit_code, 0) << nb.err;

  CsvTable ours = CsvRowsByFirstColumn(ReadFile(pelo_csv));
  CsvTable theirs = CsvRowsByFirstColumn(ReadFile(notebook_csv));
  ASSERT_EQ(theirs.size(), static_cast<size_t>(workouts));
  ASSERT_EQ(ours.size(), theirs.size());
  int compared = 0;
  for (const auto& [id, cells] : theirs) {
    ASSERT_TRUE(ours.count(id)) << "pelo lacks workout " << id;
    for (const auto& column : kNotebookColumns) {
      EXPECT_TRUE(SameCell(ours[id][column], cells.at(column)))
          << id << " " << column << ": pelo '" << ours[id][column] << "' notebook '"
          << cells.at(column) << "'";
      ++compared;
    }
  }
  EXPECT_EQ(compared, workouts * static_cast<int>(kNotebookColumns.size()));
}

TEST(NotebookParity, SameNumbersAtFullResolution) { ExpectParity(40, 1); }
TEST(NotebookParity, SameNumbersAtTheNotebooksDefaultEveryN) { ExpectParity(120, 30); }

}  // namespace
}  // namespace pelo::testing
