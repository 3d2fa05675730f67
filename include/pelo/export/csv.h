// Tidy CSV (RFC 4180, UTF-8, header row, empty cell = missing) that pandas and R read as is.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "pelo/common/atomic_file.h"
#include "pelo/common/status.h"
#include "pelo/model/tables.h"

namespace pelo::exporter {

// The header of the workouts table, in order.
const std::vector<std::string>& WorkoutColumns();
const std::vector<std::string>& SampleColumns();

void WriteWorkoutsCsv(const std::vector<model::WorkoutRow>& rows, std::ostream& out);
void WriteSampleCsvHeader(std::ostream& out);
void WriteSampleCsvRow(const model::SampleRow& row, std::ostream& out);

// Writes `cells` as one CSV record (escaped, comma-separated, ending in LF).
void WriteCsvRecord(const std::vector<std::string>& cells, std::ostream& out);

// Quotes `field` per RFC 4180 when it holds a comma, quote, CR or LF.
std::string CsvEscape(std::string_view field);
// Shortest decimal text for `v` to 15 significant digits ("142", "18.6", and 26.554176 for the
// double nearest 16.5 * 1.609344); "" for nullopt or NaN.
std::string FormatNumber(const std::optional<double>& v);

// The atomic writer exports use (it lives in common, which the settings file shares).
using ::pelo::WriteFileAtomically;

}  // namespace pelo::exporter
