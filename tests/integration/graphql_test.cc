// GraphQL end to end: api::Client's tag operations against the simulator's /graphql over real
// HTTP. Each operation's request is checked in the simulator's request log, paging crosses page
// boundaries, and mutations persist for the run.
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "integration/sim_fixture.h"
#include "pelo/peloton/api/client.h"
#include "pelo/peloton/auth/login.h"
#include "pelo/peloton/auth/session.h"

namespace pelo::api {
namespace {

using nlohmann::json;

class GraphqlTest : public pelo::testing::SimTest {
 protected:
  void SetUp() override {
    StartSignedIn();
    server_->ClearRequests();
  }

  // The /graphql requests answered so far (the simulator records a request before answering).
  std::vector<sim::RecordedRequest> GraphqlRequests() {
    std::vector<sim::RecordedRequest> found;
    for (sim::RecordedRequest& r : server_->Requests()) {
      if (r.path == "/graphql") found.push_back(std::move(r));
    }
    return found;
  }

  // Asserts pelo sent `operation` with `variables` as documented: POST /graphql, the standard
  // headers and the §7.3 text. Looks the request up by content rather than position.
  void ExpectSent(const std::string& operation, const json& variables) {
    const sim::RecordedRequest* sent = nullptr;
    const std::vector<sim::RecordedRequest> requests = GraphqlRequests();
    for (const sim::RecordedRequest& r : requests) {
      const json body = json::parse(r.body, nullptr, false);
      if (body.is_object() && body.value("operationName", "") == operation &&
          body.value("variables", json()) == variables) {
        sent = &r;
      }
    }
    ASSERT_NE(sent, nullptr) << operation << " " << variables.dump() << " not sent";
    EXPECT_EQ(sent->method, "POST");
    EXPECT_EQ(sent->query, "");
    EXPECT_EQ(sent->status, 200);
    EXPECT_EQ(sent->Header("Peloton-Platform"), "web");
    EXPECT_EQ(sent->Header("Authorization"), "Bearer <redacted>");
    EXPECT_EQ(sent->Header("Content-Type"), "application/json");
    EXPECT_EQ(sent->Header("User-Agent"), "pelo-test");
    const json body = json::parse(sent->body);
    EXPECT_EQ(body.value("query", ""), std::string(GraphqlQuery(operation)));
  }

  std::string MyId() {
    auto me = client_->Me();
    EXPECT_TRUE(me.ok()) << me.status().ToString();
    return me.ok() ? me->value.id : "";
  }
};

template <typename T, typename Key>
std::set<std::string> Distinct(const std::vector<T>& items, Key key) {
  std::set<std::string> keys;
  for (const T& item : items) keys.insert(key(item));
  return keys;
}

TEST_F(GraphqlTest, MyTags_StartsWithThreeTagsOnePrimary) {
  auto mine = client_->MyTags();
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  ExpectSent("MyTags", json::object());
  EXPECT_EQ(mine->path, "/graphql?op=MyTags");
  ASSERT_EQ(mine->value.tags.size(), 3u);
  EXPECT_EQ(mine->value.remaining_slots, 7);
  int primaries = 0;
  for (const model::Tag& tag : mine->value.tags) {
    EXPECT_TRUE(tag.exists);
    EXPECT_EQ(tag.has_added, true);
    EXPECT_GT(tag.following_count, 0);
    EXPECT_FALSE(tag.background_image.empty());
    primaries += tag.is_primary ? 1 : 0;
  }
  EXPECT_EQ(primaries, 1);
  EXPECT_NE(mine->raw.find("\"remainingTagSlotCount\":7"), std::string::npos);
}

TEST_F(GraphqlTest, PrimaryTag_IsTheMyTagsPrimary) {
  const std::string id = MyId();
  auto primary = client_->PrimaryTag(id);
  ASSERT_TRUE(primary.ok()) << primary.status().ToString();
  ExpectSent("PrimaryTag", {{"userId", id}});
  auto mine = client_->MyTags();
  ASSERT_TRUE(mine.ok());
  for (const model::Tag& tag : mine->value.tags) {
    if (tag.is_primary) {
      EXPECT_EQ(primary->value, tag.name);
    }
  }
}

TEST_F(GraphqlTest, SearchTags_FindsTheExactTagAndSubstringMatches) {
  auto found = client_->SearchTags("PelotonDads");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ExpectSent("SearchTag", {{"query", "PelotonDads"}, {"tagName", "PelotonDads"}});
  ASSERT_TRUE(found->value.exact.has_value());
  EXPECT_EQ(found->value.exact->name, "PelotonDads");
  EXPECT_GT(found->value.exact->total_users, 10);
  ASSERT_FALSE(found->value.results.items.empty());
  for (const model::Tag& tag : found->value.results.items) {
    EXPECT_NE(tag.name.find("PelotonDads"), std::string::npos) << tag.name;
    EXPECT_TRUE(tag.has_added.has_value());
  }

  auto nothing = client_->SearchTags("noSuchTagAnywhere");
  ASSERT_TRUE(nothing.ok()) << nothing.status().ToString();
  EXPECT_FALSE(nothing->value.exact.has_value());
  EXPECT_TRUE(nothing->value.results.items.empty());
  EXPECT_FALSE(nothing->value.results.has_next_page);
}

TEST_F(GraphqlTest, SearchTags_SecondPageSendsTheCursor) {
  auto first = client_->SearchTags("peloton");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(first->value.results.has_next_page);
  EXPECT_EQ(first->value.results.items.size(), 10u);
  const std::string cursor = first->value.results.end_cursor;
  auto second = client_->SearchTags("peloton", cursor);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  ExpectSent("SearchTag", {{"query", "peloton"}, {"tagName", "peloton"}, {"after", cursor}});
  EXPECT_NE(second->value.results.items.front().name, first->value.results.items.front().name);
}

TEST_F(GraphqlTest, AllSearchTags_CollectsEveryPageWithoutDuplicates) {
  Paged<model::Tag> everything = client_->AllSearchTags("");
  auto all = everything.Collect();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), 150u);  // the simulator's whole universe
  EXPECT_EQ(everything.pages_fetched(), 15);
  EXPECT_EQ(Distinct(*all, [](const model::Tag& t) { return t.name; }).size(), all->size());

  size_t expected = 0;
  for (const model::Tag& tag : *all) {
    std::string lower = tag.name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    expected += lower.find("peloton") != std::string::npos ? 1 : 0;
  }
  Paged<model::Tag> some = client_->AllSearchTags("PELOTON");
  auto matching = some.Collect();
  ASSERT_TRUE(matching.ok()) << matching.status().ToString();
  EXPECT_GT(some.pages_fetched(), 1);
  EXPECT_EQ(matching->size(), expected);
  EXPECT_EQ(Distinct(*matching, [](const model::Tag& t) { return t.name; }).size(), expected);
}

TEST_F(GraphqlTest, BrowseTags_EachCategoryIsItsOwnList) {
  std::map<model::TagCategory, std::vector<std::string>> lists;
  for (const auto category : {model::TagCategory::kFeatured, model::TagCategory::kFriends,
                              model::TagCategory::kPopular, model::TagCategory::kTrending}) {
    auto page = client_->BrowseTags(category);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    ExpectSent("TagBrowseCategory", {{"categorySlug", TagCategorySlug(category)}});
    ASSERT_FALSE(page->value.items.empty()) << TagCategorySlug(category);
    for (const model::Tag& tag : page->value.items) lists[category].push_back(tag.name);
  }
  EXPECT_NE(lists[model::TagCategory::kPopular], lists[model::TagCategory::kTrending]);
  EXPECT_NE(lists[model::TagCategory::kPopular], lists[model::TagCategory::kFeatured]);
  EXPECT_NE(lists[model::TagCategory::kFriends], lists[model::TagCategory::kTrending]);
}

TEST_F(GraphqlTest, AllBrowseTags_CrossesPagesWithoutDuplicates) {
  Paged<model::Tag> popular = client_->AllBrowseTags(model::TagCategory::kPopular);
  auto all = popular.Collect();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), 50u);  // the simulator's POPULAR list
  EXPECT_EQ(popular.pages_fetched(), 5);
  EXPECT_EQ(Distinct(*all, [](const model::Tag& t) { return t.name; }).size(), all->size());
  for (size_t i = 1; i < all->size(); ++i) {
    EXPECT_GE((*all)[i - 1].following_count, (*all)[i].following_count);
  }
  // The last page request carried the previous page's cursor.
  const auto requests = GraphqlRequests();
  ASSERT_EQ(requests.size(), 5u);
  EXPECT_TRUE(json::parse(requests.back().body)["variables"].contains("after"));
  EXPECT_FALSE(json::parse(requests.front().body)["variables"].contains("after"));

  auto trending = client_->AllBrowseTags(model::TagCategory::kTrending).Collect();
  ASSERT_TRUE(trending.ok());
  EXPECT_EQ(trending->size(), 30u);
}

TEST_F(GraphqlTest, TagCategoryNames_FourAliasesInQueryOrder) {
  auto names = client_->TagCategoryNames();
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  ExpectSent("TagBrowseCategoryDisplayNames", json::object());
  ASSERT_EQ(names->value.size(), 4u);
  EXPECT_EQ(names->value[0].slug, "TRENDING");
  EXPECT_EQ(names->value[1].slug, "FEATURED");
  EXPECT_EQ(names->value[2].slug, "FRIENDS");
  EXPECT_EQ(names->value[3].slug, "POPULAR");
  for (const auto& name : names->value) {
    EXPECT_FALSE(name.display_name.empty());
    EXPECT_TRUE(ParseTagCategory(name.slug).has_value());
  }
}

TEST_F(GraphqlTest, TagDetail_FirstPageOfUsers) {
  auto detail = client_->TagDetail("PelotonDads");
  ASSERT_TRUE(detail.ok()) << detail.status().ToString();
  ExpectSent("TagDetail", {{"tagName", "PelotonDads"}});
  EXPECT_EQ(detail->value.tag.name, "PelotonDads");
  EXPECT_FALSE(detail->value.detail_background_image.empty());
  EXPECT_EQ(detail->value.users.items.size(), 10u);
  EXPECT_TRUE(detail->value.users.has_next_page);
  for (const model::TagUser& user : detail->value.users.items) {
    EXPECT_EQ(user.id.size(), 32u);
    EXPECT_FALSE(user.username.empty());
    EXPECT_FALSE(user.follow_status.empty());
  }
}

TEST_F(GraphqlTest, AllTagUsers_EqualsTheTotalCount) {
  auto detail = client_->TagDetail("PowerZonePack");
  ASSERT_TRUE(detail.ok()) << detail.status().ToString();
  const int64_t total = detail->value.tag.total_users;
  EXPECT_GT(total, 10);
  Paged<model::TagUser> users = client_->AllTagUsers("PowerZonePack");
  auto all = users.Collect();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(static_cast<int64_t>(all->size()), total);
  EXPECT_GT(users.pages_fetched(), 1);
  EXPECT_EQ(Distinct(*all, [](const model::TagUser& u) { return u.id; }).size(), all->size());
  // The TagDetail above, then one request per page.
  const auto requests = GraphqlRequests();
  ASSERT_EQ(requests.size(), 1 + static_cast<size_t>(users.pages_fetched()));
  const json second = json::parse(requests[2].body)["variables"];
  EXPECT_EQ(second["tagName"], "PowerZonePack");
  EXPECT_TRUE(second["after"].is_string());
}

TEST_F(GraphqlTest, AddSetPrimaryRemove_PersistForTheRun) {
  const std::string id = MyId();
  auto added = client_->AddTag("PelotonIntegration");
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  ExpectSent("AddTagToUser", {{"input", {{"tagName", "PelotonIntegration"}}}});
  EXPECT_EQ(added->value.name, "PelotonIntegration");
  EXPECT_TRUE(added->value.exists);
  EXPECT_EQ(added->path, "/graphql?op=AddTagToUser");

  auto mine = client_->MyTags();
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->value.tags.size(), 4u);
  EXPECT_EQ(mine->value.remaining_slots, 6);
  EXPECT_EQ(mine->value.tags.back().name, "PelotonIntegration");
  auto search = client_->SearchTags("PelotonIntegration");
  ASSERT_TRUE(search.ok());
  ASSERT_TRUE(search->value.exact.has_value());
  ASSERT_EQ(search->value.results.items.size(), 1u);
  EXPECT_EQ(search->value.results.items[0].has_added, true);

  auto primary = client_->SetPrimaryTag("PelotonIntegration");
  ASSERT_TRUE(primary.ok()) << primary.status().ToString();
  ExpectSent("SetTagAsPrimary", {{"input", {{"tagName", "PelotonIntegration"}}}});
  auto now_primary = client_->PrimaryTag(id);
  ASSERT_TRUE(now_primary.ok());
  EXPECT_EQ(now_primary->value, "PelotonIntegration");

  auto removed = client_->RemoveTag("PelotonIntegration");
  ASSERT_TRUE(removed.ok()) << removed.status().ToString();
  ExpectSent("RemoveTagFromUser", {{"input", {{"tagName", "PelotonIntegration"}}}});
  auto after = client_->MyTags();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->value.tags.size(), 3u);
  for (const model::Tag& tag : after->value.tags) EXPECT_FALSE(tag.is_primary);
  auto no_primary = client_->PrimaryTag(id);
  ASSERT_TRUE(no_primary.ok());
  EXPECT_EQ(no_primary->value, "");  // removing the primary clears it
}

TEST_F(GraphqlTest, Mutations_ErrorUnionIsInvalidArgument) {
  auto mine = client_->MyTags();
  ASSERT_TRUE(mine.ok());
  const std::string held = mine->value.tags.front().name;
  auto again = client_->AddTag(held);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(again.status().message().find("GraphQL AddTagToUser: "), std::string::npos)
      << again.status().message();
  EXPECT_NE(again.status().message().find("TAG_ALREADY_ADDED"), std::string::npos);

  auto not_held = client_->RemoveTag("NobodyHasThisTag");
  EXPECT_EQ(not_held.status().code(), ErrorCode::kInvalidArgument);
  auto bad_name = client_->AddTag("has spaces!");
  EXPECT_EQ(bad_name.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(bad_name.status().message().find("INVALID_TAG_NAME"), std::string::npos);
}

TEST_F(GraphqlTest, AddTag_TenthIsTheLastSlot) {
  for (int i = 4; i <= 10; ++i) {
    auto added = client_->AddTag("SlotTag" + std::to_string(i));
    ASSERT_TRUE(added.ok()) << i << ": " << added.status().ToString();
  }
  auto mine = client_->MyTags();
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->value.tags.size(), 10u);
  EXPECT_EQ(mine->value.remaining_slots, 0);
  auto over = client_->AddTag("SlotTag11");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(over.status().message().find("TAG_LIMIT_REACHED"), std::string::npos)
      << over.status().message();
}

TEST_F(GraphqlTest, Graphql_UnknownOperationIsApiErrorWithTheMessage) {
  auto res = client_->Graphql("query NoSuchOperation { viewer { id } }", "");
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.status().code(), ErrorCode::kApi);
  EXPECT_EQ(res.status().message(),
            "GraphQL NoSuchOperation: Unknown operation \"NoSuchOperation\".");
  const auto requests = GraphqlRequests();
  ASSERT_EQ(requests.size(), 1u);
  const json body = json::parse(requests[0].body);
  EXPECT_EQ(body["operationName"], "NoSuchOperation");  // taken from the query text
  EXPECT_EQ(body["variables"], json::object());
}

TEST_F(GraphqlTest, Graphql_RawCallReturnsTheBody) {
  auto res = client_->Graphql(std::string(GraphqlQuery("TagDetail")), R"({"tagName":"RowCrew"})");
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"name\":\"RowCrew\""), std::string::npos);
}

TEST_F(GraphqlTest, Graphql_MissingVariableOrBadCursorIsApiError) {
  auto missing = client_->Graphql(std::string(GraphqlQuery("TagDetail")), "{}");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kApi);
  EXPECT_NE(missing.status().message().find("\"$tagName\" of required type \"String!\""),
            std::string::npos)
      << missing.status().message();

  auto bad_cursor = client_->BrowseTags(model::TagCategory::kPopular, "not-a-cursor");
  ASSERT_FALSE(bad_cursor.ok());
  EXPECT_EQ(bad_cursor.status().code(), ErrorCode::kApi);
  EXPECT_NE(bad_cursor.status().message().find("Invalid cursor"), std::string::npos);
}

// Text that is not UTF-8 cannot go into a JSON request: refused by name, nothing sent.
TEST_F(GraphqlTest, Graphql_TextThatIsNotUtf8IsRefusedBeforeSending) {
  auto query = client_->Graphql("query MyTags { user { id } } # caf\xE9", "");
  ASSERT_FALSE(query.ok());
  EXPECT_EQ(query.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(query.status().message(), "GraphQL query: not valid UTF-8");

  auto add = client_->AddTag(
      "Caf\xE9"
      "Crew");
  ASSERT_FALSE(add.ok());
  EXPECT_EQ(add.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(add.status().message(), "GraphQL variable tagName: not valid UTF-8");
  EXPECT_TRUE(GraphqlRequests().empty());
}

TEST_F(GraphqlTest, Graphql_InvalidVariablesAreRejectedBeforeSending) {
  auto res = client_->Graphql("query MyTags { user { id } }", "[1,2]");
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(GraphqlRequests().empty());
}

TEST_F(GraphqlTest, Auth_NoCredentialsIsUnauthenticated) {
  Client anonymous(*transport_, endpoints_, nullptr, "pelo-test");
  auto mine = anonymous.MyTags();
  ASSERT_FALSE(mine.ok());
  EXPECT_EQ(mine.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(mine.status().http_status(), 401);
  EXPECT_EQ(mine.status().message().rfind("GraphQL MyTags: HTTP 401", 0), 0u)
      << mine.status().message();
}

TEST_F(GraphqlTest, Auth_RejectedTokenIsRefreshedOnceAndRetried) {
  auth::Credentials stale = credentials_;
  stale.access_token = "not-a-valid-token";
  auth::Session session(*transport_, endpoints_, stale, nullptr);
  Client client(*transport_, endpoints_, &session, "pelo-test");
  auto mine = client.MyTags();
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  const auto requests = GraphqlRequests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].status, 401);
  EXPECT_EQ(requests[1].status, 200);
}

}  // namespace
}  // namespace pelo::api
