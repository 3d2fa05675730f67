// Rendering for the lookup commands, in one place: aligned tables for people, JSON for programs.
//
// Tables are plain text (no colours), on a terminal or not; every cell and field goes through
// TerminalText (terminal_text.h) and is measured in terminal columns, so text from the API can
// neither steer the terminal nor break the alignment. `--json` prints the API's own body: pretty
// on a terminal, compact otherwise; `--all` listings print one JSON array, item by item.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "terminal_text.h"

namespace pelo::cli {

bool StdoutIsTerminal();

struct Column {
  std::string header;
  size_t max_width = 40;  // in columns; longer cells are cut between characters, ending in "…"
  bool right = false;     // right-aligned (numbers)
};

// A column-aligned table; widths fit the content, up to each column's max_width.
class Table {
 public:
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  void Add(std::vector<std::string> cells);
  bool empty() const { return rows_.empty(); }
  void Print(std::ostream& out) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// A table for long lazy listings (--all): the header at once, then each row as it comes, at
// the columns' max widths, so nothing has to be held.
class TableStream {
 public:
  TableStream(std::vector<Column> columns, std::ostream& out);
  void Add(const std::vector<std::string>& cells);
  int64_t rows() const { return rows_; }

 private:
  std::vector<Column> columns_;
  std::vector<size_t> widths_;
  std::ostream& out_;
  int64_t rows_ = 0;
};

// "key   value" lines with the keys aligned; empty values are left out; a value is one line
// (TerminalText shows its newlines as "\n").
using Fields = std::vector<std::pair<std::string, std::string>>;
void PrintFields(const Fields& fields, std::ostream& out);

// A response body as received: pretty on a terminal, compact otherwise; "{}" for an empty body
// (a request answered with nothing), the text as is when it is not JSON.
void PrintJsonBody(std::string_view body, std::ostream& out);

// One JSON array written item by item (--json --all), pretty on a terminal.
class JsonArrayStream {
 public:
  explicit JsonArrayStream(std::ostream& out);
  void Add(const nlohmann::json& item);
  // An item's own `json` member (the object as the API sent it).
  void AddRaw(std::string_view json_text);
  // Closes the array (also after an error, so what was printed stays valid JSON).
  void Finish();

 private:
  void AddDumped(const std::string& text);

  std::ostream& out_;
  bool pretty_;
  bool first_ = true;
  bool finished_ = false;
};

// Cells: "" when the value is unknown.
std::string WhenCell(std::optional<int64_t> epoch_s);  // "2026-10-03 18:30" (UTC)
std::string DateCell(std::optional<int64_t> epoch_s);  // "2026-10-03" (UTC)
std::string IntCell(std::optional<int64_t> v);
std::string NumberCell(std::optional<double> v, int decimals = 0);
std::string MinutesCell(std::optional<int64_t> seconds);  // "45"
std::string ClockCell(int64_t seconds);                   // "12:05" (m:ss)
std::string YesNo(bool v);

}  // namespace pelo::cli
