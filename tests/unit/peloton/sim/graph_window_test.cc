// every_n windowing, outdoor GPS and FTP history of the synthetic athlete.
#include <cmath>

#include "sim_test_util.h"

namespace pelo::sim {
namespace {

using nlohmann::json;
using testing::AllWorkouts;
using testing::GetJson;
using testing::PasswordToken;

class GraphTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = testing::StartServer(testing::SmallOptions(300)).release();
    client_ = new httplib::Client("127.0.0.1", server_->port());
    token_ = PasswordToken(*client_);
    const std::string user = GetJson(*client_, "/api/me", token_)["id"].get<std::string>();
    workouts_ = AllWorkouts(*client_, token_, user, 100);
  }
  static void TearDownTestSuite() {
    delete client_;
    delete server_;
  }
  static json Graph(const std::string& id, int every_n) {
    return GetJson(*client_,
                   "/api/workout/" + id + "/performance_graph?every_n=" + std::to_string(every_n),
                   token_);
  }
  static json First(const std::string& discipline) {
    for (const auto& w : workouts_) {
      if (w["fitness_discipline"] == discipline) return w;
    }
    return nullptr;
  }

  static inline Server* server_ = nullptr;
  static inline httplib::Client* client_ = nullptr;
  static inline std::string token_;
  static inline json workouts_;
};

const json& MetricBySlug(const json& graph, const std::string& slug) {
  for (const auto& m : graph["metrics"]) {
    if (m["slug"] == slug) return m;
  }
  static const json kNone;
  return kNone;
}

TEST_F(GraphTest, EveryNWindowsAreMeansOfTheOneSecondValues) {
  const json ride = First("cycling");
  ASSERT_FALSE(ride.is_null());
  const std::string id = ride["id"].get<std::string>();
  const json g1 = Graph(id, 1);
  const json g7 = Graph(id, 7);
  const int duration = g1["duration"].get<int>();
  ASSERT_EQ(g1["seconds_since_pedaling_start"].size(), static_cast<size_t>(duration));
  EXPECT_EQ(g1["seconds_since_pedaling_start"][0], 1);
  ASSERT_EQ(g7["seconds_since_pedaling_start"].size(), static_cast<size_t>(duration / 7 + 1));
  EXPECT_EQ(g7["seconds_since_pedaling_start"][3], 21);
  for (const char* slug : {"output", "cadence", "speed"}) {
    const json& m1 = MetricBySlug(g1, slug);
    const json& m7 = MetricBySlug(g7, slug);
    ASSERT_EQ(m7["values"].size(), g7["seconds_since_pedaling_start"].size()) << slug;
    EXPECT_EQ(m1["max_value"], m7["max_value"]) << "max comes from the 1-s data";
    EXPECT_EQ(m1["average_value"], m7["average_value"]);
    // The window at t=70 holds seconds 70..76, i.e. 1-s indexes 69..75.
    double sum = 0;
    for (int s = 70; s < 77; ++s) sum += m1["values"][static_cast<size_t>(s - 1)].get<double>();
    const double expected =
        std::string(slug) == "speed" ? std::round(sum / 7 * 10) / 10 : std::round(sum / 7);
    EXPECT_DOUBLE_EQ(m7["values"][10].get<double>(), expected) << slug;
  }
  EXPECT_EQ(g1["summaries"], g7["summaries"]);
  EXPECT_EQ(Graph(id, 5)["seconds_since_pedaling_start"][1], 5) << "every_n=5";
  auto res =
      client_->Get(("/api/workout/" + id + "/performance_graph").c_str(), testing::Bearer(token_));
  EXPECT_EQ(json::parse(res->body)["seconds_since_pedaling_start"][1], 5) << "default is 5";
}

TEST_F(GraphTest, DisciplinesHaveTheirMetrics) {
  const json run = Graph(First("running")["id"].get<std::string>(), 1);
  EXPECT_EQ(MetricBySlug(run, "pace")["alternatives"][0]["slug"], "speed");
  EXPECT_FALSE(MetricBySlug(run, "incline").is_null());
  const json row = Graph(First("caesar")["id"].get<std::string>(), 1);
  EXPECT_EQ(MetricBySlug(row, "stroke_rate")["display_unit"], "spm");
  EXPECT_EQ(MetricBySlug(row, "split_pace")["display_unit"], "min/500m");
  const json yoga = Graph(First("yoga")["id"].get<std::string>(), 1);
  EXPECT_TRUE(yoga["metrics"].empty());
  ASSERT_EQ(yoga["summaries"].size(), 1u);
  EXPECT_EQ(yoga["summaries"][0]["slug"], "calories");
}

// Outdoors: the one walk of every history, and some runs (the second of every history).
TEST_F(GraphTest, OutdoorWorkoutsAreOneWalkAndSomeRunsWithGps) {
  int walks = 0, runs = 0;
  for (const auto& w : workouts_) {
    if (!w["is_outdoor"].get<bool>()) continue;
    const std::string discipline = w["fitness_discipline"].get<std::string>();
    walks += discipline == "walking" ? 1 : 0;
    runs += discipline == "running" ? 1 : 0;
    EXPECT_TRUE(discipline == "walking" || discipline == "running") << discipline;
  }
  ASSERT_EQ(walks, 1);
  EXPECT_GE(runs, 1);
  const json walk = First("walking");
  EXPECT_TRUE(walk["is_outdoor"].get<bool>());
  const json g = Graph(walk["id"].get<std::string>(), 1);
  ASSERT_FALSE(g["location_data"].empty());
  const json& c = g["location_data"][0]["coordinates"][10];
  EXPECT_NEAR(c["latitude"].get<double>(), 40.78, 0.1);
  EXPECT_EQ(c["distance_display_unit"], "mi");
  EXPECT_EQ(c["seconds_offset_from_start"], 11);
}

TEST_F(GraphTest, FtpTestsSetTheFtpOfLaterRides) {
  int tests = 0;
  // Oldest first: each test's result (0.95 x its mean output) is the FTP of the next ride.
  json pending_ftp = nullptr;
  std::string pending_id;
  for (auto it = workouts_.rbegin(); it != workouts_.rend(); ++it) {
    if ((*it)["fitness_discipline"] != "cycling") continue;
    const std::string id = (*it)["id"].get<std::string>();
    const json detail = GetJson(*client_, "/api/workout/" + id, token_);
    if (!pending_ftp.is_null()) {
      EXPECT_EQ(detail["ftp_info"]["ftp"], pending_ftp);
      EXPECT_EQ(detail["ftp_info"]["ftp_workout_id"], pending_id);
      pending_ftp = nullptr;
    }
    if ((*it)["ride"]["title"] != "20 min FTP Test Ride") continue;
    ++tests;
    const json graph = Graph(id, 1);
    const json& output = MetricBySlug(graph, "output");
    double sum = 0;
    for (const auto& v : output["values"]) sum += v.get<double>();
    const double mean = sum / static_cast<double>(output["values"].size());
    EXPECT_GT(mean, detail["ftp_info"]["ftp"].get<double>() * 0.85);
    pending_ftp = std::lround(0.95 * mean);
    pending_id = id;
  }
  EXPECT_GE(tests, 8) << "a test every 6-10 weeks over two years";
}

}  // namespace
}  // namespace pelo::sim
