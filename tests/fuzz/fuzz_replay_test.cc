// Replays every fuzz target's seeds and corpus (fuzz/README.md) through its
// LLVMFuzzerTestOneInput: a crash, sanitizer report or failed invariant fails the test, so
// every input that once broke a parser stays fixed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz/fuzz_inputs.h"

#define PELO_FUZZ_TARGET(name) extern "C" int PeloFuzz_##name(const uint8_t* data, size_t size);
#include "fuzz_targets.inc"
#undef PELO_FUZZ_TARGET

namespace pelo::fuzz {
namespace {

struct Target {
  std::string name;
  int (*run)(const uint8_t*, size_t);
};

const std::vector<Target>& Targets() {
#define PELO_FUZZ_TARGET(name) {#name, &PeloFuzz_##name},
  static const std::vector<Target> kTargets = {
#include "fuzz_targets.inc"
  };
#undef PELO_FUZZ_TARGET
  return kTargets;
}

bool IsTarget(const std::string& name) {
  return std::any_of(Targets().begin(), Targets().end(),
                     [&](const Target& t) { return t.name == name; });
}

class FuzzReplay : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzReplay, EveryInputRunsClean) {
  const Target& target = GetParam();
  const std::vector<Input> inputs = InputsOf(target.name);
  // A target with nothing to replay would pass whatever its code does.
  ASSERT_FALSE(inputs.empty()) << "no seeds or corpus for " << target.name;
  for (const Input& input : inputs) {
    SCOPED_TRACE(input.name);
    EXPECT_FALSE(input.bytes.empty()) << "unreadable or empty input";
    // A failed invariant aborts, which fails this test with the input's name on stderr.
    fprintf(stderr, "replay %s: %s (%zu bytes)\n", target.name.c_str(), input.name.c_str(),
            input.bytes.size());
    EXPECT_EQ(target.run(reinterpret_cast<const uint8_t*>(input.bytes.data()), input.bytes.size()),
              0);
  }
  // And the empty input, which no corpus file can be (git keeps no empty file worth having).
  EXPECT_EQ(target.run(nullptr, 0), 0);
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzReplay, ::testing::ValuesIn(Targets()),
                         [](const ::testing::TestParamInfo<Target>& param) {
                           return param.param.name;
                         });

TEST(FuzzSeeds, ManifestNamesKnownTargetsAndReadableMembers) {
  const std::vector<Seed> seeds = ReadSeedManifest();
  ASSERT_FALSE(seeds.empty());
  for (const Seed& seed : seeds) {
    SCOPED_TRACE(seed.target + " " + seed.file + " " + seed.member);
    EXPECT_TRUE(IsTarget(seed.target));
    EXPECT_FALSE(SeedBytes(seed).empty());
  }
}

TEST(FuzzSeeds, EveryCorpusDirectoryIsATarget) {
  for (const std::string& name : CorpusDirectories()) EXPECT_TRUE(IsTarget(name)) << name;
}

}  // namespace
}  // namespace pelo::fuzz
