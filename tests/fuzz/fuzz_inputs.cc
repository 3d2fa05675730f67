#include "fuzz/fuzz_inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace pelo::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kFuzzDir = fs::path(PELO_SOURCE_DIR) / "fuzz";
const fs::path kFixtures = fs::path(PELO_SHARED_DIR) / "fixtures" / "peloton";

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

std::vector<Seed> ReadSeedManifest() {
  std::vector<Seed> seeds;
  std::ifstream in(kFuzzDir / "seeds.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Seed seed;
    fields >> seed.target >> seed.file >> seed.member;
    seeds.push_back(seed);
  }
  return seeds;
}

std::string SeedBytes(const Seed& seed) {
  std::string bytes = ReadBytes(kFixtures / seed.file);
  if (seed.member.empty()) return bytes;
  // nlohmann skips the BOM some captured files start with.
  const auto document = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object() || !document.contains(seed.member)) return "";
  return document[seed.member].dump();
}

std::vector<Input> InputsOf(const std::string& target) {
  std::vector<Input> inputs;
  for (const Seed& seed : ReadSeedManifest()) {
    if (seed.target != target) continue;
    inputs.push_back({seed.file + (seed.member.empty() ? "" : "#" + seed.member), SeedBytes(seed)});
  }
  std::vector<fs::path> files;
  const fs::path corpus = kFuzzDir / "corpus" / target;
  if (fs::is_directory(corpus)) {
    for (const auto& entry : fs::directory_iterator(corpus)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    inputs.push_back({"fuzz/corpus/" + target + "/" + file.filename().string(), ReadBytes(file)});
  }
  return inputs;
}

std::vector<std::string> CorpusDirectories() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kFuzzDir / "corpus")) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace pelo::fuzz
