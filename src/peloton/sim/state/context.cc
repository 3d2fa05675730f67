#include "peloton/sim/state/context.h"

#include "peloton/sim/state/people.h"

namespace pelo::sim {
namespace {

std::set<std::string> FollowedAtStart(const Members& members) {
  std::set<std::string> ids;
  for (const Member& m : members.all()) {
    if (m.followed_by_user) ids.insert(m.id);
  }
  return ids;
}

std::map<std::string, bool> JoinedAtStart(const std::vector<ChallengeDef>& challenges) {
  std::map<std::string, bool> joined;
  for (const ChallengeDef& c : challenges) joined[c.id] = c.joined_at_start;
  return joined;
}

}  // namespace

Context::Context(Options opts, std::shared_ptr<const DataSet> data_set)
    : options(std::move(opts)),
      data(std::move(data_set)),
      now(ParseDate(options.end_date).value_or(0) + 86400),
      members(options.seed),
      library(*data),
      live(library, now),
      challenges(BuildChallenges(now)),
      tokens(data->user_id, options.token_ttl_s),
      account(FollowedAtStart(members), DefaultSettings(), JoinedAtStart(challenges)),
      in_progress(options.in_progress) {}

}  // namespace pelo::sim
