// JSON -> model for the rest of the REST catalogue (profiles, account, challenges, the class
// library, eCommerce, legacy workout endpoints), with the same tolerance as parse.h. The shapes
// are those of docs/api-shapes.md. Where a list arrives wrapped in an object ({"plans": [...]})
// a bare top-level array is accepted too; anything but an object (or such an array) is kApi.
// Items with a `json` member keep their own JSON text there.
#pragma once

#include <string_view>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/model/account.h"
#include "pelo/model/challenge.h"
#include "pelo/model/commerce.h"
#include "pelo/model/instructor.h"
#include "pelo/model/legacy.h"
#include "pelo/model/library.h"
#include "pelo/model/page.h"
#include "pelo/model/profile.h"
#include "pelo/model/ride.h"

namespace pelo::api {

// ---- Profiles (model/profile.h) ----
// GET /api/user/{id_or_username}, PUT /api/user/{id}.
StatusOr<model::UserProfile> ParseUserProfile(std::string_view json);
// Followers, following, facebook_friends, search: a ResultList of profiles.
StatusOr<model::Page<model::UserProfile>> ParseProfilePage(std::string_view json);
StatusOr<model::UserOverview> ParseUserOverview(std::string_view json);
// {"categories": [{name, slug, achievements: [{count, template: {...}}]}]}.
StatusOr<std::vector<model::AchievementCategory>> ParseAchievementCategories(std::string_view json);
// {"months": [{year, month, active_days}]}.
StatusOr<std::vector<model::CalendarMonth>> ParseCalendar(std::string_view json);
StatusOr<model::Relationship> ParseRelationship(std::string_view json);

// ---- Account (model/account.h) ----
StatusOr<model::UserSettings> ParseUserSettings(std::string_view json);
StatusOr<std::vector<model::Subscription>> ParseSubscriptions(std::string_view json);
StatusOr<model::Page<model::SubscriptionTransaction>> ParseSubscriptionTransactions(
    std::string_view json);
StatusOr<model::ReferralHistory> ParseReferralHistory(std::string_view json);
StatusOr<model::ImageUploadUrl> ParseImageUploadUrl(std::string_view json);
StatusOr<model::SessionCheck> ParseSessionCheck(std::string_view json);

// ---- Challenges (model/challenge.h) ----
StatusOr<std::vector<model::Challenge>> ParseChallenges(std::string_view json);
StatusOr<model::ChallengeDetail> ParseChallengeDetail(std::string_view json);
StatusOr<std::vector<model::ChallengeFriend>> ParseChallengeFriends(std::string_view json);

// ---- Class library (model/library.h) ----
StatusOr<model::MetadataMappings> ParseMetadataMappings(std::string_view json);
// GET /api/v2/ride/archived: rides with their `instructor` joined from `instructors[]`.
StatusOr<model::ClassPage> ParseClassPage(std::string_view json);
// GET /api/v3/ride/live: `data[]` sessions with their ride (and its instructor) joined.
StatusOr<std::vector<model::LiveSession>> ParseLiveSessions(std::string_view json);
// GET /api/peloton/{id}.
StatusOr<model::LiveSession> ParseLiveSession(std::string_view json);
// GET /api/ride/{id}: the ride object, or one wrapped as {"ride": {...}}.
StatusOr<model::Ride> ParseRide(std::string_view json);
StatusOr<model::RideFilters> ParseRideFilters(std::string_view json);
StatusOr<model::Page<model::FollowingWorkout>> ParseFollowingWorkouts(std::string_view json);
StatusOr<std::vector<model::BrowseCategory>> ParseBrowseCategories(std::string_view json);
StatusOr<model::Reservation> ParseReservation(std::string_view json);
// GET /api/instructor: the ResultList (ParseInstructorList keeps only its `data`).
StatusOr<model::Page<model::Instructor>> ParseInstructorPage(std::string_view json);

// ---- eCommerce (model/commerce.h) ----
StatusOr<std::vector<model::Plan>> ParsePlans(std::string_view json);
StatusOr<std::vector<model::Store>> ParseStores(std::string_view json);
StatusOr<model::Page<model::Review>> ParseReviewPage(std::string_view json);
StatusOr<std::vector<model::Order>> ParseOrders(std::string_view json);
StatusOr<std::vector<model::PaymentCard>> ParsePaymentCards(std::string_view json);

// ---- Legacy workout endpoints (model/legacy.h) ----
StatusOr<model::WorkoutSummary> ParseWorkoutSummary(std::string_view json);
// GET /api/workout/{id}/achievements: {"achievement_templates": [...]}.
StatusOr<std::vector<model::Achievement>> ParseWorkoutAchievements(std::string_view json);

}  // namespace pelo::api
