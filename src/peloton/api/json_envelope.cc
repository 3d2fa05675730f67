#include "peloton/api/json_envelope.h"

namespace pelo::api::json {

StatusOr<ListBody> ParseListBody(std::string_view body, std::string_view key) {
  PELO_ASSIGN_OR_RETURN(Element root, ParseRoot(body));
  ListBody list;
  Array array;
  if (root.get_array().get(array) == simdjson::SUCCESS) {
    list.items = array;
    return list;
  }
  Object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Status(ErrorCode::kApi, "expected a JSON object or array");
  }
  list.object = object;
  list.items = ArrayField(object, key);
  return list;
}

}  // namespace pelo::api::json
