// The signed-in account: legacy session calls, settings, profile updates, subscriptions and
// billing, referrals, profile image upload.
#include "pelo/peloton/api/parse_more.h"
#include "peloton/api/client_internal.h"

namespace pelo::api {
namespace {

using internal::Get;
using internal::Post;
using internal::Put;
using internal::UserRoute;

}  // namespace

StatusOr<Done> Client::LegacyLogout(const std::string& session_id) {
  // The session id is a credential: keep the request out of the logs.
  return Do(internal::Sensitive(
      Post("/auth/logout", internal::JsonObject({{"session_id", session_id}}))));
}

StatusOr<Fetched<model::SessionCheck>> Client::CheckSession() {
  return Fetch(Get("/auth/check_session"), &ParseSessionCheck);
}

StatusOr<Fetched<model::UserSettings>> Client::Settings(const std::string& user_id) {
  return Fetch(Get(UserRoute(user_id) + "/settings"), &ParseUserSettings);
}

StatusOr<Fetched<model::UserSettings>> Client::UpdateSettings(const std::string& user_id,
                                                              const std::string& json_body) {
  internal::RestRequest request = Put(UserRoute(user_id) + "/settings", json_body);
  PELO_RETURN_IF_ERROR(internal::CheckJsonObject(json_body, internal::Step(request)));
  return Fetch(request, &ParseUserSettings);
}

StatusOr<Fetched<model::UserProfile>> Client::UpdateUser(const std::string& user_id,
                                                         const std::string& json_body) {
  internal::RestRequest request = Put(UserRoute(user_id), json_body);
  PELO_RETURN_IF_ERROR(internal::CheckJsonObject(json_body, internal::Step(request)));
  return Fetch(request, &ParseUserProfile);
}

StatusOr<Fetched<std::vector<model::Subscription>>> Client::Subscriptions() {
  return Fetch(Get("/api/v2/user/subscriptions"), &ParseSubscriptions);
}

StatusOr<Fetched<model::Page<model::SubscriptionTransaction>>> Client::SubscriptionTransactions(
    const std::string& user_id, const std::string& subscription_id, int limit) {
  return Fetch(Get(UserRoute(user_id) + "/subscription/" + http::UrlEncode(subscription_id) +
                       "/subscription_transactions",
                   {{"joins", "transaction"}, {"limit", std::to_string(limit)}}),
               &ParseSubscriptionTransactions);
}

StatusOr<Fetched<model::ReferralHistory>> Client::ReferralHistory(const std::string& user_id) {
  return Fetch(Get(UserRoute(user_id) + "/referral_history"), &ParseReferralHistory);
}

StatusOr<Fetched<model::ImageUploadUrl>> Client::ImageUploadUrl(const std::string& user_id) {
  return Fetch(Get(UserRoute(user_id) + "/image_upload_url"), &ParseImageUploadUrl);
}

}  // namespace pelo::api
