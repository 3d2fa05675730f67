// pelo export workouts|samples --format csv [-o FILE].
#include <iostream>

#include "commands.h"
#include "pelo/export/csv.h"

namespace pelo::cli {
namespace {

struct ExportFlags {
  std::string table;
  std::string format = "csv";
  std::string out;
  std::string db;
};

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
  PELO_ASSIGN_OR_RETURN(auto store, ctx.OpenStore(flags.db));
  if (flags.out.empty() || flags.out == "-") {
    PELO_RETURN_IF_ERROR(WriteTable(*store, flags.table, std::cout));
    std::cout.flush();
    return OkStatus();
  }
  PELO_RETURN_IF_ERROR(exporter::WriteFileAtomically(
      flags.out, [&](std::ostream& out) { return WriteTable(*store, flags.table, out); }));
  std::cerr << "Wrote " << flags.out << "\n";
  return OkStatus();
}

}  // namespace

void AddExportCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* cmd = app.add_subcommand("export", "Write a stored table as a file");
  cmd->add_option("table", flags->table, "workouts (one row per workout) or samples (per second)")
      ->required()
      ->check(CLI::IsMember({"workouts", "samples"}));
  cmd->add_option("--format", flags->format, "Output format (csv)")->check(CLI::IsMember({"csv"}));
  cmd->add_option("-o,--output", flags->out, "Output file (default: standard output)");
  cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)");
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunExport(ctx, *flags); }; });
}

}  // namespace pelo::cli
