// Hand-written bodies in the shapes of docs/api-shapes.md for the endpoints without a captured
// fixture: the parser tests read them, and the client tests serve them as canned answers.
#pragma once

namespace pelo::api::testing {

inline constexpr const char* kUserProfileBody = R"({
  "id": "u1", "username": "jane", "location": "Berlin", "image_url": "https://img/u1",
  "is_profile_private": false, "total_followers": 12, "total_following": 3,
  "total_workouts": 250, "authed_user_follows": true, "category": "friend",
  "relationship": {"me_to_user": "following", "user_to_me": "none"},
  "created_at": 1600000000,
  "workout_counts": [{"name": "Cycling", "slug": "cycling", "count": 200, "icon_url": "c"},
                     {"name": "Yoga", "slug": "yoga", "count": 50, "icon_url": "y"}]})";

inline constexpr const char* kProfilePageBody = R"({
  "data": [{"id": "u1", "username": "jane", "total_workouts": 250,
            "relationship": {"me_to_user": "following", "user_to_me": "following"}},
           {"id": "u2", "username": "joe", "is_profile_private": true}],
  "limit": 2, "page": 0, "total": 3, "count": 2, "page_count": 2,
  "show_previous": false, "show_next": true, "sort_by": "username"})";

inline constexpr const char* kOverviewBody = R"({
  "id": "u1",
  "workout_counts": {"total_workouts": 250,
                     "workouts": [{"name": "Cycling", "slug": "cycling", "count": 200,
                                   "icon_url": "c", "workout_name": "Cycling"}]},
  "streaks": {"current_weekly": 4, "best_weekly": 30, "current_daily": 1,
              "start_date_of_current_weekly": 1700000000},
  "personal_records": [{"name": "Cycling", "slug": "cycling",
                        "records": [{"name": "20 min", "slug": "20_min", "value": "312",
                                     "raw_value": 312.4, "unit": "kj", "unit_slug": "kj",
                                     "workout_id": "w1", "workout_date": 1690000000}]}],
  "achievement_counts": {"total_count": 57}})";

inline constexpr const char* kAchievementsBody = R"({"categories": [
  {"name": "Streaks", "slug": "streaks",
   "achievements": [{"count": 3, "template": {"id": "a1", "name": "Weekly Streak",
                     "slug": "weekly_streak", "image_url": "https://i/a1",
                     "description": "Work out every week"}}]}]})";

inline constexpr const char* kRelationshipBody =
    R"({"me_to_user": "following", "user_to_me": "none"})";

inline constexpr const char* kSettingsBody = R"({
  "distance_unit": "metric", "weight_unit": "metric", "height_unit": "metric",
  "timezone": "Europe/Berlin", "block_explicit": true,
  "privacy": {"is_profile_private": true, "workout_maps_private": false, "age": false},
  "closed_captions": {"enabled": false}})";

inline constexpr const char* kSubscriptionsBody = R"({"subscriptions": [
  {"id": "s1", "type": "digital", "status": "active", "description": "App One",
   "created_at": 1600000000, "end_date": null}]})";

inline constexpr const char* kTransactionsBody = R"({
  "data": [{"id": "t1", "amount": 12.99, "currency": "EUR", "status": "paid",
            "description": "Monthly", "created_at": 1650000000, "transaction": {"id": "x"}}],
  "limit": 12, "page": 0, "total": 1, "count": 1, "page_count": 1,
  "show_previous": false, "show_next": false})";

inline constexpr const char* kReferralBody =
    R"({"coupon_code": "JANE10", "referrals_made": 2, "referrals": [{"user_id": "u2"}]})";

inline constexpr const char* kImageUploadBody =
    R"({"upload_url": "https://up/x", "new_image_url": "https://img/new"})";

inline constexpr const char* kSessionCheckBody = R"({"is_valid": true, "user_id": "u1"})";

inline constexpr const char* kChallengesBody = R"({"challenges": [
  {"challenge_summary": {"id": "c1", "title": "May Mileage", "symbol_image_url": "https://i/c1",
                         "start_time": 1714521600, "end_time": 1717199999, "status": "active"},
   "participants": {"total_count": 120345},
   "progress": {"has_joined": true, "metric_value": 42.5, "metric_display_value": "42.5",
                "metric_display_unit": "mi", "earned_tier_id": "tier2"}}]})";

inline constexpr const char* kChallengeDetailBody = R"({
  "challenge_summary": {"id": "c1", "title": "May Mileage", "status": "active"},
  "participants": {"total_count": 120345},
  "progress": {"has_joined": false},
  "challenge_detail": {"detailed_description": "Ride 100 miles in May.",
                       "tiers": [{"id": "tier1", "title": "Bronze", "metric_value": 25,
                                  "metric_display_unit": "mi"},
                                 {"id": "tier2", "title": "Silver", "metric_value": 50,
                                  "metric_display_unit": "mi"}]}})";

inline constexpr const char* kChallengeFriendsBody = R"({"friends": [
  {"user": {"id": "u2", "username": "joe", "image_url": "https://i/u2"},
   "progress": {"has_joined": true, "metric_value": 10, "metric_display_value": 10,
                "metric_display_unit": "mi"}}]})";

inline constexpr const char* kMetadataMappingsBody = R"({
  "class_types": [{"id": "ct1", "name": "Power Zone", "fitness_discipline": "cycling",
                   "is_active": true, "list_order": 1}],
  "fitness_disciplines": [{"id": "cycling", "name": "Cycling"}],
  "equipment": [{"id": "e1", "name": "Mat", "slug": "mat"}],
  "instructors": []})";

inline constexpr const char* kLiveClassesBody = R"({
  "data": [{"id": "p1", "ride_id": "r1", "status": "PRE_START",
            "scheduled_start_time": 1700003600, "start_time": 1700003600, "end_time": null,
            "is_live": true, "is_encore": false, "total_home_reservations": 800},
           {"id": "p2", "ride_id": "r-missing", "status": "PRE_START"}],
  "rides": [{"id": "r1", "title": "30 min Pop Ride", "instructor_id": "i1", "duration": 1800}],
  "instructors": [{"id": "i1", "name": "Jane Doe"}]})";

inline constexpr const char* kRideBody =
    R"({"id": "r1", "title": "30 min Pop Ride", "instructor_id": "i1", "duration": 1800,
        "fitness_discipline": "cycling"})";

inline constexpr const char* kRideFiltersBody = R"({
  "filters": [{"name": "duration", "display_name": "Duration", "type": "multi_select",
               "user_specific": false,
               "values": [{"value": 1200, "display_name": "20 min"},
                          {"value": "1800", "display_name": "30 min"}]}],
  "sorts": [{"value": {"sort": "original_air_time", "desc": true}, "display_name": "New",
             "slug": "new"}]})";

inline constexpr const char* kFollowingWorkoutsBody = R"({
  "data": [{"id": "w9", "created_at": 1700000000, "status": "COMPLETE",
            "user": {"id": "u2", "username": "joe"}}],
  "limit": 200, "page": 0, "total": 1, "count": 1, "page_count": 1,
  "show_previous": false, "show_next": false})";

inline constexpr const char* kBrowseCategoriesBody = R"({"browse_categories": [
  {"id": "b1", "name": "Cycling", "slug": "cycling", "list_order": 1, "icon_url": "i",
   "portal_image_url": "p"}]})";

inline constexpr const char* kReservationBody =
    R"({"id": "res1", "join_token": "jt", "peloton_id": "p1", "user_id": "u1"})";

inline constexpr const char* kInstructorsBody = R"({
  "data": [{"id": "i1", "name": "Jane Doe"}, {"id": "i2", "name": "John Roe"}],
  "page": 0, "limit": 2, "total": 3, "count": 2, "page_count": 2, "show_next": true})";

inline constexpr const char* kPlansBody = R"({"plans": [
  {"id": "pl1", "name": "App One", "price": 12.99, "currency": "USD", "interval": "month",
   "trial_days": 30}]})";

inline constexpr const char* kStoresBody =
    R"({"stores": [{"slug": "us", "name": "United States", "country": "US", "currency": "USD"}]})";

inline constexpr const char* kReviewsBody = R"({
  "data": [{"id": "rv1", "rating": 5, "title": "Great", "text": "Love it", "author": "Jane",
            "submittedAt": 1600000000}],
  "page": 0, "limit": 10, "total": 1, "count": 1, "page_count": 1, "show_next": false})";

inline constexpr const char* kOrdersBody = R"({"orders": [
  {"id": "o1", "status": "delivered", "total": 1495.0, "currency": "USD",
   "created_at": 1600000000}]})";

inline constexpr const char* kCardsBody =
    R"({"cards": [{"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2030}]})";

inline constexpr const char* kWorkoutAchievementsBody = R"({"achievement_templates": [
  {"id": "a1", "name": "Best Output", "slug": "best_output", "image_url": "https://i/a1",
   "description": "A new personal record"}]})";

inline constexpr const char* kSamplesBody = R"({"data": [
  {"seconds_since_pedaling_start": 5, "power": 150, "cadence": 85, "speed": 17.2,
   "heart_rate": 130, "distance": 0.02}]})";

}  // namespace pelo::api::testing
