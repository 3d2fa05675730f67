// Reading the captured Peloton responses under shared/fixtures/peloton for the parse tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "pelo/common/status.h"

namespace pelo::api::testing {

// The value of an ok `result`; a failed expectation (and T{}) otherwise.
template <typename T>
T Ok(StatusOr<T> result) {
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? std::move(result).value() : T{};
}

// Absolute path of `relative` under shared/fixtures/peloton.
std::string FixturePath(const std::string& relative);
// The bytes of `path` (a failed read is an empty string; tests assert on content).
std::string ReadFile(const std::string& path);
// The bytes of the fixture at `relative` under shared/fixtures/peloton.
std::string ReadFixture(const std::string& relative);
// Every *.json file under shared/fixtures/peloton, relative paths, sorted.
std::vector<std::string> AllJsonFixtures();
// The raw text of member `key` of the JSON object in `body` (BOM tolerated), re-serialised.
std::string Member(const std::string& body, const std::string& key);

}  // namespace pelo::api::testing
