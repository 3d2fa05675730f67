#include "pelo/app/workspace.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pelo/common/atomic_file.h"
#include "pelo/common/directories.h"
#include "pelo/config/settings.h"
#include "pelo/http/url.h"

namespace pelo::app {
namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string XdgDir(const char* var, const char* fallback_under_home) {
  if (std::string dir = Env(var); !dir.empty()) return dir;
  // Built by appending: GCC 12 at -O2 reports a false -Wrestrict for `home + "/" + ...` after
  // `home = "."` once this is inlined.
  std::string dir = Env("HOME");
  if (dir.empty()) dir.push_back('.');
  dir.push_back('/');
  dir.append(fallback_under_home);
  return dir;
}

// First non-empty of option, environment variable, saved value, default.
std::string Pick(const std::string& option, const char* env, const std::string& saved,
                 const std::string& fallback) {
  if (!option.empty()) return option;
  if (std::string e = Env(env); !e.empty()) return e;
  if (!saved.empty()) return saved;
  return fallback;
}

// What reading (or rebuilding) a database needs: a file there, not nothing nor a directory.
Status CheckDatabaseIsThere(const std::string& path) {
  std::error_code ec;
  const auto type = std::filesystem::status(path, ec).type();
  if (type == std::filesystem::file_type::not_found) {
    return Status(ErrorCode::kStorage,
                  path + ": no such database (`pelo sync` makes one; `pelo demo` a sample)");
  }
  if (type == std::filesystem::file_type::directory) {
    return Status(ErrorCode::kStorage, path + ": is a directory, not a database");
  }
  return OkStatus();
}

std::string TrimSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

std::string Workspace::ConfigDir() const {
  if (!options_.config_dir.empty()) return options_.config_dir;
  return XdgDir("XDG_CONFIG_HOME", ".config") + "/pelo";
}

std::string Workspace::SettingsPath() const {
  if (!options_.config_file.empty()) return options_.config_file;
  return ConfigDir() + "/config";
}

StatusOr<analytics::AthleteSettings> Workspace::LoadAthleteSettings() const {
  PELO_ASSIGN_OR_RETURN(config::Settings settings, LoadSettings());
  return std::move(settings.athlete);
}

StatusOr<config::Settings> Workspace::LoadSettings() const {
  return config::LoadSettings(SettingsPath());
}

std::string Workspace::DbPath(const std::string& db) const {
  if (!db.empty()) return db;
  return XdgDir("XDG_DATA_HOME", ".local/share") + "/pelo/pelo.db";
}

StatusOr<auth::Endpoints> Workspace::Endpoints() const {
  auth::Endpoints saved_hosts{"", "", ""};
  std::ifstream in(ConfigDir() + "/hosts.json");
  if (in) {
    auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (j.is_object()) {
      saved_hosts.api_url = j.value("api_url", "");
      saved_hosts.auth_url = j.value("auth_url", "");
      saved_hosts.graphql_url = j.value("graphql_url", "");
    }
  }
  const auth::Endpoints live;
  auth::Endpoints e;
  e.api_url =
      TrimSlash(Pick(options_.api_url, "PELOTON_API_URL", saved_hosts.api_url, live.api_url));
  e.auth_url =
      TrimSlash(Pick(options_.auth_url, "PELOTON_AUTH_URL", saved_hosts.auth_url, live.auth_url));
  e.graphql_url =
      Pick(options_.graphql_url, "PELOTON_GRAPHQL_URL", saved_hosts.graphql_url, live.graphql_url);
  PELO_RETURN_IF_ERROR(http::CheckUrlAllowed(e.api_url, "--api-url"));
  PELO_RETURN_IF_ERROR(http::CheckUrlAllowed(e.auth_url, "--auth-url"));
  PELO_RETURN_IF_ERROR(http::CheckUrlAllowed(e.graphql_url, "--graphql-url"));
  return e;
}

Status Workspace::SaveEndpoints(const auth::Endpoints& endpoints) const {
  nlohmann::json j = {{"api_url", endpoints.api_url},
                      {"auth_url", endpoints.auth_url},
                      {"graphql_url", endpoints.graphql_url}};
  PELO_RETURN_IF_ERROR(EnsureDir(ConfigDir(), 0700));
  PELO_RETURN_IF_ERROR(WriteFileAtomically(ConfigDir() + "/hosts.json", j.dump(2) + "\n", 0644));
  return OkStatus();
}

std::unique_ptr<auth::TokenStore> Workspace::TokenStore() const {
  return std::make_unique<auth::TokenStore>(ConfigDir());
}

std::unique_ptr<http::Transport> Workspace::MakeTransport(const TransportTuning& tuning) const {
  http::TransportOptions t;
  t.user_agent = options_.user_agent;
  t.ca_file = options_.ca_file;
  t.max_requests_per_second = tuning.max_requests_per_second;
  t.request_timeout = tuning.request_timeout;
  t.counters = tuning.counters;
  return http::MakeCurlTransport(t);
}

StatusOr<std::unique_ptr<store::Store>> Workspace::OpenExistingStore(const std::string& db) const {
  const std::string path = DbPath(db);
  PELO_RETURN_IF_ERROR(CheckDatabaseIsThere(path));
  return store::OpenSqliteStore(path);
}

StatusOr<LockedStore> OpenLockedStore(const std::string& path, const LockOptions& lock) {
  if (!path.empty()) {
    // 0777 before the umask, as store::OpenSqliteStore makes it: the lock file goes there first.
    PELO_RETURN_IF_ERROR(
        EnsureDir(std::filesystem::path(path).parent_path().string(), 0777).WithContext(path));
  }
  LockedStore locked;
  PELO_ASSIGN_OR_RETURN(locked.lock, LockDatabase(path, lock));
  PELO_ASSIGN_OR_RETURN(locked.store, store::OpenSqliteStore(path));
  return locked;
}

StatusOr<LockedStore> Workspace::OpenStoreForSync(const std::string& db,
                                                  const LockOptions& lock) const {
  return OpenLockedStore(DbPath(db), lock);
}

StatusOr<LockedStore> Workspace::OpenStoreToRebuild(const std::string& db,
                                                    const LockOptions& lock) const {
  const std::string path = DbPath(db);
  PELO_RETURN_IF_ERROR(CheckDatabaseIsThere(path));
  return OpenLockedStore(path, lock);
}

}  // namespace pelo::app
