// The rows follow ../shared/docs/peloton-api.md §9 (Postman names and order); auth and
// Peloton-Platform requirements come from §5 and the README marks quoted there.
#include "pelo/peloton/api/catalogue.h"

namespace pelo::api {
namespace {

constexpr bool kAuth = true;
constexpr bool kOpen = false;
constexpr bool kMutates = true;
constexpr bool kReads = false;
constexpr bool kPlatform = true;
constexpr bool kAny = false;

Endpoint Rest(std::string_view group, std::string_view name, std::string_view method,
              std::string_view path, bool auth, bool mutating, bool platform_header) {
  return {group, name, method, path, "", auth, mutating, platform_header};
}

// A request of §5 that the Postman collection does not have.
Endpoint Extra(std::string_view group, std::string_view name, std::string_view method,
               std::string_view path, bool mutating, bool platform_header) {
  return {group, name, method, path, "", kAuth, mutating, platform_header, false};
}

Endpoint Graphql(std::string_view name, std::string_view operation, bool mutating) {
  return {"graphql", name, "POST", "/graphql", operation, kAuth, mutating, kAny};
}

std::vector<Endpoint> Build() {
  return {
      Rest("auth", "Login", "POST", "/auth/login", kOpen, kReads, kAny),
      Rest("auth", "Logout", "POST", "/auth/logout", kAuth, kReads, kAny),
      Rest("auth", "Check Session", "GET", "/auth/check_session", kAuth, kReads, kAny),

      Rest("ecommerce", "Peloton Plans", "GET", "/ecomm/store/dotcom/digital_subscriptions/plans",
           kOpen, kReads, kAny),
      Rest("ecommerce", "Peloton Stores", "GET", "/ecomm/store", kOpen, kReads, kAny),
      Rest("ecommerce", "Peloton Bike Reviews", "GET", "/ecomm/product/bike/reviews", kOpen, kReads,
           kAny),
      Rest("ecommerce", "Peloton Account Order History", "GET", "/ecomm/orders", kAuth, kReads,
           kAny),
      Rest("ecommerce", "Peloton Account Payment Info", "GET", "/ecomm/card", kAuth, kReads, kAny),

      Rest("instructors", "All Instructors", "GET", "/api/instructor", kOpen, kReads, kAny),
      Rest("instructors", "Instructor by Id", "GET", "/api/instructor/{instructor_id}", kOpen,
           kReads, kAny),

      Rest("rides-classes", "Ride Metadata Mappings", "GET", "/api/ride/metadata_mappings", kAuth,
           kReads, kAny),
      Rest("rides-classes", "List Archived Rides", "GET", "/api/v2/ride/archived", kAuth, kReads,
           kAny),
      Rest("rides-classes", "List Live Rides", "GET", "/api/v3/ride/live", kAuth, kReads,
           kPlatform),
      Rest("rides-classes", "Ride by Id", "GET", "/api/ride/{ride_id}", kAuth, kReads, kAny),
      Rest("rides-classes", "Ride Details", "GET", "/api/ride/{ride_id}/details", kAuth, kReads,
           kAny),
      Rest("rides-classes", "Ride Filters", "GET", "/api/ride/filters", kAuth, kReads, kPlatform),
      Rest("rides-classes", "Ride Recent Following Workouts", "GET",
           "/api/ride/{ride_id}/recent_following_workouts", kAuth, kReads, kAny),
      Rest("rides-classes", "Class Categories", "GET", "/api/browse_categories", kOpen, kReads,
           kAny),
      Rest("rides-classes", "Favorite Class", "POST", "/api/favorites/create", kAuth, kMutates,
           kAny),
      Rest("rides-classes", "Unfavorite Class", "POST", "/api/favorites/delete", kAuth, kMutates,
           kAny),
      Rest("rides-classes", "Create Reservation", "POST", "/api/reservation", kAuth, kMutates,
           kAny),
      Rest("rides-classes", "Remove Reservation", "DELETE", "/api/reservation/{peloton_id}", kAuth,
           kMutates, kAny),

      Rest("users", "Me (Logged in User)", "GET", "/api/me", kAuth, kReads, kAny),
      Rest("users", "User by Id", "GET", "/api/user/{user_id}", kAuth, kReads, kAny),
      Rest("users", "User by Username", "GET", "/api/user/{username}", kAuth, kReads, kAny),
      Rest("users", "User Workouts", "GET", "/api/user/{user_id}/workouts", kAuth, kReads, kAny),
      Rest("users", "User Workout History CSV", "GET", "/api/user/{user_id}/workout_history_csv",
           kAuth, kReads, kAny),
      Rest("users", "User Overview", "GET", "/api/user/{user_id}/overview", kAuth, kReads,
           kPlatform),
      Rest("users", "User Subscriptions", "GET", "/api/v2/user/subscriptions", kAuth, kReads, kAny),
      Rest("users", "User Subscription Transactions", "GET",
           "/api/user/{user_id}/subscription/{subscription_id}/subscription_transactions", kAuth,
           kReads, kAny),
      Rest("users", "User Achievements", "GET", "/api/user/{user_id}/achievements", kAuth, kReads,
           kPlatform),
      Rest("users", "User Challenges (Current)", "GET", "/api/user/{user_id}/challenges/current",
           kAuth, kReads, kPlatform),
      Rest("users", "User Challenges (Upcoming)", "GET", "/api/user/{user_id}/challenges/upcoming",
           kAuth, kReads, kPlatform),
      Rest("users", "User Challenges (Past)", "GET", "/api/user/{user_id}/challenges/past", kAuth,
           kReads, kPlatform),
      Rest("users", "User Followers", "GET", "/api/user/{user_id}/followers", kAuth, kReads,
           kPlatform),
      Rest("users", "User Following", "GET", "/api/user/{user_id}/following", kAuth, kReads,
           kPlatform),
      Rest("users", "User Search", "GET", "/api/user/search", kAuth, kReads, kAny),
      Rest("users", "User Settings", "GET", "/api/user/{user_id}/settings", kAuth, kReads, kAny),
      Rest("users", "User Referral History", "GET", "/api/user/{user_id}/referral_history", kAuth,
           kReads, kAny),
      Rest("users", "User Calendar Activity", "GET", "/api/user/{user_id}/calendar", kAuth, kReads,
           kAny),
      Rest("users", "Follow or Unfollow User", "POST", "/api/user/change_relationship", kAuth,
           kMutates, kAny),
      Rest("users", "Update User", "PUT", "/api/user/{user_id}", kAuth, kMutates, kAny),
      Rest("users", "Update User Settings", "PUT", "/api/user/{user_id}/settings", kAuth, kMutates,
           kAny),

      Rest("workouts", "Workout by Id", "GET", "/api/workout/{workout_id}", kAuth, kReads, kAny),
      Rest("workouts", "Workout by Id - Performance Graph", "GET",
           "/api/workout/{workout_id}/performance_graph", kAuth, kReads, kAny),
      Rest("workouts", "Delete Workout by Id", "DELETE", "/api/workout/{workout_id}", kAuth,
           kMutates, kAny),

      Graphql("AddTagToUser", "AddTagToUser", kMutates),
      Graphql("MyTags", "MyTags", kReads),
      Graphql("PrimaryTag", "PrimaryTag", kReads),
      Graphql("RemoveTagFromUser", "RemoveTagFromUser", kMutates),
      Graphql("SearchTag", "SearchTag", kReads),
      Graphql("SetTagAsPrimary", "SetTagAsPrimary", kMutates),
      Graphql("TagBrowseCategory", "TagBrowseCategory", kReads),
      Graphql("TagBrowseCategoryDisplayNames", "TagBrowseCategoryDisplayNames", kReads),
      Graphql("TagDetail", "TagDetail", kReads),

      // §5 only (DovOps spec, yt-dlp, pylotoncycle, the 2018 collection).
      Extra("users", "User Facebook Friends", "GET", "/api/user/{user_id}/facebook_friends", kReads,
            kPlatform),
      Extra("users", "User Image Upload URL", "GET", "/api/user/{user_id}/image_upload_url", kReads,
            kAny),
      Extra("users", "User Challenge", "GET", "/api/user/{user_id}/challenges/{challenge_id}",
            kReads, kPlatform),
      Extra("users", "User Challenge Friends", "GET",
            "/api/user/{user_id}/challenges/{challenge_id}/friends", kReads, kPlatform),
      Extra("users", "Join Challenge", "POST", "/api/user/{user_id}/challenges/{challenge_id}/join",
            kMutates, kPlatform),
      Extra("users", "Leave Challenge", "POST",
            "/api/user/{user_id}/challenges/{challenge_id}/leave", kMutates, kPlatform),
      Extra("workouts", "Workout Summary (legacy)", "GET", "/api/workout/{workout_id}/summary",
            kReads, kAny),
      Extra("workouts", "Workout Achievements (legacy)", "GET",
            "/api/workout/{workout_id}/achievements", kReads, kAny),
      Extra("workouts", "Workout Samples (legacy)", "GET", "/api/workout/{workout_id}/sample",
            kReads, kAny),
      Extra("rides-classes", "Peloton Session", "GET", "/api/peloton/{peloton_id}", kReads,
            kPlatform),
      Extra("rides-classes", "Started Client Session", "GET", "/api/started_client_session", kReads,
            kAny),
      Extra("rides-classes", "Stream Token", "POST", "/api/subscription/stream", kReads, kAny),
  };
}

}  // namespace

const std::vector<Endpoint>& Catalogue() {
  static const std::vector<Endpoint> catalogue = Build();
  return catalogue;
}

const Endpoint* FindEndpoint(std::string_view name) {
  for (const Endpoint& e : Catalogue()) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

}  // namespace pelo::api
