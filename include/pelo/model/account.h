// The signed-in account: settings, subscriptions and billing, referrals, legacy session checks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pelo::model {

// GET/PUT /api/user/{id}/settings (the fields people change; `json` holds all of them).
struct UserSettings {
  std::string distance_unit;  // "imperial" | "metric"
  std::string weight_unit;
  std::string height_unit;
  std::string timezone;
  bool block_explicit = false;
  std::optional<bool> is_profile_private;  // privacy.is_profile_private
  std::optional<bool> workout_maps_private;
  std::string json;
};

// GET /api/v2/user/subscriptions.
struct Subscription {
  std::string id;
  std::string type;    // "digital", "device", ...
  std::string status;  // "active", ...
  std::string description;
  std::optional<int64_t> created_at;
  std::optional<int64_t> end_date;
  std::string json;
};

// An item of .../subscription/{id}/subscription_transactions.
struct SubscriptionTransaction {
  std::string id;
  std::optional<double> amount;  // in the currency's main unit
  std::string currency;
  std::string status;
  std::string description;
  std::optional<int64_t> created_at;
  std::string json;
};

// GET /api/user/{id}/referral_history.
struct ReferralHistory {
  std::string coupon_code;
  int64_t referrals_made = 0;
  std::string json;
};

// GET /api/user/{id}/image_upload_url.
struct ImageUploadUrl {
  std::string upload_url;
  std::string new_image_url;
};

// GET /auth/check_session (legacy).
struct SessionCheck {
  bool is_valid = false;
  std::string user_id;
};

}  // namespace pelo::model
