// pelo-sim's fault flags as a process: bad specs are usage errors (exit 2, naming the bad part),
// a good one is served.
#include <gtest/gtest.h>
#include <httplib.h>

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "process.h"

namespace pelo::testing {
namespace {

// Runs pelo-sim with `args`, expected to be refused (a pelo-sim that starts would serve until
// ctest's timeout).
ProcessResult RunSim(std::vector<std::string> args) {
  args.insert(args.begin(), {PELO_SIM_BIN, "--port", "0", "--workouts", "1"});
  return RunProcess(args);
}

TEST(CliSimFaults, BadFaultSpecsExitTwoNamingTheBadPart) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"bogus:0.1", "bogus"},
      {"429:1.5", "429:1.5"},
      {"503:abc", "503:abc"},
      {"429:0.6,503:0.6", "more than 1"},
      {"slow:0.1,slow:0.2", "given twice"},
      {"429", "429"},
  };
  for (const auto& [spec, part] : cases) {
    auto r = RunSim({"--faults", spec});
    EXPECT_EQ(r.exit_code, 2) << spec << ": " << r.err;
    EXPECT_NE(r.err.find(part), std::string::npos) << spec << ": " << r.err;
  }
}

TEST(CliSimFaults, BadRetryAfterRevokeBurstAndStallValuesExitTwo) {
  EXPECT_EQ(RunSim({"--retry-after", "-1"}).exit_code, 2);
  EXPECT_EQ(RunSim({"--revoke-refresh-after", "-3"}).exit_code, 2);
  EXPECT_EQ(RunSim({"--fault-burst", "0"}).exit_code, 2);
  EXPECT_EQ(RunSim({"--stall-ms", "-1"}).exit_code, 2);
}

TEST(CliSimFaults, HelpDescribesTheFaultFlags) {
  auto r = RunProcess({PELO_SIM_BIN, "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag : {"--faults", "--retry-after", "--revoke-refresh-after", "--fault-burst",
                           "--retry-after-date", "--stall-ms"}) {
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
  }
  for (const char* kind : {"html-200", "html-403", "stall", "invalid-json"}) {
    EXPECT_NE(r.out.find(kind), std::string::npos) << kind;
  }
}

TEST(CliSimFaults, ServesTheFaultsItWasGiven) {
  SimProcess sim({"--workouts", "3", "--faults", "429:1", "--retry-after", "4"});
  httplib::Client client(sim.url());
  const nlohmann::json login = {{"grant_type", "password"},
                                {"client_id", "mgsmWCD0A8Qn6uz6mmqI6qeBNHH9IPwS"},
                                {"username", "demo@example.com"},
                                {"password", "demo"}};
  auto token = client.Post("/oauth/token", login.dump(), "application/json");
  ASSERT_TRUE(token);
  ASSERT_EQ(token->status, 200) << token->body;
  const std::string bearer = nlohmann::json::parse(token->body)["access_token"].get<std::string>();
  auto me = client.Get("/api/me", {{"Authorization", "Bearer " + bearer}});
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 429);
  EXPECT_EQ(me->get_header_value("Retry-After"), "4");
}

}  // namespace
}  // namespace pelo::testing
