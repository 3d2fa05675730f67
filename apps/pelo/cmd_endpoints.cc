// pelo endpoints: the Peloton API catalogue pelo knows (the same table the client uses).
#include <unistd.h>

#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "pelo/peloton/api/catalogue.h"

namespace pelo::cli {
namespace {

struct EndpointsFlags {
  bool json = false;
  bool all = false;
};

// The Postman collection's requests (§9), and with `all` the §5-only ones too.
std::vector<api::Endpoint> Rows(bool all) {
  std::vector<api::Endpoint> rows;
  for (const api::Endpoint& e : api::Catalogue()) {
    if (all || e.postman) rows.push_back(e);
  }
  return rows;
}

// The documented keys; with --all each row also says whether the Postman collection has it.
std::string EndpointsJson(const std::vector<api::Endpoint>& endpoints, bool all, bool pretty) {
  nlohmann::json rows = nlohmann::json::array();
  for (const api::Endpoint& e : endpoints) {
    nlohmann::json row = {{"group", e.group},
                          {"name", e.name},
                          {"method", e.method},
                          {"path", e.path},
                          {"auth", e.auth},
                          {"mutating", e.mutating},
                          {"platform_header", e.platform_header}};
    if (!e.operation.empty()) row["operation"] = e.operation;
    if (all) row["postman"] = e.postman;
    rows.push_back(std::move(row));
  }
  return pretty ? rows.dump(2) : rows.dump();
}

void PrintTable(const std::vector<api::Endpoint>& endpoints, std::ostream& out) {
  out << fmt::format("{:<14}  {:<6}  {:<72}  {}\n", "group", "method", "path or operation",
                     "notes");
  for (const api::Endpoint& e : endpoints) {
    std::string notes;
    if (!e.auth) notes += "no login; ";
    if (e.mutating) notes += "changes your account; ";
    if (e.platform_header) notes += "Peloton-Platform: web; ";
    if (!e.postman) notes += "not in Postman; ";
    if (!notes.empty()) notes.resize(notes.size() - 2);
    const std::string_view target = e.operation.empty() ? e.path : e.operation;
    out << fmt::format("{:<14}  {:<6}  {:<72}  {}\n", e.group, e.method, target, notes);
  }
}

Status RunEndpoints(const EndpointsFlags& flags) {
  const std::vector<api::Endpoint> rows = Rows(flags.all);
  if (flags.json) {
    std::cout << EndpointsJson(rows, flags.all, isatty(STDOUT_FILENO)) << "\n";
  } else {
    PrintTable(rows, std::cout);
  }
  return OkStatus();
}

}  // namespace

void AddEndpointsCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<EndpointsFlags>();
  CLI::App* cmd = app.add_subcommand(
      "endpoints", "List the Peloton API requests pelo knows (the Postman collection's)");
  cmd->add_flag("--json", flags->json,
                "One JSON array of {group, name, method, path, auth, mutating, "
                "platform_header[, operation][, postman with --all]}");
  cmd->add_flag("--all", flags->all,
                "Also the requests other sources document (peloton-api.md §5) that the Postman "
                "collection lacks");
  cmd->callback([&ctx, flags] { ctx.run = [flags] { return RunEndpoints(*flags); }; });
}

}  // namespace pelo::cli
