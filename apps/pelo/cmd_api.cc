// pelo api METHOD PATH: any request to the API host, like `gh api`, for what has no subcommand.
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "pelo/http/url.h"
#include "secrets.h"

namespace pelo::cli {
namespace {

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

// The request body: inline JSON, @file or @- (stdin); it must be JSON.
StatusOr<std::string> ReadData(const std::string& data) {
  std::string body = data;
  if (data == "@-") {
    body = ReadStdinTrimmed();
  } else if (!data.empty() && data[0] == '@') {
    std::ifstream in(data.substr(1), std::ios::binary);
    if (!in) return Status(ErrorCode::kInvalidArgument, "cannot read " + data.substr(1));
    body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (!body.empty() && !nlohmann::json::accept(body)) {
    return Status(ErrorCode::kInvalidArgument, "--data is not valid JSON");
  }
  return body;
}

// Asks on the terminal before a request that may change the account.
Status Confirm(const std::string& what) {
  if (!isatty(STDIN_FILENO)) {
    return Status(ErrorCode::kInvalidArgument,
                  what + " may change your account: pass --yes to send it (or --dry-run)");
  }
  std::cerr << what << " may change your account. Send it? [y/N] " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  if (answer != "y" && answer != "Y" && answer != "yes") {
    return Status(ErrorCode::kCancelled, "not sent");
  }
  return OkStatus();
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
  if (flags.path.empty() || flags.path[0] != '/') {
    return Status(ErrorCode::kInvalidArgument, "PATH must start with '/', e.g. /api/me");
  }
  PELO_ASSIGN_OR_RETURN(http::QueryParams query, ParseQueryFlags(flags.query));
  PELO_ASSIGN_OR_RETURN(std::string body, ReadData(flags.data));
  const std::string target =
      query.empty() ? flags.path : flags.path + "?" + http::BuildQuery(query);
  const std::string what = flags.method + " " + target;
  if (flags.dry_run) {
    PELO_ASSIGN_OR_RETURN(auth::Endpoints endpoints, ctx.Endpoints());
    std::cout << what << "\nHost: " << endpoints.api_url
              << "\nPeloton-Platform: web\nAuthorization: Bearer <redacted>\n";
    if (!body.empty()) std::cout << "Content-Type: application/json\n\n" << body << "\n";
    return OkStatus();
  }
  if (flags.method != "GET" && flags.method != "HEAD" && !flags.yes) {
    PELO_RETURN_IF_ERROR(Confirm(what));
  }
  PELO_ASSIGN_OR_RETURN(Connection conn, ctx.Connect());
  PELO_ASSIGN_OR_RETURN(http::Response response,
                        conn.client->Call(flags.method, flags.path, query, body));
  PrintBody(response.body);
  return OkStatus();
}

}  // namespace

void AddApiCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ApiFlags>();
  CLI::App* cmd = app.add_subcommand(
      "api", "Send any request to the Peloton API and print the response (see `pelo endpoints`)");
  cmd->add_option("method", flags->method, "GET, POST, PUT, DELETE")
      ->required()
      ->check(CLI::IsMember({"GET", "POST", "PUT", "DELETE", "PATCH"}, CLI::ignore_case));
  cmd->add_option("path", flags->path, "Path on the API host, e.g. /api/me")->required();
  cmd->add_option("-q,--query", flags->query, "Query parameter key=value (repeatable)");
  cmd->add_option("--data", flags->data, "JSON body, @file, or @- for standard input");
  cmd->add_flag("--yes", flags->yes, "Send a request that may change the account without asking");
  cmd->add_flag("--dry-run", flags->dry_run, "Print the request (secrets redacted), send nothing");
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunApi(ctx, *flags); }; });
}

}  // namespace pelo::cli
