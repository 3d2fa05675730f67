// pelo endpoints: the Peloton API catalogue pelo knows (the same table the client uses).
#include <unistd.h>

#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "pelo/api/catalogue.h"

namespace pelo::cli {
namespace {

std::string EndpointsJson(bool pretty) {
  nlohmann::json rows = nlohmann::json::array();
  for (const api::Endpoint& e : api::Catalogue()) {
    nlohmann::json row = {{"group", e.group},
                          {"name", e.name},
                          {"method", e.method},
                          {"path", e.path},
                          {"auth", e.auth},
                          {"mutating", e.mutating},
                          {"platform_header", e.platform_header}};
    if (!e.operation.empty()) row["operation"] = e.operation;
    rows.push_back(std::move(row));
  }
  return pretty ? rows.dump(2) : rows.dump();
}

void PrintTable(std::ostream& out) {
  out << fmt::format("{:<14}  {:<6}  {:<72}  {}\n", "group", "method", "path or operation",
                     "notes");
  for (const api::Endpoint& e : api::Catalogue()) {
    std::string notes;
    if (!e.auth) notes += "no login; ";
    if (e.mutating) notes += "changes your account; ";
    if (e.platform_header) notes += "Peloton-Platform: web; ";
    if (!notes.empty()) notes.resize(notes.size() - 2);
    const std::string_view target = e.operation.empty() ? e.path : e.operation;
    out << fmt::format("{:<14}  {:<6}  {:<72}  {}\n", e.group, e.method, target, notes);
  }
}

Status RunEndpoints(bool json) {
  if (json) {
    std::cout << EndpointsJson(isatty(STDOUT_FILENO)) << "\n";
  } else {
    PrintTable(std::cout);
  }
  return OkStatus();
}

}  // namespace

void AddEndpointsCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("endpoints", "List the Peloton API requests pelo knows");
  cmd->add_flag("--json", *json,
                "One JSON array of {group, name, method, path, auth, mutating, "
                "platform_header[, operation]}");
  cmd->callback([&ctx, json] { ctx.run = [json] { return RunEndpoints(*json); }; });
}

}  // namespace pelo::cli
