// Load client for `pelo serve` (bench/serve_load.sh): CLIENTS threads, each with one keep-alive
// connection (httplib::Client), GET the given paths in turn for a warm-up and then for a fixed
// duration, timing every request with steady_clock. Before the load, each path is asked once,
// one after another (the cold answer, if the dashboard caches), then once more, each on a new
// connection (so that these two times are the server's work, not the wait for a delayed ACK
// that a keep-alive connection can add); every later answer must be 200 with the body size of
// that first one.
//
//   pelo_serve_load --url http://127.0.0.1:PORT --paths /api/workouts/A,/api/workouts/B
//                   [--clients 32] [--seconds 10] [--warmup 2] [--accept-encoding ENCODINGS]
//                   [--no-keep-alive] [--json]
//
// --no-keep-alive: a new connection per request (Connection: close), to tell the server's work
// from what keep-alive adds.
// Prints requests, throughput, median, p90, p99 and max latency (ms) and the errors, as text or
// as one JSON object (--json).
#include <httplib.h>
#include <sys/resource.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Flags {
  std::string url;
  std::vector<std::string> paths;
  int clients = 32;
  double seconds = 10;
  double warmup = 2;
  std::string accept_encoding = "gzip, deflate, br, zstd";  // what Chromium sends
  bool keep_alive = true;
  bool json = false;
};

[[noreturn]] void Usage(const std::string& error) {
  std::cerr << "pelo_serve_load: " << error
            << "\nusage: pelo_serve_load --url http://127.0.0.1:PORT --paths P1,P2,... "
               "[--clients 32] [--seconds 10] [--warmup 2] [--accept-encoding VALUE] "
               "[--no-keep-alive] [--json]\n";
  std::exit(2);
}

std::vector<std::string> SplitComma(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json") {
      f.json = true;
      continue;
    }
    if (arg == "--no-keep-alive") {
      f.keep_alive = false;
      continue;
    }
    if (i + 1 >= argc) Usage(arg + ": needs a value");
    const std::string value = argv[++i];
    if (arg == "--url") {
      f.url = value;
    } else if (arg == "--paths") {
      f.paths = SplitComma(value);
    } else if (arg == "--clients") {
      f.clients = std::atoi(value.c_str());
    } else if (arg == "--seconds") {
      f.seconds = std::atof(value.c_str());
    } else if (arg == "--warmup") {
      f.warmup = std::atof(value.c_str());
    } else if (arg == "--accept-encoding") {
      f.accept_encoding = value;
    } else {
      Usage("unknown flag " + arg);
    }
  }
  if (f.url.rfind("http://", 0) != 0) Usage("--url: http://HOST:PORT");
  if (f.paths.empty()) Usage("--paths: at least one path");
  if (f.clients < 1 || f.seconds <= 0 || f.warmup < 0) Usage("bad --clients/--seconds/--warmup");
  return f;
}

// "http://127.0.0.1:8765" -> host "127.0.0.1", port 8765.
bool SplitUrl(const std::string& url, std::string& host, int& port) {
  const std::string rest = url.substr(7);
  const size_t colon = rest.rfind(':');
  if (colon == std::string::npos) return false;
  host = rest.substr(0, colon);
  port = std::atoi(rest.substr(colon + 1).c_str());
  return !host.empty() && port > 0;
}

// CPU seconds (user + system) of this process so far.
double CpuSeconds() {
  rusage r{};
  getrusage(RUSAGE_SELF, &r);
  return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
         static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// Nearest-rank percentile of sorted values.
double Percentile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  const size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

struct Worker {
  std::vector<double> latencies_ms;  // requests started inside the measured window
  int64_t bytes = 0;
  int64_t errors = 0;
  int64_t warmup_requests = 0;
  std::string first_error;
};

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  std::string host;
  int port = 0;
  if (!SplitUrl(flags.url, host, port)) Usage("--url: http://HOST:PORT");
  const httplib::Headers headers = {{"Host", host + ":" + std::to_string(port)},
                                    {"Accept-Encoding", flags.accept_encoding}};
  const auto make_client = [&] {
    auto client = std::make_unique<httplib::Client>(host, port);
    client->set_keep_alive(flags.keep_alive);
    client->set_decompress(true);
    client->set_connection_timeout(5);
    client->set_read_timeout(60);
    client->set_default_headers(headers);
    return client;
  };

  // The cold answers: each path once, one after another; then once more.
  std::vector<size_t> sizes;
  std::vector<double> cold_ms, second_ms;
  std::string content_encoding;  // of the first answer; httplib::Client decompresses
  {
    for (int round = 0; round < 2; ++round) {
      for (const std::string& path : flags.paths) {
        auto client = make_client();
        const auto t0 = Clock::now();
        auto res = client->Get(path.c_str());
        const double ms = Ms(Clock::now() - t0);
        if (!res || res->status != 200) {
          std::cerr << "pelo_serve_load: GET " << path << ": "
                    << (res ? "status " + std::to_string(res->status)
                            : "error " + httplib::to_string(res.error()))
                    << "\n";
          return 1;
        }
        if (round == 0) {
          if (sizes.empty()) content_encoding = res->get_header_value("Content-Encoding");
          sizes.push_back(res->body.size());
          cold_ms.push_back(ms);
        } else {
          second_ms.push_back(ms);
        }
      }
    }
  }

  const auto start = Clock::now() + std::chrono::milliseconds(100);  // every thread connected
  const auto measure_from = start + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(flags.warmup));
  const auto measure_to = measure_from + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(flags.seconds));
  const double cpu_before = CpuSeconds();
  std::vector<Worker> workers(flags.clients);
  std::vector<std::thread> threads;
  for (int w = 0; w < flags.clients; ++w) {
    threads.emplace_back([&, w] {
      Worker& me = workers[w];
      auto client = make_client();
      size_t next = static_cast<size_t>(w) % flags.paths.size();
      std::this_thread::sleep_until(start);
      for (;;) {
        const auto t0 = Clock::now();
        if (t0 >= measure_to) break;
        const std::string& path = flags.paths[next];
        auto res = client->Get(path.c_str());
        const auto t1 = Clock::now();
        std::string error;
        if (!res) {
          error = "error " + httplib::to_string(res.error());
        } else if (res->status != 200) {
          error = "status " + std::to_string(res->status);
        } else if (res->body.size() != sizes[next]) {
          error = "body of " + std::to_string(res->body.size()) + " bytes, first answer " +
                  std::to_string(sizes[next]);
        }
        if (t0 < measure_from) {
          ++me.warmup_requests;
        } else if (error.empty()) {
          me.latencies_ms.push_back(Ms(t1 - t0));
          me.bytes += static_cast<int64_t>(res->body.size());
        }
        if (!error.empty()) {
          if (me.errors++ == 0) me.first_error = "GET " + path + ": " + error;
        }
        next = (next + 1) % flags.paths.size();
      }
    });
  }
  for (auto& t : threads) t.join();
  // The client's own CPU over warm-up and load: on a shared machine, taken from the server.
  const double client_cpu_s = CpuSeconds() - cpu_before;

  std::vector<double> all;
  int64_t bytes = 0, errors = 0, warmup_requests = 0;
  std::string first_error;
  for (const Worker& w : workers) {
    all.insert(all.end(), w.latencies_ms.begin(), w.latencies_ms.end());
    bytes += w.bytes;
    errors += w.errors;
    warmup_requests += w.warmup_requests;
    if (first_error.empty()) first_error = w.first_error;
  }
  std::sort(all.begin(), all.end());
  std::vector<double> cold_sorted = cold_ms, second_sorted = second_ms;
  std::sort(cold_sorted.begin(), cold_sorted.end());
  std::sort(second_sorted.begin(), second_sorted.end());
  const nlohmann::json out = {
      {"clients", flags.clients},
      {"seconds", flags.seconds},
      {"warmup_s", flags.warmup},
      {"paths", flags.paths.size()},
      {"requests", all.size()},
      {"warmup_requests", warmup_requests},
      {"rps", static_cast<double>(all.size()) / flags.seconds},
      {"mb_per_s", static_cast<double>(bytes) / 1e6 / flags.seconds},
      {"median_ms", Percentile(all, 0.5)},
      {"p90_ms", Percentile(all, 0.9)},
      {"p99_ms", Percentile(all, 0.99)},
      {"max_ms", all.empty() ? 0 : all.back()},
      {"errors", errors},
      {"body_bytes_min", *std::min_element(sizes.begin(), sizes.end())},
      {"body_bytes_max", *std::max_element(sizes.begin(), sizes.end())},
      {"cold_ms", cold_ms},
      {"cold_median_ms", Percentile(cold_sorted, 0.5)},
      {"cold_max_ms", cold_sorted.back()},
      {"second_ms", second_ms},
      {"second_median_ms", Percentile(second_sorted, 0.5)},
      {"second_max_ms", second_sorted.back()},
      {"client_cpu_s", client_cpu_s},
      {"accept_encoding", flags.accept_encoding},
      {"content_encoding", content_encoding.empty() ? "identity" : content_encoding}};
  if (flags.json) {
    std::cout << out.dump() << "\n";
  } else {
    std::cout << "first answer per path, one at a time (cold):";
    for (double ms : cold_ms) std::printf(" %.1f", ms);
    std::cout << " ms\nsecond answer per path:";
    for (double ms : second_ms) std::printf(" %.1f", ms);
    std::printf(
        " ms\n%d clients (%s), %.1f s after %.1f s of warm-up (%lld requests): %zu requests, "
        "%.1f req/s, %.1f MB/s of bodies (%zu-%zu bytes, %s)\n"
        "latency ms: median %.2f  p90 %.2f  p99 %.2f  max %.2f; errors %lld\n"
        "client CPU over warm-up and load: %.2f s\n",
        flags.clients, flags.keep_alive ? "keep-alive" : "a connection per request", flags.seconds,
        flags.warmup, static_cast<long long>(warmup_requests), all.size(), out["rps"].get<double>(),
        out["mb_per_s"].get<double>(), out["body_bytes_min"].get<size_t>(),
        out["body_bytes_max"].get<size_t>(), out["content_encoding"].get<std::string>().c_str(),
        out["median_ms"].get<double>(), out["p90_ms"].get<double>(), out["p99_ms"].get<double>(),
        out["max_ms"].get<double>(), static_cast<long long>(errors), client_cpu_s);
  }
  if (errors > 0) {
    std::cerr << "pelo_serve_load: " << errors << " errors; first: " << first_error << "\n";
    return 1;
  }
  return 0;
}
