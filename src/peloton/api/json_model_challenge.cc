// Challenges: the lists (challenge_summary + participants + progress), one challenge's detail
// and tiers, and friends' progress.
#include "pelo/peloton/api/parse_more.h"
#include "peloton/api/json_envelope.h"

namespace pelo::api::json {
namespace {

model::ChallengeProgress ReadProgress(const Object& parent) {
  model::ChallengeProgress progress;
  std::optional<Object> object = ObjectField(parent, "progress");
  if (!object) return progress;
  progress.has_joined = Bool(*object, "has_joined");
  progress.metric_value = Double(*object, "metric_value");
  progress.metric_display_value = Text(*object, "metric_display_value");
  progress.metric_display_unit = String(*object, "metric_display_unit");
  progress.earned_tier_id = String(*object, "earned_tier_id");
  return progress;
}

model::Challenge ReadChallenge(const Object& object) {
  model::Challenge challenge;
  if (std::optional<Object> summary = ObjectField(object, "challenge_summary")) {
    challenge.id = String(*summary, "id");
    challenge.title = String(*summary, "title");
    challenge.symbol_image_url = String(*summary, "symbol_image_url");
    challenge.status = String(*summary, "status");
    challenge.start_time = Int(*summary, "start_time");
    challenge.end_time = Int(*summary, "end_time");
  }
  if (std::optional<Object> participants = ObjectField(object, "participants")) {
    challenge.participants = Int(*participants, "total_count");
  }
  challenge.progress = ReadProgress(object);
  challenge.json = Minified(object);
  return challenge;
}

model::ChallengeTier ReadTier(const Object& object) {
  return {String(object, "id"), String(object, "title"), Double(object, "metric_value"),
          String(object, "metric_display_unit")};
}

model::ChallengeDetail ReadChallengeDetail(const Object& object) {
  model::ChallengeDetail detail;
  detail.challenge = ReadChallenge(object);
  if (std::optional<Object> more = ObjectField(object, "challenge_detail")) {
    detail.description = String(*more, "detailed_description");
    detail.tiers = MapObjects(*more, "tiers", ReadTier);
  }
  detail.json = detail.challenge.json;
  return detail;
}

model::ChallengeFriend ReadFriend(const Object& object) {
  model::ChallengeFriend challenge_friend;
  if (std::optional<Object> user = ObjectField(object, "user")) {
    challenge_friend.user_id = String(*user, "id");
    challenge_friend.username = String(*user, "username");
    challenge_friend.image_url = String(*user, "image_url");
  }
  challenge_friend.progress = ReadProgress(object);
  return challenge_friend;
}

}  // namespace
}  // namespace pelo::api::json

namespace pelo::api {

StatusOr<std::vector<model::Challenge>> ParseChallenges(std::string_view body) {
  return json::ParseList(body, "challenges", json::ReadChallenge);
}

StatusOr<model::ChallengeDetail> ParseChallengeDetail(std::string_view body) {
  return json::ParseOne(body, json::ReadChallengeDetail);
}

StatusOr<std::vector<model::ChallengeFriend>> ParseChallengeFriends(std::string_view body) {
  return json::ParseList(body, "friends", json::ReadFriend);
}

}  // namespace pelo::api
