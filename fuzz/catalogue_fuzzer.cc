// The rest of the REST catalogue (api/parse_more.h), every parser on every input: the inputs
// are small and one shape's body is another's oddity.
#include "fuzz_check.h"
#include "pelo/peloton/api/parse_more.h"

namespace {

using pelo::fuzz::CheckOkOrApiError;
namespace api = pelo::api;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body = pelo::fuzz::AsText(data, size);
  CheckOkOrApiError(api::ParseUserProfile(body));
  CheckOkOrApiError(api::ParseProfilePage(body));
  CheckOkOrApiError(api::ParseUserOverview(body));
  CheckOkOrApiError(api::ParseAchievementCategories(body));
  CheckOkOrApiError(api::ParseCalendar(body));
  CheckOkOrApiError(api::ParseRelationship(body));
  CheckOkOrApiError(api::ParseUserSettings(body));
  CheckOkOrApiError(api::ParseSubscriptions(body));
  CheckOkOrApiError(api::ParseSubscriptionTransactions(body));
  CheckOkOrApiError(api::ParseReferralHistory(body));
  CheckOkOrApiError(api::ParseImageUploadUrl(body));
  CheckOkOrApiError(api::ParseSessionCheck(body));
  CheckOkOrApiError(api::ParseChallenges(body));
  CheckOkOrApiError(api::ParseChallengeDetail(body));
  CheckOkOrApiError(api::ParseChallengeFriends(body));
  CheckOkOrApiError(api::ParseMetadataMappings(body));
  CheckOkOrApiError(api::ParseClassPage(body));
  CheckOkOrApiError(api::ParseLiveSessions(body));
  CheckOkOrApiError(api::ParseLiveSession(body));
  CheckOkOrApiError(api::ParseRide(body));
  CheckOkOrApiError(api::ParseRideFilters(body));
  CheckOkOrApiError(api::ParseFollowingWorkouts(body));
  CheckOkOrApiError(api::ParseBrowseCategories(body));
  CheckOkOrApiError(api::ParseReservation(body));
  CheckOkOrApiError(api::ParsePlans(body));
  CheckOkOrApiError(api::ParseStores(body));
  CheckOkOrApiError(api::ParseReviewPage(body));
  CheckOkOrApiError(api::ParseOrders(body));
  CheckOkOrApiError(api::ParsePaymentCards(body));
  CheckOkOrApiError(api::ParseWorkoutSummary(body));
  CheckOkOrApiError(api::ParseWorkoutAchievements(body));
  return 0;
}
