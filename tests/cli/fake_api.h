// A scripted stand-in for the Peloton API, for failures the simulator does not produce
// (5xx storms, HTML error pages, truncated bodies). Real HTTP on 127.0.0.1.
#pragma once

#include <httplib.h>

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace pelo::testing {

class FakeApi {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  // Serves `user` at /api/me, one page of `workouts` (ids), instructors, and whatever
  // `override` handles first (return true when handled).
  explicit FakeApi(std::function<bool(const httplib::Request&, httplib::Response&)> override) {
    server_.Get(".*", [this, override](const httplib::Request& req, httplib::Response& res) {
      ++requests_;
      if (override && override(req, res)) return;
      Default(req, res);
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~FakeApi() {
    server_.stop();
    thread_.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int requests() const { return requests_; }

  static void Json(httplib::Response& res, const std::string& body, int status = 200) {
    res.status = status;
    res.set_content(body, "application/json");
  }

 private:
  static void Default(const httplib::Request& req, httplib::Response& res) {
    if (req.path == "/api/me") {
      Json(res, R"({"id":"u1","username":"fake","total_workouts":2})");
    } else if (req.path == "/api/instructor") {
      Json(res, R"({"data":[{"id":"i1","name":"Ina Structor"}],"page":0,"total":1})");
    } else if (req.path == "/api/user/u1/workouts") {
      Json(res, R"({"data":[{"id":"w2","status":"COMPLETE","created_at":2},
                            {"id":"w1","status":"COMPLETE","created_at":1}],
                   "total":2,"count":2,"page":0,"limit":100,"page_count":1,"show_next":false})");
    } else if (req.path.rfind("/api/workout/", 0) == 0 &&
               req.path.find("performance_graph") != std::string::npos) {
      Json(res, R"({"duration":2,"seconds_since_pedaling_start":[1,2],
                   "metrics":[{"slug":"output","max_value":120,"average_value":110,
                               "values":[100,120]}],"summaries":[]})");
    } else if (req.path.rfind("/api/workout/", 0) == 0) {
      std::string id = req.path.substr(13);
      Json(res, R"({"id":")" + id + R"(","status":"COMPLETE","fitness_discipline":"cycling",
                   "start_time":1700000000,"end_time":1700000002})");
    } else {
      Json(res, R"({"status":404,"message":"Not found"})", 404);
    }
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> requests_{0};
};

}  // namespace pelo::testing
