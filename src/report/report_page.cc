// ReportPage: the report's template filled in. The page must work from file:// with nothing
// fetched, and its data hold text written by strangers (titles, instructor names), so the data
// cannot end their script element and a Content-Security-Policy lets only the two embedded
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
StatusOr<std::string> Fill(std::string_view page,
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
      return Status(ErrorCode::kUnknown, "report.html names an unknown value @PELO_" + name + "@");
    }
    out.append(page.substr(from, at - from));
    out += value->second;
    ++seen[name];
    from = end + 1;
  }
  out.append(page.substr(from));
  for (const auto& [name, value] : values) {
    if (seen[name] != 1) {
      return Status(ErrorCode::kUnknown, "report.html must hold @PELO_" + name + "@ once, not " +
                                             std::to_string(seen[name]) + " times");
    }
  }
  return out;
}

}  // namespace

StatusOr<std::string> ReportPage(std::string_view data) {
  PELO_ASSIGN_OR_RETURN(std::string_view page, Need("report.html"));
  PELO_ASSIGN_OR_RETURN(std::string_view uplot_js, Need("uPlot.iife.min.js"));
  PELO_ASSIGN_OR_RETURN(std::string_view uplot_css, Need("uPlot.min.css"));
  PELO_ASSIGN_OR_RETURN(std::string_view uplot_licence, Need("uPlot.LICENSE"));
  PELO_ASSIGN_OR_RETURN(std::string_view report_js, Need("report.js"));
  PELO_ASSIGN_OR_RETURN(std::string_view report_css, Need("report.css"));
  for (std::string_view script : {uplot_js, report_js}) {
    if (EndsScriptElement(script)) {
      return Status(ErrorCode::kUnknown, "an embedded script holds </script");
    }
  }
  const std::map<std::string, std::string> values = {
      {"CSP", "default-src 'none'; script-src " + ScriptHash(uplot_js) + " " +
                  ScriptHash(report_js) + "; style-src 'unsafe-inline'; img-src data:"},
      {"UPLOT_CSS", std::string(uplot_css)},
      {"REPORT_CSS", std::string(report_css)},
      {"DATA", ScriptSafeJson(data)},
      {"UPLOT_JS", std::string(uplot_js)},
      {"REPORT_JS", std::string(report_js)},
      {"LICENCES", HtmlEscape("uPlot (https://github.com/leeoniya/uPlot), the charts:\n\n" +
                              std::string(uplot_licence))},
  };
  return Fill(page, values);
}

StatusOr<size_t> WriteReport(store::Store& store, const ReportOptions& options,
                             const std::string& path) {
  PELO_ASSIGN_OR_RETURN(std::string data, ReportData(store, options));
  PELO_ASSIGN_OR_RETURN(std::string page, ReportPage(data));
  PELO_RETURN_IF_ERROR(WriteFileAtomically(path, page, 0644));
  return page.size();
}

}  // namespace pelo::report
