// GraphQL answers -> model: the documented shapes, tolerance of missing and unknown fields,
// `errors[]` and the mutations' Error union as Status.
#include <gtest/gtest.h>

#include "peloton/api/graphql.h"

namespace pelo::api::graphql {
namespace {

constexpr const char* kTag = R"({"exists":true,"name":"PelotonDads","followingCount":12345,
    "users":{"totalCount":38,"__typename":"TagUserPaginatedList"},
    "assets":{"backgroundImage":{"location":"https://img/bg.png","__typename":"Image"},
              "__typename":"TagAssets"},"__typename":"Tag"})";

std::string Data(const std::string& data) { return R"({"data":)" + data + "}"; }

TEST(GraphqlErrors, NonEmptyErrorsIsApiErrorWithTheFirstMessage) {
  const Status status = CheckResponse(
      R"({"data":null,"errors":[{"message":"Unknown operation","extensions":{"code":"X"}},
          {"message":"second"}]})",
      "Foo");
  EXPECT_EQ(status.code(), ErrorCode::kApi);
  EXPECT_EQ(status.message(), "GraphQL Foo: Unknown operation");
}

TEST(GraphqlErrors, EmptyOrAbsentErrorsIsOk) {
  EXPECT_TRUE(CheckResponse(R"({"data":{},"errors":[]})", "Foo").ok());
  EXPECT_TRUE(CheckResponse(R"({"data":{}})", "Foo").ok());
  EXPECT_TRUE(CheckResponse(R"({"data":{},"errors":null})", "Foo").ok());
}

TEST(GraphqlErrors, OddErrorsAndNonJsonAreApiErrors) {
  EXPECT_EQ(CheckResponse(R"({"errors":["x"]})", "Foo").message(),
            "GraphQL Foo: the answer has errors");
  const Status html = CheckResponse("<html>502</html>", "Foo");
  EXPECT_EQ(html.code(), ErrorCode::kApi);
  EXPECT_NE(html.message().find("GraphQL Foo: invalid JSON"), std::string::npos);
  EXPECT_EQ(CheckResponse("[1]", "").code(), ErrorCode::kApi);
}

TEST(GraphqlParse, MyTagsReadsTagsAndSlots) {
  auto tags = ParseMyTags(Data(R"({"user":{"remainingTagSlotCount":7,"userTags":{"allTags":[
      {"isPrimary":true,"tag":)" +
                               std::string(kTag).insert(1, R"("hasAdded":true,)") +
                               R"(,"__typename":"UserTag"},
      {"isPrimary":false,"tag":{"name":"RowCrew","future":{"x":[1]}}},
      {"isPrimary":true},
      null]}}})"));
  ASSERT_TRUE(tags.ok()) << tags.status().ToString();
  EXPECT_EQ(tags->remaining_slots, 7);
  ASSERT_EQ(tags->tags.size(), 2u);
  const model::Tag& dads = tags->tags[0];
  EXPECT_EQ(dads.name, "PelotonDads");
  EXPECT_TRUE(dads.exists);
  EXPECT_EQ(dads.following_count, 12345);
  EXPECT_EQ(dads.total_users, 38);
  EXPECT_EQ(dads.background_image, "https://img/bg.png");
  EXPECT_EQ(dads.has_added, true);
  EXPECT_TRUE(dads.is_primary);
  EXPECT_EQ(tags->tags[1].name, "RowCrew");
  EXPECT_FALSE(tags->tags[1].has_added.has_value());
  EXPECT_FALSE(tags->tags[1].is_primary);
}

TEST(GraphqlParse, MissingBranchesStayEmpty) {
  auto tags = ParseMyTags(Data(R"({"user":null})"));
  ASSERT_TRUE(tags.ok());
  EXPECT_FALSE(tags->remaining_slots.has_value());
  EXPECT_TRUE(tags->tags.empty());
  auto primary = ParsePrimaryTag(Data(R"({"user":{"userTags":{"primary":null}}})"));
  ASSERT_TRUE(primary.ok());
  EXPECT_EQ(*primary, "");
  auto browse = ParseTagBrowse(Data("{}"));
  ASSERT_TRUE(browse.ok());
  EXPECT_TRUE(browse->items.empty());
  EXPECT_FALSE(browse->has_next_page);
  auto names = ParseTagCategoryNames(Data("{}"));
  ASSERT_TRUE(names.ok());
  EXPECT_TRUE(names->empty());
}

TEST(GraphqlParse, NoDataObjectIsAnApiError) {
  for (const char* body : {"{}", R"({"data":null})", R"({"data":[1]})", "not json"}) {
    EXPECT_EQ(ParseMyTags(body).status().code(), ErrorCode::kApi) << body;
    EXPECT_EQ(ParseTagDetail(body).status().code(), ErrorCode::kApi) << body;
  }
}

TEST(GraphqlParse, PrimaryTagName) {
  auto primary = ParsePrimaryTag(Data(
      R"({"user":{"userTags":{"primary":{"name":"PowerZonePack"},"allTags":[{"isPrimary":true}]}}})"));
  ASSERT_TRUE(primary.ok());
  EXPECT_EQ(*primary, "PowerZonePack");
}

TEST(GraphqlParse, SearchKeepsOnlyAnExistingExactTag) {
  const std::string page = R"("searchTag":{"edges":[
      {"node":{"metaTag":{"displayName":"Family"},"hasAdded":false,"name":"PelotonDads"}},
      {"node":{"metaTag":null,"name":"PelotonDadsUK","exists":true}},
      {"node":null}, {}],
      "pageInfo":{"hasNextPage":true,"endCursor":"Y3Vyc29yOjk="}})";
  auto found = ParseTagSearch(Data("{\"tag\":" + std::string(kTag) + "," + page + "}"));
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_TRUE(found->exact.has_value());
  EXPECT_EQ(found->exact->name, "PelotonDads");
  ASSERT_EQ(found->results.items.size(), 2u);
  EXPECT_EQ(found->results.items[0].meta_tag, "Family");
  EXPECT_EQ(found->results.items[0].has_added, false);
  EXPECT_EQ(found->results.items[1].meta_tag, "");
  EXPECT_TRUE(found->results.has_next_page);
  EXPECT_EQ(found->results.end_cursor, "Y3Vyc29yOjk=");

  auto unknown = ParseTagSearch(Data(R"({"tag":{"exists":false,"name":"Nope"},"searchTag":null})"));
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(unknown->exact.has_value());
  EXPECT_TRUE(unknown->results.items.empty());
}

TEST(GraphqlParse, CategoryNamesInAnswerOrder) {
  auto names = ParseTagCategoryNames(Data(R"({"TRENDING":{"displayName":"Trending"},
      "FEATURED":{"displayName":"Featured"},"FRIENDS":{},"POPULAR":null,"x":1})"));
  ASSERT_TRUE(names.ok());
  ASSERT_EQ(names->size(), 3u);
  EXPECT_EQ((*names)[0].slug, "TRENDING");
  EXPECT_EQ((*names)[0].display_name, "Trending");
  EXPECT_EQ((*names)[1].slug, "FEATURED");
  EXPECT_EQ((*names)[2].slug, "FRIENDS");
  EXPECT_EQ((*names)[2].display_name, "");
}

TEST(GraphqlParse, TagDetailUsersAndPrivacyUnion) {
  auto detail = ParseTagDetail(Data(R"({"tag":{"name":"PelotonDads","followingCount":5,
      "assets":{"backgroundImage":{"location":"bg"},"detailBackgroundImage":{"location":"dbg"}},
      "users":{"totalCount":2,"edges":[
        {"node":{"id":"a1","username":"Ann","assets":{"image":{"location":"img"}},
                 "followStatus":"FOLLOWING",
                 "protectedFields":{"totalWorkoutCounts":812,"__typename":"UserProtectedFields"}}},
        {"node":{"id":"b2","username":"Bob","followStatus":"NONE",
                 "protectedFields":{"code":"PRIVATE","message":"private",
                                    "__typename":"UserPrivacyError"}}}],
        "pageInfo":{"hasNextPage":false,"endCursor":null}}}})"));
  ASSERT_TRUE(detail.ok()) << detail.status().ToString();
  EXPECT_EQ(detail->tag.name, "PelotonDads");
  EXPECT_EQ(detail->tag.following_count, 5);
  EXPECT_EQ(detail->tag.background_image, "bg");
  EXPECT_EQ(detail->detail_background_image, "dbg");
  ASSERT_EQ(detail->users.items.size(), 2u);
  EXPECT_EQ(detail->users.items[0].id, "a1");
  EXPECT_EQ(detail->users.items[0].image_url, "img");
  EXPECT_EQ(detail->users.items[0].follow_status, "FOLLOWING");
  EXPECT_EQ(detail->users.items[0].total_workouts, 812);
  EXPECT_EQ(detail->users.items[1].username, "Bob");
  EXPECT_FALSE(detail->users.items[1].total_workouts.has_value());
  EXPECT_FALSE(detail->users.has_next_page);
  EXPECT_EQ(detail->users.end_cursor, "");
}

TEST(GraphqlParse, TagDetailOfNoTagIsNotFound) {
  EXPECT_EQ(ParseTagDetail(Data(R"({"tag":null})")).status().code(), ErrorCode::kNotFound);
}

TEST(GraphqlMutation, SuccessReturnsTheTag) {
  auto tag = ParseTagMutation(Data(R"({"addTagToUser":{"tag":)" + std::string(kTag) +
                                   R"(,"__typename":"AddTagToUserSuccess"}})"),
                              "addTagToUser");
  ASSERT_TRUE(tag.ok()) << tag.status().ToString();
  EXPECT_EQ(tag->name, "PelotonDads");
}

TEST(GraphqlMutation, ErrorUnionBecomesAStatus) {
  auto limit = ParseTagMutation(
      Data(R"({"addTagToUser":{"code":"TAG_LIMIT_REACHED","message":"Up to 10 tags.",
               "__typename":"TagLimitReachedError"}})"),
      "addTagToUser");
  ASSERT_FALSE(limit.ok());
  EXPECT_EQ(limit.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(limit.status().message(), "Up to 10 tags. (TAG_LIMIT_REACHED)");

  // No __typename: a code and message without a tag is still the Error member.
  auto untyped = ParseTagMutation(
      Data(R"({"setTagAsPrimary":{"code":"INTERNAL","message":"oops"}})"), "setTagAsPrimary");
  ASSERT_FALSE(untyped.ok());
  EXPECT_EQ(untyped.status().code(), ErrorCode::kApi);
  EXPECT_EQ(untyped.status().message(), "oops (INTERNAL)");

  auto bare = ParseTagMutation(Data(R"({"removeTagFromUser":{"__typename":"SomethingError"}})"),
                               "removeTagFromUser");
  EXPECT_EQ(bare.status().message(), "refused");
}

TEST(GraphqlMutation, MissingResultOrTagIsAnApiError) {
  EXPECT_EQ(ParseTagMutation(Data("{}"), "addTagToUser").status().code(), ErrorCode::kApi);
  EXPECT_EQ(ParseTagMutation(Data(R"({"addTagToUser":{"__typename":"AddTagToUserSuccess"}})"),
                             "addTagToUser")
                .status()
                .code(),
            ErrorCode::kApi);
}

TEST(GraphqlMutation, UserCausedCodes) {
  for (const char* code : {"TAG_LIMIT_REACHED", "TAG_ALREADY_ADDED", "TAG_NOT_ADDED",
                           "INVALID_TAG_NAME", "tagNotFound", "BAD_USER_INPUT"}) {
    EXPECT_TRUE(UserCausedCode(code)) << code;
  }
  for (const char* code : {"", "INTERNAL_SERVER_ERROR", "UNAVAILABLE", "UNKNOWN"}) {
    EXPECT_FALSE(UserCausedCode(code)) << code;
  }
}

}  // namespace
}  // namespace pelo::api::graphql
