// The GraphQL operations pelo-sim answers (the §7.3 tag operations), by operation name. The
// query text is never parsed: each operation's `data` is shaped exactly as its documented
// selection set, fields in selection order (ordered_json), __typename included.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "peloton/sim/state/tag_state.h"

namespace pelo::sim {

inline constexpr size_t kGraphqlPageSize = 10;  // server-chosen: no query has a size argument

// An operation's outcome: `data`, or a GraphQL error (message and extensions.code).
struct GraphqlAnswer {
  nlohmann::ordered_json data;
  std::string error;
  std::string code;  // "BAD_USER_INPUT", ...
};

using GraphqlOperation = GraphqlAnswer (*)(const nlohmann::json& variables, TagState& tags);

// The handler of operation `name`, or nullptr for an operation pelo-sim does not know.
GraphqlOperation FindGraphqlOperation(std::string_view name);

// Opaque page cursors: base64 of "cursor:<index of the page's last item>".
std::string EncodeCursor(size_t index);
std::optional<size_t> DecodeCursor(const std::string& cursor);

}  // namespace pelo::sim
