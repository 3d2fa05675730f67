#include "render.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "pelo/common/time.h"
#include "terminal_text.h"

namespace pelo::cli {
namespace {

constexpr std::string_view kEllipsis = "…";

// `cell` (made safe by TerminalText) in at most `width` columns, ending in "…" when cut.
std::string Fit(const std::string& cell, size_t width) {
  if (DisplayWidth(cell) <= width) return cell;
  if (width == 0) return "";
  return std::string(PrefixOfWidth(cell, width - DisplayWidth(kEllipsis))) + std::string(kEllipsis);
}

std::string Pad(const std::string& s, size_t width, bool right) {
  const size_t w = DisplayWidth(s);
  if (w >= width) return s;
  return right ? std::string(width - w, ' ') + s : s + std::string(width - w, ' ');
}

void PrintRow(const std::vector<Column>& columns, const std::vector<size_t>& widths,
              const std::vector<std::string>& cells, std::ostream& out) {
  std::string line;
  for (size_t c = 0; c < columns.size(); ++c) {
    const std::string cell = Fit(c < cells.size() ? cells[c] : "", widths[c]);
    const bool last = c + 1 == columns.size();
    if (c > 0) line += "  ";
    line += last && !columns[c].right ? cell : Pad(cell, widths[c], columns[c].right);
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << "\n";
}

std::vector<std::string> Headers(const std::vector<Column>& columns) {
  std::vector<std::string> h;
  for (const Column& c : columns) h.push_back(c.header);
  return h;
}

// Every cell is made safe before it is measured, so widths are those of what is printed.
std::vector<std::string> SafeCells(const std::vector<std::string>& cells) {
  std::vector<std::string> safe;
  safe.reserve(cells.size());
  for (const std::string& cell : cells) safe.push_back(TerminalText(cell));
  return safe;
}

}  // namespace

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) != 0; }

void Table::Add(std::vector<std::string> cells) { rows_.push_back(SafeCells(cells)); }

void Table::Print(std::ostream& out) const {
  std::vector<size_t> widths;
  for (size_t c = 0; c < columns_.size(); ++c) {
    size_t w = DisplayWidth(columns_[c].header);
    for (const auto& row : rows_) {
      if (c < row.size()) w = std::max(w, DisplayWidth(row[c]));
    }
    widths.push_back(
        std::min(w, std::max(columns_[c].max_width, DisplayWidth(columns_[c].header))));
  }
  PrintRow(columns_, widths, Headers(columns_), out);
  for (const auto& row : rows_) PrintRow(columns_, widths, row, out);
}

TableStream::TableStream(std::vector<Column> columns, std::ostream& out)
    : columns_(std::move(columns)), out_(out) {
  for (const Column& c : columns_) widths_.push_back(std::max(c.max_width, DisplayWidth(c.header)));
  PrintRow(columns_, widths_, Headers(columns_), out_);
}

void TableStream::Add(const std::vector<std::string>& cells) {
  PrintRow(columns_, widths_, SafeCells(cells), out_);
  ++rows_;
}

void PrintFields(const Fields& fields, std::ostream& out) {
  size_t width = 0;
  for (const auto& [key, value] : fields) {
    if (!value.empty()) width = std::max(width, DisplayWidth(TerminalText(key)));
  }
  for (const auto& [key, value] : fields) {
    if (value.empty()) continue;
    out << Pad(TerminalText(key), width, false) << "  " << TerminalText(value) << "\n";
  }
}

void PrintJsonBody(std::string_view body, std::ostream& out) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    out << "{}\n";
    return;
  }
  // Ordered: the keys stay in the order the API sent them.
  auto json = nlohmann::ordered_json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    out << body;
    if (body.back() != '\n') out << "\n";
    return;
  }
  out << (StdoutIsTerminal() ? json.dump(2) : json.dump()) << "\n";
}

JsonArrayStream::JsonArrayStream(std::ostream& out) : out_(out), pretty_(StdoutIsTerminal()) {
  out_ << "[";
}

void JsonArrayStream::Add(const nlohmann::json& item) {
  AddDumped(pretty_ ? item.dump(2) : item.dump());
}

void JsonArrayStream::AddRaw(std::string_view json_text) {
  auto item = nlohmann::ordered_json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (item.is_discarded()) item = nullptr;
  AddDumped(pretty_ ? item.dump(2) : item.dump());
}

void JsonArrayStream::AddDumped(const std::string& text) {
  if (!first_) out_ << ",";
  first_ = false;
  if (!pretty_) {
    out_ << text;
    return;
  }
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) out_ << "\n  " << line;
}

void JsonArrayStream::Finish() {
  if (finished_) return;
  finished_ = true;
  out_ << (pretty_ && !first_ ? "\n]\n" : "]\n");
}

std::string WhenCell(std::optional<int64_t> epoch_s) {
  return epoch_s ? FormatUtcDateTime(*epoch_s).substr(0, 16) : "";
}

std::string DateCell(std::optional<int64_t> epoch_s) {
  return epoch_s ? FormatUtcDate(*epoch_s) : "";
}

std::string IntCell(std::optional<int64_t> v) { return v ? std::to_string(*v) : ""; }

std::string NumberCell(std::optional<double> v, int decimals) {
  if (!v || std::isnan(*v)) return "";
  return fmt::format("{:.{}f}", *v, decimals);
}

std::string MinutesCell(std::optional<int64_t> seconds) {
  if (!seconds) return "";
  return std::to_string((*seconds + 30) / 60);
}

std::string ClockCell(int64_t seconds) {
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

std::string YesNo(bool v) { return v ? "yes" : "no"; }

}  // namespace pelo::cli
