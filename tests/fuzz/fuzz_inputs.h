// The inputs a fuzz target's replay runs: its seeds (fuzz/seeds.txt, out of the captured
// responses in shared/fixtures/peloton) and its checked-in corpus (fuzz/corpus/<target>/).
#pragma once

#include <string>
#include <vector>

namespace pelo::fuzz {

struct Input {
  std::string name;  // where it comes from, for failure messages
  std::string bytes;
};

// One line of fuzz/seeds.txt.
struct Seed {
  std::string target;
  std::string file;    // under shared/fixtures/peloton
  std::string member;  // "" for the whole file
};

std::vector<Seed> ReadSeedManifest();
// The bytes of `seed`: the file, or its top-level `member` re-serialised.
std::string SeedBytes(const Seed& seed);
// Every input of `target`, seeds first, then the corpus files in name order.
std::vector<Input> InputsOf(const std::string& target);
// The names of the directories under fuzz/corpus.
std::vector<std::string> CorpusDirectories();

}  // namespace pelo::fuzz
