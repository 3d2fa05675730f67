#include "pelo/common/status.h"

#include <gtest/gtest.h>

namespace pelo {
namespace {

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(Status, WithContextPrefixesTheMessageAndKeepsCode) {
  Status s(ErrorCode::kApi, "HTTP 503", 503);
  Status c = s.WithContext("GET /api/me");
  EXPECT_EQ(c.code(), ErrorCode::kApi);
  EXPECT_EQ(c.http_status(), 503);
  EXPECT_EQ(c.ToString(), "api: GET /api/me: HTTP 503");
}

StatusOr<int> Half(int x) {
  if (x % 2) return Status(ErrorCode::kInvalidArgument, "odd");
  return x / 2;
}

StatusOr<int> Quarter(int x) {
  PELO_ASSIGN_OR_RETURN(int h, Half(x));
  return Half(h);
}

TEST(StatusOr, AssignOrReturnPropagatesErrors) {
  ASSERT_TRUE(Quarter(8).ok());
  EXPECT_EQ(*Quarter(8), 2);
  auto bad = Quarter(6);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "odd");
}

}  // namespace
}  // namespace pelo
