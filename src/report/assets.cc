#include "pelo/report/assets.h"

namespace pelo::report {

std::optional<Asset> FindAsset(std::string_view name) {
  for (const Asset& asset : Assets()) {
    if (asset.name == name) return asset;
  }
  return std::nullopt;
}

}  // namespace pelo::report
