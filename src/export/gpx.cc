// GpxFile: a GPS track with the samples of its seconds, as GPX 1.1 with Garmin's extensions.
#include "pelo/export/gpx.h"

#include <algorithm>
#include <cmath>

#include "pelo/common/time.h"
#include "xml.h"

namespace pelo::exporter {
namespace {

using internal::AppendElement;
using internal::AppendFixed;
using internal::AppendIso8601Utc;
using internal::AppendXmlText;
using internal::ValidPosition;
using internal::WholeIn;

// The sample of second `t` (samples by t_s): the last one at or before it, within `every_n`
// seconds; nullptr when none (the point then carries its position and time only).
const model::SampleRow* SampleAt(const std::vector<model::SampleRow>& samples, int64_t t,
                                 int64_t every_n) {
  auto it = std::upper_bound(samples.begin(), samples.end(), t,
                             [](int64_t x, const model::SampleRow& s) { return x < s.t_s; });
  if (it == samples.begin()) return nullptr;
  --it;
  return t - it->t_s < every_n ? &*it : nullptr;
}

void AppendPoint(std::string& out, const Activity& a, const model::GpsPoint& p,
                 const model::SampleRow* s) {
  out += "      <trkpt lat=\"";
  AppendFixed(out, p.latitude, 7);
  out += "\" lon=\"";
  AppendFixed(out, p.longitude, 7);
  out += "\">";
  if (s && s->altitude_m && std::isfinite(*s->altitude_m)) {
    out += "<ele>";
    AppendFixed(out, *s->altitude_m, 2);
    out += "</ele>";
  }
  out += "<time>";
  AppendIso8601Utc(out, a.start_time + p.seconds_offset);
  out += "</time>";
  if (s) {
    const auto power = WholeIn(s->output_w, 0, 65535);
    const auto hr = WholeIn(s->heart_rate_bpm, 1, 255);
    const auto cadence = WholeIn(s->cadence_rpm, 0, 254);
    const bool speed = s->speed_kph && std::isfinite(*s->speed_kph) && *s->speed_kph >= 0;
    if (power || hr || cadence || speed) {
      out += "<extensions>";
      if (power) AppendElement(out, "gpxpx:PowerInWatts", *power);
      if (hr || cadence || speed) {
        out += "<gpxtpx:TrackPointExtension>";
        if (hr) AppendElement(out, "gpxtpx:hr", *hr);
        if (cadence) AppendElement(out, "gpxtpx:cad", *cadence);
        if (speed) {
          out += "<gpxtpx:speed>";
          AppendFixed(out, *s->speed_kph / 3.6, 3);
          out += "</gpxtpx:speed>";
        }
        out += "</gpxtpx:TrackPointExtension>";
      }
      out += "</extensions>";
    }
  }
  out += "</trkpt>\n";
}

}  // namespace

StatusOr<std::string> GpxFile(const Activity& a) {
  if (std::none_of(a.gps.begin(), a.gps.end(), ValidPosition)) {
    return Status(ErrorCode::kInvalidArgument, "no GPS track");
  }
  const int64_t every_n = SampleStepS(a.samples);
  std::string out;
  out.reserve(1024 + a.gps.size() * 200);
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gpx version=\"1.1\" creator=\"pelo\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\" "
      "xmlns:gpxpx=\"http://www.garmin.com/xmlschemas/PowerExtension/v1\" "
      "xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 "
      "http://www.topografix.com/GPX/1/1/gpx.xsd\">\n";
  out += "  <metadata><name>";
  AppendXmlText(out, a.title);
  out += "</name><time>" + FormatIso8601Utc(a.start_time) + "</time></metadata>\n";
  out += "  <trk>\n    <name>";
  AppendXmlText(out, a.title);
  out += "</name>\n    <type>";
  AppendXmlText(out, a.discipline);
  out += "</type>\n    <trkseg>\n";
  const model::GpsPoint* previous = nullptr;
  for (const model::GpsPoint& p : a.gps) {
    if (!ValidPosition(p)) continue;
    // Peloton marks the stretches of a track recorded across a gap (a pause, a lost signal):
    // each such stretch is a segment of its own, so that readers neither draw nor count
    // distance from the moving parts into it.
    if (previous && previous->is_gap != p.is_gap) out += "    </trkseg>\n    <trkseg>\n";
    AppendPoint(out, a, p, SampleAt(a.samples, p.seconds_offset, every_n));
    previous = &p;
  }
  out += "    </trkseg>\n  </trk>\n</gpx>\n";
  return out;
}

}  // namespace pelo::exporter
