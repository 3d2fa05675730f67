// What the XML writers share: escaping, fixed decimals, range checks, times.
#include "xml.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "pelo/common/time.h"

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

// std::to_chars rather than snprintf: the same correctly rounded digits without the format
// parsing and locale look-up that made number text most of a file's writing time.
void AppendFixed(std::string& out, double v, int decimals) {
  char text[352];  // the longest fixed double (309 digits, a sign and the point), 20 decimals
  const auto [end, error] =
      std::to_chars(text, text + sizeof text, v, std::chars_format::fixed, std::min(decimals, 20));
  if (error == std::errc()) out.append(text, end);
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
  const auto [end, error] = std::to_chars(text, text + sizeof text, value);
  if (error == std::errc()) out.append(text, end);
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
  if (year < 0 || year > 9999) {  // beyond four digits: the C library's text, whatever it is
    out += FormatIso8601Utc(epoch_s);
    return;
  }
  char text[20];
  auto put = [&text](int at, int64_t value, int digits) {
    for (int i = digits - 1; i >= 0; --i, value /= 10) {
      text[at + i] = static_cast<char>('0' + value % 10);
    }
  };
  put(0, year, 4);
  text[4] = '-';
  put(5, month, 2);
  text[7] = '-';
  put(8, day, 2);
  text[10] = 'T';
  put(11, secs / 3600, 2);
  text[13] = ':';
  put(14, secs / 60 % 60, 2);
  text[16] = ':';
  put(17, secs % 60, 2);
  text[19] = 'Z';
  out.append(text, sizeof text);
}

bool ValidPosition(const model::GpsPoint& p) {
  return std::isfinite(p.latitude) && std::isfinite(p.longitude) && p.latitude >= -90 &&
         p.latitude <= 90 && p.longitude >= -180 && p.longitude < 180;
}

}  // namespace pelo::exporter::internal
