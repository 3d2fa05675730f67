// --workouts-from: recorded P2G envelopes served as the user's workouts.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim_test_util.h"

namespace pelo::sim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::GetJson;

const fs::path kP2g = fs::path(PELO_SHARED_DIR) / "fixtures/peloton/peloton-to-garmin";
constexpr const char* kRecordedAt5sId = "63eef26a23744af295f14006811b159b";

json ReadJson(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  return json::parse(text);
}

class WorkoutsFromTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("pelo_sim_from_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    fs::copy_file(kP2g / "src/UnitTests/Data/SyncMyWorkout01.json", dir_ / "SyncMyWorkout01.json",
                  fs::copy_options::overwrite_existing);
    for (const auto& entry : fs::directory_iterator(kP2g / "src/UnitTests/Data/p2g_workouts")) {
      fs::copy_file(entry.path(), dir_ / entry.path().filename(),
                    fs::copy_options::overwrite_existing);
    }
    // A tread run whose graph was recorded at every_n=5.
    const json envelope = {
        {"Workout", ReadJson(kP2g / "tests/data/peloton_workout_running.json")},
        {"WorkoutSamples", ReadJson(kP2g / "tests/data/peloton_workoutsamples_running.json")}};
    std::ofstream(dir_ / "recorded_every5.json") << envelope.dump();
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  void SetUp() override {
    Options options = testing::SmallOptions();
    options.workouts_from = dir_.string();
    server_ = testing::StartServer(options);
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    token_ = testing::PasswordToken(*client_);
  }

  json Graph(const std::string& id, int every_n) {
    return GetJson(*client_,
                   "/api/workout/" + id + "/performance_graph?every_n=" + std::to_string(every_n),
                   token_);
  }

  static inline fs::path dir_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
  std::string token_;
};

TEST_F(WorkoutsFromTest, ListHoldsExactlyTheFilesNewestFirst) {
  const size_t files = static_cast<size_t>(std::distance(fs::directory_iterator(dir_), {}));
  const json me = GetJson(*client_, "/api/me", token_);
  EXPECT_EQ(me["total_workouts"], files);
  const json all = testing::AllWorkouts(*client_, token_, me["id"].get<std::string>(), 3,
                                        "ride,ride.instructor");
  ASSERT_EQ(all.size(), files);
  EXPECT_EQ(all[0]["id"], "3a5af153444941c0aa54c52aee4726fa") << "the 2022 rower is newest";
  EXPECT_EQ(all.back()["id"], kRecordedAt5sId) << "the 2019 run is oldest";
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_GE(all[i - 1]["created_at"].get<int64_t>(), all[i]["created_at"].get<int64_t>());
  }
}

TEST_F(WorkoutsFromTest, DetailIsTheRecordedWorkout) {
  const json recorded = ReadJson(kP2g / "src/UnitTests/Data/SyncMyWorkout01.json")["Workout"];
  const std::string id = recorded["id"].get<std::string>();
  const json served =
      GetJson(*client_, "/api/workout/" + id + "?joins=ride,ride.instructor", token_);
  EXPECT_EQ(served["ftp_info"], recorded["ftp_info"]);
  EXPECT_EQ(served["ride"], recorded["ride"]);
  EXPECT_EQ(served["total_work"], recorded["total_work"]);
  EXPECT_EQ(served["user_id"], GetJson(*client_, "/api/me", token_)["id"]);
}

TEST_F(WorkoutsFromTest, OneSecondGraphsAreWindowedAndCoarseOnesServedAsRecorded) {
  const json recorded =
      ReadJson(kP2g / "src/UnitTests/Data/SyncMyWorkout01.json")["WorkoutSamples"];
  const std::string id = "19bc665d58024a97a668e930c0a12d15";
  EXPECT_EQ(Graph(id, 1), recorded);
  const json g10 = Graph(id, 10);
  ASSERT_EQ(g10["seconds_since_pedaling_start"].size(), 181u);  // 0, 10, ..., 1800
  const json& output = recorded["metrics"][0];
  ASSERT_EQ(output["slug"], "output");
  // Window [10, 20) holds seconds 10..19 = recorded indexes 9..18.
  double sum = 0;
  for (size_t i = 9; i < 19; ++i) sum += output["values"][i].get<double>();
  EXPECT_EQ(g10["metrics"][0]["values"][1].get<double>(), std::round(sum / 10));
  EXPECT_EQ(g10["metrics"][0]["average_value"], output["average_value"]);
  EXPECT_EQ(g10["summaries"], recorded["summaries"]);

  const json at5 = ReadJson(kP2g / "tests/data/peloton_workoutsamples_running.json");
  EXPECT_EQ(Graph(kRecordedAt5sId, 1), at5);
  EXPECT_EQ(Graph(kRecordedAt5sId, 30), at5);
}

TEST(WorkoutsFromErrors, NonEnvelopeFileIsInvalidArgumentNamingIt) {
  const fs::path dir = fs::temp_directory_path() / ("pelo_sim_bad_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "broken.json") << R"({"Workout": {"id": "x"}})";
  Options options;
  options.workouts_from = dir.string();
  const auto server = Server::Create(options);
  fs::remove_all(dir);
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(server.status().message().find("broken.json"), std::string::npos);
}

}  // namespace
}  // namespace pelo::sim
