#include "peloton/sim/json/graph_body.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "peloton/sim/json/numbers.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

// The most characters a number takes: 24 for the longest shortest double, ".0", a comma.
constexpr size_t kNumberRoom = 32;

// By hand rather than with std::to_chars, whose integer overloads are templates in a header: at
// -O0 under the sanitizers they cost several times this loop, once per value of every body.
char* WriteInteger(int64_t v, char* out) {
  char digits[20];
  size_t n = 0;
  uint64_t magnitude = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  do {
    digits[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (v < 0) *out++ = '-';
  while (n > 0) *out++ = digits[--n];
  return out;
}

char* WriteNull(char* out) {
  for (const char c : {'n', 'u', 'l', 'l'}) *out++ = c;
  return out;
}

// A double as a JSON float: the shortest text that parses back to it, with ".0" on a whole
// number so that it stays a float, as nlohmann::json writes "12.0"; null when not finite, as
// nlohmann::json writes NaN and infinities.
char* WriteFloat(double v, char* out) {
  if (!std::isfinite(v)) return WriteNull(out);
  char* const end = std::to_chars(out, out + kNumberRoom - 3, v).ptr;
  for (const char* c = out; c < end; ++c) {
    if (*c == '.' || *c == 'e') return end;
  }
  end[0] = '.';
  end[1] = '0';
  return end + 2;
}

// One per-second value as BuildGraphJson's Values() writes it: null for a missing value (NaN),
// an integer when whole, else a float.
char* WriteSample(double x, char* out) {
  if (std::isnan(x)) return WriteNull(out);
  if (x == std::floor(x) && std::fabs(x) < 1e15) return WriteInteger(static_cast<int64_t>(x), out);
  return WriteFloat(x, out);
}

// A window's mean as Number(mean, decimals) writes it: an integer when decimals is 0; null for
// an empty window.
char* WriteWindow(const std::optional<double>& mean, int decimals, char* out) {
  if (!mean) return WriteNull(out);
  if (decimals == 0) return WriteInteger(static_cast<int64_t>(std::llround(*mean)), out);
  return WriteFloat(Round(*mean, decimals), out);
}

// Appends a JSON array of `count` numbers, the i-th written by write(i, cursor) -> new cursor,
// into room made for the whole array at once: growing the string a character at a time was
// most of a body's cost at -O0 under the sanitizers.
template <class Write>
void AppendNumbers(size_t count, std::string& out, const Write& write) {
  const size_t at = out.size();
  out.resize(at + 2 + count * kNumberRoom);
  char* const first = out.data() + at;
  char* cursor = first;
  *cursor++ = '[';
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) *cursor++ = ',';
    cursor = write(i, cursor);
  }
  *cursor++ = ']';
  out.resize(at + static_cast<size_t>(cursor - first));
}

void AppendKey(const std::string& key, std::string& out) {
  out += json(key).dump();  // escaped as the DOM would
  out += ':';
}

// The time axis and windows of one body.
struct BodyWindows {
  int every_n = 1;
  int duration = 0;
  const std::vector<int>* axis = nullptr;  // the 1-s graph's (GraphOutline::axis, else 1..duration)
};

void WriteSeries(const std::vector<double>& values, const std::string& slug, const BodyWindows& w,
                 std::string& out) {
  if (w.every_n == 1) {
    AppendNumbers(values.size(), out,
                  [&values](size_t i, char* cursor) { return WriteSample(values[i], cursor); });
    return;
  }
  const int decimals = WindowDecimals(slug, values);
  const std::vector<std::optional<double>> means =
      WindowMeans(values, *w.axis, w.every_n, w.duration);
  AppendNumbers(means.size(), out, [&means, decimals](size_t i, char* cursor) {
    return WriteWindow(means[i], decimals, cursor);
  });
}

// Appends the JSON object `object` member by member, in its key order, as nlohmann writes it;
// write(key, value) writes a member's value itself and returns true, or returns false to have it
// dumped.
template <class Write>
void AppendObject(const json& object, std::string& out, const Write& write) {
  out += '{';
  bool first = true;
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (!first) out += ',';
    first = false;
    AppendKey(it.key(), out);
    if (!write(it.key(), *it)) out += it->dump();
  }
  out += '}';
}

// A metric of the outline, its "values" (an index into outline.series) written from the samples,
// and so are its alternatives' (a running pace's speed).
void WriteMetric(const json& metric, const GraphOutline& outline, const BodyWindows& w,
                 std::string& out);

// An array of the outline's metrics: the graph's "metrics", a metric's "alternatives".
void WriteMetrics(const json& metrics, const GraphOutline& outline, const BodyWindows& w,
                  std::string& out) {
  out += '[';
  for (size_t i = 0; i < metrics.size(); ++i) {
    if (i > 0) out += ',';
    WriteMetric(metrics[i], outline, w, out);
  }
  out += ']';
}

void WriteMetric(const json& metric, const GraphOutline& outline, const BodyWindows& w,
                 std::string& out) {
  AppendObject(metric, out, [&](const std::string& key, const json& value) {
    if (key == "values" && value.is_number_integer()) {
      WriteSeries(*outline.series.at(value.get<size_t>()), metric.value("slug", ""), w, out);
      return true;
    }
    if (key == "alternatives" && value.is_array()) {
      WriteMetrics(value, outline, w, out);
      return true;
    }
    return false;
  });
}

}  // namespace

std::string WriteGraphBody(const GraphOutline& outline, int every_n) {
  const json& document = outline.document;
  BodyWindows w;
  w.every_n = every_n;
  w.duration = document.value("duration", 0);
  std::vector<int> counted;  // 1..duration, for an outline without its axis
  if (outline.axis.empty()) {
    counted.reserve(static_cast<size_t>(std::max(w.duration, 0)));
    for (int t = 1; t <= w.duration; ++t) counted.push_back(t);
  }
  w.axis = outline.axis.empty() ? &counted : &outline.axis;
  std::string out;
  // About 5 bytes a value of the axis and each series, at one value per every_n seconds, and
  // the room AppendNumbers makes for the last array.
  const size_t points = static_cast<size_t>(std::max(w.duration, 0) / every_n + 2);
  out.reserve(4096 + points * ((outline.series.size() + 1) * 5 + kNumberRoom));
  AppendObject(document, out, [&](const std::string& key, const json& value) {
    if (key == "seconds_since_pedaling_start") {
      // The 1-s axis at 1 s; windowed: 0, N, 2N, ... up to duration inclusive.
      if (every_n == 1) {
        const std::vector<int>& axis = *w.axis;
        AppendNumbers(axis.size(), out,
                      [&axis](size_t i, char* cursor) { return WriteInteger(axis[i], cursor); });
      } else {
        const size_t count = w.duration < 0 ? 0 : static_cast<size_t>(w.duration / every_n + 1);
        AppendNumbers(count, out, [every_n](size_t i, char* cursor) {
          return WriteInteger(static_cast<int64_t>(i) * every_n, cursor);
        });
      }
      return true;
    }
    if (key == "metrics" && value.is_array()) {
      WriteMetrics(value, outline, w, out);
      return true;
    }
    return false;
  });
  return out;
}

std::string SyntheticGraphBody(const SyntheticWorkout& workout, int every_n) {
  const Samples samples = workout.GenerateSamples();
  return WriteGraphBody(BuildGraphOutline(workout.plan, workout.ride(), samples, workout.profile),
                        every_n);
}

}  // namespace pelo::sim
