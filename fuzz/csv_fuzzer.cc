// The CSV export (export/csv.h): any text in a cell reads back unchanged with an RFC 4180
// reader, and any double formats to a number that reads back to it.
#include <charconv>
#include <cmath>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "pelo/export/csv.h"

namespace {

using Records = std::vector<std::vector<std::string>>;

// RFC 4180 as pandas reads it: "\n" ends a record, quoted cells may hold anything and double
// their quotes. Enough to check the writer, nothing more (no CRLF records, no lenient modes).
Records ReadCsv(std::string_view text) {
  Records records;
  std::vector<std::string> record;
  std::string cell;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      for (++i; i < text.size(); ++i) {
        if (text[i] != '"') {
          cell += text[i];
        } else if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          break;
        }
      }
      ++i;  // the closing quote
    }
    while (i < text.size() && text[i] != ',' && text[i] != '\n') cell += text[i++];
    record.push_back(std::move(cell));
    cell.clear();
    if (i < text.size() && text[i] == '\n') {
      records.push_back(std::move(record));
      record.clear();
    }
    ++i;
  }
  return records;
}

// The double in the first 8 bytes of `bytes`, if there are that many.
std::optional<double> LeadingDouble(std::string_view bytes) {
  if (bytes.size() < sizeof(double)) return std::nullopt;
  double value = 0;
  std::memcpy(&value, bytes.data(), sizeof value);
  return value;
}

void CheckNumber(const std::optional<double>& value) {
  const std::string text = pelo::exporter::FormatNumber(value);
  if (!value || !std::isfinite(*value)) {
    PELO_FUZZ_CHECK(text.empty());
    return;
  }
  PELO_FUZZ_CHECK(text != "-0");
  double parsed = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  PELO_FUZZ_CHECK(error == std::errc() && end == text.data() + text.size());
  // 15 significant digits: within a few parts in 1e15 of the value.
  PELO_FUZZ_CHECK(std::fabs(parsed - *value) <= 1e-14 * std::fabs(*value));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace exporter = pelo::exporter;
  const std::string_view text = pelo::fuzz::AsText(data, size);

  const Records one = ReadCsv(exporter::CsvEscape(text) + "\n");
  PELO_FUZZ_CHECK(one.size() == 1 && one[0].size() == 1 && one[0][0] == text);

  // A workouts table whose text columns are the input's NUL-separated parts.
  std::vector<std::string> parts(4);
  size_t start = 0;
  for (size_t k = 0; k < parts.size() && start <= text.size(); ++k) {
    const size_t nul = std::min(text.find('\0', start), text.size());
    parts[k] = std::string(text.substr(start, nul - start));
    start = nul + 1;
  }
  pelo::model::WorkoutRow row;
  row.workout_id = parts[0];
  row.discipline = parts[1];
  row.title = parts[2];
  row.instructor = parts[3];
  row.total_output = LeadingDouble(text);
  std::ostringstream out;
  exporter::WriteWorkoutsCsv({row}, out);
  const Records table = ReadCsv(out.str());
  PELO_FUZZ_CHECK(table.size() == 2);
  PELO_FUZZ_CHECK(table[0] == exporter::WorkoutColumns());
  PELO_FUZZ_CHECK(table[1].size() == exporter::WorkoutColumns().size());
  PELO_FUZZ_CHECK(table[1][0] == row.workout_id && table[1][12] == row.discipline &&
                  table[1][13] == row.title && table[1][14] == row.instructor);
  PELO_FUZZ_CHECK(table[1][4] == exporter::FormatNumber(row.total_output));
  CheckNumber(row.total_output);
  return 0;
}
