// The synthetic athlete as served over HTTP: determinism, paging, graphs, FTP history.
#include <cmath>
#include <set>

#include "sim_test_util.h"

namespace pelo::sim {
namespace {

using nlohmann::json;
using testing::AllWorkouts;
using testing::GetJson;
using testing::PasswordToken;
using testing::SmallOptions;
using testing::StartServer;

class SyntheticTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = StartServer(SmallOptions(120));
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    token_ = PasswordToken(*client_);
    user_id_ = GetJson(*client_, "/api/me", token_)["id"].get<std::string>();
  }

  json Detail(const std::string& id) {
    return GetJson(*client_, "/api/workout/" + id + "?joins=ride,ride.instructor", token_);
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
  std::string token_;
  std::string user_id_;
};

// Bodies of the same requests against a fresh server with `options`.
std::vector<std::string> Snapshot(const Options& options) {
  auto server = StartServer(options);
  httplib::Client client("127.0.0.1", server->port());
  const std::string token = PasswordToken(client);
  const std::string user = GetJson(client, "/api/me", token)["id"].get<std::string>();
  std::vector<std::string> bodies;
  const json list = GetJson(client, "/api/user/" + user + "/workouts?limit=100&joins=ride", token);
  bodies.push_back(list.dump());
  for (size_t i = 0; i < list["data"].size(); i += 17) {
    const std::string id = list["data"][i]["id"].get<std::string>();
    bodies.push_back(GetJson(client, "/api/workout/" + id, token).dump());
    bodies.push_back(
        GetJson(client, "/api/workout/" + id + "/performance_graph?every_n=1", token).dump());
  }
  return bodies;
}

TEST(SyntheticDeterminism, SameOptionsSameBytesOtherSeedDiffers) {
  Options options = SmallOptions(40);
  const auto first = Snapshot(options);
  EXPECT_EQ(first, Snapshot(options));
  options.seed = 2;
  const auto other = Snapshot(options);
  ASSERT_EQ(first.size(), other.size());
  EXPECT_NE(first[0], other[0]);
  EXPECT_NE(first[2], other[2]);
}

TEST_F(SyntheticTest, MeTotalEqualsListTotalAndPagesCoverEveryWorkoutOnce) {
  const json me = GetJson(*client_, "/api/me", token_);
  EXPECT_EQ(me["total_workouts"], 120);
  EXPECT_TRUE(me.contains("facebook_access_token"));
  EXPECT_EQ(me["cycling_ftp_source"], "ftp_workout_source");
  const json page0 = GetJson(*client_, "/api/user/" + user_id_ + "/workouts?limit=50", token_);
  EXPECT_EQ(page0["total"], 120);
  EXPECT_EQ(page0["count"], 50);
  EXPECT_EQ(page0["page_count"], 3);  // ceil(120 / 50)
  EXPECT_EQ(page0["show_next"], true);
  EXPECT_EQ(page0["show_previous"], false);
  EXPECT_EQ(page0["sort_by"], "-created_at,-pk");
  EXPECT_EQ(page0["next"]["workout_id"], page0["data"][49]["id"]);
  const json last =
      GetJson(*client_, "/api/user/" + user_id_ + "/workouts?limit=50&page=2", token_);
  EXPECT_EQ(last["count"], 20);
  EXPECT_EQ(last["show_next"], false);
  EXPECT_EQ(last["show_previous"], true);

  const json all = AllWorkouts(*client_, token_, user_id_, 7);
  ASSERT_EQ(all.size(), 120u);
  std::set<std::string> ids;
  int64_t previous = INT64_MAX;
  int month_total = 0;
  for (const auto& w : all) {
    ids.insert(w["id"].get<std::string>());
    EXPECT_LE(w["created_at"].get<int64_t>(), previous) << "newest first";
    previous = w["created_at"].get<int64_t>();
    EXPECT_EQ(w["id"].get<std::string>().size(), 32u);
    EXPECT_TRUE(w.contains("ride"));
    EXPECT_FALSE(w["ride"].contains("instructor")) << "only joins=ride was asked";
  }
  EXPECT_EQ(ids.size(), 120u);
  for (const auto& [month, count] : page0["summary"].items()) month_total += count.get<int>();
  EXPECT_EQ(month_total, 120);
}

TEST_F(SyntheticTest, JoinsControlRideAndInstructor) {
  const json list = GetJson(*client_, "/api/user/" + user_id_ + "/workouts?limit=1", token_);
  const std::string id = list["data"][0]["id"].get<std::string>();
  EXPECT_FALSE(list["data"][0].contains("ride"));
  const json detail = Detail(id);
  ASSERT_TRUE(detail["ride"].contains("instructor"));
  EXPECT_EQ(detail["ride"]["instructor"]["id"], detail["ride"]["instructor_id"]);
  const json instructor = GetJson(
      *client_, "/api/instructor/" + detail["ride"]["instructor_id"].get<std::string>(), "");
  EXPECT_EQ(instructor["name"], detail["ride"]["instructor"]["name"]);
  const json ride = GetJson(
      *client_, "/api/ride/" + detail["ride"]["id"].get<std::string>() + "/details", token_);
  EXPECT_EQ(ride["ride"]["title"], detail["ride"]["title"]);
  EXPECT_FALSE(ride["segments"]["segment_list"].empty());
  EXPECT_EQ(detail["status"], "COMPLETE");
  EXPECT_EQ(detail["user_id"], user_id_);
}

TEST_F(SyntheticTest, UnknownIdsAndBadParametersAreJsonErrors) {
  auto res = client_->Get("/api/workout/0123456789abcdef0123456789abcdef", testing::Bearer(token_));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["status"], 404);
  res = client_->Get("/api/user/someoneelse/workouts", testing::Bearer(token_));
  EXPECT_EQ(res->status, 404);
  const json list = GetJson(*client_, "/api/user/" + user_id_ + "/workouts?limit=1", token_);
  const std::string id = list["data"][0]["id"].get<std::string>();
  for (const char* bad : {"0", "-1", "abc"}) {
    res = client_->Get(("/api/workout/" + id + "/performance_graph?every_n=" + bad).c_str(),
                       testing::Bearer(token_));
    EXPECT_EQ(res->status, 400) << bad;
  }
  const json instructors = GetJson(*client_, "/api/instructor?limit=4", "");
  EXPECT_EQ(instructors["data"].size(), 4u);
  EXPECT_EQ(instructors["next"]["page"], 1);
}

}  // namespace
}  // namespace pelo::sim
