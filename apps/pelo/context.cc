#include "context.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pelo/common/atomic_file.h"
#include "pelo/common/directories.h"
#include "pelo/config/settings.h"
#include "pelo/http/url.h"

namespace pelo::cli {
namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string XdgDir(const char* var, const char* fallback_under_home) {
  std::string dir = Env(var);
  if (!dir.empty()) return dir;
  std::string home = Env("HOME");
  if (home.empty()) home = ".";
  return home + "/" + fallback_under_home;
}

// First non-empty of flag, environment variable, saved value, default.
std::string Pick(const std::string& flag, const char* env, const std::string& saved,
                 const std::string& fallback) {
  if (!flag.empty()) return flag;
  if (std::string e = Env(env); !e.empty()) return e;
  if (!saved.empty()) return saved;
  return fallback;
}

std::string TrimSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

std::string Context::ConfigDir() const {
  if (!options.config_dir.empty()) return options.config_dir;
  return XdgDir("XDG_CONFIG_HOME", ".config") + "/pelo";
}

std::string Context::SettingsPath() const {
  if (!options.config_file.empty()) return options.config_file;
  return ConfigDir() + "/config";
}

StatusOr<analytics::AthleteSettings> Context::LoadAthleteSettings() const {
  return config::LoadSettings(SettingsPath());
}

std::string Context::DbPath(const std::string& db_flag) const {
  if (!db_flag.empty()) return db_flag;
  return XdgDir("XDG_DATA_HOME", ".local/share") + "/pelo/pelo.db";
}

StatusOr<auth::Endpoints> Context::Endpoints() const {
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
      TrimSlash(Pick(options.api_url, "PELOTON_API_URL", saved_hosts.api_url, live.api_url));
  e.auth_url =
      TrimSlash(Pick(options.auth_url, "PELOTON_AUTH_URL", saved_hosts.auth_url, live.auth_url));
  e.graphql_url =
      Pick(options.graphql_url, "PELOTON_GRAPHQL_URL", saved_hosts.graphql_url, live.graphql_url);
  PELO_RETURN_IF_ERROR(http::CheckUrlAllowed(e.api_url, "--api-url"));
  PELO_RETURN_IF_ERROR(http::CheckUrlAllowed(e.auth_url, "--auth-url"));
  PELO_RETURN_IF_ERROR(http::CheckUrlAllowed(e.graphql_url, "--graphql-url"));
  return e;
}

Status Context::SaveEndpoints(const auth::Endpoints& endpoints) const {
  nlohmann::json j = {{"api_url", endpoints.api_url},
                      {"auth_url", endpoints.auth_url},
                      {"graphql_url", endpoints.graphql_url}};
  PELO_RETURN_IF_ERROR(EnsureDir(ConfigDir(), 0700));
  PELO_RETURN_IF_ERROR(WriteFileAtomically(ConfigDir() + "/hosts.json", j.dump(2) + "\n", 0644));
  return OkStatus();
}

std::unique_ptr<http::Transport> Context::MakeTransport(const TransportTuning& tuning) const {
  http::TransportOptions t;
  t.user_agent = kUserAgent;
  t.ca_file = options.ca_file;
  t.max_requests_per_second = tuning.max_requests_per_second;
  t.request_timeout = tuning.request_timeout;
  t.counters = tuning.counters;
  return http::MakeCurlTransport(t);
}

StatusOr<Connection> Context::Connect(const TransportTuning& tuning) const {
  PELO_ASSIGN_OR_RETURN(auth::Endpoints endpoints, Endpoints());
  Connection c;
  c.token_store = std::make_unique<auth::TokenStore>(ConfigDir());
  auto creds = c.token_store->Load();
  if (!creds.ok()) {
    if (creds.status().code() == ErrorCode::kNotFound) {
      return Status(ErrorCode::kUnauthenticated, "not logged in: run `pelo login` first");
    }
    return creds.status();
  }
  c.transport = MakeTransport(tuning);
  c.session = std::make_unique<auth::Session>(*c.transport, endpoints, std::move(*creds),
                                              c.token_store.get());
  c.client = std::make_unique<api::Client>(*c.transport, endpoints, c.session.get(), kUserAgent);
  return c;
}

StatusOr<std::unique_ptr<store::Store>> Context::OpenStore(const std::string& db_flag) const {
  const std::string path = DbPath(db_flag);
  std::error_code ec;
  const auto type = std::filesystem::status(path, ec).type();
  if (type == std::filesystem::file_type::not_found) {
    return Status(ErrorCode::kStorage,
                  path + ": no such database (`pelo sync` makes one; `pelo demo` a sample)");
  }
  if (type == std::filesystem::file_type::directory) {
    return Status(ErrorCode::kStorage, path + ": is a directory, not a database");
  }
  return store::OpenSqliteStore(path);
}

}  // namespace pelo::cli
