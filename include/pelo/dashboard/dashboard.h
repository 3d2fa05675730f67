// The local dashboard (`pelo serve`, ADR 0022): the report's views served live from the
// database, and JSON endpoints that answer as `pelo stats ... --json` does. It binds 127.0.0.1
// unless told otherwise, answers only requests addressed to its own host (DNS rebinding), opens
// the database read-only for each request (a sync may write beside it) and serves nothing but
// its routes and built-in assets.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "pelo/common/status.h"

namespace pelo::dashboard {

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;         // 0: an ephemeral port
  std::string db_path;  // an existing database, opened read-only for each request
  // Connections answered at once: a keep-alive connection holds a worker while it stays open.
  int threads = 64;
};

// One answer, before HTTP: what the routes compute (tested without a server).
struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
};

// The answer to GET `path` with query `params` over the database at `db_path`, the same JSON
// as the CLI's --json: "/" the report page, linking each ride to its page; "/workouts" the
// workouts list; "/workouts/<id>" a workout's page; "/api/workouts/<id>" `pelo stats ride <id>`;
// "/api/{rides,curve,fitness,workouts}?since=&until=" (workouts also limit=), "/api/{ftp,
// drivers}", "/api/zones?by=week|month", "/api/report" (the report page's data). 400 naming the
// parameter for an unknown parameter or a bad value; 404 for any other path, a workout id that
// is not lowercase hex, or a workout that is not stored; 503 when the database cannot be read.
Response Answer(const std::string& path, const std::multimap<std::string, std::string>& params,
                const std::string& db_path);

class Dashboard {
 public:
  // Binds and starts serving on its own threads. kInvalidArgument for a bad port, kStorage when
  // the database cannot be opened read-only, kNetwork when the address cannot be bound.
  static StatusOr<std::unique_ptr<Dashboard>> Start(const Options& options);
  ~Dashboard();
  Dashboard(const Dashboard&) = delete;
  Dashboard& operator=(const Dashboard&) = delete;

  const std::string& url() const { return url_; }
  // Blocks until Stop() (from another thread or a signal handler's thread).
  void Wait();
  void Stop();

 private:
  struct Impl;
  explicit Dashboard(std::unique_ptr<Impl> impl, std::string url);
  std::unique_ptr<Impl> impl_;
  std::string url_;
};

}  // namespace pelo::dashboard
