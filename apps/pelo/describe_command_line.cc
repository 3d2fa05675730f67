#include "describe_command_line.h"

#include <algorithm>
#include <set>
#include <vector>

#include "flag_values.h"

namespace pelo::cli {
namespace {

bool Hidden(const std::string& group) { return group.empty(); }

std::vector<std::string> NamesOf(const std::set<CLI::Option*>& options) {
  std::vector<std::string> names;
  for (const CLI::Option* option : options) names.push_back(option->get_name());
  std::sort(names.begin(), names.end());
  return names;
}

OptionDoc DescribeOption(CLI::Option& option) {
  OptionDoc doc;
  if (option.get_positional()) {
    doc.positional = option.get_name(true);
  } else {
    for (const std::string& s : option.get_snames()) doc.names.push_back("-" + s);
    for (const std::string& l : option.get_lnames()) doc.names.push_back("--" + l);
  }
  if (option.get_positional() || option.get_items_expected_max() > 0) {
    doc.value_name = option.get_type_name();
  }
  doc.description = option.get_description();
  doc.default_value = option.get_default_str();
  doc.required = option.get_required();
  // A list (--workout ID...) or a counting flag (-vv).
  doc.repeatable = option.get_expected_max() > 1 ||
                   option.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
  doc.values = ValuesOf(option);
  doc.excludes = NamesOf(option.get_excludes());
  doc.needs = NamesOf(option.get_needs());
  return doc;
}

CommandDoc Describe(CLI::App& app, std::vector<std::string> path) {
  CommandDoc doc;
  doc.path = std::move(path);
  doc.description = app.get_description();
  doc.needs_command = app.get_require_subcommand_min() > 0;
  doc.inherits_flags = app.get_fallthrough();
  for (CLI::Option* option : app.get_options()) {
    if (Hidden(option->get_group())) continue;
    (option->get_positional() ? doc.positionals : doc.flags).push_back(DescribeOption(*option));
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name().empty() || Hidden(sub->get_group())) continue;
    std::vector<std::string> sub_path = doc.path;
    sub_path.push_back(sub->get_name());
    doc.commands.push_back(Describe(*sub, std::move(sub_path)));
  }
  return doc;
}

}  // namespace

CommandDoc DescribeCommandLine(CLI::App& app, const std::string& program) {
  return Describe(app, {program});
}

}  // namespace pelo::cli
