// The dashboard's HTTP server: cpp-httplib (ADR 0022) with a pool of worker threads, in front
// of Answer (routes.cc).
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "dashboard/answer_cache.h"
#include "pelo/common/strings.h"
#include "pelo/dashboard/dashboard.h"
#include "pelo/store/store.h"

namespace pelo::dashboard {
namespace {

// A browser sends Host with the port; a page of another site that resolves its own name to
// 127.0.0.1 (DNS rebinding) sends that name, which is refused.
bool AllowedHost(std::string host, const std::string& bound, int port) {
  host = Lower(host);
  const std::string suffix = ":" + std::to_string(port);
  for (const std::string& name :
       {std::string("127.0.0.1"), std::string("localhost"), std::string("[::1]"), Lower(bound)}) {
    if (host == name + suffix) return true;
  }
  return false;
}

// The body goes out from the answer itself, kept alive by the provider: no copy of a kept
// answer, and no compression. httplib would otherwise compress every page with Brotli at its
// highest quality on every request Chromium makes (0.7 s for a 3-hour ride's page,
// bench/README.md), for a body that crosses the loopback.
void Send(httplib::Response& res, std::shared_ptr<const Response> answer) {
  res.status = answer->status;
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
  // Pages carry their own policy (the scripts' hashes); everything else may run nothing.
  if (answer->content_type.rfind("text/html", 0) != 0) {
    res.set_header("Content-Security-Policy", "default-src 'none'");
  }
  const size_t size = answer->body.size();
  const std::string content_type = answer->content_type;
  res.set_content_provider(
      size, content_type,
      [answer = std::move(answer)](size_t offset, size_t length, httplib::DataSink& sink) {
        const std::string& body = answer->body;
        if (offset > body.size()) return false;
        return sink.write(body.data() + offset, std::min(length, body.size() - offset));
      });
}

void Send(httplib::Response& res, Response answer) {
  Send(res, std::make_shared<const Response>(std::move(answer)));
}

Response Refused(int status, const std::string& message) {
  return {status, "text/plain; charset=utf-8", message + "\n"};
}

// Answers kept between syncs: at most this many bytes (a 3-hour ride's JSON is ~0.5 MB).
constexpr size_t kCacheBytes = 128 << 20;
// Answers are kept only once the database files have been still this long (a sync that writes
// keeps every answer fresh).
constexpr int64_t kSettleNs = 1'000'000'000;

std::string CacheKey(const std::string& path,
                     const std::multimap<std::string, std::string>& params) {
  std::string key = path;
  for (const auto& [name, value] : params) key += "\n" + name + "=" + value;
  return key;
}

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Answers say what "today" is (the pages, fitness, FTP): none is kept past the quarter hour it
// was made in, so a page served after midnight in any time zone is made again.
constexpr int64_t kPeriodNs = 15LL * 60 * 1'000'000'000;

// Answer, or the answer kept from an earlier request while the database has not changed.
std::shared_ptr<const Response> CachedAnswer(AnswerCache& cache, const std::string& path,
                                             const std::multimap<std::string, std::string>& params,
                                             const std::string& db) {
  // Taken before the answer reads the database: a commit in between makes the answer newer
  // than its fingerprint, never older.
  const std::optional<DbFingerprint> fingerprint = FingerprintOf(db);
  const int64_t now = NowNs();
  const std::string key = CacheKey(path, params);
  std::optional<AnswerBasis> basis;
  if (fingerprint) basis = AnswerBasis{*fingerprint, now / kPeriodNs};
  if (basis) {
    if (auto kept = cache.Find(key, *basis)) return kept;
  }
  auto answer = std::make_shared<const Response>(Answer(path, params, db));
  if (basis && answer->status == 200 && fingerprint->Settled(now, kSettleNs)) {
    cache.Keep(key, *basis, answer);
  }
  return answer;
}

}  // namespace

struct Dashboard::Impl {
  AnswerCache cache{kCacheBytes};
  httplib::Server server;
  std::thread thread;
};

Dashboard::Dashboard(std::unique_ptr<Impl> impl, std::string url)
    : impl_(std::move(impl)), url_(std::move(url)) {}

Dashboard::~Dashboard() {
  Stop();
  Wait();
}

void Dashboard::Wait() {
  if (impl_->thread.joinable()) impl_->thread.join();
}

void Dashboard::Stop() { impl_->server.stop(); }

StatusOr<std::unique_ptr<Dashboard>> Dashboard::Start(const Options& options) {
  if (options.port < 0 || options.port > 65535) {
    return Status(ErrorCode::kInvalidArgument,
                  "--port: " + std::to_string(options.port) + " is not 0..65535");
  }
  if (options.threads < 1) return Status(ErrorCode::kInvalidArgument, "threads: at least 1");
  // Opened as every request opens it, so that a wrong path is an error now, not a 503 per page.
  PELO_RETURN_IF_ERROR(store::OpenSqliteStoreReadOnly(options.db_path).status());
  auto impl = std::make_unique<Impl>();
  httplib::Server& server = impl->server;
  const int threads = options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(5);
  // Each answer is written at once: without this, a small answer on a kept-alive connection
  // waits ~40 ms for the previous one's acknowledgement (Nagle's algorithm and delayed ACKs).
  server.set_tcp_nodelay(true);

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    return Status(ErrorCode::kNetwork,
                  "cannot listen on " + options.host + ":" + std::to_string(options.port));
  }
  const std::string host = options.host;
  const std::string db = options.db_path;
  AnswerCache* cache = &impl->cache;
  server.Get(R"(.*)", [host, port, db, cache](const httplib::Request& req, httplib::Response& res) {
    if (!AllowedHost(req.get_header_value("Host"), host, port)) {
      return Send(res, Refused(403, "this dashboard answers only to its own address"));
    }
    std::multimap<std::string, std::string> params(req.params.begin(), req.params.end());
    Send(res, CachedAnswer(*cache, req.path, params, db));
  });
  const auto refuse = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "GET, HEAD");
    Send(res, Refused(405, "the dashboard only reads"));
  };
  server.Post(R"(.*)", refuse);
  server.Put(R"(.*)", refuse);
  server.Delete(R"(.*)", refuse);
  server.Patch(R"(.*)", refuse);
  server.Options(R"(.*)", refuse);
  Impl* raw = impl.get();
  impl->thread = std::thread([raw] { raw->server.listen_after_bind(); });
  const std::string shown =
      options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  return std::unique_ptr<Dashboard>(
      new Dashboard(std::move(impl), "http://" + shown + ":" + std::to_string(port)));
}

}  // namespace pelo::dashboard
