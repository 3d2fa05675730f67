#include "flag_values.h"

#include <utility>

namespace pelo::cli {
namespace {

// The record is a validator that checks nothing (or CLI::IsMember's check) whose name holds the
// kind and the words: an option keeps its validators for as long as it lives, and CLI11 shows
// only their descriptions, which a record leaves empty.
constexpr char kRecordPrefix[] = "pelo-values\n";

std::string RecordName(ValueKind kind, bool checked, const std::vector<std::string>& words) {
  std::string name = kRecordPrefix;
  name += std::to_string(static_cast<int>(kind)) + (checked ? "1" : "0");
  for (const std::string& word : words) name += "\n" + word;
  return name;
}

CLI::Option* Record(CLI::Option* option, ValueKind kind, const std::vector<std::string>& words) {
  return option->check(CLI::Validator([](const std::string&) { return std::string(); }, "",
                                      RecordName(kind, false, words)));
}

}  // namespace

CLI::Option* OneOf(CLI::Option* option, const std::vector<std::string>& values, bool ignore_case) {
  CLI::Validator check =
      ignore_case ? CLI::IsMember(values, CLI::ignore_case) : CLI::IsMember(values);
  check.name(RecordName(ValueKind::kWords, true, values));
  return option->check(std::move(check));
}

CLI::Option* Suggest(CLI::Option* option, const std::vector<std::string>& values) {
  return Record(option, ValueKind::kWords, values);
}

CLI::Option* FileValue(CLI::Option* option, const std::string& type_name) {
  if (!type_name.empty()) option->type_name(type_name);
  return Record(option, ValueKind::kFile, {});
}

CLI::Option* DirectoryValue(CLI::Option* option, const std::string& type_name) {
  if (!type_name.empty()) option->type_name(type_name);
  return Record(option, ValueKind::kDirectory, {});
}

FlagValues ValuesOf(CLI::Option& option) {
  // CLI11 2.1 lists an option's validators only by name or index; past the last, it throws.
  for (int i = 0;; ++i) {
    const CLI::Validator* validator = nullptr;
    try {
      validator = option.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      return {};
    }
    const std::string& name = validator->get_name();
    if (name.rfind(kRecordPrefix, 0) != 0) continue;
    FlagValues values;
    std::string_view rest = std::string_view(name).substr(sizeof(kRecordPrefix) - 1);
    values.kind = static_cast<ValueKind>(rest[0] - '0');
    values.checked = rest[1] == '1';
    rest.remove_prefix(2);
    while (!rest.empty()) {
      rest.remove_prefix(1);  // the '\n' before each word
      const size_t end = rest.find('\n');
      values.words.emplace_back(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    }
    return values;
  }
}

}  // namespace pelo::cli
