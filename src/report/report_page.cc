// RenderPage: a page's template filled in. The report must work from file:// with nothing
// fetched, and every page's data hold text written by strangers (titles, instructor names), so
// the data cannot end their script element and a Content-Security-Policy lets only the embedded
// scripts run, by their hashes.
#include <openssl/sha.h>

#include <map>

#include "pelo/common/atomic_file.h"
#include "pelo/common/base64.h"
#include "pelo/common/strings.h"
#include "pelo/report/assets.h"
#include "pelo/report/report.h"

namespace pelo::report {
namespace {

constexpr std::string_view kMarker = "@PELO_";

StatusOr<std::string_view> Need(std::string_view name) {
  auto asset = FindAsset(name);
  if (!asset)
    return Status(ErrorCode::kUnknown,
                  "the report's asset " + std::string(name) + " is not built in");
  return asset->bytes;
}

// 'sha256-...' for a CSP source list: the hash of the script element's exact text.
std::string ScriptHash(std::string_view script) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(script.data()), script.size(), digest);
  return "'sha256-" +
         Base64Encode(std::string_view(reinterpret_cast<const char*>(digest), sizeof(digest))) +
         "'";
}

// A script's text may not hold "</script" in any case: the page would end the element there.
bool EndsScriptElement(std::string_view script) {
  return Lower(std::string(script)).find("</script") != std::string::npos;
}

// JSON in a <script type="application/json">: '<' becomes \u003c, which JSON.parse reads back
// as '<', so no text in the data can close the element or open a comment.
std::string ScriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 64);
  for (char c : json) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

// Replaces each @PELO_NAME@ of `page` with values[NAME], in one pass over the template, so that
// a value (the data) is never searched for markers; every name must be there exactly once.
StatusOr<std::string> Fill(std::string_view template_name, std::string_view page,
                           const std::map<std::string, std::string>& values) {
  std::string out;
  std::map<std::string, int> seen;
  size_t from = 0;
  while (true) {
    const size_t at = page.find(kMarker, from);
    if (at == std::string_view::npos) break;
    const size_t end = page.find('@', at + kMarker.size());
    if (end == std::string_view::npos) break;
    const std::string name(page.substr(at + kMarker.size(), end - at - kMarker.size()));
    auto value = values.find(name);
    if (value == values.end()) {
      return Status(ErrorCode::kUnknown,
                    std::string(template_name) + " names an unknown value @PELO_" + name + "@");
    }
    out.append(page.substr(from, at - from));
    out += value->second;
    ++seen[name];
    from = end + 1;
  }
  out.append(page.substr(from));
  for (const auto& [name, value] : values) {
    if (seen[name] != 1) {
      return Status(ErrorCode::kUnknown, std::string(template_name) + " must hold @PELO_" + name +
                                             "@ once, not " + std::to_string(seen[name]) +
                                             " times");
    }
  }
  return out;
}

// A page's template and its own script (the chart library, common.js and report.css are in
// every page).
struct PageFiles {
  std::string_view html;
  std::string_view script;
};

PageFiles FilesOf(Page page) {
  switch (page) {
    case Page::kWorkouts:
      return {"workouts.html", "workouts.js"};
    case Page::kWorkout:
      return {"workout.html", "workout.js"};
    case Page::kReport:
      break;
  }
  return {"report.html", "report.js"};
}

}  // namespace

StatusOr<std::string> RenderPage(Page page, std::string_view data) {
  const PageFiles files = FilesOf(page);
  PELO_ASSIGN_OR_RETURN(std::string_view html, Need(files.html));
  PELO_ASSIGN_OR_RETURN(std::string_view page_js, Need(files.script));
  PELO_ASSIGN_OR_RETURN(std::string_view common_js, Need("common.js"));
  PELO_ASSIGN_OR_RETURN(std::string_view uplot_js, Need("uPlot.iife.min.js"));
  PELO_ASSIGN_OR_RETURN(std::string_view uplot_css, Need("uPlot.min.css"));
  PELO_ASSIGN_OR_RETURN(std::string_view uplot_licence, Need("uPlot.LICENSE"));
  PELO_ASSIGN_OR_RETURN(std::string_view css, Need("report.css"));
  for (std::string_view script : {uplot_js, common_js, page_js}) {
    if (EndsScriptElement(script)) {
      return Status(ErrorCode::kUnknown, "an embedded script holds </script");
    }
  }
  const std::map<std::string, std::string> values = {
      {"CSP", "default-src 'none'; script-src " + ScriptHash(uplot_js) + " " +
                  ScriptHash(common_js) + " " + ScriptHash(page_js) +
                  "; style-src 'unsafe-inline'; img-src data:"},
      {"UPLOT_CSS", std::string(uplot_css)},
      {"CSS", std::string(css)},
      {"DATA", ScriptSafeJson(data)},
      {"UPLOT_JS", std::string(uplot_js)},
      {"COMMON_JS", std::string(common_js)},
      {"PAGE_JS", std::string(page_js)},
      {"LICENCES", HtmlEscape("uPlot (https://github.com/leeoniya/uPlot), the charts:\n\n" +
                              std::string(uplot_licence))},
  };
  return Fill(files.html, html, values);
}

StatusOr<size_t> WriteReport(store::Store& store, const ReportOptions& options,
                             const std::string& path) {
  PELO_ASSIGN_OR_RETURN(std::string data, ReportData(store, options));
  PELO_ASSIGN_OR_RETURN(std::string page, RenderPage(Page::kReport, data));
  PELO_RETURN_IF_ERROR(WriteFileAtomically(path, page, 0644));
  return page.size();
}

}  // namespace pelo::report
