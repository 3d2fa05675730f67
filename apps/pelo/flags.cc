#include "flags.h"

#include <charconv>

namespace pelo::cli {

CLI::Validator AtLeast(int64_t min) {
  const std::string rule = "a whole number of " + std::to_string(min) + " or more";
  return CLI::Validator(
      [min, rule](std::string& text) -> std::string {
        int64_t n = 0;
        const char* end = text.data() + text.size();
        auto [p, ec] = std::from_chars(text.data(), end, n);
        if (ec != std::errc() || p != end || n < min) return "must be " + rule + ", got " + text;
        return "";
      },
      "INT>=" + std::to_string(min));
}

const std::vector<std::string>& Disciplines() {
  static const auto* kDisciplines = new std::vector<std::string>{
      "cycling",    "running",    "walking", "rowing",        "strength",        "yoga",
      "meditation", "stretching", "cardio",  "bike_bootcamp", "caesar_bootcamp", "circuit"};
  return *kDisciplines;
}

const std::vector<std::string>& ClassCategories() {
  static const auto* kCategories =
      new std::vector<std::string>{"cycling", "running", "outdoor",    "walking",    "strength",
                                   "yoga",    "cardio",  "stretching", "meditation", "bootcamp"};
  return *kCategories;
}

}  // namespace pelo::cli
