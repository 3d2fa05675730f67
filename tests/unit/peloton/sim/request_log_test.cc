// The simulator's request log (sim/request_log.h): what it records and writes to --request-log
// holds no secret, whatever the body's shape, with the logs' "<redacted>" in their place.
#include "peloton/sim/state/request_log.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace pelo::sim {
namespace {

using nlohmann::json;

httplib::Request Sent(std::string target, std::string body, std::string content_type) {
  httplib::Request req;
  req.method = "PUT";
  req.target = std::move(target);
  req.path = req.target.substr(0, req.target.find('?'));
  req.body = std::move(body);
  if (!content_type.empty()) req.headers.emplace("Content-Type", std::move(content_type));
  return req;
}

// The issue's body, a key spelled with a \u escape, and secrets deep in arrays, of any type.
TEST(RequestLog, JsonSecretsAreRedactedWhateverTheirSpellingAndDepth) {
  const RecordedRequest r =
      ToRecorded(Sent("/api/user/u1",
                      R"({"note":"a \"b", "pass\u0077ord":"hunter2",)"
                      R"("user":{"refreshToken":"r1-secret","devices":[[{"api_key":987654321}]]},)"
                      R"("title":"Climb"})",
                      "application/json"),
                 200);
  for (const char* secret : {"hunter2", "r1-secret", "987654321"}) {
    EXPECT_EQ(r.body.find(secret), std::string::npos) << secret << " in " << r.body;
  }
  const json body = json::parse(r.body);
  EXPECT_EQ(body["note"], "a \"b");
  EXPECT_EQ(body["password"], "<redacted>");
  EXPECT_EQ(body["user"]["refreshToken"], "<redacted>");
  EXPECT_EQ(body["user"]["devices"][0][0]["api_key"], "<redacted>");
  EXPECT_EQ(body["title"], "Climb");
}

// A form is redacted pair by pair (its keys in any case, percent-decoded), the query too; a
// body that is neither JSON nor a form is described, never recorded.
TEST(RequestLog, FormsAndQueriesAreRedactedAndOtherBodiesDescribed) {
  const RecordedRequest form =
      ToRecorded(Sent("/oauth/token?Code=c0de&state=s",
                      "grant_type=password&Password=hunter2&client%5Fsecret=cs1&client_id=x",
                      "application/x-www-form-urlencoded"),
                 200);
  EXPECT_EQ(form.body,
            "grant_type=password&Password=<redacted>&client%5Fsecret=<redacted>&client_id=x");
  EXPECT_EQ(form.query, "Code=<redacted>&state=s");
  const RecordedRequest text =
      ToRecorded(Sent("/api/user/u1", "password: hunter2", "text/plain"), 400);
  EXPECT_EQ(text.body, "<17 bytes of non-JSON body>");
  const RecordedRequest broken = ToRecorded(
      Sent("/api/user/u1", R"({"note":"a \"b", "password":"hunter2")", "application/json"), 400);
  EXPECT_EQ(broken.body, "<37 bytes of non-JSON body>");
}

// Credential headers in any spelling; a bearer token keeps its scheme.
TEST(RequestLog, CredentialHeadersAreRedacted) {
  httplib::Request req = Sent("/api/me", "", "");
  req.headers.emplace("Authorization", "Bearer eyJ.secret");
  req.headers.emplace("Cookie", "peloton_session_id=s3cr3t");
  req.headers.emplace("X-Api-Key", "k3y");
  req.headers.emplace("X-CSRF-Token", "c5rf");
  req.headers.emplace("Peloton-Platform", "web");
  const RecordedRequest r = ToRecorded(req, 200);
  EXPECT_EQ(r.Header("Authorization"), "Bearer <redacted>");
  EXPECT_EQ(r.Header("Cookie"), "<redacted>");
  EXPECT_EQ(r.Header("X-Api-Key"), "<redacted>");
  EXPECT_EQ(r.Header("X-CSRF-Token"), "<redacted>");
  EXPECT_EQ(r.Header("Peloton-Platform"), "web");
}

// What --request-log writes: the same redacted record, one JSON line per request.
TEST(RequestLog, TheFileHoldsNoSecret) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("pelo-request-log-" + std::to_string(::getpid()) + ".jsonl");
  std::filesystem::remove(path);
  {
    RequestLog log(path.string());
    httplib::Response res;
    res.status = 400;
    log.Record(Sent("/api/user/u1?access_token=t0k3n", R"({"note":"a \"b", "password":"hunter2"})",
                    "application/json"),
               res);
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str().find("hunter2"), std::string::npos) << text.str();
  EXPECT_EQ(text.str().find("t0k3n"), std::string::npos) << text.str();
  const json line = json::parse(text.str());
  EXPECT_EQ(line["body"], R"({"note":"a \"b","password":"<redacted>"})");
  EXPECT_EQ(line["query"], "access_token=<redacted>");
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace pelo::sim
