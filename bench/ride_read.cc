// In-process side of bench/serve_load.sh: the time to read and encode the rides the dashboard is
// asked for, on the same database, one thread, per call. ROUNDS rounds over the ids after one
// round of warm-up, four ways:
//   - store read: Store::LoadWorkoutDetail on a read-only store opened once;
//   - LoadRide + RideJson on that store (the JSON of /api/workouts/<id>);
//   - open read-only + LoadRide + RideJson (what a request does when nothing is cached);
//   - dashboard::Answer("/api/workouts/<id>"): the route itself, without HTTP or cache.
//
//   pelo_ride_read --db PATH --ids ID1,ID2,... [--rounds 20] [--json]
//
// Prints median, p90, p99 and max (ms) per case, and the JSON's size.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pelo/app/json.h"
#include "pelo/app/ride.h"
#include "pelo/dashboard/dashboard.h"
#include "pelo/store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void Fail(const std::string& message) {
  std::cerr << "pelo_ride_read: " << message << "\n";
  std::exit(1);
}

[[noreturn]] void Usage(const std::string& error) {
  std::cerr << "pelo_ride_read: " << error
            << "\nusage: pelo_ride_read --db PATH --ids ID1,ID2,... [--rounds 20] [--json]\n";
  std::exit(2);
}

// Nearest-rank percentile of sorted values.
double Percentile(const std::vector<double>& sorted, double q) {
  const size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

// Runs `call` for every id, one warm-up round then `rounds` timed rounds; the times in ms.
std::vector<double> Time(const std::vector<std::string>& ids, int rounds,
                         const std::function<void(const std::string&)>& call) {
  std::vector<double> ms;
  for (int round = -1; round < rounds; ++round) {
    for (const std::string& id : ids) {
      const auto t0 = Clock::now();
      call(id);
      const auto t1 = Clock::now();
      if (round >= 0) ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
  }
  std::sort(ms.begin(), ms.end());
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  std::vector<std::string> ids;
  int rounds = 20;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json") {
      json = true;
      continue;
    }
    if (i + 1 >= argc) Usage(arg + ": needs a value");
    const std::string value = argv[++i];
    if (arg == "--db") {
      db = value;
    } else if (arg == "--ids") {
      std::stringstream in(value);
      for (std::string id; std::getline(in, id, ',');) {
        if (!id.empty()) ids.push_back(id);
      }
    } else if (arg == "--rounds") {
      rounds = std::atoi(value.c_str());
    } else {
      Usage("unknown flag " + arg);
    }
  }
  if (db.empty() || ids.empty() || rounds < 1) Usage("needs --db, --ids and --rounds >= 1");

  auto opened = pelo::store::OpenSqliteStoreReadOnly(db);
  if (!opened.ok()) Fail(opened.status().ToString());
  pelo::store::Store& store = **opened;

  size_t samples = 0, json_bytes = 0;
  for (const std::string& id : ids) {
    auto ride = pelo::app::LoadRide(store, id);
    if (!ride.ok()) Fail(ride.status().ToString());
    if (!*ride) Fail("no workout " + id + " is stored");
    samples = std::max(samples, (*ride)->samples.size());
    json_bytes = std::max(json_bytes, pelo::app::RideJson(**ride, false).size());
  }

  struct Case {
    std::string name;
    std::vector<double> ms;
  };
  std::vector<Case> cases;
  cases.push_back({"store read (LoadWorkoutDetail), store open", Time(ids, rounds, [&](auto& id) {
                     auto detail = store.LoadWorkoutDetail(id);
                     if (!detail.ok() || !*detail) Fail("LoadWorkoutDetail " + id);
                   })});
  cases.push_back({"LoadRide + RideJson, store open", Time(ids, rounds, [&](auto& id) {
                     auto ride = pelo::app::LoadRide(store, id);
                     if (!ride.ok() || !*ride) Fail("LoadRide " + id);
                     if (pelo::app::RideJson(**ride, false).empty()) Fail("RideJson " + id);
                   })});
  cases.push_back({"open read-only + LoadRide + RideJson", Time(ids, rounds, [&](auto& id) {
                     auto s = pelo::store::OpenSqliteStoreReadOnly(db);
                     if (!s.ok()) Fail(s.status().ToString());
                     auto ride = pelo::app::LoadRide(**s, id);
                     if (!ride.ok() || !*ride) Fail("LoadRide " + id);
                     if (pelo::app::RideJson(**ride, false).empty()) Fail("RideJson " + id);
                   })});
  cases.push_back(
      {"dashboard::Answer(/api/workouts/<id>), no HTTP, no cache", Time(ids, rounds, [&](auto& id) {
         auto answer = pelo::dashboard::Answer("/api/workouts/" + id, {}, db);
         if (answer.status != 200) Fail("Answer " + id + ": " + answer.body);
       })});

  nlohmann::json out = {{"rides", ids.size()},
                        {"rounds", rounds},
                        {"samples_max", samples},
                        {"json_bytes_max", json_bytes},
                        {"cases", nlohmann::json::array()}};
  for (const Case& c : cases) {
    out["cases"].push_back({{"name", c.name},
                            {"calls", c.ms.size()},
                            {"median_ms", Percentile(c.ms, 0.5)},
                            {"p90_ms", Percentile(c.ms, 0.9)},
                            {"p99_ms", Percentile(c.ms, 0.99)},
                            {"max_ms", c.ms.back()}});
  }
  if (json) {
    std::cout << out.dump() << "\n";
    return 0;
  }
  std::printf("%zu rides (up to %zu samples, %zu bytes of JSON), %d rounds, one thread:\n",
              ids.size(), samples, json_bytes, rounds);
  for (const auto& c : out["cases"]) {
    std::printf("  %-58s median %6.2f  p90 %6.2f  p99 %6.2f  max %6.2f ms\n",
                c["name"].get<std::string>().c_str(), c["median_ms"].get<double>(),
                c["p90_ms"].get<double>(), c["p99_ms"].get<double>(), c["max_ms"].get<double>());
  }
  return 0;
}
