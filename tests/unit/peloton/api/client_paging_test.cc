// The All*() ranges over page-numbered REST lists, and how typed methods fail: bad bodies
// refused before sending, HTTP errors and unparsable answers named by their request.
#include <gtest/gtest.h>

#include <map>

#include "pelo/peloton/api/client.h"
#include "unit/peloton/api/fixture_files.h"
#include "unit/peloton/auth/fake_transport.h"

namespace pelo::api::testing {
namespace {

using pelo::testing::FakeTransport;
using pelo::testing::JsonResponse;

// A ResultList page of profiles u<page>a, u<page>b.
std::string ProfilePage(int page, const std::string& paging) {
  const std::string p = std::to_string(page);
  return R"({"data":[{"id":"u)" + p + R"(a"},{"id":"u)" + p + R"(b"}],"page":)" + p + "," + paging +
         "}";
}

// Answers by the request's `page` query value from `pages` (page number -> response).
class PagedServer {
 public:
  explicit PagedServer(std::map<int, http::Response> pages)
      : pages_(std::move(pages)), transport_([this](const http::Request& request) {
          const int page = std::stoi(http::QueryValue(request.url, "page"));
          auto found = pages_.find(page);
          return found != pages_.end() ? found->second : JsonResponse(404, "{}");
        }) {}

  Client& client() { return client_; }
  // The `page` query value of every request sent, in order.
  std::vector<std::string> PagesRequested() const {
    std::vector<std::string> pages;
    for (const http::Request& request : transport_.requests()) {
      pages.push_back(http::QueryValue(request.url, "page"));
    }
    return pages;
  }
  std::vector<http::Request> requests() const { return transport_.requests(); }

 private:
  std::map<int, http::Response> pages_;
  FakeTransport transport_;
  Client client_{transport_, auth::Endpoints(), nullptr, ""};
};

template <typename T>
std::vector<std::string> Ids(Paged<T>& range) {
  std::vector<std::string> ids;
  for (const T& item : range) ids.push_back(item.id);
  return ids;
}

TEST(PagedRest, FollowersFetchesEveryPageUntilShowNextIsFalse) {
  PagedServer server(
      {{0, JsonResponse(200, ProfilePage(0, R"("show_next":true)"))},
       {1, JsonResponse(200, ProfilePage(1, R"("show_next":true)"))},
       {2, JsonResponse(200, ProfilePage(2, R"("show_next":false,"page_count":9)"))}});
  Paged<model::UserProfile> all = server.client().AllFollowers("u1", 2);
  EXPECT_EQ(Ids(all), (std::vector<std::string>{"u0a", "u0b", "u1a", "u1b", "u2a", "u2b"}));
  EXPECT_TRUE(all.status().ok());
  EXPECT_EQ(all.pages_fetched(), 3);
  EXPECT_EQ(server.PagesRequested(), (std::vector<std::string>{"0", "1", "2"}));
  EXPECT_EQ(http::QueryValue(server.requests()[1].url, "limit"), "2");
}

TEST(PagedRest, WithoutShowNextPageCountDecides) {
  PagedServer server({{0, JsonResponse(200, ProfilePage(0, R"("page_count":2)"))},
                      {1, JsonResponse(200, ProfilePage(1, R"("page_count":2)"))}});
  Paged<model::UserProfile> all = server.client().AllFollowing("u1");
  EXPECT_EQ(Ids(all).size(), 4u);
  EXPECT_EQ(all.pages_fetched(), 2);
}

TEST(PagedRest, AnEmptyPageEndsTheList) {
  PagedServer server({{0, JsonResponse(200, ProfilePage(0, R"("show_next":true)"))},
                      {1, JsonResponse(200, R"({"data":[],"show_next":true})")}});
  Paged<model::UserProfile> all = server.client().AllFollowers("u1");
  EXPECT_EQ(Ids(all).size(), 2u);
  EXPECT_TRUE(all.status().ok());
  EXPECT_EQ(all.pages_fetched(), 2);
}

TEST(PagedRest, AnErrorOnPageTwoEndsIterationWithItsStatus) {
  PagedServer server({{0, JsonResponse(200, ProfilePage(0, R"("show_next":true)"))},
                      {1, JsonResponse(500, R"({"message":"boom"})")}});
  Paged<model::UserProfile> all = server.client().AllFollowers("u1");
  EXPECT_EQ(Ids(all), (std::vector<std::string>{"u0a", "u0b"}));
  EXPECT_EQ(all.status().code(), ErrorCode::kApi);
  EXPECT_EQ(all.status().http_status(), 500);
  EXPECT_EQ(all.status().message(),
            "GET /api/user/u1/followers: HTTP 500 Internal Server Error (boom)");
  EXPECT_EQ(all.pages_fetched(), 2);
  EXPECT_FALSE(server.client().AllFollowers("u1").Collect().ok());
}

TEST(PagedRest, WorkoutsInstructorsAndClassesPageTheSameWay) {
  PagedServer server({{3, JsonResponse(200, ProfilePage(3, R"("show_next":true)"))},
                      {4, JsonResponse(200, ProfilePage(4, R"("show_next":false)"))},
                      {0, JsonResponse(200, ProfilePage(0, R"("show_next":false)"))}});
  model::ClassQuery query;
  query.browse_category = "yoga";
  query.page = 3;
  Paged<model::Ride> classes = server.client().AllArchivedClasses(query);
  EXPECT_EQ(Ids(classes), (std::vector<std::string>{"u3a", "u3b", "u4a", "u4b"}));
  EXPECT_EQ(http::QueryValue(server.requests()[1].url, "browse_category"), "yoga");
  Paged<model::Workout> workouts = server.client().AllWorkouts("u1", 10);
  EXPECT_EQ(Ids(workouts).size(), 2u);
  Paged<model::Instructor> instructors = server.client().AllInstructors(10);
  EXPECT_EQ(Ids(instructors).size(), 2u);
  EXPECT_EQ(server.PagesRequested(), (std::vector<std::string>{"3", "4", "0", "0"}));
}

// The sync's listing: every workout with its list entry's JSON, page by page.
TEST(PagedRest, WorkoutEntriesCarryEachEntrysJson) {
  PagedServer server(
      {{0, JsonResponse(200, R"({"data":[{"id":"w1","status":"COMPLETE"},{"id":"w2"}],)"
                             R"("show_next":true})")},
       {1, JsonResponse(200, R"({"data":[{"id":"w3", "name": "Ride"}],"show_next":false})")}});
  Paged<WorkoutEntry> entries = server.client().AllWorkoutEntries("u1", 2);
  std::vector<std::string> ids;
  std::vector<std::string> json;
  for (const WorkoutEntry& entry : entries) {
    ids.push_back(entry.workout.id);
    json.push_back(entry.json);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"w1", "w2", "w3"}));
  EXPECT_EQ(json, (std::vector<std::string>{R"({"id":"w1","status":"COMPLETE"})", R"({"id":"w2"})",
                                            R"({"id":"w3","name":"Ride"})"}));
  EXPECT_TRUE(entries.ended());
  EXPECT_EQ(server.PagesRequested(), (std::vector<std::string>{"0", "1"}));
  EXPECT_EQ(http::QueryValue(server.requests()[0].url, "sort_by"), "-created");
}

class ClientErrorTest : public ::testing::Test {
 protected:
  http::Response answer_ = JsonResponse(200, "{}");
  FakeTransport transport_{[this](const http::Request&) { return answer_; }};
  Client client_{transport_, auth::Endpoints(), nullptr, ""};
};

TEST_F(ClientErrorTest, UpdateBodiesMustBeJsonObjectsAndAreCheckedBeforeSending) {
  for (const char* body : {"[1]", "not json", "", "42"}) {
    auto settings = client_.UpdateSettings("u1", body);
    ASSERT_FALSE(settings.ok()) << body;
    EXPECT_EQ(settings.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(settings.status().message().rfind("PUT /api/user/u1/settings: the body ", 0), 0u)
        << settings.status().message();
    auto user = client_.UpdateUser("u1", body);
    ASSERT_FALSE(user.ok()) << body;
    EXPECT_EQ(user.status().code(), ErrorCode::kInvalidArgument);
  }
  EXPECT_TRUE(transport_.requests().empty());
}

TEST_F(ClientErrorTest, HttpErrorsNameTheRequest) {
  answer_ = JsonResponse(404, R"({"message":"User not found"})");
  auto overview = client_.Overview("u1");
  ASSERT_FALSE(overview.ok());
  EXPECT_EQ(overview.status().code(), ErrorCode::kApi);
  EXPECT_EQ(overview.status().message(),
            "GET /api/user/u1/overview: HTTP 404 Not Found (User not found)");
  answer_ = JsonResponse(403, "{}");
  EXPECT_EQ(client_.Favorite("r1").status().code(), ErrorCode::kUnauthenticated);
}

TEST_F(ClientErrorTest, UnparsableAnswersNameTheRequest) {
  answer_ = JsonResponse(200, "maintenance, back soon");
  auto plans = client_.Plans();
  ASSERT_FALSE(plans.ok());
  EXPECT_EQ(plans.status().code(), ErrorCode::kApi);
  EXPECT_EQ(plans.status().message().rfind(
                "GET /ecomm/store/dotcom/digital_subscriptions/plans: invalid JSON at byte ", 0),
            0u)
      << plans.status().message();
}

// Cloudflare's pages in front of the API: kApi saying what came (never the page), not an
// authentication failure, even with a 403.
TEST_F(ClientErrorTest, HtmlPagesWhereJsonWasAskedAreApiErrorsNotAuthFailures) {
  answer_ = JsonResponse(403,
                         "<!DOCTYPE html><html><head>\n<title>Attention Required! |\n"
                         "  Cloudflare</title></head><body>blocked</body></html>");
  answer_.attempts = 4;
  auto me = client_.Me();
  ASSERT_FALSE(me.ok());
  EXPECT_EQ(me.status().code(), ErrorCode::kApi);
  EXPECT_EQ(me.status().http_status(), 403);
  EXPECT_TRUE(IsHtmlPageError(me.status()));
  EXPECT_EQ(me.status().message(),
            "GET /api/me: Peloton (or Cloudflare in front of it) returned an HTML page with HTTP "
            "403 instead of JSON, 4 times (\"Attention Required! | Cloudflare\"); blocked, not a "
            "login problem: try again later");

  answer_ = JsonResponse(200, "  <html><body>Just a moment</body></html>");
  answer_.headers = {{"Content-Type", "text/html; charset=UTF-8"}};
  me = client_.Me();
  ASSERT_FALSE(me.ok());
  EXPECT_EQ(me.status().code(), ErrorCode::kApi);
  EXPECT_TRUE(IsHtmlPageError(me.status()));
  EXPECT_EQ(me.status().message(),
            "GET /api/me: Peloton (or Cloudflare in front of it) returned an HTML page with HTTP "
            "200 instead of JSON; a challenge or maintenance page: try again later");

  // Other errors are not pages: a JSON 403 is still an authentication failure, a 502 page a 502.
  answer_ = JsonResponse(403, R"({"status":403,"message":"Forbidden"})");
  EXPECT_EQ(client_.Me().status().code(), ErrorCode::kUnauthenticated);
  EXPECT_FALSE(IsHtmlPageError(client_.Me().status()));
  answer_ = JsonResponse(502, "<html>Bad gateway</html>");
  EXPECT_EQ(client_.Me().status().http_status(), 502);
  EXPECT_FALSE(IsHtmlPageError(client_.Me().status()));
  // A page answering a request that asked for something else is that answer (the CSV export).
  answer_ = JsonResponse(200, "<html>not csv</html>");
  EXPECT_TRUE(client_.WorkoutHistoryCsv("u1", "UTC").ok());
}

// How many tries a request is worth is the transport's business; the client only says what
// it was asked (WithMaxAttempts) and which bodies are broken (GETs of JSON that is not JSON).
TEST_F(ClientErrorTest, RequestsCarryTheirTriesAndTheirBodyCheck) {
  ASSERT_TRUE(client_.Plans().ok());
  Client patient = client_.WithMaxAttempts(10);
  ASSERT_TRUE(patient.Plans().ok());
  ASSERT_TRUE(patient.JoinChallenge("u1", "c1").ok());
  const std::vector<http::Request> sent = transport_.requests();
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0].max_attempts, 0) << "the transport's policy";
  EXPECT_EQ(sent[1].max_attempts, 10);
  EXPECT_EQ(sent[2].max_attempts, 10);

  ASSERT_TRUE(sent[1].usable_body);
  EXPECT_TRUE(sent[1].usable_body(R"({"plans":[]})"));
  EXPECT_TRUE(sent[1].usable_body(""));
  EXPECT_FALSE(sent[1].usable_body(R"({"plans":[{"id":"p1"},)"));  // cut short
  EXPECT_FALSE(sent[1].usable_body("maintenance, back soon"));
  EXPECT_FALSE(sent[2].usable_body) << "a POST is never sent again for its body";
  ASSERT_TRUE(client_.WorkoutHistoryCsv("u1", "UTC").ok());
  EXPECT_FALSE(transport_.requests().back().usable_body) << "CSV is not JSON";
}

TEST_F(ClientErrorTest, DoneAcceptsAny2xxBody) {
  for (auto [status, body] :
       {std::pair{204, ""}, std::pair{200, "not json"}, std::pair{201, R"({"ok":true})"}}) {
    answer_ = JsonResponse(status, body);
    auto done = client_.JoinChallenge("u1", "c1");
    ASSERT_TRUE(done.ok()) << done.status().ToString();
    EXPECT_EQ(done->status, status);
    EXPECT_EQ(done->raw, body);
  }
}

TEST_F(ClientErrorTest, FetchedKeepsTheBodyAndThePath) {
  answer_ = JsonResponse(200, R"({"plans":[{"id":"p1"}],"extra":1})");
  auto plans = client_.Plans();
  ASSERT_TRUE(plans.ok());
  EXPECT_EQ(plans->raw, R"({"plans":[{"id":"p1"}],"extra":1})");
  EXPECT_EQ(plans->path, "/ecomm/store/dotcom/digital_subscriptions/plans");
  auto search = client_.SearchUsers("jo", 5);
  ASSERT_TRUE(search.ok());
  EXPECT_EQ(search->path, "/api/user/search?user_query=jo&limit=5");
}

}  // namespace
}  // namespace pelo::api::testing
