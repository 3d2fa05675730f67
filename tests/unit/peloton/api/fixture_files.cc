#include "unit/peloton/api/fixture_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace pelo::api::testing {

namespace fs = std::filesystem;

std::string FixturePath(const std::string& relative) {
  return std::string(PELO_SHARED_DIR) + "/fixtures/peloton/" + relative;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string ReadFixture(const std::string& relative) { return ReadFile(FixturePath(relative)); }

std::vector<std::string> AllJsonFixtures() {
  fs::path root = FixturePath("");
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(fs::relative(entry.path(), root).string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Member(const std::string& body, const std::string& key) {
  nlohmann::json doc = nlohmann::json::parse(body);  // skips a UTF-8 BOM
  return doc.at(key).dump();
}

}  // namespace pelo::api::testing
