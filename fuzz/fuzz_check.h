// What every fuzz target shares: the input as text and the invariant check. A failed check
// aborts, which libFuzzer reports as a crash (saving the input) and which fails the replay test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "pelo/common/status.h"

#define PELO_FUZZ_CHECK(cond)                                                                \
  do {                                                                                       \
    if (!(cond)) {                                                                           \
      std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (false)

namespace pelo::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The API parsers promise one failure only: kApi, for a body that is not JSON or not the
// expected top-level shape (api/parse.h). Anything else would surface as a wrong exit code.
template <typename T>
void CheckOkOrApiError(const StatusOr<T>& result) {
  PELO_FUZZ_CHECK(result.ok() || result.status().code() == ErrorCode::kApi);
}

}  // namespace pelo::fuzz
