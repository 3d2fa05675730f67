// The web files pelo's pages are made of (web/src/, and the chart library from
// web/node_modules/uplot), compiled in at build time by cmake/PeloEmbed.cmake: nothing is read
// from disk at run time, and nothing but these names can be looked up (ADR 0022).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace pelo::report {

struct Asset {
  std::string_view name;          // e.g. "uPlot.iife.min.js"
  std::string_view content_type;  // for an HTTP response, e.g. "text/javascript; charset=utf-8"
  std::string_view bytes;
};

// Every embedded file (generated source).
const std::vector<Asset>& Assets();

// The embedded file called `name`; nullopt for any other name.
std::optional<Asset> FindAsset(std::string_view name);

}  // namespace pelo::report
