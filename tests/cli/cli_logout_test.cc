// `pelo logout` end to end against a real pelo-sim process: the refresh token is revoked at
// POST /oauth/revoke (Auth0's standard endpoint; the sim keeps what it revoked), the token file is
// deleted whatever the server says, and no token is ever printed or logged.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_env.h"

namespace pelo::testing {
namespace {

class CliLogout : public ::testing::Test {
 protected:
  nlohmann::json SavedCredentials() const {
    return nlohmann::json::parse(ReadFile(env_.CredentialsPath()));
  }

  // A refresh with `creds`' refresh token sent straight to the sim: its HTTP status, and the
  // OAuth error in `error`.
  int RefreshStatus(const nlohmann::json& creds, std::string* error = nullptr) {
    httplib::Client client(sim_.url());
    const nlohmann::json body = {{"grant_type", "refresh_token"},
                                 {"client_id", creds.value("client_id", "")},
                                 {"refresh_token", creds.value("refresh_token", "")}};
    auto res = client.Post("/oauth/token", body.dump(), "application/json");
    if (!res) return -1;
    if (error) *error = nlohmann::json::parse(res->body, nullptr, false).value("error", "");
    return res->status;
  }

  // The requests the sim answered (its --request-log, secrets redacted) to `path`.
  std::vector<nlohmann::json> RequestsTo(const std::string& path) const {
    std::vector<nlohmann::json> out;
    std::ifstream in(requests_);
    for (std::string line; std::getline(in, line);) {
      nlohmann::json entry = nlohmann::json::parse(line);
      if (entry.value("path", "") == path) out.push_back(std::move(entry));
    }
    return out;
  }

  TempDir logs_;
  std::string requests_ = logs_ / "requests.jsonl";
  SimProcess sim_{{"--workouts", "2", "--password", "demo", "--request-log", requests_}};
  CliEnv env_{sim_.url()};
};

// For both OAuth clients (PKCE: the web client; the password grant: the mobile one). The logout
// runs at trace level, so its revocation request is logged, and neither the log nor the output
// nor the sim's record of the request holds a token.
TEST_F(CliLogout, RevokesTheRefreshTokenAndDeletesTheTokenFile) {
  for (const char* method : {"pkce", "password-grant"}) {
    SCOPED_TRACE(method);
    ASSERT_EQ(env_.Login(method).exit_code, 0);
    const nlohmann::json creds = SavedCredentials();
    const std::string refresh_token = creds.value("refresh_token", "");
    ASSERT_GE(refresh_token.size(), 16u);
    ASSERT_EQ(RefreshStatus(creds), 200) << "the refresh token works before the logout";

    const std::string log = env_.dir() / (std::string("logout-") + method + ".log");
    auto r = env_.Pelo({"--log-level", "trace", "--log-file", log, "logout"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Logged out: refresh token revoked; removed " + env_.CredentialsPath()),
              std::string::npos)
        << r.out;
    EXPECT_EQ(r.err, "");
    EXPECT_FALSE(std::filesystem::exists(env_.CredentialsPath()));

    std::string error;
    EXPECT_EQ(RefreshStatus(creds, &error), 403) << "revoked on the server";
    EXPECT_EQ(error, "invalid_grant");
    const std::vector<nlohmann::json> revokes = RequestsTo("/oauth/revoke");
    ASSERT_FALSE(revokes.empty());
    const nlohmann::json& revoke = revokes.back();
    EXPECT_EQ(revoke.value("method", ""), "POST");
    EXPECT_EQ(revoke.value("status", 0), 200);
    EXPECT_EQ(nlohmann::json::parse(revoke.value("body", "{}")).value("client_id", ""),
              creds.value("client_id", ""));

    const std::string trace = ReadFile(log);
    EXPECT_NE(trace.find("/oauth/revoke"), std::string::npos) << "the request is logged";
    for (const char* key : {"access_token", "refresh_token", "id_token"}) {
      const std::string token = creds.value(key, "");
      for (const auto& [where, text] :
           std::map<std::string, std::string>{{"stdout", r.out},
                                              {"stderr", r.err},
                                              {"log", trace},
                                              {"sim log", ReadFile(requests_)}}) {
        EXPECT_EQ(text.find(token), std::string::npos) << key << " in the " << where;
      }
    }
    EXPECT_EQ(env_.Pelo({"whoami"}).exit_code, 3) << "logged out";
  }
}

// Offline (or the auth host down): the tokens are still deleted, with one warning that says the
// refresh token was not revoked, naming the step but no secret; exit 0.
TEST_F(CliLogout, WithTheServerUnreachableStillDeletesTheFileAndWarns) {
  ASSERT_EQ(env_.Login().exit_code, 0);
  const nlohmann::json creds = SavedCredentials();
  auto r = env_.Pelo({"logout"}, {{"PELOTON_AUTH_URL", "http://127.0.0.1:9"}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(std::filesystem::exists(env_.CredentialsPath()));
  EXPECT_NE(r.out.find("refresh token NOT revoked"), std::string::npos) << r.out;
  EXPECT_EQ(r.err.rfind("pelo: warning: could not revoke the refresh token: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("/oauth/revoke"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
  for (const char* key : {"access_token", "refresh_token", "id_token"}) {
    EXPECT_EQ((r.out + r.err).find(creds.value(key, "")), std::string::npos) << key;
  }
  EXPECT_EQ(RefreshStatus(creds), 200) << "truly not revoked: the output said so";
}

// A 4xx from the server (here: a client id Auth0 does not know) is a warning too, with the OAuth
// error code; the file goes all the same.
TEST_F(CliLogout, ARefusedRevocationStillDeletesTheFile) {
  ASSERT_EQ(env_.Login().exit_code, 0);
  nlohmann::json creds = SavedCredentials();
  creds["client_id"] = "not-a-client-of-this-tenant";
  std::ofstream(env_.CredentialsPath(), std::ios::trunc) << creds.dump();
  auto r = env_.Pelo({"logout"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(std::filesystem::exists(env_.CredentialsPath()));
  EXPECT_NE(r.err.find("POST /oauth/revoke: HTTP 401 Unauthorized (invalid_client)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("refresh token NOT revoked"), std::string::npos) << r.out;
  EXPECT_EQ((r.out + r.err).find(creds.value("refresh_token", "")), std::string::npos);
}

// Not logged in: said plainly on stdout, exit 0 (there is nothing to do), no request sent.
TEST_F(CliLogout, WhenNotLoggedInSaysSoAndExitsZero) {
  auto r = env_.Pelo({"logout"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Not logged in (no " + env_.CredentialsPath() + "): nothing to do\n");
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(RequestsTo("/oauth/revoke").empty());
}

// Tokens others could read are revoked all the more: logout reads the file ordinary commands
// refuse, revokes, and deletes it.
TEST_F(CliLogout, ATokenFileOthersCanReadIsRevokedAndDeleted) {
  ASSERT_EQ(env_.Login().exit_code, 0);
  const nlohmann::json creds = SavedCredentials();
  ASSERT_EQ(chmod(env_.CredentialsPath().c_str(), 0644), 0);
  ASSERT_EQ(env_.Pelo({"whoami"}).exit_code, 3);
  auto r = env_.Pelo({"logout"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("refresh token revoked"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(env_.CredentialsPath()));
  EXPECT_EQ(RefreshStatus(creds), 403);
}

// A pasted bearer token has no refresh token: nothing to revoke, nothing sent.
TEST_F(CliLogout, APastedTokenHasNothingToRevoke) {
  ASSERT_EQ(env_.Login().exit_code, 0);
  const std::string access_token = SavedCredentials().value("access_token", "");
  ASSERT_EQ(
      env_.Pelo({"login", "--method", "token", "--token-stdin"}, {}, access_token + "\n").exit_code,
      0);
  auto r = env_.Pelo({"logout"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Logged out: no refresh token to revoke"), std::string::npos) << r.out;
  EXPECT_TRUE(RequestsTo("/oauth/revoke").empty());
  EXPECT_FALSE(std::filesystem::exists(env_.CredentialsPath()));
}

}  // namespace
}  // namespace pelo::testing
