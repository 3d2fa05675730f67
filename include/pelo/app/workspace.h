// Where a front-end's files live and which service it talks to: the config directory, the
// settings file, the database, the hosts saved at login and the token store. Every front-end
// (the CLI now, the report and the dashboard later) opens one the same way.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "pelo/analytics/ride_input.h"
#include "pelo/app/database_lock.h"
#include "pelo/common/status.h"
#include "pelo/config/settings.h"
#include "pelo/http/transport.h"
#include "pelo/peloton/auth/credentials.h"
#include "pelo/store/store.h"

namespace pelo::app {

// What the person chose; an empty field takes its default (see each Workspace accessor).
struct WorkspaceOptions {
  std::string api_url;  // else PELOTON_API_URL, else the hosts saved at login, else Peloton's
  std::string auth_url;
  std::string graphql_url;
  std::string config_dir;   // else $XDG_CONFIG_HOME/pelo (else ~/.config/pelo)
  std::string config_file;  // the settings file; else <config dir>/config
  std::string ca_file;      // the CAs to trust for https; else the system's
  std::string user_agent;   // how the front-end names itself to the service ("pelo/0.1.0")
};

// How a use case wants its transport: a request-rate cap, a timeout and where requests are
// counted.
struct TransportTuning {
  double max_requests_per_second = 0;            // 0 = no cap
  std::chrono::milliseconds request_timeout{0};  // 0 = the transport's default (30 s)
  std::shared_ptr<http::TransportCounters> counters;
};

// A database opened to be written whole, and its lock (database_lock.h), held until this is
// destroyed; the store closes first.
struct LockedStore {
  DatabaseLock lock;
  std::unique_ptr<store::Store> store;
};

// The database at `path` written whole: its lock taken first (LockDatabase: waits as `lock`
// says, else kBusy), then the database opened, created with its directory when there is none.
// "" is SQLite's private temporary database, with no lock to take.
StatusOr<LockedStore> OpenLockedStore(const std::string& path, const LockOptions& lock);

class Workspace {
 public:
  explicit Workspace(WorkspaceOptions options) : options_(std::move(options)) {}

  const WorkspaceOptions& options() const { return options_; }
  std::string ConfigDir() const;
  // The settings file of `pelo config`: the chosen one, else ConfigDir()/config.
  std::string SettingsPath() const;
  // The athlete's settings from SettingsPath(), for the heart-rate metrics; all unset when there
  // is no file; kInvalidArgument naming file and line when it is malformed.
  StatusOr<analytics::AthleteSettings> LoadAthleteSettings() const;
  // Everything in SettingsPath() (`pelo config`), as LoadAthleteSettings reads it.
  StatusOr<config::Settings> LoadSettings() const;
  // `db` if given, else $XDG_DATA_HOME/pelo/pelo.db (else ~/.local/share/pelo/pelo.db).
  std::string DbPath(const std::string& db) const;
  // The hosts to talk to (options > environment > saved at login > Peloton's live hosts); each
  // is checked (https, or http to loopback only).
  StatusOr<auth::Endpoints> Endpoints() const;
  // Remembers the hosts a login used (ConfigDir()/hosts.json), so later runs reach the same
  // service.
  Status SaveEndpoints(const auth::Endpoints& endpoints) const;
  // Where the credentials of a login are kept (ConfigDir()).
  std::unique_ptr<auth::TokenStore> TokenStore() const;
  std::unique_ptr<http::Transport> MakeTransport(const TransportTuning& tuning = {}) const;

  // The database at DbPath(db) for the use cases that read it: kStorage when there is none or a
  // directory is there. It is never created here, and never locked: readers need no lock.
  StatusOr<std::unique_ptr<store::Store>> OpenExistingStore(const std::string& db) const;
  // The database at DbPath(db) for a sync: its lock taken first (LockDatabase: waits as `lock`
  // says, else kBusy), then the database opened, created with its directory when there is none.
  StatusOr<LockedStore> OpenStoreForSync(const std::string& db, const LockOptions& lock) const;
  // The database at DbPath(db) for `rebuild`, which rewrites it: as OpenExistingStore (never
  // created), locked as OpenStoreForSync locks it.
  StatusOr<LockedStore> OpenStoreToRebuild(const std::string& db, const LockOptions& lock) const;

 private:
  WorkspaceOptions options_;
};

}  // namespace pelo::app
