// pelo export workouts|samples --format csv [-o FILE]: the stored tables;
// pelo export samples --dir DIR: one samples CSV per workout, named by date and title;
// pelo export history-csv [-o FILE] [--timezone TZ]: Peloton's own workout history CSV.
#include <iostream>

#include "commands.h"
#include "lookup.h"
#include "output.h"
#include "pelo/app/time_zones.h"
#include "pelo/app/workout_files.h"
#include "pelo/export/csv.h"
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
  const std::string tz = flags.timezone.empty() ? app::DefaultTimezone() : flags.timezone;
  if (!app::IsIanaName(tz)) {
    return Status(ErrorCode::kInvalidArgument,
                  "--timezone: '" + tz + "' is not an IANA zone name (e.g. Europe/London, UTC)");
  }
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
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

Status RunExport(const Context& ctx, const ExportFlags& flags) {
  if (flags.table == "history-csv") return RunHistoryCsv(ctx, flags);
  if (!flags.timezone.empty()) {
    return Status(ErrorCode::kInvalidArgument, "--timezone applies to history-csv only");
  }
  if (!flags.dir.empty() && flags.table != "samples") {
    return Status(ErrorCode::kInvalidArgument, "--dir applies to samples only");
  }
  PELO_ASSIGN_OR_RETURN(auto store, ctx.workspace().OpenExistingStore(flags.db));
  if (!flags.dir.empty()) {
    if (Status made = app::MakeOutputDirectory(flags.dir); !made.ok()) {
      return Status(made.code(), "--dir " + made.message());
    }
    app::SamplesCsvWriter csv;
    PELO_ASSIGN_OR_RETURN(int files, app::WriteWorkoutFiles(*store, flags.dir, csv));
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
