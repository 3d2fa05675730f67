// Requests that change the account: asking first, --yes, and --dry-run, for `pelo api` and every
// typed command (favorite, follow, tags add, settings set, workout delete...).
//
// Without --yes pelo asks on the terminal; with no terminal to ask on it refuses (exit 2) before
// sending anything. --dry-run prints the request (secrets redacted) and sends nothing that
// changes the account; it may still read (who you are, a username's id) to fill the request in.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "context.h"
#include "pelo/app/connection.h"
#include "pelo/common/status.h"
#include "pelo/http/url.h"

namespace pelo::cli {

struct MutationFlags {
  bool yes = false;
  bool dry_run = false;
  bool json = false;
};

// --yes, --dry-run and --json on a command that changes the account.
void AddMutationFlags(CLI::App* cmd, MutationFlags& flags);

// A request as it goes on the wire: for --dry-run and the question asked before sending.
struct PlannedRequest {
  std::string method;
  std::string path;  // without the query; "" for GraphQL (the GraphQL endpoint's own path)
  http::QueryParams query;
  std::string body;  // JSON text, "" for none
  bool graphql = false;

  // "POST /api/favorites/create", "POST /graphql (AddTagToUser)".
  std::string Describe(const auth::Endpoints& endpoints) const;
};

// The catalogue row `name` (pelo/peloton/api/catalogue.h) with its {placeholders} filled from
// `values` (URL-encoded), so what --dry-run shows cannot drift from the catalogue; the client
// builds the same request from the same row. kUnknown when the row or a value is missing (a pelo
// bug).
StatusOr<PlannedRequest> PlanFromCatalogue(
    std::string_view name, const std::vector<std::pair<std::string, std::string>>& values,
    std::string body = "", http::QueryParams query = {});

// POST {"operationName","query","variables"} to the GraphQL endpoint, as Client::Graphql sends
// it; `operation` "" is taken from the query text. kInvalidArgument when the query or the
// operation name is not UTF-8 text.
StatusOr<PlannedRequest> PlanGraphql(std::string_view query, const nlohmann::json& variables,
                                     std::string operation);

// The catalogue's GraphQL operation `name` with the query text the client sends for it
// (api::GraphqlQuery). kUnknown when pelo does not know the operation (a pelo bug).
StatusOr<PlannedRequest> PlanGraphqlOperation(std::string_view name,
                                              const nlohmann::json& variables);

// The operation name of GraphQL text ("mutation AddTagToUser(...)" -> "AddTagToUser"), or "".
std::string GraphqlOperationName(std::string_view query);
// Whether GraphQL text is a mutation (its first operation starts with `mutation`).
bool IsGraphqlMutation(std::string_view query);

// The request, headers (the token redacted) and body, as --dry-run prints it.
void PrintDryRun(const auth::Endpoints& endpoints, const PlannedRequest& request,
                 std::ostream& out);

// Refuses (kInvalidArgument, "pass --yes") when there is no terminal to ask on; call it before
// anything is looked up or sent.
Status RefuseWithoutTerminal(const std::string& what);

// Asks on the terminal whether to send `what`; kCancelled when the answer is not yes.
Status Confirm(const std::string& what);

// What a typed mutation answered: the body for --json, a sentence for people.
struct Outcome {
  std::string raw;
  std::string message;
};

// A typed mutation from start to end: refuse or plan (which may read), then print the plan
// (--dry-run), or ask (unless --yes) and send, then print the outcome.
Status RunMutation(const Context& ctx, const MutationFlags& flags, const std::string& what,
                   const std::function<StatusOr<PlannedRequest>(app::Connection&)>& plan,
                   const std::function<StatusOr<Outcome>(app::Connection&)>& send);

}  // namespace pelo::cli
