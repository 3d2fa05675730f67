// What the route handlers share: the world built at start-up and the state the user changes.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pelo/peloton/sim/server.h"
#include "peloton/sim/json/workout_metrics.h"
#include "peloton/sim/state/account_state.h"
#include "peloton/sim/state/tokens.h"
#include "peloton/sim/world/challenges.h"
#include "peloton/sim/world/data_set.h"
#include "peloton/sim/world/library.h"
#include "peloton/sim/world/live_schedule.h"
#include "peloton/sim/world/members.h"

namespace pelo::sim {

// What the routes share: the fixed world built at start-up (data set, members, class library,
// live schedule, challenges) and the state the user changes (auth, account).
struct Context {
  Context(Options opts, std::shared_ptr<const DataSet> data_set);

  Options options;
  std::shared_ptr<const DataSet> data;  // never changed by a request; shared (data_set.h)
  // The simulator's "now" for everything relative (streaks, live classes, challenges): the
  // end of --end-date, so answers do not depend on the wall clock.
  int64_t now;
  Members members;
  Library library;
  LiveSchedule live;
  std::vector<ChallengeDef> challenges;
  TokenIssuer tokens;
  AuthState auth;
  AccountState account;
  MetricsCache metrics;
  // How many of the newest workouts are IN_PROGRESS (Options::in_progress, then SetInProgress).
  std::atomic<int> in_progress{0};
};

}  // namespace pelo::sim
