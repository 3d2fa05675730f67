// pelo::sim::Server: one httplib server on one port serving the API, auth and GraphQL paths.
#include "pelo/peloton/sim/server.h"

#include <chrono>
#include <thread>

#include "peloton/sim/faults/fault_injector.h"
#include "peloton/sim/faults/faults.h"
#include "peloton/sim/routes/http_util.h"
#include "peloton/sim/routes/routes.h"
#include "peloton/sim/state/context.h"
#include "peloton/sim/state/request_log.h"

namespace pelo::sim {
namespace {

Status Validate(const Options& o) {
  auto bad = [](const std::string& message) {
    return Status(ErrorCode::kInvalidArgument, message);
  };
  if (o.port < 0 || o.port > 65535) return bad("--port must be 0-65535");
  if (o.workouts < 0 || o.workouts > 100000) return bad("--workouts must be 0-100000");
  if (o.threads < 1 || o.threads > 1024) return bad("--threads must be 1-1024");
  if (o.latency_ms < 0 || o.latency_ms > 600000) return bad("--latency-ms must be 0-600000");
  if (o.in_progress < 0) return bad("--in-progress must be >= 0");
  if (o.token_ttl_s < 1) return bad("--token-ttl must be at least 1 second");
  if (o.retry_after_s < 0 || o.retry_after_s > 86400) return bad("--retry-after must be 0-86400");
  if (o.fault_burst < 1 || o.fault_burst > 100000) return bad("--fault-burst must be 1-100000");
  if (o.stall_ms < 0 || o.stall_ms > 600000) return bad("--stall-ms must be 0-600000");
  if (o.revoke_refresh_after < 0) return bad("--revoke-refresh-after must be 0 or more");
  if (o.email.empty()) return bad("--email must not be empty");
  if (!ParseDate(o.end_date)) return bad("--end-date must be a YYYY-MM-DD date: " + o.end_date);
  return OkStatus();
}

class ServerImpl final : public Server {
 public:
  ServerImpl(Options options, std::shared_ptr<const DataSet> data, FaultPlan faults)
      : context_(std::move(options), std::move(data)),
        log_(context_.options.request_log),
        faults_(FaultSettings{std::move(faults), context_.options.seed,
                              context_.options.fault_burst, context_.options.retry_after_s,
                              context_.options.retry_after_date, context_.options.latency_ms,
                              context_.options.stall_ms}) {}
  ~ServerImpl() override { Stop(); }

  Status Start() override;
  void Stop() override;
  int port() const override { return port_; }
  std::string url() const override {
    return "http://" + context_.options.host + ":" + std::to_string(port_);
  }
  std::vector<RecordedRequest> Requests() const override { return log_.Entries(); }
  void ClearRequests() override { log_.Clear(); }
  void SetInProgress(int newest) override { context_.in_progress = newest; }

 private:
  void Configure();

  Context context_;
  RequestLog log_;
  FaultInjector faults_;
  httplib::Server http_;
  std::thread thread_;
  int port_ = 0;
};

void ServerImpl::Configure() {
  const int threads = context_.options.threads;
  http_.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  http_.set_keep_alive_max_count(100000);
  http_.set_keep_alive_timeout(5);  // Stop() waits for idle keep-alive readers
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle holds the body
  // until the client's delayed ACK (~40 ms) on every keep-alive request.
  http_.set_tcp_nodelay(true);
  const int latency_ms = context_.options.latency_ms;
  http_.set_pre_routing_handler(
      [this, latency_ms](const httplib::Request& req, httplib::Response& res) {
        // Sleeping in the worker thread is the point: it models a slow server holding a
        // connection.
        if (latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms));
        return faults_.BeforeRoute(req, res);
      });
  http_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404) {
      SendApiError(res, 404, 4040, "Not Found");
    } else {
      SendApiError(res, res.status, res.status, "Request failed");
    }
    CutIfTruncating(res);
  });
  // Recorded before the response is written (a logger would run after it), so a client that
  // has its answer finds its request in the log.
  http_.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    log_.Record(req, res, FinishFault(res));
  });
  RegisterAuthRoutes(http_, context_);
  RegisterApiRoutes(http_, context_);
}

Status ServerImpl::Start() {
  if (thread_.joinable()) return Status(ErrorCode::kInvalidArgument, "server already started");
  Configure();
  const std::string& host = context_.options.host;
  if (context_.options.port == 0) {
    port_ = http_.bind_to_any_port(host);
  } else {
    port_ = http_.bind_to_port(host, context_.options.port) ? context_.options.port : -1;
  }
  if (port_ < 0) {
    port_ = 0;
    return Status(ErrorCode::kNetwork,
                  "cannot listen on " + host + ":" + std::to_string(context_.options.port));
  }
  thread_ = std::thread([this] { http_.listen_after_bind(); });
  for (int i = 0; i < 5000 && !http_.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return OkStatus();
}

void ServerImpl::Stop() {
  if (!thread_.joinable()) return;
  faults_.ReleaseStalls();  // a stalled answer would hold up the worker threads' join
  http_.stop();
  thread_.join();
}

}  // namespace

StatusOr<std::unique_ptr<Server>> Server::Create(const Options& options) {
  PELO_RETURN_IF_ERROR(Validate(options));
  PELO_ASSIGN_OR_RETURN(FaultPlan faults, ParseFaultPlan(options.faults));
  std::shared_ptr<const DataSet> data;
  if (options.workouts_from.empty()) {
    PELO_ASSIGN_OR_RETURN(data, SharedSyntheticDataSet(options));
  } else {
    PELO_ASSIGN_OR_RETURN(data, LoadDataSetFromDir(options));
  }
  return std::unique_ptr<Server>(new ServerImpl(options, std::move(data), std::move(faults)));
}

}  // namespace pelo::sim
