// What the XML writers share: escaping, fixed decimals, range checks, times.
#include "xml.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pelo::exporter::internal {

void AppendXmlText(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
          out += c;
        }
    }
  }
}

void AppendFixed(std::string& out, double v, int decimals) {
  char text[64];
  const int n = std::snprintf(text, sizeof text, "%.*f", decimals, v);
  if (n > 0) out.append(text, static_cast<size_t>(std::min(n, static_cast<int>(sizeof text) - 1)));
}

std::optional<int64_t> WholeIn(const std::optional<double>& v, double lo, double hi) {
  if (!v || !std::isfinite(*v)) return std::nullopt;
  const double r = std::round(*v);
  if (r < lo || r > hi) return std::nullopt;
  return static_cast<int64_t>(r);
}

void AppendElement(std::string& out, std::string_view name, int64_t value) {
  out += '<';
  out += name;
  out += '>';
  char text[24];
  const int n = std::snprintf(text, sizeof text, "%lld", static_cast<long long>(value));
  if (n > 0) out.append(text, static_cast<size_t>(n));
  out += "</";
  out += name;
  out += '>';
}

void AppendIso8601Utc(std::string& out, int64_t epoch_s) {
  // Days to civil date: Howard Hinnant's days_from_civil inverse (proleptic Gregorian).
  int64_t days = epoch_s / 86400;
  int64_t secs = epoch_s % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char text[48];
  const int n =
      std::snprintf(text, sizeof text, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                    static_cast<long long>(year), static_cast<long long>(month),
                    static_cast<long long>(day), static_cast<long long>(secs / 3600),
                    static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  if (n > 0) out.append(text, static_cast<size_t>(std::min(n, static_cast<int>(sizeof text) - 1)));
}

bool ValidPosition(const model::GpsPoint& p) {
  return std::isfinite(p.latitude) && std::isfinite(p.longitude) && p.latitude >= -90 &&
         p.latitude <= 90 && p.longitude >= -180 && p.longitude < 180;
}

}  // namespace pelo::exporter::internal
