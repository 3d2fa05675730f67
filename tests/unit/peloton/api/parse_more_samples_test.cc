// The parse_more.h parsers against hand-written bodies of the docs/api-shapes.md shapes.
#include <gtest/gtest.h>

#include "pelo/peloton/api/parse_more.h"
#include "unit/peloton/api/fixture_files.h"
#include "unit/peloton/api/shape_samples.h"

namespace pelo::api::testing {
namespace {

TEST(ParseSamples, UserProfile) {
  model::UserProfile p = Ok(ParseUserProfile(kUserProfileBody));
  EXPECT_EQ(p.id, "u1");
  EXPECT_EQ(p.username, "jane");
  EXPECT_EQ(p.location, "Berlin");
  EXPECT_EQ(p.image_url, "https://img/u1");
  EXPECT_FALSE(p.is_profile_private);
  EXPECT_EQ(p.total_followers, 12);
  EXPECT_EQ(p.total_following, 3);
  EXPECT_EQ(p.total_workouts, 250);
  EXPECT_EQ(p.created_at, 1600000000);
  EXPECT_EQ(p.authed_user_follows, true);
  ASSERT_TRUE(p.relationship.has_value());
  EXPECT_EQ(p.relationship->me_to_user, "following");
  EXPECT_EQ(p.relationship->user_to_me, "none");
  ASSERT_EQ(p.workout_counts.size(), 2u);
  EXPECT_EQ(p.workout_counts[1].name, "Yoga");
  EXPECT_EQ(p.workout_counts[1].slug, "yoga");
  EXPECT_EQ(p.workout_counts[1].count, 50);
  EXPECT_NE(p.json.find("\"category\":\"friend\""), std::string::npos);  // unknown keys kept
}

TEST(ParseSamples, ProfilePage) {
  model::Page<model::UserProfile> page = Ok(ParseProfilePage(kProfilePageBody));
  ASSERT_EQ(page.data.size(), 2u);
  EXPECT_EQ(page.data[0].relationship->user_to_me, "following");
  EXPECT_TRUE(page.data[1].is_profile_private);
  EXPECT_FALSE(page.data[1].authed_user_follows.has_value());
  EXPECT_EQ(page.total, 3);
  EXPECT_EQ(page.count, 2);
  EXPECT_EQ(page.limit, 2);
  EXPECT_EQ(page.page_count, 2);
  EXPECT_TRUE(page.show_next);
  EXPECT_EQ(page.data[1].json, R"({"id":"u2","username":"joe","is_profile_private":true})");
}

TEST(ParseSamples, ShowNextIsDerivedWhenAbsent) {
  EXPECT_TRUE(Ok(ParseProfilePage(R"({"data":[],"page":0,"page_count":2})")).show_next);
  EXPECT_FALSE(Ok(ParseProfilePage(R"({"data":[],"page":1,"page_count":2})")).show_next);
  EXPECT_FALSE(Ok(ParseProfilePage(R"({"page":0,"page_count":2,"show_next":false})")).show_next);
}

TEST(ParseSamples, Overview) {
  model::UserOverview o = Ok(ParseUserOverview(kOverviewBody));
  EXPECT_EQ(o.id, "u1");
  EXPECT_EQ(o.total_workouts, 250);
  ASSERT_EQ(o.workout_counts.size(), 1u);
  EXPECT_EQ(o.workout_counts[0].count, 200);
  EXPECT_EQ(o.streaks.current_weekly, 4);
  EXPECT_EQ(o.streaks.best_weekly, 30);
  EXPECT_EQ(o.streaks.current_daily, 1);
  EXPECT_EQ(o.streaks.start_date_of_current_weekly, 1700000000);
  ASSERT_EQ(o.personal_records.size(), 1u);
  EXPECT_EQ(o.personal_records[0].slug, "cycling");
  ASSERT_EQ(o.personal_records[0].records.size(), 1u);
  const model::PersonalRecord& r = o.personal_records[0].records[0];
  EXPECT_EQ(r.name, "20 min");
  EXPECT_EQ(r.value, "312");
  EXPECT_DOUBLE_EQ(r.raw_value.value_or(0), 312.4);
  EXPECT_EQ(r.unit, "kj");
  EXPECT_EQ(r.workout_id, "w1");
  EXPECT_EQ(r.workout_date, 1690000000);
  EXPECT_EQ(o.achievement_count, 57);
  EXPECT_FALSE(o.json.empty());
}

TEST(ParseSamples, AchievementCategories) {
  auto categories = Ok(ParseAchievementCategories(kAchievementsBody));
  ASSERT_EQ(categories.size(), 1u);
  EXPECT_EQ(categories[0].name, "Streaks");
  ASSERT_EQ(categories[0].achievements.size(), 1u);
  const model::Achievement& a = categories[0].achievements[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.name, "Weekly Streak");
  EXPECT_EQ(a.slug, "weekly_streak");
  EXPECT_EQ(a.image_url, "https://i/a1");
  EXPECT_EQ(a.description, "Work out every week");
  EXPECT_EQ(a.count, 3);
}

TEST(ParseSamples, Relationship) {
  model::Relationship r = Ok(ParseRelationship(kRelationshipBody));
  EXPECT_EQ(r.me_to_user, "following");
  EXPECT_EQ(r.user_to_me, "none");
}

TEST(ParseSamples, Settings) {
  model::UserSettings s = Ok(ParseUserSettings(kSettingsBody));
  EXPECT_EQ(s.distance_unit, "metric");
  EXPECT_EQ(s.weight_unit, "metric");
  EXPECT_EQ(s.height_unit, "metric");
  EXPECT_EQ(s.timezone, "Europe/Berlin");
  EXPECT_TRUE(s.block_explicit);
  EXPECT_EQ(s.is_profile_private, true);
  EXPECT_EQ(s.workout_maps_private, false);
  EXPECT_NE(s.json.find("closed_captions"), std::string::npos);
}

TEST(ParseSamples, SubscriptionsAndTransactions) {
  auto subscriptions = Ok(ParseSubscriptions(kSubscriptionsBody));
  ASSERT_EQ(subscriptions.size(), 1u);
  EXPECT_EQ(subscriptions[0].id, "s1");
  EXPECT_EQ(subscriptions[0].type, "digital");
  EXPECT_EQ(subscriptions[0].status, "active");
  EXPECT_EQ(subscriptions[0].description, "App One");
  EXPECT_EQ(subscriptions[0].created_at, 1600000000);
  EXPECT_FALSE(subscriptions[0].end_date.has_value());
  auto transactions = Ok(ParseSubscriptionTransactions(kTransactionsBody));
  ASSERT_EQ(transactions.data.size(), 1u);
  const model::SubscriptionTransaction& t = transactions.data[0];
  EXPECT_EQ(t.id, "t1");
  EXPECT_DOUBLE_EQ(t.amount.value_or(0), 12.99);
  EXPECT_EQ(t.currency, "EUR");
  EXPECT_EQ(t.status, "paid");
  EXPECT_EQ(t.description, "Monthly");
  EXPECT_EQ(t.created_at, 1650000000);
  EXPECT_NE(t.json.find("\"transaction\""), std::string::npos);
  EXPECT_FALSE(transactions.show_next);
}

TEST(ParseSamples, ReferralImageUploadSessionCheck) {
  model::ReferralHistory referral = Ok(ParseReferralHistory(kReferralBody));
  EXPECT_EQ(referral.coupon_code, "JANE10");
  EXPECT_EQ(referral.referrals_made, 2);
  EXPECT_NE(referral.json.find("referrals"), std::string::npos);
  model::ImageUploadUrl upload = Ok(ParseImageUploadUrl(kImageUploadBody));
  EXPECT_EQ(upload.upload_url, "https://up/x");
  EXPECT_EQ(upload.new_image_url, "https://img/new");
  model::SessionCheck check = Ok(ParseSessionCheck(kSessionCheckBody));
  EXPECT_TRUE(check.is_valid);
  EXPECT_EQ(check.user_id, "u1");
}

TEST(ParseSamples, Challenges) {
  auto challenges = Ok(ParseChallenges(kChallengesBody));
  ASSERT_EQ(challenges.size(), 1u);
  const model::Challenge& c = challenges[0];
  EXPECT_EQ(c.id, "c1");
  EXPECT_EQ(c.title, "May Mileage");
  EXPECT_EQ(c.symbol_image_url, "https://i/c1");
  EXPECT_EQ(c.status, "active");
  EXPECT_EQ(c.start_time, 1714521600);
  EXPECT_EQ(c.end_time, 1717199999);
  EXPECT_EQ(c.participants, 120345);
  EXPECT_TRUE(c.progress.has_joined);
  EXPECT_DOUBLE_EQ(c.progress.metric_value.value_or(0), 42.5);
  EXPECT_EQ(c.progress.metric_display_value, "42.5");
  EXPECT_EQ(c.progress.metric_display_unit, "mi");
  EXPECT_EQ(c.progress.earned_tier_id, "tier2");
  EXPECT_EQ(c.json.rfind("{\"challenge_summary\":", 0), 0u);
}

TEST(ParseSamples, ChallengeDetailAndFriends) {
  model::ChallengeDetail d = Ok(ParseChallengeDetail(kChallengeDetailBody));
  EXPECT_EQ(d.challenge.id, "c1");
  EXPECT_FALSE(d.challenge.progress.has_joined);
  EXPECT_EQ(d.description, "Ride 100 miles in May.");
  ASSERT_EQ(d.tiers.size(), 2u);
  EXPECT_EQ(d.tiers[1].id, "tier2");
  EXPECT_EQ(d.tiers[1].title, "Silver");
  EXPECT_EQ(d.tiers[1].metric_value, 50);
  EXPECT_EQ(d.tiers[1].metric_display_unit, "mi");
  EXPECT_NE(d.json.find("challenge_detail"), std::string::npos);
  auto friends = Ok(ParseChallengeFriends(kChallengeFriendsBody));
  ASSERT_EQ(friends.size(), 1u);
  EXPECT_EQ(friends[0].user_id, "u2");
  EXPECT_EQ(friends[0].username, "joe");
  EXPECT_EQ(friends[0].image_url, "https://i/u2");
  EXPECT_EQ(friends[0].progress.metric_display_value, "10");  // a number is displayed as text
  EXPECT_EQ(friends[0].progress.metric_value, 10);
}

TEST(ParseSamples, MetadataMappings) {
  model::MetadataMappings m = Ok(ParseMetadataMappings(kMetadataMappingsBody));
  ASSERT_EQ(m.class_types.size(), 1u);
  EXPECT_EQ(m.class_types[0].id, "ct1");
  EXPECT_EQ(m.class_types[0].name, "Power Zone");
  ASSERT_EQ(m.fitness_disciplines.size(), 1u);
  EXPECT_EQ(m.fitness_disciplines[0].id, "cycling");
  ASSERT_EQ(m.equipment.size(), 1u);
  EXPECT_EQ(m.equipment[0].slug, "mat");
  EXPECT_NE(m.json.find("\"instructors\":[]"), std::string::npos);
}

TEST(ParseSamples, LiveClassesJoinRidesAndInstructors) {
  auto sessions = Ok(ParseLiveSessions(kLiveClassesBody));
  ASSERT_EQ(sessions.size(), 2u);
  const model::LiveSession& s = sessions[0];
  EXPECT_EQ(s.id, "p1");
  EXPECT_EQ(s.ride_id, "r1");
  EXPECT_EQ(s.status, "PRE_START");
  EXPECT_EQ(s.scheduled_start_time, 1700003600);
  EXPECT_FALSE(s.end_time.has_value());
  EXPECT_TRUE(s.is_live);
  EXPECT_FALSE(s.is_encore);
  EXPECT_EQ(s.total_home_reservations, 800);
  ASSERT_TRUE(s.ride.has_value());
  EXPECT_EQ(s.ride->title, "30 min Pop Ride");
  ASSERT_TRUE(s.ride->instructor.has_value());
  EXPECT_EQ(s.ride->instructor->name, "Jane Doe");
  EXPECT_FALSE(sessions[1].ride.has_value());  // its ride is not listed
}

TEST(ParseSamples, RideBareOrWrapped) {
  model::Ride bare = Ok(ParseRide(kRideBody));
  EXPECT_EQ(bare.id, "r1");
  EXPECT_EQ(bare.duration, 1800);
  model::Ride wrapped = Ok(ParseRide(std::string(R"({"ride":)") + kRideBody + "}"));
  EXPECT_EQ(wrapped.id, "r1");
  EXPECT_EQ(wrapped.title, "30 min Pop Ride");
}

TEST(ParseSamples, RideFilters) {
  model::RideFilters f = Ok(ParseRideFilters(kRideFiltersBody));
  ASSERT_EQ(f.filters.size(), 1u);
  EXPECT_EQ(f.filters[0].name, "duration");
  EXPECT_EQ(f.filters[0].display_name, "Duration");
  EXPECT_EQ(f.filters[0].type, "multi_select");
  ASSERT_EQ(f.filters[0].values.size(), 2u);
  EXPECT_EQ(f.filters[0].values[0].value, "1200");  // numbers and strings alike
  EXPECT_EQ(f.filters[0].values[1].value, "1800");
  EXPECT_EQ(f.filters[0].values[1].display_name, "30 min");
  ASSERT_EQ(f.sorts.size(), 1u);
  EXPECT_EQ(f.sorts[0].slug, "new");
  EXPECT_EQ(f.sorts[0].display_name, "New");
  EXPECT_EQ(f.sorts[0].sort, "original_air_time");
  EXPECT_TRUE(f.sorts[0].desc);
}

TEST(ParseSamples, FollowingWorkouts) {
  auto page = Ok(ParseFollowingWorkouts(kFollowingWorkoutsBody));
  ASSERT_EQ(page.data.size(), 1u);
  EXPECT_EQ(page.data[0].workout.id, "w9");
  EXPECT_EQ(page.data[0].workout.status, "COMPLETE");
  EXPECT_EQ(page.data[0].user.id, "u2");
  EXPECT_EQ(page.data[0].user.username, "joe");
  EXPECT_EQ(page.limit, 200);
}

TEST(ParseSamples, BrowseCategoriesReservationInstructors) {
  auto categories = Ok(ParseBrowseCategories(kBrowseCategoriesBody));
  ASSERT_EQ(categories.size(), 1u);
  EXPECT_EQ(categories[0].id, "b1");
  EXPECT_EQ(categories[0].name, "Cycling");
  EXPECT_EQ(categories[0].slug, "cycling");
  EXPECT_EQ(categories[0].list_order, 1);
  model::Reservation r = Ok(ParseReservation(kReservationBody));
  EXPECT_EQ(r.id, "res1");
  EXPECT_EQ(r.join_token, "jt");
  EXPECT_EQ(r.peloton_id, "p1");
  EXPECT_EQ(r.user_id, "u1");
  auto instructors = Ok(ParseInstructorPage(kInstructorsBody));
  ASSERT_EQ(instructors.data.size(), 2u);
  EXPECT_EQ(instructors.data[1].name, "John Roe");
  EXPECT_TRUE(instructors.show_next);
  EXPECT_EQ(instructors.total, 3);
}

TEST(ParseSamples, Commerce) {
  auto plans = Ok(ParsePlans(kPlansBody));
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].id, "pl1");
  EXPECT_EQ(plans[0].name, "App One");
  EXPECT_DOUBLE_EQ(plans[0].price.value_or(0), 12.99);
  EXPECT_EQ(plans[0].currency, "USD");
  EXPECT_EQ(plans[0].interval, "month");
  EXPECT_EQ(plans[0].trial_days, 30);
  auto stores = Ok(ParseStores(kStoresBody));
  ASSERT_EQ(stores.size(), 1u);
  EXPECT_EQ(stores[0].slug, "us");
  EXPECT_EQ(stores[0].name, "United States");
  EXPECT_EQ(stores[0].country, "US");
  EXPECT_EQ(stores[0].currency, "USD");
  auto reviews = Ok(ParseReviewPage(kReviewsBody));
  ASSERT_EQ(reviews.data.size(), 1u);
  EXPECT_EQ(reviews.data[0].id, "rv1");
  EXPECT_EQ(reviews.data[0].rating, 5);
  EXPECT_EQ(reviews.data[0].title, "Great");
  EXPECT_EQ(reviews.data[0].text, "Love it");
  EXPECT_EQ(reviews.data[0].author, "Jane");
  EXPECT_EQ(reviews.data[0].submitted_at, 1600000000);
  auto orders = Ok(ParseOrders(kOrdersBody));
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(orders[0].id, "o1");
  EXPECT_EQ(orders[0].status, "delivered");
  EXPECT_EQ(orders[0].total, 1495);
  EXPECT_EQ(orders[0].created_at, 1600000000);
  auto cards = Ok(ParsePaymentCards(kCardsBody));
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_EQ(cards[0].brand, "visa");
  EXPECT_EQ(cards[0].last4, "4242");
  EXPECT_EQ(cards[0].exp_month, 12);
  EXPECT_EQ(cards[0].exp_year, 2030);
  EXPECT_EQ(cards[0].json, R"({"brand":"visa","last4":"4242","exp_month":12,"exp_year":2030})");
}

TEST(ParseSamples, WorkoutAchievements) {
  auto achievements = Ok(ParseWorkoutAchievements(kWorkoutAchievementsBody));
  ASSERT_EQ(achievements.size(), 1u);
  EXPECT_EQ(achievements[0].id, "a1");
  EXPECT_EQ(achievements[0].name, "Best Output");
  EXPECT_EQ(achievements[0].description, "A new personal record");
  EXPECT_EQ(achievements[0].count, 0);
}

}  // namespace
}  // namespace pelo::api::testing
