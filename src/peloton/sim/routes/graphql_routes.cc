// POST /graphql: the gateway's transport. Authentication, the request body, dispatch by
// operation name and the {"data","errors"} envelope; the operations live in
// graphql_operations.cc.
//
// Status codes: a request the gateway cannot read is 400; a missing or bad credential is 401
// with a GraphQL errors body (UNAUTHENTICATED), so pelo's refresh-once-on-401 works as it does
// for REST; everything the gateway understood (unknown operation, bad variables, bad cursor) is
// 200 with `errors[]`, as Apollo answers execution errors.
#include <cctype>
#include <memory>
#include <string>

#include "peloton/sim/routes/graphql_operations.h"
#include "peloton/sim/routes/http_util.h"
#include "peloton/sim/routes/route_util.h"
#include "peloton/sim/routes/routes.h"

namespace pelo::sim {
namespace {

using nlohmann::json;
using ojson = nlohmann::ordered_json;

void SendErrors(httplib::Response& res, int status, const std::string& message,
                const std::string& code, bool with_data) {
  ojson body;
  if (with_data) body["data"] = nullptr;
  body["errors"] = ojson::array({{{"message", message}, {"extensions", {{"code", code}}}}});
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

// The name after a leading `query`/`mutation` keyword, for bodies without operationName.
std::string NameFromQuery(const std::string& query) {
  size_t i = 0;
  auto skip_space = [&] {
    while (i < query.size() && (std::isspace(static_cast<unsigned char>(query[i])) != 0)) ++i;
  };
  auto word = [&] {
    const size_t start = i;
    while (i < query.size() &&
           (std::isalnum(static_cast<unsigned char>(query[i])) != 0 || query[i] == '_')) {
      ++i;
    }
    return query.substr(start, i - start);
  };
  skip_space();
  const std::string keyword = word();
  if (keyword != "query" && keyword != "mutation") return "";
  skip_space();
  return word();
}

void Graphql(const Context& ctx, TagState& tags, const httplib::Request& req,
             httplib::Response& res) {
  if (!Authorized(ctx, req)) {
    return SendErrors(res, 401, "Unauthorized", "UNAUTHENTICATED", false);
  }
  const json body = json::parse(req.body, nullptr, false);
  if (!body.is_object() || !body.contains("query") || !body["query"].is_string()) {
    return SendErrors(res, 400, "POST body must be a JSON object with a \"query\" string.",
                      "BAD_REQUEST", false);
  }
  std::string operation = StringField(body, "operationName");
  if (operation.empty()) operation = NameFromQuery(body["query"].get<std::string>());
  const auto variables = body.find("variables");
  if (variables != body.end() && !variables->is_null() && !variables->is_object()) {
    return SendErrors(res, 400, "Variables must be an object.", "BAD_REQUEST", false);
  }
  const GraphqlOperation handler = FindGraphqlOperation(operation);
  if (handler == nullptr) {
    return SendErrors(res, 200, "Unknown operation \"" + operation + "\".",
                      "GRAPHQL_VALIDATION_FAILED", true);
  }
  const GraphqlAnswer answer = handler(
      variables != body.end() && variables->is_object() ? *variables : json::object(), tags);
  if (!answer.error.empty()) return SendErrors(res, 200, answer.error, answer.code, true);
  res.set_content(ojson{{"data", answer.data}}.dump(), "application/json");
}

}  // namespace

void RegisterGraphqlRoutes(httplib::Server& server, Context& ctx) {
  // One tag world per server: the handler owns it, so mutations last exactly as long as the run.
  auto tags = std::make_shared<TagState>(ctx.options.seed, ctx.data->user_id,
                                         StringField(ctx.data->me, "username"));
  const Context& c = ctx;
  server.Post("/graphql", [&c, tags](const httplib::Request& req, httplib::Response& res) {
    Graphql(c, *tags, req, res);
  });
}

}  // namespace pelo::sim
