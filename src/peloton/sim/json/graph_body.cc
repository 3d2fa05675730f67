#include "peloton/sim/json/graph_body.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "peloton/sim/json/numbers.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

void AppendInteger(int64_t v, std::string& out) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
  out.append(buffer, end);
}

// A double as a JSON float: the shortest text that parses back to it, with ".0" on a whole
// number so that it stays a float, as nlohmann::json writes "12.0"; null when not finite, as
// nlohmann::json writes NaN and infinities.
void AppendFloat(double v, std::string& out) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
  out.append(buffer, end);
  const std::string_view text(buffer, static_cast<size_t>(end - buffer));
  if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
}

// One per-second value as BuildGraphJson's Values() writes it: null for a missing value (NaN),
// an integer when whole, else a float.
void AppendSample(double x, std::string& out) {
  if (std::isnan(x)) {
    out += "null";
  } else if (x == std::floor(x) && std::fabs(x) < 1e15) {
    AppendInteger(static_cast<int64_t>(x), out);
  } else {
    AppendFloat(x, out);
  }
}

// A window's mean as Number(mean, decimals) writes it: an integer when decimals is 0.
void AppendRounded(double v, int decimals, std::string& out) {
  if (decimals == 0) {
    AppendInteger(static_cast<int64_t>(std::llround(v)), out);
  } else {
    AppendFloat(Round(v, decimals), out);
  }
}

void AppendKey(const std::string& key, std::string& out) {
  out += json(key).dump();  // escaped as the DOM would
  out += ':';
}

// The time axis and windows of one body.
struct BodyWindows {
  int every_n = 1;
  int duration = 0;
  std::vector<int> axis;  // the 1-s graph's: 1..duration
};

void WriteSeries(const std::vector<double>& values, const std::string& slug, const BodyWindows& w,
                 std::string& out) {
  out += '[';
  bool first = true;
  const auto comma = [&first, &out] {
    if (!first) out += ',';
    first = false;
  };
  if (w.every_n == 1) {
    for (double x : values) {
      comma();
      AppendSample(x, out);
    }
  } else {
    const int decimals = WindowDecimals(slug, values);
    for (const auto& mean : WindowMeans(values, w.axis, w.every_n, w.duration)) {
      comma();
      if (mean) {
        AppendRounded(*mean, decimals, out);
      } else {
        out += "null";
      }
    }
  }
  out += ']';
}

// A metric of the outline, its "values" (an index into outline.series) written from the samples,
// and so are its alternatives' (a running pace's speed).
void WriteMetric(const json& metric, const GraphOutline& outline, const BodyWindows& w,
                 std::string& out) {
  out += '{';
  bool first = true;
  for (auto it = metric.begin(); it != metric.end(); ++it) {
    if (!first) out += ',';
    first = false;
    AppendKey(it.key(), out);
    if (it.key() == "values" && it->is_number_integer()) {
      WriteSeries(*outline.series.at(it->get<size_t>()), metric.value("slug", ""), w, out);
    } else if (it.key() == "alternatives" && it->is_array()) {
      out += '[';
      for (size_t i = 0; i < it->size(); ++i) {
        if (i > 0) out += ',';
        WriteMetric((*it)[i], outline, w, out);
      }
      out += ']';
    } else {
      out += it->dump();
    }
  }
  out += '}';
}

}  // namespace

std::string WriteGraphBody(const GraphOutline& outline, int every_n) {
  const json& document = outline.document;
  BodyWindows w;
  w.every_n = every_n;
  w.duration = document.value("duration", 0);
  if (every_n > 1) {
    for (int t = 1; t <= w.duration; ++t) w.axis.push_back(t);
  }
  std::string out;
  // About 5 bytes a value: the axis and each series, at one value per every_n seconds.
  const size_t points = static_cast<size_t>(std::max(w.duration, 0) / every_n + 2);
  out.reserve(4096 + points * (outline.series.size() + 1) * 5);
  out += '{';
  bool first = true;
  for (auto it = document.begin(); it != document.end(); ++it) {
    if (!first) out += ',';
    first = false;
    AppendKey(it.key(), out);
    if (it.key() == "seconds_since_pedaling_start") {
      // 1..duration at 1 s; windowed: 0, N, 2N, ... up to duration inclusive.
      out += '[';
      for (int t = every_n == 1 ? 1 : 0; t <= w.duration; t += every_n) {
        if (t > (every_n == 1 ? 1 : 0)) out += ',';
        AppendInteger(t, out);
      }
      out += ']';
    } else if (it.key() == "metrics" && it->is_array()) {
      out += '[';
      for (size_t i = 0; i < it->size(); ++i) {
        if (i > 0) out += ',';
        WriteMetric((*it)[i], outline, w, out);
      }
      out += ']';
    } else {
      out += it->dump();
    }
  }
  out += '}';
  return out;
}

std::string SyntheticGraphBody(const SyntheticWorkout& workout, int every_n) {
  const Samples samples = workout.GenerateSamples();
  return WriteGraphBody(BuildGraphOutline(workout.plan, workout.ride(), samples, workout.profile),
                        every_n);
}

}  // namespace pelo::sim
