// pelo export workouts|samples --format csv [-o FILE]: the stored tables;
// pelo export samples --dir DIR: one samples CSV per workout, named by date and title;
// pelo export history-csv [-o FILE] [--timezone TZ]: Peloton's own workout history CSV;
// pelo export fit|tcx|gpx [--workout ID]... [--since DAY] [--until DAY] [--last N]
//   [--discipline D] (--dir DIR | -o FILE) [--laps segments|targets|distance|none]
//   [--lap-distance 1km] [--stack [--stack-gap MIN]] [--json]: workout files.
#include <unistd.h>

#include <iostream>

#include "commands.h"
#include "flags.h"
#include "lookup.h"
#include "output.h"
#include "pelo/app/activity_export.h"
#include "pelo/app/json.h"
#include "pelo/app/time_zones.h"
#include "pelo/app/workout_files.h"
#include "pelo/config/fit_devices.h"
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
  // fit, tcx, gpx
  std::vector<std::string> workouts;
  std::string since;
  std::string until;
  int last = 0;
  std::string discipline;
  std::string laps = "segments";
  std::string lap_distance;
  bool stack = false;
  int stack_gap_min = 5;
  bool json = false;
};

bool IsWorkoutFileFormat(const std::string& table) {
  return app::ParseActivityFormat(table).has_value();
}

// "3 FIT files" / "1 GPX file".
std::string FileCount(size_t n, std::string_view extension) {
  std::string upper(extension);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return std::to_string(n) + " " + upper + " file" + (n == 1 ? "" : "s");
}

Status RunWorkoutFiles(const Context& ctx, const ExportFlags& flags) {
  const app::ActivityFormat format = *app::ParseActivityFormat(flags.table);
  if (flags.dir.empty() && flags.out.empty()) {
    return Status(ErrorCode::kInvalidArgument,
                  flags.table + ": give --dir DIR (a file per workout) or -o FILE (one workout)");
  }
  if (flags.out == "-") {
    return Status(ErrorCode::kInvalidArgument,
                  "-o: " + flags.table + " files are written to a file, not standard output");
  }
  if (!flags.timezone.empty()) {
    return Status(ErrorCode::kInvalidArgument, "--timezone applies to history-csv only");
  }
  app::ActivityExportRequest request;
  request.format = format;
  for (const std::string& id : flags.workouts)
    PELO_RETURN_IF_ERROR(CheckPelotonId("--workout", id));
  request.selection.workout_ids = flags.workouts;
  PELO_ASSIGN_OR_RETURN(request.selection.range, ParseDayRange(flags.since, flags.until));
  request.selection.last = static_cast<size_t>(flags.last);
  request.selection.discipline = flags.discipline;
  request.dir = flags.dir;
  request.file = flags.out;
  request.activity.laps = *app::ParseLapSource(flags.laps);
  if (!flags.lap_distance.empty()) {
    request.activity.lap_distance_m = app::ParseLapDistanceM(flags.lap_distance);
    if (!request.activity.lap_distance_m) {
      return Status(ErrorCode::kInvalidArgument,
                    "--lap-distance: expected a distance such as 1km, 1mi or 500m, got '" +
                        flags.lap_distance + "'");
    }
  }
  request.stack = flags.stack;
  request.stack_gap_s = int64_t{flags.stack_gap_min} * 60;
  PELO_ASSIGN_OR_RETURN(config::Settings settings, ctx.workspace().LoadSettings());
  request.activity.devices = config::FitDevicesByDiscipline(settings.fit_devices);
  PELO_ASSIGN_OR_RETURN(auto store, ctx.workspace().OpenExistingStore(flags.db));
  PELO_ASSIGN_OR_RETURN(app::ActivityExportResult result, app::ExportActivities(*store, request));
  const std::string_view extension = app::ActivityFormatExtension(format);
  if (flags.json) {
    std::cout << app::ActivityExportJson(result, format, isatty(STDOUT_FILENO)) << "\n";
    return FlushStdout();
  }
  for (const app::SkippedWorkout& s : result.skipped) {
    std::cerr << "Skipped " << s.workout_ids.front() << " " << TerminalText(s.title) << ": "
              << TerminalText(s.reason) << "\n";
  }
  std::cerr << "Wrote " << FileCount(result.written.size(), extension);
  if (!flags.dir.empty()) std::cerr << " to " << TerminalText(flags.dir);
  if (!flags.out.empty() && !result.written.empty()) std::cerr << ": " << TerminalText(flags.out);
  std::cerr << "; skipped " << result.skipped.size() << "\n";
  return OkStatus();
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
  if (IsWorkoutFileFormat(flags.table)) return RunWorkoutFiles(ctx, flags);
  const bool file_flags = !flags.workouts.empty() || !flags.since.empty() || !flags.until.empty() ||
                          flags.last > 0 || !flags.discipline.empty() || flags.stack ||
                          flags.json || !flags.lap_distance.empty() || flags.laps != "segments";
  if (file_flags) {
    return Status(ErrorCode::kInvalidArgument,
                  "--workout, --since, --until, --last, --discipline, --laps, --lap-distance, "
                  "--stack and --json apply to fit, tcx and gpx only");
  }
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
      "export",
      "Write stored workouts as FIT, TCX or GPX files, a stored table as CSV, or download "
      "Peloton's own history CSV");
  OneOf(cmd->add_option("what", flags->table,
                        "fit, tcx or gpx (a workout file per workout: Garmin Connect, Strava, "
                        "intervals.icu...), workouts (one CSV row per workout), samples (per "
                        "second), or history-csv (Peloton's workout history CSV, fetched now)")
            ->required(),
        {"fit", "tcx", "gpx", "workouts", "samples", "history-csv"});
  OneOf(cmd->add_option("--format", flags->format, "Output format (csv)"), {"csv"});
  CLI::Option* out = FileValue(cmd->add_option(
      "-o,--output", flags->out,
      "Output file (tables: default standard output; fit/tcx/gpx: exactly one workout)"));
  DirectoryValue(cmd->add_option("--dir", flags->dir,
                                 "samples, fit, tcx, gpx: one file per workout in this directory, "
                                 "named DATE_TITLE_ID.EXT (UTC date, title made safe for a file "
                                 "name)"))
      ->excludes(out);
  cmd->add_option("--workout", flags->workouts, "fit/tcx/gpx: this workout (repeatable)");
  cmd->add_option("--since", flags->since,
                  "fit/tcx/gpx: workouts on or after this day (YYYY-MM-DD, the workout's local "
                  "day)");
  cmd->add_option("--until", flags->until,
                  "fit/tcx/gpx: workouts on or before this day (YYYY-MM-DD)");
  cmd->add_option("--last", flags->last, "fit/tcx/gpx: only the N newest")->check(AtLeast(1));
  Suggest(cmd->add_option("--discipline", flags->discipline,
                          "fit/tcx/gpx: only this fitness discipline (cycling, running, walking, "
                          "rowing, strength, yoga...)"),
          Disciplines());
  OneOf(cmd->add_option("--laps", flags->laps,
                        "fit/tcx: laps from the class segments (default), its target-metrics "
                        "blocks, every --lap-distance, or none"),
        {"segments", "targets", "distance", "none"});
  cmd->add_option("--lap-distance", flags->lap_distance,
                  "With --laps distance: the lap length, e.g. 1km (default; 500m for rowing), "
                  "1mi, 400m");
  auto* stack = cmd->add_flag("--stack", flags->stack,
                              "fit/tcx/gpx: back-to-back workouts of the same discipline as one "
                              "activity with a lap per class");
  cmd->add_option("--stack-gap", flags->stack_gap_min,
                  "With --stack: the longest break between two workouts of a stack, minutes "
                  "(default 5)")
      ->check(AtLeast(0))
      ->needs(stack);
  cmd->add_flag("--json", flags->json,
                "fit/tcx/gpx: one JSON object of what was written and skipped, on standard "
                "output");
  DatabaseFlag(
      cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)"));
  cmd->add_option("--timezone", flags->timezone,
                  "history-csv: IANA zone for the times (default $TZ, else the system zone, "
                  "else UTC)");
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunExport(ctx, *flags); }; });
}

}  // namespace pelo::cli
