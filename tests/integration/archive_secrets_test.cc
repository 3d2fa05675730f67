// The raw archive after a real login and sync against the simulator: no auth response, no
// token, and every secret-looking field blank, in every archived body (read back, decompressed,
// through the store's own API).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "integration/sim_fixture.h"
#include "pelo/store/store.h"
#include "pelo/sync/sync.h"

namespace pelo {
namespace {

// The archive's own rule, restated independently: lowercased, '_' and '-' dropped, a key is a
// credential when it ends in token/secret/cookie/sessionid/apikey/csrf/authorization or holds
// "password".
bool LooksSecret(const std::string& key) {
  std::string k;
  for (unsigned char c : key) {
    if (c != '_' && c != '-') k.push_back(static_cast<char>(std::tolower(c)));
  }
  auto ends = [&k](const std::string& s) {
    return k.size() >= s.size() && k.compare(k.size() - s.size(), s.size(), s) == 0;
  };
  return k.find("password") != std::string::npos || ends("token") || ends("secret") ||
         ends("cookie") || ends("sessionid") || ends("apikey") || ends("csrf") ||
         ends("authorization");
}

// Secret-looking keys with a value that is not "" or null, as JSON pointers; `seen` collects
// every secret-looking key met.
void FindUnblanked(const nlohmann::json& v, const std::string& at, std::set<std::string>* seen,
                   std::vector<std::string>* found) {
  if (v.is_object()) {
    for (const auto& [key, member] : v.items()) {
      if (LooksSecret(key)) {
        seen->insert(key);
        if (!(member.is_null() || member == "")) found->push_back(at + "/" + key);
      } else {
        FindUnblanked(member, at + "/" + key, seen, found);
      }
    }
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) {
      FindUnblanked(v[i], at + "/" + std::to_string(i), seen, found);
    }
  }
}

class ArchiveSecretsTest : public testing::SimTest {
 protected:
  void TearDown() override {
    SimTest::TearDown();
    std::filesystem::remove_all(dir_);
  }
  std::string dir_ = std::filesystem::temp_directory_path() /
                     ("pelo-archive-secrets-" + std::to_string(::getpid()));
};

TEST_F(ArchiveSecretsTest, NoTokenNoAuthResponseAndNoUnblankedSecretAfterLoginAndSync) {
  sim::Options options;
  options.workouts = 12;
  options.token_ttl_s = 2;  // refreshed during the sync: the new tokens are searched for too
  StartSignedIn(options);
  auto store = store::OpenSqliteStore(dir_ + "/pelo.db");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  sync::Options sync_options;
  sync_options.every_n = 30;
  const sync::SyncResult report = sync::Run(*client_, **store, sync_options);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  ASSERT_EQ(report.added, 12);

  std::vector<std::string> tokens = {kPassword};
  for (const auth::Credentials& c : {credentials_, session_->credentials()}) {
    for (const std::string& t : {c.access_token, c.refresh_token, c.id_token}) {
      if (!t.empty()) tokens.push_back(t);
    }
  }
  ASSERT_NE(credentials_.access_token, session_->credentials().access_token) << "refreshed";

  int bodies = 0;
  std::set<std::string> secret_keys;
  const Status scanned =
      (*store)->ForEachArchived([&](const std::string& path, std::string_view body) -> Status {
        ++bodies;
        EXPECT_EQ(path.rfind("/api/", 0), 0u) << "not an API response: " << path;
        EXPECT_FALSE(path.find("/auth/") != std::string::npos ||
                     path.find("/oauth/") != std::string::npos)
            << path;
        for (const std::string& t : tokens) {
          EXPECT_EQ(body.find(t), std::string_view::npos)
              << path << " holds a secret (" << t.size() << " chars)";
        }
        const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
        std::vector<std::string> unblanked;
        FindUnblanked(json, "", &secret_keys, &unblanked);
        EXPECT_TRUE(unblanked.empty()) << path << ": " << ::testing::PrintToString(unblanked);
        return OkStatus();
      });
  ASSERT_TRUE(scanned.ok()) << scanned.ToString();
  EXPECT_GT(bodies, 12) << "every workout's responses and /api/me were archived";
  // /api/me (user data, archived) carries facebook_access_token: it was met, and blank.
  EXPECT_TRUE(secret_keys.count("facebook_access_token")) << ::testing::PrintToString(secret_keys);
  auto me = (*store)->ArchivedResponse("/api/me");
  ASSERT_TRUE(me.ok() && me->has_value());
  EXPECT_EQ(nlohmann::json::parse(**me).value("facebook_access_token", "x"), "");
}

}  // namespace
}  // namespace pelo
