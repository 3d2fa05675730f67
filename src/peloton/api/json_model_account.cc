// The signed-in account: settings, subscriptions and billing, referrals, legacy session checks.
#include "pelo/peloton/api/parse_more.h"
#include "peloton/api/json_envelope.h"

namespace pelo::api::json {
namespace {

model::UserSettings ReadUserSettings(const Object& object) {
  model::UserSettings settings;
  settings.distance_unit = String(object, "distance_unit");
  settings.weight_unit = String(object, "weight_unit");
  settings.height_unit = String(object, "height_unit");
  settings.timezone = String(object, "timezone");
  settings.block_explicit = Bool(object, "block_explicit");
  if (std::optional<Object> privacy = ObjectField(object, "privacy")) {
    settings.is_profile_private = OptionalBool(*privacy, "is_profile_private");
    settings.workout_maps_private = OptionalBool(*privacy, "workout_maps_private");
  }
  settings.json = Minified(object);
  return settings;
}

model::Subscription ReadSubscription(const Object& object) {
  model::Subscription subscription;
  subscription.id = String(object, "id");
  subscription.type = String(object, "type");
  subscription.status = String(object, "status");
  subscription.description = String(object, "description");
  subscription.created_at = Int(object, "created_at");
  subscription.end_date = Int(object, "end_date");
  subscription.json = Minified(object);
  return subscription;
}

model::SubscriptionTransaction ReadTransaction(const Object& object) {
  model::SubscriptionTransaction transaction;
  transaction.id = String(object, "id");
  transaction.amount = Double(object, "amount");
  transaction.currency = String(object, "currency");
  transaction.status = String(object, "status");
  transaction.description = String(object, "description");
  transaction.created_at = Int(object, "created_at");
  transaction.json = Minified(object);
  return transaction;
}

model::ReferralHistory ReadReferralHistory(const Object& object) {
  return {String(object, "coupon_code"), Int(object, "referrals_made").value_or(0),
          Minified(object)};
}

model::ImageUploadUrl ReadImageUploadUrl(const Object& object) {
  return {String(object, "upload_url"), String(object, "new_image_url")};
}

model::SessionCheck ReadSessionCheck(const Object& object) {
  return {Bool(object, "is_valid"), String(object, "user_id")};
}

}  // namespace
}  // namespace pelo::api::json

namespace pelo::api {

StatusOr<model::UserSettings> ParseUserSettings(std::string_view body) {
  return json::ParseOne(body, json::ReadUserSettings);
}

StatusOr<std::vector<model::Subscription>> ParseSubscriptions(std::string_view body) {
  return json::ParseList(body, "subscriptions", json::ReadSubscription);
}

StatusOr<model::Page<model::SubscriptionTransaction>> ParseSubscriptionTransactions(
    std::string_view body) {
  return json::ParsePage(body, json::ReadTransaction);
}

StatusOr<model::ReferralHistory> ParseReferralHistory(std::string_view body) {
  return json::ParseOne(body, json::ReadReferralHistory);
}

StatusOr<model::ImageUploadUrl> ParseImageUploadUrl(std::string_view body) {
  return json::ParseOne(body, json::ReadImageUploadUrl);
}

StatusOr<model::SessionCheck> ParseSessionCheck(std::string_view body) {
  return json::ParseOne(body, json::ReadSessionCheck);
}

}  // namespace pelo::api
