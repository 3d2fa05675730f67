// Paged<T>: lazy, single pass, one page held; stops at the last page, on an error, or when the
// API repeats a cursor.
#include "pelo/peloton/api/paging.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace pelo::api {
namespace {

// A fake list: cursor "" is the first page; each page names the next.
struct Pages {
  struct Page {
    std::vector<int> items;
    std::optional<std::string> next;
  };
  std::map<std::string, Page> pages;
  std::map<std::string, Status> failures;
  std::vector<std::string> requested;

  Paged<int> Range() {
    return Paged<int>([this](const std::optional<std::string>& cursor) -> StatusOr<PageOf<int>> {
      const std::string key = cursor.value_or("");
      requested.push_back(key);
      if (auto failure = failures.find(key); failure != failures.end()) return failure->second;
      const Page& page = pages.at(key);
      return PageOf<int>{page.items, page.next};
    });
  }
};

TEST(Paged, WalksEveryPageInOrder) {
  Pages fake;
  fake.pages[""] = {{1, 2}, "b"};
  fake.pages["b"] = {{3, 4}, "c"};
  fake.pages["c"] = {{5}, std::nullopt};
  Paged<int> range = fake.Range();
  std::vector<int> seen;
  for (int item : range) seen.push_back(item);
  EXPECT_EQ(seen, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_TRUE(range.status().ok());
  EXPECT_EQ(range.pages_fetched(), 3);
  EXPECT_EQ(fake.requested, (std::vector<std::string>{"", "b", "c"}));
}

TEST(Paged, FetchesNothingUntilIterated) {
  Pages fake;
  fake.pages[""] = {{1}, std::nullopt};
  Paged<int> range = fake.Range();
  EXPECT_TRUE(fake.requested.empty());
  EXPECT_EQ(range.pages_fetched(), 0);
}

TEST(Paged, SkipsEmptyMiddlePages) {
  Pages fake;
  fake.pages[""] = {{1}, "b"};
  fake.pages["b"] = {{}, "c"};
  fake.pages["c"] = {{}, "d"};
  fake.pages["d"] = {{2}, std::nullopt};
  auto all = fake.Range().Collect();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, (std::vector<int>{1, 2}));
  EXPECT_EQ(fake.requested.size(), 4u);
}

TEST(Paged, EmptyListAndEmptyFirstPage) {
  Pages fake;
  fake.pages[""] = {{}, std::nullopt};
  Paged<int> range = fake.Range();
  EXPECT_TRUE(range.begin() == range.end());
  EXPECT_TRUE(range.status().ok());
  auto all = fake.Range().Collect();
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty());
}

TEST(Paged, ErrorMidwayEndsIterationAndSetsStatus) {
  Pages fake;
  fake.pages[""] = {{1, 2}, "b"};
  fake.failures["b"] = Status(ErrorCode::kNetwork, "page b failed");
  Paged<int> range = fake.Range();
  std::vector<int> seen;
  for (int item : range) seen.push_back(item);
  EXPECT_EQ(seen, (std::vector<int>{1, 2}));
  EXPECT_EQ(range.status().code(), ErrorCode::kNetwork);
  EXPECT_EQ(range.status().message(), "page b failed");

  auto all = fake.Range().Collect();
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.status().message(), "page b failed");
}

TEST(Paged, SameCursorTwiceStopsWithAnApiError) {
  Pages fake;
  fake.pages[""] = {{1}, "b"};
  fake.pages["b"] = {{2}, "b"};  // a server stuck on one page
  Paged<int> range = fake.Range();
  std::vector<int> seen;
  for (int item : range) seen.push_back(item);
  EXPECT_EQ(seen, (std::vector<int>{1}));
  EXPECT_EQ(range.status().code(), ErrorCode::kApi);
  EXPECT_EQ(fake.requested.size(), 2u);
}

TEST(Paged, SinglePass) {
  Pages fake;
  fake.pages[""] = {{1, 2}, "b"};
  fake.pages["b"] = {{3}, std::nullopt};
  Paged<int> range = fake.Range();
  ASSERT_TRUE(range.Collect().ok());
  EXPECT_TRUE(range.begin() == range.end());
  EXPECT_EQ(fake.requested.size(), 2u);  // nothing fetched again
}

TEST(Paged, MovedRangeKeepsGoing) {
  Pages fake;
  fake.pages[""] = {{1}, "b"};
  fake.pages["b"] = {{2}, std::nullopt};
  Paged<int> first = fake.Range();
  Paged<int> moved = std::move(first);
  auto all = moved.Collect();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, (std::vector<int>{1, 2}));
}

TEST(Paged, EndedOnlyWhenTheLastPageSaysSo) {
  Pages fake;
  fake.pages[""] = {{1}, "b"};
  fake.pages["b"] = {{2}, std::nullopt};
  Paged<int> range = fake.Range();
  EXPECT_FALSE(range.ended());
  auto it = range.begin();
  EXPECT_FALSE(range.ended()) << "a next page is named";
  ++it;
  EXPECT_TRUE(range.ended()) << "page b is the last";

  fake.failures["b"] = Status(ErrorCode::kNetwork, "page b failed");
  Paged<int> failed = fake.Range();
  for (int item : failed) (void)item;
  EXPECT_FALSE(failed.ended());
}

// The hook sees each page boundary before the fetch (how an incremental sync stops at what it
// has, and reports progress after each page): false fetches nothing more, and is no error.
TEST(Paged, BeforeEachPageEndsTheRangeWithoutFetchingMore) {
  Pages fake;
  fake.pages[""] = {{1, 2}, "b"};
  fake.pages["b"] = {{3, 4}, "c"};
  fake.pages["c"] = {{5}, std::nullopt};
  std::vector<int> asked;
  std::vector<int> seen;
  Paged<int> range = fake.Range();
  range.BeforeEachPage([&](int pages_fetched) {
    asked.push_back(pages_fetched);
    return seen.size() < 3;  // what the caller needs: three items (a page's worth, rounded up)
  });
  for (int item : range) seen.push_back(item);
  EXPECT_EQ(seen, (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(asked, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(fake.requested, (std::vector<std::string>{"", "b"}));
  EXPECT_TRUE(range.status().ok());
  EXPECT_FALSE(range.ended()) << "the list goes on; the caller stopped";

  Pages none;
  Paged<int> refused = none.Range();
  refused.BeforeEachPage([](int) { return false; });
  EXPECT_TRUE(refused.begin() == refused.end());
  EXPECT_TRUE(none.requested.empty());
  EXPECT_TRUE(refused.status().ok());
}

}  // namespace
}  // namespace pelo::api
