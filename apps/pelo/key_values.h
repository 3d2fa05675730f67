// KEY=VALUE arguments as a JSON object, like `gh api -F`: `pelo settings set`, `pelo profile
// set`, `pelo api graphql -F`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "pelo/common/status.h"

namespace pelo::cli {

// Each VALUE is taken as JSON when it is valid JSON (true, false, null, numbers, "quoted",
// objects, arrays), else as a string. A dotted KEY nests: privacy.is_profile_private=true ->
// {"privacy":{"is_profile_private":true}}. kInvalidArgument naming `what` (the flag or argument)
// for a pair without '=', an empty key, or keys that clash ("a=1" and "a.b=2").
StatusOr<nlohmann::json> ParseKeyValues(const std::vector<std::string>& pairs,
                                        std::string_view what);

}  // namespace pelo::cli
