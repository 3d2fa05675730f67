// Internal: what the XML writers (GPX, TCX) share, so that text from strangers is escaped and
// values are range-checked the same way in every file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pelo/model/performance_graph.h"

namespace pelo::exporter::internal {

// Text written by strangers, as XML character data or an attribute value: the five markup
// characters escaped, and the control characters XML 1.0 forbids dropped (a title holding one
// would make the whole file unreadable).
void AppendXmlText(std::string& out, std::string_view text);

// `v` with `decimals` digits after the point, never in exponent form (xsd:decimal and GPX's
// decimals refuse it).
void AppendFixed(std::string& out, double v, int decimals);

// A whole number of `v` when it is finite and within [lo, hi] (the schema's range); nullopt
// otherwise, and the element is left out rather than written out of range.
std::optional<int64_t> WholeIn(const std::optional<double>& v, double lo, double hi);

// <name>value</name>
void AppendElement(std::string& out, std::string_view name, int64_t value);

// `epoch_s` as "YYYY-MM-DDTHH:MM:SSZ" (FormatIso8601Utc's text) appended in place: a file writes
// one per point, and this neither allocates nor takes the C library's time zone lock.
void AppendIso8601Utc(std::string& out, int64_t epoch_s);

// A position both schemas accept: latitude in [-90, 90], longitude in [-180, 180).
bool ValidPosition(const model::GpsPoint& p);

}  // namespace pelo::exporter::internal
