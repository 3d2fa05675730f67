// pelo api METHOD PATH: any request to the API host, like `gh api`, for what has no subcommand;
// pelo api graphql: any GraphQL operation.
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "flags.h"
#include "key_values.h"
#include "mutation.h"
#include "pelo/http/url.h"
#include "pelo/peloton/api/client.h"
#include "secrets.h"

namespace pelo::cli {
namespace {

struct GraphqlFlags {
  std::string query;                // text, @file, or @- for standard input
  std::vector<std::string> fields;  // -F key=value
  std::string operation;
  bool yes = false;
  bool dry_run = false;
};

struct ApiFlags {
  std::string method;
  std::string path;
  std::vector<std::string> query;  // key=value
  std::string data;                // JSON, @file, or @- for standard input
  bool yes = false;
  bool dry_run = false;
};

StatusOr<http::QueryParams> ParseQueryFlags(const std::vector<std::string>& pairs) {
  http::QueryParams query;
  for (const std::string& pair : pairs) {
    const auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Status(ErrorCode::kInvalidArgument, "-q wants key=value, got '" + pair + "'");
    }
    query.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
  }
  return query;
}

// `value` itself, or the contents of @file, or standard input for @-.
StatusOr<std::string> ReadInlineOrFile(const std::string& value) {
  if (value == "@-") return ReadStdinTrimmed();
  if (value.empty() || value[0] != '@') return value;
  std::ifstream in(value.substr(1), std::ios::binary);
  if (!in) return Status(ErrorCode::kInvalidArgument, "cannot read " + value.substr(1));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The request body: inline JSON, @file or @- (stdin); it must be JSON.
StatusOr<std::string> ReadData(const std::string& data) {
  PELO_ASSIGN_OR_RETURN(std::string body, ReadInlineOrFile(data));
  if (!body.empty() && !nlohmann::json::accept(body)) {
    return Status(ErrorCode::kInvalidArgument, "--data is not valid JSON");
  }
  return body;
}

void PrintBody(const std::string& body) {
  if (isatty(STDOUT_FILENO)) {
    auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (!json.is_discarded()) {
      std::cout << json.dump(2) << "\n";
      return;
    }
  }
  std::cout << body;
  if (!body.empty() && body.back() != '\n' && isatty(STDOUT_FILENO)) std::cout << "\n";
}

Status RunApi(const Context& ctx, ApiFlags flags) {
  std::transform(flags.method.begin(), flags.method.end(), flags.method.begin(), ::toupper);
  if (flags.method.empty()) {
    return Status(ErrorCode::kInvalidArgument,
                  "METHOD and PATH are required (or `pelo api graphql --query ...`)");
  }
  if (flags.path.empty() || flags.path[0] != '/') {
    return Status(ErrorCode::kInvalidArgument, "PATH must start with '/', e.g. /api/me");
  }
  PELO_ASSIGN_OR_RETURN(http::QueryParams query, ParseQueryFlags(flags.query));
  PELO_ASSIGN_OR_RETURN(std::string body, ReadData(flags.data));
  PELO_ASSIGN_OR_RETURN(auth::Endpoints endpoints, ctx.workspace().Endpoints());
  const PlannedRequest request{flags.method, flags.path, query, body, false};
  if (flags.dry_run) {
    PrintDryRun(endpoints, request, std::cout);
    return OkStatus();
  }
  if (flags.method != "GET" && flags.method != "HEAD" && !flags.yes) {
    PELO_RETURN_IF_ERROR(Confirm(request.Describe(endpoints)));
  }
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  PELO_ASSIGN_OR_RETURN(http::Response response,
                        conn.client->Call(flags.method, flags.path, query, body));
  PrintBody(response.body);
  return OkStatus();
}

// --query's text, else the text pelo sends for the catalogue operation --operation names.
StatusOr<std::string> GraphqlText(const GraphqlFlags& flags) {
  if (flags.query.empty()) {
    const std::string_view known = api::GraphqlQuery(flags.operation);
    if (flags.operation.empty() || known.empty()) {
      return Status(ErrorCode::kInvalidArgument,
                    "--query is required (or --operation naming an operation pelo knows: see "
                    "`pelo endpoints`)");
    }
    return std::string(known);
  }
  PELO_ASSIGN_OR_RETURN(std::string query, ReadInlineOrFile(flags.query));
  if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status(ErrorCode::kInvalidArgument, "--query is empty");
  }
  return query;
}

Status RunGraphql(const Context& ctx, const GraphqlFlags& flags) {
  PELO_ASSIGN_OR_RETURN(std::string query, GraphqlText(flags));
  PELO_ASSIGN_OR_RETURN(nlohmann::json variables, ParseKeyValues(flags.fields, "-F"));
  PELO_ASSIGN_OR_RETURN(auth::Endpoints endpoints, ctx.workspace().Endpoints());
  PELO_ASSIGN_OR_RETURN(const PlannedRequest request,
                        PlanGraphql(query, variables, flags.operation));
  if (flags.dry_run) {
    PrintDryRun(endpoints, request, std::cout);
    return OkStatus();
  }
  if (IsGraphqlMutation(query) && !flags.yes) {
    PELO_RETURN_IF_ERROR(Confirm("GraphQL " + request.Describe(endpoints)));
  }
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  PELO_ASSIGN_OR_RETURN(
      http::Response response,
      conn.client->Graphql(query, flags.fields.empty() ? "" : variables.dump(), flags.operation));
  PrintBody(response.body);
  return OkStatus();
}

void AddGraphqlCommand(CLI::App* api, Context& ctx) {
  auto flags = std::make_shared<GraphqlFlags>();
  CLI::App* cmd = api->add_subcommand(
      "graphql", "Send a GraphQL operation (like `gh api graphql`) and print the response");
  cmd->add_option("--query", flags->query,
                  "The operation text, @file, or @- for standard input (default: pelo's own "
                  "text for the catalogue operation --operation names)");
  cmd->add_option("-F,--field", flags->fields,
                  "Variable key=value (repeatable): JSON when valid (numbers, true, null, {...}), "
                  "else a string; dotted keys nest (input.tagName=X)");
  cmd->add_option("--operation", flags->operation,
                  "operationName (default: the name in the query text)");
  cmd->add_flag("--yes", flags->yes, "Send a mutation without asking");
  cmd->add_flag("--dry-run", flags->dry_run, "Print the request (secrets redacted), send nothing");
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunGraphql(ctx, *flags); }; });
}

}  // namespace

void AddApiCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ApiFlags>();
  CLI::App* cmd = app.add_subcommand(
      "api", "Send any request to the Peloton API and print the response (see `pelo endpoints`)");
  OneOf(cmd->add_option("method", flags->method,
                        "GET, POST, PUT, DELETE (or the graphql subcommand)"),
        {"GET", "POST", "PUT", "DELETE", "PATCH"}, /*ignore_case=*/true);
  cmd->add_option("path", flags->path, "Path on the API host, e.g. /api/me");
  cmd->add_option("-q,--query", flags->query, "Query parameter key=value (repeatable)");
  cmd->add_option("--data", flags->data, "JSON body, @file, or @- for standard input");
  cmd->add_flag("--yes", flags->yes, "Send a request that may change the account without asking");
  cmd->add_flag("--dry-run", flags->dry_run, "Print the request (secrets redacted), send nothing");
  cmd->require_subcommand(0, 1);
  AddGraphqlCommand(cmd, ctx);
  OnRun(cmd, ctx, [&ctx, flags] { return RunApi(ctx, *flags); });
}

}  // namespace pelo::cli
