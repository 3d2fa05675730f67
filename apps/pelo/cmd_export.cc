// pelo export workouts|samples --format csv [-o FILE]: the stored tables;
// pelo export samples --dir DIR: one samples CSV per workout, named by date and title;
// pelo export history-csv [-o FILE] [--timezone TZ]: Peloton's own workout history CSV.
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "commands.h"
#include "lookup.h"
#include "output.h"
#include "pelo/common/cancel.h"
#include "pelo/export/csv.h"
#include "pelo/export/file_names.h"
#include "terminal_text.h"

namespace pelo::cli {
namespace {

struct ExportFlags {
  std::string table;
  std::string format = "csv";
  std::string out;
  std::string dir;
  std::string db;
  std::string timezone;
};

// An IANA zone name ("Europe/London", "UTC"), not a POSIX rule ("EST5EDT,M3.2.0,...").
bool IsIanaName(const std::string& tz) {
  if (tz.empty() || tz.front() == '/' || tz.find("..") != std::string::npos) return false;
  for (char c : tz) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '_' && c != '-' &&
        c != '+') {
      return false;
    }
  }
  return tz.find('/') != std::string::npos || tz == "UTC" || tz == "GMT";
}

// The zone Peloton should write times in when --timezone is not given: $TZ when it names an
// IANA zone (":Europe/Berlin" and ".../zoneinfo/Europe/Berlin" too), else the system's zone
// (/etc/localtime -> .../zoneinfo/Area/City), else UTC.
std::string DefaultTimezone() {
  auto from_path = [](std::string path) -> std::string {
    const auto at = path.find("zoneinfo/");
    return at == std::string::npos ? "" : path.substr(at + 9);
  };
  if (const char* env = std::getenv("TZ"); env != nullptr && *env != '\0') {
    std::string tz = env;
    if (tz.front() == ':') tz.erase(0, 1);
    if (IsIanaName(tz)) return tz;
    if (std::string named = from_path(tz); IsIanaName(named)) return named;
  }
  std::error_code ec;
  const auto target = std::filesystem::read_symlink("/etc/localtime", ec);
  if (!ec) {
    if (std::string named = from_path(target.string()); IsIanaName(named)) return named;
  }
  return "UTC";
}

Status WriteText(const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") {
    std::cout << text;
    return FlushStdout();
  }
  PELO_RETURN_IF_ERROR(exporter::WriteFileAtomically(path, [&](std::ostream& out) {
    out << text;
    return out ? OkStatus() : Status(ErrorCode::kStorage, "write failed");
  }));
  std::cerr << "Wrote " << TerminalText(path) << "\n";
  return OkStatus();
}

Status RunHistoryCsv(const Context& ctx, const ExportFlags& flags) {
  if (!flags.db.empty()) {
    return Status(ErrorCode::kInvalidArgument,
                  "--db: history-csv comes from Peloton, not the database");
  }
  const std::string tz = flags.timezone.empty() ? DefaultTimezone() : flags.timezone;
  if (!IsIanaName(tz)) {
    return Status(ErrorCode::kInvalidArgument,
                  "--timezone: '" + tz + "' is not an IANA zone name (e.g. Europe/London, UTC)");
  }
  PELO_ASSIGN_OR_RETURN(Connection conn, ctx.Connect());
  PELO_ASSIGN_OR_RETURN(std::string me, MyUserId(conn));
  PELO_ASSIGN_OR_RETURN(auto csv, conn.client->WorkoutHistoryCsv(me, tz));
  return WriteText(csv.value, flags.out);
}

Status WriteTable(store::Store& store, const std::string& table, std::ostream& out) {
  if (table == "workouts") {
    PELO_ASSIGN_OR_RETURN(auto rows, store.WorkoutRows());
    exporter::WriteWorkoutsCsv(rows, out);
  } else {
    exporter::WriteSampleCsvHeader(out);
    PELO_RETURN_IF_ERROR(store.ForEachSample([&out](const model::SampleRow& row) {
      exporter::WriteSampleCsvRow(row, out);
      return static_cast<bool>(out);
    }));
  }
  if (!out) return Status(ErrorCode::kStorage, "write failed");
  return OkStatus();
}

// Writes each workout's samples to its own CSV in `dir` (created if need be), named by
// exporter::WorkoutFileName; each file appears whole or not at all, and an existing file of the
// same name is replaced. The number of files written.
StatusOr<int> WriteSampleFiles(store::Store& store, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    return Status(ErrorCode::kStorage,
                  "--dir " + dir + ": cannot create the directory" +
                      (ec ? ": " + ec.message() : std::string(": a file of that name is there")));
  }
  PELO_ASSIGN_OR_RETURN(std::vector<model::WorkoutRow> rows, store.WorkoutRows());
  std::unordered_map<std::string, const model::WorkoutRow*> by_id;
  for (const model::WorkoutRow& row : rows) by_id[row.workout_id] = &row;
  std::unordered_set<std::string> used;
  std::vector<model::SampleRow> samples;  // one workout's, in time order
  int files = 0;
  auto write_file = [&]() -> Status {
    if (samples.empty()) return OkStatus();
    model::WorkoutRow untitled;
    untitled.workout_id = samples.front().workout_id;
    const auto found = by_id.find(untitled.workout_id);
    const std::string name =
        exporter::WorkoutFileName(found != by_id.end() ? *found->second : untitled, "csv");
    // Same day, title and id prefix: "-2", "-3"... in the order the workouts come (newest first).
    std::string unique = name;
    for (int n = 2; !used.insert(unique).second; ++n) {
      unique = name.substr(0, name.size() - 4) + "-" + std::to_string(n) + ".csv";
    }
    PELO_RETURN_IF_ERROR(
        WriteFileAtomically((std::filesystem::path(dir) / unique).string(), [&](std::ostream& out) {
          exporter::WriteSampleCsvHeader(out);
          for (const model::SampleRow& row : samples) exporter::WriteSampleCsvRow(row, out);
          return out ? OkStatus() : Status(ErrorCode::kStorage, "write failed");
        }));
    ++files;
    samples.clear();
    return OkStatus();
  };
  Status failed;
  PELO_RETURN_IF_ERROR(store.ForEachSample([&](const model::SampleRow& row) {
    if (!samples.empty() && row.workout_id != samples.front().workout_id) {
      if (CancelRequested()) failed = Status(ErrorCode::kCancelled, "interrupted");
      if (failed.ok()) failed = write_file();
      if (!failed.ok()) return false;
    }
    samples.push_back(row);
    return true;
  }));
  PELO_RETURN_IF_ERROR(failed);
  PELO_RETURN_IF_ERROR(write_file());
  return files;
}

Status RunExport(const Context& ctx, const ExportFlags& flags) {
  if (flags.table == "history-csv") return RunHistoryCsv(ctx, flags);
  if (!flags.timezone.empty()) {
    return Status(ErrorCode::kInvalidArgument, "--timezone applies to history-csv only");
  }
  if (!flags.dir.empty() && flags.table != "samples") {
    return Status(ErrorCode::kInvalidArgument, "--dir applies to samples only");
  }
  PELO_ASSIGN_OR_RETURN(auto store, ctx.OpenStore(flags.db));
  if (!flags.dir.empty()) {
    PELO_ASSIGN_OR_RETURN(int files, WriteSampleFiles(*store, flags.dir));
    std::cerr << "Wrote " << files << " file" << (files == 1 ? "" : "s") << " to "
              << TerminalText(flags.dir) << "\n";
    return OkStatus();
  }
  if (flags.out.empty() || flags.out == "-") {
    Status written = WriteTable(*store, flags.table, std::cout);
    if (!std::cout) return FlushStdout();  // the error names standard output
    PELO_RETURN_IF_ERROR(written);
    return FlushStdout();
  }
  PELO_RETURN_IF_ERROR(exporter::WriteFileAtomically(
      flags.out, [&](std::ostream& out) { return WriteTable(*store, flags.table, out); }));
  std::cerr << "Wrote " << TerminalText(flags.out) << "\n";
  return OkStatus();
}

}  // namespace

void AddExportCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write a stored table as a file, or download Peloton's own history CSV");
  cmd->add_option("table", flags->table,
                  "workouts (one row per workout), samples (per second), or history-csv "
                  "(Peloton's workout history CSV, fetched now)")
      ->required()
      ->check(CLI::IsMember({"workouts", "samples", "history-csv"}));
  cmd->add_option("--format", flags->format, "Output format (csv)")->check(CLI::IsMember({"csv"}));
  CLI::Option* out =
      cmd->add_option("-o,--output", flags->out, "Output file (default: standard output)");
  cmd->add_option("--dir", flags->dir,
                  "samples: one CSV per workout in this directory, named "
                  "DATE_TITLE_ID.csv (UTC date, title made safe for a file name)")
      ->excludes(out);
  cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)");
  cmd->add_option("--timezone", flags->timezone,
                  "history-csv: IANA zone for the times (default $TZ, else the system zone, "
                  "else UTC)");
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunExport(ctx, *flags); }; });
}

}  // namespace pelo::cli
