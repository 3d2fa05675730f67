#include "mutation.h"

#include <unistd.h>
#include <unistr.h>

#include <cctype>
#include <iostream>

#include "pelo/http/redact.h"
#include "pelo/peloton/api/catalogue.h"
#include "pelo/peloton/api/client.h"
#include "render.h"

namespace pelo::cli {
namespace {

// `query` after leading whitespace and # comments.
std::string_view SkipIgnored(std::string_view query) {
  while (!query.empty()) {
    if (std::isspace(static_cast<unsigned char>(query.front())) || query.front() == ',') {
      query.remove_prefix(1);
    } else if (query.front() == '#') {
      const size_t eol = query.find('\n');
      query.remove_prefix(eol == std::string_view::npos ? query.size() : eol);
    } else {
      break;
    }
  }
  return query;
}

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The first word of GraphQL text ("query", "mutation", ...; "" for "{ ... }").
std::string_view Keyword(std::string_view query) {
  query = SkipIgnored(query);
  size_t n = 0;
  while (n < query.size() && IsNameChar(query[n])) ++n;
  return query.substr(0, n);
}

}  // namespace

void AddMutationFlags(CLI::App* cmd, MutationFlags& flags) {
  cmd->add_flag("--yes", flags.yes, "Send it without asking");
  cmd->add_flag("--dry-run", flags.dry_run, "Print the request (secrets redacted), send nothing");
  cmd->add_flag("--json", flags.json, "Print the API's answer as JSON");
}

std::string PlannedRequest::Describe(const auth::Endpoints& endpoints) const {
  if (graphql) {
    const std::string op = nlohmann::json::parse(body, nullptr, false).value("operationName", "");
    std::string target = http::PathAndQuery(endpoints.graphql_url);
    return method + " " + (target.empty() ? "/" : target) + (op.empty() ? "" : " (" + op + ")");
  }
  return method + " " + (query.empty() ? path : path + "?" + http::BuildQuery(query));
}

StatusOr<PlannedRequest> PlanFromCatalogue(
    std::string_view name, const std::vector<std::pair<std::string, std::string>>& values,
    std::string body, http::QueryParams query) {
  const api::Endpoint* row = api::FindEndpoint(name);
  if (row == nullptr) {
    return Status(ErrorCode::kUnknown, "no catalogue row '" + std::string(name) + "'");
  }
  std::string path(row->path);
  for (const auto& [key, value] : values) {
    const std::string placeholder = "{" + key + "}";
    const size_t at = path.find(placeholder);
    if (at == std::string::npos) {
      return Status(ErrorCode::kUnknown, std::string(name) + " has no " + placeholder);
    }
    path.replace(at, placeholder.size(), http::UrlEncode(value));
  }
  if (path.find('{') != std::string::npos) {
    return Status(ErrorCode::kUnknown, std::string(name) + ": unfilled placeholder in " + path);
  }
  return PlannedRequest{std::string(row->method), path, std::move(query), std::move(body), false};
}

std::string GraphqlOperationName(std::string_view query) {
  query = SkipIgnored(query);
  const std::string_view keyword = Keyword(query);
  if (keyword != "query" && keyword != "mutation" && keyword != "subscription") return "";
  query = SkipIgnored(query.substr(keyword.size()));
  size_t n = 0;
  while (n < query.size() && IsNameChar(query[n])) ++n;
  return std::string(query.substr(0, n));
}

bool IsGraphqlMutation(std::string_view query) { return Keyword(query) == "mutation"; }

StatusOr<PlannedRequest> PlanGraphql(std::string_view query, const nlohmann::json& variables,
                                     std::string operation) {
  if (operation.empty()) operation = GraphqlOperationName(query);
  for (const auto& [what, text] :
       {std::pair<const char*, std::string_view>{"--query", query}, {"--operation", operation}}) {
    if (u8_check(reinterpret_cast<const uint8_t*>(text.data()), text.size()) != nullptr) {
      return Status(ErrorCode::kInvalidArgument, std::string(what) + " is not valid UTF-8 text");
    }
  }
  nlohmann::json body = {{"operationName", operation},
                         {"query", query},
                         {"variables", variables.is_null() ? nlohmann::json::object() : variables}};
  return PlannedRequest{"POST", "", {}, body.dump(), true};
}

StatusOr<PlannedRequest> PlanGraphqlOperation(std::string_view name,
                                              const nlohmann::json& variables) {
  const api::Endpoint* row = api::FindEndpoint(name);
  const std::string_view query = api::GraphqlQuery(name);
  if (row == nullptr || row->operation.empty() || query.empty()) {
    return Status(ErrorCode::kUnknown, "no GraphQL operation '" + std::string(name) + "'");
  }
  return PlanGraphql(query, variables, std::string(row->operation));
}

void PrintDryRun(const auth::Endpoints& endpoints, const PlannedRequest& request,
                 std::ostream& out) {
  std::string target;
  std::string host = endpoints.api_url;
  if (request.graphql) {
    host = http::Origin(endpoints.graphql_url);
    target = http::PathAndQuery(endpoints.graphql_url);
  } else {
    target =
        request.query.empty() ? request.path : request.path + "?" + http::BuildQuery(request.query);
  }
  out << request.method << " " << target << "\nHost: " << host
      << "\nPeloton-Platform: web\nAuthorization: Bearer <redacted>\n";
  if (!request.body.empty()) {
    out << "Content-Type: application/json\n\n" << http::RedactBody(request.body) << "\n";
  }
}

Status RefuseWithoutTerminal(const std::string& what) {
  if (isatty(STDIN_FILENO)) return OkStatus();
  return Status(ErrorCode::kInvalidArgument,
                what + " may change your account: pass --yes to send it (or --dry-run)");
}

Status Confirm(const std::string& what) {
  PELO_RETURN_IF_ERROR(RefuseWithoutTerminal(what));
  std::cerr << TerminalText(what) << " may change your account. Send it? [y/N] " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  if (answer != "y" && answer != "Y" && answer != "yes") {
    return Status(ErrorCode::kCancelled, "not sent");
  }
  return OkStatus();
}

Status RunMutation(const Context& ctx, const MutationFlags& flags, const std::string& what,
                   const std::function<StatusOr<PlannedRequest>(app::Connection&)>& plan,
                   const std::function<StatusOr<Outcome>(app::Connection&)>& send) {
  if (!flags.yes && !flags.dry_run) PELO_RETURN_IF_ERROR(RefuseWithoutTerminal(what));
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  const auth::Endpoints& endpoints = conn.endpoints;
  PELO_ASSIGN_OR_RETURN(PlannedRequest request, plan(conn));
  if (flags.dry_run) {
    PrintDryRun(endpoints, request, std::cout);
    return OkStatus();
  }
  if (!flags.yes) PELO_RETURN_IF_ERROR(Confirm(what + " (" + request.Describe(endpoints) + ")"));
  PELO_ASSIGN_OR_RETURN(Outcome outcome, send(conn));
  if (flags.json) {
    PrintJsonBody(outcome.raw, std::cout);
  } else {
    std::cout << TerminalText(outcome.message) << "\n";
  }
  return OkStatus();
}

}  // namespace pelo::cli
