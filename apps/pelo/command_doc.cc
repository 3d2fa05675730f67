#include "command_doc.h"

#include <algorithm>

namespace pelo::cli {

std::string CommandDoc::FullName() const {
  std::string name;
  for (const std::string& word : path) name += (name.empty() ? "" : " ") + word;
  return name;
}

std::vector<OptionDoc> CommandDoc::EffectiveFlags(
    const std::vector<const CommandDoc*>& ancestors) const {
  std::vector<OptionDoc> all = flags;
  auto known = [&all](const std::string& name) {
    return std::any_of(all.begin(), all.end(), [&name](const OptionDoc& o) {
      return std::find(o.names.begin(), o.names.end(), name) != o.names.end();
    });
  };
  bool inherits = inherits_flags;
  for (auto it = ancestors.rbegin(); inherits && it != ancestors.rend(); ++it) {
    for (const OptionDoc& flag : (*it)->flags) {
      if (std::none_of(flag.names.begin(), flag.names.end(), known)) all.push_back(flag);
    }
    inherits = (*it)->inherits_flags;
  }
  return all;
}

}  // namespace pelo::cli
