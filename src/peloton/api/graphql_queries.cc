// The GraphQL operations pelo knows: their text exactly as in peloton-api.md §7.3 (the
// ostranme/peloton-postman collection). Sending the documented text unchanged, fragments and
// __typename included, keeps the answers shaped as documented (the gateway has introspection
// off, so nothing else is known to work); graphql_test.cc checks the text against the document.
#include <array>
#include <string_view>
#include <utility>

#include "pelo/peloton/api/client.h"

namespace pelo::api {
namespace {

constexpr std::string_view kAddTagToUser = R"gql(mutation AddTagToUser($input: AddTagToUserInput!) {
    addTagToUser(input: $input) {
        ... on AddTagToUserSuccess {
            tag {
                ...TagCommonInfo
                __typename
            }
            __typename
        }
        ... on Error {
            code
            message
            __typename
        }
        __typename
    }
}

fragment TagCommonInfo on Tag {
    exists
    name
    followingCount
    users {
        totalCount
        __typename
    }
    assets {
        backgroundImage {
            location
            __typename
        }
        __typename
    }
    __typename
}
)gql";

constexpr std::string_view kMyTags = R"gql(query MyTags {
    user {
        remainingTagSlotCount
        userTags {
            allTags {
                isPrimary
                tag {
                    ...AllTagsTagCommonInfo
                    __typename
                }
                __typename
            }
            __typename
        }
        __typename
    }
}

fragment AllTagsTagCommonInfo on Tag {
    hasAdded
    ...TagCommonInfo
    __typename
}

fragment TagCommonInfo on Tag {
    exists
    name
    followingCount
    users {
        totalCount
        __typename
    }
    assets {
        backgroundImage {
            location
            __typename
        }
        __typename
    }
    __typename
}
)gql";

constexpr std::string_view kPrimaryTag = R"gql(query PrimaryTag($userId: ID) {
    user(id: $userId) {
        userTags {
            primary {
                name
                __typename
            }
            allTags {
                isPrimary
                __typename
            }
            __typename
        }
        __typename
    }
}
)gql";

constexpr std::string_view kRemoveTagFromUser =
    R"gql(mutation RemoveTagFromUser($input: RemoveTagFromUserInput!) {
    removeTagFromUser(input: $input) {
        ... on RemoveTagFromUserSuccess {
            tag {
                ...TagCommonInfo
                __typename
            }
            __typename
        }
        ... on Error {
            code
            message
            __typename
        }
        __typename
    }
}

fragment TagCommonInfo on Tag {
    exists
    name
    followingCount
    users {
        totalCount
        __typename
    }
    assets {
        backgroundImage {
            location
            __typename
        }
        __typename
    }
    __typename
}
)gql";

constexpr std::string_view kSearchTag =
    R"gql(query SearchTag($query: String!, $tagName: String!, $after: Cursor) {
    tag(tagName: $tagName) {
        ...TagCommonInfo
        __typename
    }
    searchTag(input: {query: $query, after: $after}) {
        edges {
            node {
                metaTag {
                    displayName
                    __typename
                }
                hasAdded
                ...TagCommonInfo
                __typename
            }
            __typename
        }
        pageInfo {
            hasNextPage
            endCursor
            __typename
        }
        __typename
    }
}

fragment TagCommonInfo on Tag {
    exists
    name
    followingCount
    users {
        totalCount
        __typename
    }
    assets {
        backgroundImage {
            location
            __typename
        }
        __typename
    }
    __typename
}
)gql";

constexpr std::string_view kSetTagAsPrimary =
    R"gql(mutation SetTagAsPrimary($input: SetTagAsPrimaryInput!) {
    setTagAsPrimary(input: $input) {
        ... on SetTagAsPrimarySuccess {
            tag {
                ...TagCommonInfo
                __typename
            }
            __typename
        }
        ... on Error {
            code
            message
            __typename
        }
        __typename
    }
}

fragment TagCommonInfo on Tag {
    exists
    name
    followingCount
    users {
        totalCount
        __typename
    }
    assets {
        backgroundImage {
            location
            __typename
        }
        __typename
    }
    __typename
}
)gql";

constexpr std::string_view kTagBrowseCategory =
    R"gql(query TagBrowseCategory($categorySlug: TagBrowseCategorySlug!, $after: Cursor) {
    tagBrowseCategory(categorySlug: $categorySlug) {
        tags(after: $after) {
            ...TagListItems
            __typename
        }
        __typename
    }
}

fragment TagListItems on TagPaginatedList {
    edges {
        node {
            hasAdded
            ...TagCommonInfo
            __typename
        }
        __typename
    }
    pageInfo {
        hasNextPage
        endCursor
        __typename
    }
    __typename
}

fragment TagCommonInfo on Tag {
    exists
    name
    followingCount
    users {
        totalCount
        __typename
    }
    assets {
        backgroundImage {
            location
            __typename
        }
        __typename
    }
    __typename
}
)gql";

constexpr std::string_view kTagBrowseCategoryDisplayNames =
    R"gql(query TagBrowseCategoryDisplayNames {
    TRENDING: tagBrowseCategory(categorySlug: TRENDING) {
        displayName
        __typename
    }
    FEATURED: tagBrowseCategory(categorySlug: FEATURED) {
        displayName
        __typename
    }
    FRIENDS: tagBrowseCategory(categorySlug: FRIENDS) {
        displayName
        __typename
    }
    POPULAR: tagBrowseCategory(categorySlug: POPULAR) {
        displayName
        __typename
    }
}
)gql";

constexpr std::string_view kTagDetail = R"gql(query TagDetail($tagName: String!, $after: Cursor) {
    tag(tagName: $tagName) {
        name
        followingCount
        assets {
            backgroundImage {
                location
                __typename
            }
            detailBackgroundImage {
                location
                __typename
            }
            __typename
        }
        users(after: $after) {
            totalCount
            edges {
                node {
                    id
                    username
                    assets {
                        image {
                            location
                            __typename
                        }
                        __typename
                    }
                    followStatus
                    protectedFields {
                        ... on UserProtectedFields {
                            totalWorkoutCounts
                            __typename
                        }
                        ... on UserPrivacyError {
                            code
                            message
                            __typename
                        }
                        __typename
                    }
                    __typename
                }
                __typename
            }
            pageInfo {
                hasNextPage
                endCursor
                __typename
            }
            __typename
        }
        __typename
    }
}
)gql";

constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kQueries = {{
    {"AddTagToUser", kAddTagToUser},
    {"MyTags", kMyTags},
    {"PrimaryTag", kPrimaryTag},
    {"RemoveTagFromUser", kRemoveTagFromUser},
    {"SearchTag", kSearchTag},
    {"SetTagAsPrimary", kSetTagAsPrimary},
    {"TagBrowseCategory", kTagBrowseCategory},
    {"TagBrowseCategoryDisplayNames", kTagBrowseCategoryDisplayNames},
    {"TagDetail", kTagDetail},
}};

}  // namespace

std::string_view GraphqlQuery(std::string_view name) {
  for (const auto& [operation, text] : kQueries) {
    if (operation == name) return text;
  }
  return {};
}

}  // namespace pelo::api
