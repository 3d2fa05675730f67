#include "peloton/sim/json/me_json.h"

#include <array>

#include "peloton/sim/world/athlete.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {

nlohmann::json MeJson(const Options& options, const std::string& user_id, int total_workouts,
                      int ftp, const std::string& ftp_workout_id, int estimated_ftp,
                      int64_t created_at) {
  const Profile profile;
  const double max_hr = profile.max_hr;
  const nlohmann::json zones = {0, 0.65 * max_hr, 0.75 * max_hr, 0.85 * max_hr, 0.95 * max_hr};
  return {{"id", user_id},
          {"username", "DemoRider"},
          {"email", options.email},
          {"first_name", "Demo"},
          {"last_name", "Rider"},
          {"name", "Demo Rider"},
          {"middle_initial", ""},
          {"location", "New York, NY"},
          {"gender", "female"},
          {"birthday", 0},
          {"weight", 170.0},
          {"height", 68.0},
          {"phone_number", ""},
          {"image_url", "https://s3.amazonaws.com/peloton-profile-images/" + user_id},
          {"created_at", created_at},
          {"created_country", "US"},
          {"total_workouts", total_workouts},
          {"total_pedaling_metric_workouts", 0},
          {"total_non_pedaling_metric_workouts", 0},
          {"total_followers", 12},
          {"total_following", 9},
          {"total_pending_followers", 0},
          {"cycling_ftp", ftp},
          {"cycling_ftp_source", "ftp_workout_source"},
          {"cycling_workout_ftp", ftp},
          {"cycling_ftp_workout_id",
           ftp_workout_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(ftp_workout_id)},
          {"estimated_cycling_ftp", estimated_ftp},
          {"default_max_heart_rate", static_cast<int>(max_hr)},
          {"customized_max_heart_rate", static_cast<int>(max_hr)},
          {"default_heart_rate_zones", zones},
          {"customized_heart_rate_zones", nlohmann::json::array()},
          {"facebook_access_token", nullptr},
          {"facebook_id", ""},
          {"is_fitbit_authenticated", false},
          {"is_strava_authenticated", false},
          {"is_profile_private", false},
          {"is_provisional", false},
          {"is_demo", false},
          {"is_complete_profile", true},
          {"block_explicit", false},
          {"has_active_device_subscription", true},
          {"has_active_digital_subscription", false},
          {"has_signed_waiver", true},
          {"can_charge", true},
          {"subscription_credits", 0},
          {"subscription_credits_used", 0},
          {"referrals_made", 0},
          {"v1_referrals_made", 0},
          {"obfuscated_email", HexId(Mix(created_at, 1), 2) + HexId(Mix(created_at, 3), 4)},
          {"referral_code", HexId(Mix(created_at, 5), 6)},
          {"quick_hits",
           {{"quick_hits_enabled", true},
            {"speed_shortcuts", nullptr},
            {"incline_shortcuts", nullptr}}},
          {"paired_devices", nlohmann::json::array()},
          {"contract_agreements", nlohmann::json::array()},
          {"member_groups", nlohmann::json::array()},
          {"instructor_id", nullptr},
          {"is_internal_beta_tester", false},
          {"is_external_beta_tester", false},
          {"workout_counts", nlohmann::json::array()},
          {"last_workout_at", nullptr}};
}

}  // namespace pelo::sim
