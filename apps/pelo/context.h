// What every subcommand shares: global options, where files live, and how to reach Peloton.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "pelo/analytics/ride_input.h"
#include "pelo/common/status.h"
#include "pelo/http/transport.h"
#include "pelo/peloton/api/client.h"
#include "pelo/peloton/auth/credentials.h"
#include "pelo/peloton/auth/session.h"
#include "pelo/store/store.h"

namespace pelo::cli {

inline constexpr const char* kUserAgent = "pelo/" PELO_VERSION;

struct GlobalOptions {
  std::string api_url;  // --api-url, else PELOTON_API_URL, else the hosts saved at login
  std::string auth_url;
  std::string graphql_url;
  std::string config_dir;   // --config-dir, else $XDG_CONFIG_HOME/pelo
  std::string config_file;  // --config, else <config dir>/config
  std::string ca_file;      // --ca-file: the CAs to trust for https, else the system's
};

// An authenticated connection to the API; members are declared in dependency order.
struct Connection {
  std::unique_ptr<auth::TokenStore> token_store;
  std::unique_ptr<http::Transport> transport;
  std::unique_ptr<auth::Session> session;
  std::unique_ptr<api::Client> client;
};

// How a command wants its transport: a request-rate cap and where requests are counted.
struct TransportTuning {
  double max_requests_per_second = 0;            // 0 = no cap
  std::chrono::milliseconds request_timeout{0};  // 0 = the transport's default (30 s)
  std::shared_ptr<http::TransportCounters> counters;
};

class Context {
 public:
  GlobalOptions options;
  // The subcommand chosen on the command line; set while parsing, run by main().
  std::function<Status()> run;

  std::string ConfigDir() const;
  // The settings file of `pelo config`: --config if given, else ConfigDir()/config.
  std::string SettingsPath() const;
  // The athlete's settings from SettingsPath(), for the heart-rate metrics; all unset when there
  // is no file; kInvalidArgument naming file and line when it is malformed.
  StatusOr<analytics::AthleteSettings> LoadAthleteSettings() const;
  // --db if given, else $XDG_DATA_HOME/pelo/pelo.db (else ~/.local/share/pelo/pelo.db).
  std::string DbPath(const std::string& db_flag) const;
  // The hosts to talk to (flags > environment > saved at login > Peloton's live hosts); each is
  // checked (https, or http to loopback only).
  StatusOr<auth::Endpoints> Endpoints() const;
  // Remembers the hosts a login used, so later commands reach the same service.
  Status SaveEndpoints(const auth::Endpoints& endpoints) const;
  std::unique_ptr<http::Transport> MakeTransport(const TransportTuning& tuning = {}) const;
  // A client using the saved credentials (kUnauthenticated "not logged in" when there are none).
  StatusOr<Connection> Connect(const TransportTuning& tuning = {}) const;
  // The database of --db (else the default) for the commands that read it: kStorage when there
  // is none (it is never created here; `pelo sync` creates it).
  StatusOr<std::unique_ptr<store::Store>> OpenStore(const std::string& db_flag) const;
};

}  // namespace pelo::cli
