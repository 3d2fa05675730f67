// Opening a workspace: default paths (XDG), saved hosts, and the database opened to read or for
// a sync, on real files.
#include "pelo/app/workspace.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "pelo/app/connection.h"
#include "unit/app/app_fixture.h"

namespace pelo::app {
namespace {

using testing::TempDir;

// Sets an environment variable for one test and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(WorkspaceTest, PathsFollowXdgUnlessChosen) {
  ScopedEnv data("XDG_DATA_HOME", "/xdg/data");
  ScopedEnv config("XDG_CONFIG_HOME", "/xdg/config");
  const Workspace defaults{WorkspaceOptions{}};
  EXPECT_EQ(defaults.ConfigDir(), "/xdg/config/pelo");
  EXPECT_EQ(defaults.SettingsPath(), "/xdg/config/pelo/config");
  EXPECT_EQ(defaults.DbPath(""), "/xdg/data/pelo/pelo.db");
  EXPECT_EQ(defaults.DbPath("mine.db"), "mine.db");

  WorkspaceOptions chosen;
  chosen.config_dir = "/etc/pelo-here";
  EXPECT_EQ(Workspace(chosen).SettingsPath(), "/etc/pelo-here/config");
  chosen.config_file = "/tmp/settings";
  EXPECT_EQ(Workspace(chosen).SettingsPath(), "/tmp/settings");
}

TEST(WorkspaceTest, WithoutXdgTheHomeDirectoryHoldsTheFiles) {
  ScopedEnv data("XDG_DATA_HOME", nullptr);
  ScopedEnv config("XDG_CONFIG_HOME", nullptr);
  ScopedEnv home("HOME", "/home/rider");
  const Workspace defaults{WorkspaceOptions{}};
  EXPECT_EQ(defaults.ConfigDir(), "/home/rider/.config/pelo");
  EXPECT_EQ(defaults.DbPath(""), "/home/rider/.local/share/pelo/pelo.db");
}

TEST(WorkspaceTest, HostsSavedAtLoginAreUsedUnlessOptionsOrEnvironmentSayOtherwise) {
  ScopedEnv api("PELOTON_API_URL", nullptr);
  ScopedEnv auth_host("PELOTON_AUTH_URL", nullptr);
  ScopedEnv graphql("PELOTON_GRAPHQL_URL", nullptr);
  TempDir dir;
  WorkspaceOptions options;
  options.config_dir = dir.path() + "/config";
  const Workspace workspace(options);
  const auth::Endpoints live;
  ASSERT_EQ(workspace.Endpoints()->api_url, live.api_url);  // nothing saved yet

  const auth::Endpoints saved{"http://127.0.0.1:1234", "http://127.0.0.1:1234",
                              "http://127.0.0.1:1234/graphql"};
  ASSERT_TRUE(workspace.SaveEndpoints(saved).ok());
  EXPECT_EQ(std::filesystem::status(options.config_dir).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_all);
  auto endpoints = workspace.Endpoints();
  ASSERT_TRUE(endpoints.ok()) << endpoints.status().ToString();
  EXPECT_EQ(endpoints->api_url, saved.api_url);
  EXPECT_EQ(endpoints->graphql_url, saved.graphql_url);

  ScopedEnv from_env("PELOTON_API_URL", "http://127.0.0.1:5678/");
  EXPECT_EQ(workspace.Endpoints()->api_url, "http://127.0.0.1:5678");  // trailing '/' dropped
  options.api_url = "http://127.0.0.1:9999";
  EXPECT_EQ(Workspace(options).Endpoints()->api_url, "http://127.0.0.1:9999");

  options.api_url = "http://example.com";  // plain http leaves this machine: refused
  const auto refused = Workspace(options).Endpoints();
  EXPECT_EQ(refused.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("--api-url"), std::string::npos);
}

TEST(WorkspaceTest, TheStoreToReadMustExistAndIsNeverCreated) {
  TempDir dir;
  const Workspace workspace{WorkspaceOptions{}};
  const std::string missing = dir.path() + "/none.db";
  auto store = workspace.OpenExistingStore(missing);
  EXPECT_EQ(store.status().code(), ErrorCode::kStorage);
  EXPECT_EQ(store.status().message(),
            missing + ": no such database (`pelo sync` makes one; `pelo demo` a sample)");
  EXPECT_FALSE(std::filesystem::exists(missing));

  auto directory = workspace.OpenExistingStore(dir.path());
  EXPECT_EQ(directory.status().code(), ErrorCode::kStorage);
  EXPECT_EQ(directory.status().message(), dir.path() + ": is a directory, not a database");
}

TEST(WorkspaceTest, TheStoreForASyncIsCreatedAndThenOpensToRead) {
  TempDir dir;
  const Workspace workspace{WorkspaceOptions{}};
  const std::string path = dir.path() + "/pelo.db";
  {
    auto created = workspace.OpenStoreForSync(path, LockOptions{});
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    EXPECT_EQ(*created->store->CountWorkouts(), 0);
  }
  EXPECT_TRUE(std::filesystem::is_regular_file(path));
  auto opened = workspace.OpenExistingStore(path);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(*(*opened)->CountWorkouts(), 0);
}

TEST(WorkspaceTest, AthleteSettingsComeFromTheSettingsFile) {
  TempDir dir;
  WorkspaceOptions options;
  options.config_file = dir.path() + "/settings";
  const Workspace workspace(options);
  auto none = workspace.LoadAthleteSettings();
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_FALSE(none->max_hr_bpm);

  std::ofstream(options.config_file) << "max_hr = 181\n";
  auto loaded = workspace.LoadAthleteSettings();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->max_hr_bpm, 181);

  std::ofstream(options.config_file) << "max_hr = lots\n";
  const auto bad = workspace.LoadAthleteSettings();
  EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find(options.config_file), std::string::npos);
}

}  // namespace
}  // namespace pelo::app
