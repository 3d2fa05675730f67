#include "pelo/oauth2/provider.h"

namespace pelo::oauth2 {

std::string Provider::Scope() const {
  std::string out;
  for (const std::string& scope : scopes) {
    if (!out.empty()) out.push_back(scope_separator);
    out.append(scope);
  }
  return out;
}

std::vector<std::string> SplitScope(std::string_view scope) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= scope.size()) {
    const size_t end = scope.find_first_of(" ,", start);
    const std::string_view part =
        scope.substr(start, end == std::string_view::npos ? end : end - start);
    if (!part.empty()) out.emplace_back(part);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace pelo::oauth2
