// The catalogue has exactly one row per distinct request of the Postman collection, as listed
// in ../shared/docs/peloton-api.md §9 (read from the document itself, so neither can drift).
#include "pelo/peloton/api/catalogue.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace pelo::api {
namespace {

using Request = std::pair<std::string, std::string>;  // method, path (or "POST", operation)

std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, '|')) {
    const auto first = cell.find_first_not_of(' ');
    const auto last = cell.find_last_not_of(' ');
    cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
  }
  return cells;
}

std::string Between(const std::string& s, char open, char close) {
  const auto a = s.find(open);
  const auto b = s.find(close, a + 1);
  return a == std::string::npos || b == std::string::npos ? "" : s.substr(a + 1, b - a - 1);
}

// "{{base_url}}/api/user/{{user_id}}/workouts?x=1" -> "/api/user/{user_id}/workouts".
std::string NormalisePath(std::string url) {
  url = url.substr(0, url.find('?'));
  const std::string base = "{{base_url}}";
  if (url.rfind(base, 0) == 0) url.erase(0, base.size());
  std::string out;
  for (size_t i = 0; i < url.size(); ++i) {
    if (url.compare(i, 2, "{{") == 0) {
      const auto end = url.find("}}", i);
      std::string name = url.substr(i + 2, end - i - 2);
      if (name == "user_name") name = "username";  // the collection's own spelling slip (§9)
      out += "{" + name + "}";
      i = end + 1;
    } else {
      out += url[i];
    }
  }
  return out;
}

// The distinct requests of §9 (the ostranme collection; the 2018 collection in §9.1 is not it).
std::set<Request> DocumentedRequests() {
  std::ifstream in(std::string(PELO_SHARED_DIR) + "/docs/peloton-api.md");
  std::string line;
  bool inside = false;
  std::set<Request> requests;
  while (std::getline(in, line)) {
    if (line.rfind("## 9.", 0) == 0) inside = true;
    if (line.rfind("### 9.1", 0) == 0) break;
    if (!inside || line.rfind("| ", 0) != 0) continue;
    const auto cells = Cells(line);
    if (cells.size() < 6) continue;
    const std::string& method = cells[3];
    if (method != "GET" && method != "POST" && method != "PUT" && method != "DELETE") continue;
    const std::string url = Between(cells[4], '`', '`');
    if (url == "{{grahpql_url}}") {
      requests.insert({"POST", Between(cells[5], '`', '`')});
    } else {
      requests.insert({method, NormalisePath(url)});
    }
  }
  return requests;
}

std::set<Request> CatalogueRequests(bool postman_only = true) {
  std::set<Request> requests;
  for (const Endpoint& e : Catalogue()) {
    if (postman_only && !e.postman) continue;
    requests.insert(
        {std::string(e.method), std::string(e.operation.empty() ? e.path : e.operation)});
  }
  return requests;
}

TEST(Catalogue, ListsEveryDistinctRequestOfTheDocumentedCollection) {
  const auto documented = DocumentedRequests();
  ASSERT_GT(documented.size(), 50u) << "could not read §9 of peloton-api.md";
  EXPECT_EQ(CatalogueRequests(), documented);
}

TEST(Catalogue, HasNoDuplicateRows) {
  EXPECT_EQ(CatalogueRequests(/*postman_only=*/false).size(), Catalogue().size());
  std::set<std::string_view> names;
  for (const Endpoint& e : Catalogue()) EXPECT_TRUE(names.insert(e.name).second) << e.name;
}

// The §5-only rows are paths of §5's tables ("{userId}" there is "{user_id}" here).
TEST(Catalogue, ExtraRowsComeFromTheMergedCatalogue) {
  std::ifstream in(std::string(PELO_SHARED_DIR) + "/docs/peloton-api.md");
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  int extras = 0;
  for (const Endpoint& e : Catalogue()) {
    if (e.postman) continue;
    ++extras;
    std::string path(e.path);
    for (const auto& [ours, theirs] :
         std::vector<std::pair<std::string, std::string>>{{"{user_id}", "{userId}"},
                                                          {"{workout_id}", "{workoutId}"},
                                                          {"{challenge_id}", "{challengeId}"},
                                                          {"{peloton_id}", "{pelotonId}"}}) {
      for (auto at = path.find(ours); at != std::string::npos; at = path.find(ours)) {
        path.replace(at, ours.size(), theirs);
      }
    }
    EXPECT_NE(doc.find("| " + std::string(e.method) + " | `" + path + "`"), std::string::npos)
        << e.method << " " << path;
  }
  EXPECT_GT(extras, 0);
}

TEST(Catalogue, FindEndpointByName) {
  ASSERT_NE(FindEndpoint("User Overview"), nullptr);
  EXPECT_EQ(FindEndpoint("User Overview")->path, "/api/user/{user_id}/overview");
  EXPECT_EQ(FindEndpoint("No Such Request"), nullptr);
}

TEST(Catalogue, MutatingRequestsAreTheOnesThatChangeTheAccount) {
  for (const Endpoint& e : Catalogue()) {
    if (e.method == "GET") {
      EXPECT_FALSE(e.mutating) << e.path;
    }
    if (e.method == "PUT" || e.method == "DELETE") {
      EXPECT_TRUE(e.mutating) << e.path;
    }
    if (!e.operation.empty()) {
      EXPECT_EQ(e.path, "/graphql");
      EXPECT_EQ(e.mutating,
                e.operation.find("Tag") != std::string_view::npos &&
                    (e.operation.rfind("Add", 0) == 0 || e.operation.rfind("Remove", 0) == 0 ||
                     e.operation.rfind("Set", 0) == 0))
          << e.operation;
    }
  }
}

}  // namespace
}  // namespace pelo::api
