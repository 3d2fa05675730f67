#include "exit_code.h"

#include <gtest/gtest.h>

namespace pelo::cli {
namespace {

TEST(ExitCodeFor, ExitCodesMatchTheDocumentedTable) {
  EXPECT_EQ(ExitCodeFor(ErrorCode::kOk), 0);
  EXPECT_EQ(ExitCodeFor(ErrorCode::kUnknown), 1);
  EXPECT_EQ(ExitCodeFor(ErrorCode::kInvalidArgument), 2);
  EXPECT_EQ(ExitCodeFor(ErrorCode::kUnauthenticated), 3);
  EXPECT_EQ(ExitCodeFor(ErrorCode::kNetwork), 4);
  EXPECT_EQ(ExitCodeFor(ErrorCode::kApi), 5);
  EXPECT_EQ(ExitCodeFor(ErrorCode::kStorage), 6);
  EXPECT_EQ(ExitCodeFor(ErrorCode::kNotFound), 1);
  EXPECT_EQ(ExitCodeFor(ErrorCode::kCancelled), 130);
}

}  // namespace
}  // namespace pelo::cli
