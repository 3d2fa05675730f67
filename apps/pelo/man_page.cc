#include "man_page.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "pelo/common/atomic_file.h"
#include "roff.h"

namespace pelo::cli {
namespace {

std::string PageName(const CommandDoc& command) {
  std::string name;
  for (const std::string& word : command.path) name += (name.empty() ? "" : "-") + word;
  return name;
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// `text` ending as a sentence does, so that what follows it reads as the next one.
std::string Sentence(const std::string& text) {
  if (text.empty() || text.back() == '.' || text.back() == '!' || text.back() == '?') return text;
  return text + ".";
}

std::string Join(const std::vector<std::string>& words, const std::string& between) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : between) + word;
  return out;
}

// "\fBpelo stats ride\fR [\fIOPTIONS\fR] \fIworkout_id\fR"
std::string Synopsis(const CommandDoc& command) {
  std::string line = RoffBold(command.FullName()) + " [" + RoffItalic("OPTIONS") + "]";
  for (const OptionDoc& arg : command.positionals) {
    std::string word = RoffItalic(arg.positional) + (arg.repeatable ? "..." : "");
    line += " " + (arg.required ? word : "[" + word + "]");
  }
  if (!command.commands.empty()) {
    const std::string word = RoffItalic("COMMAND");
    line += " " + (command.needs_command ? word : "[" + word + "]");
  }
  return line;
}

// One option as a tagged paragraph: its names and value, then what --help says of it and what
// its definition adds (default, values, what it needs or excludes).
std::string OptionEntry(const OptionDoc& option) {
  std::string tag;
  if (!option.positional.empty()) {
    tag = RoffItalic(option.positional);
  } else {
    std::vector<std::string> names;
    for (const std::string& name : option.names) names.push_back(RoffBold(name));
    tag = Join(names, ", ");
  }
  if (!option.value_name.empty()) tag += " " + RoffItalic(option.value_name);
  if (option.repeatable && option.takes_value()) tag += " ...";
  std::vector<std::string> more;
  if (option.required) more.push_back("Required.");
  if (!option.default_value.empty()) more.push_back("Default: " + option.default_value + ".");
  if (option.values.kind == ValueKind::kWords && !option.values.checked) {
    more.push_back("Values such as: " + Join(option.values.words, ", ") + ".");
  }
  if (!option.needs.empty()) more.push_back("Needs: " + Join(option.needs, ", ") + ".");
  if (!option.excludes.empty()) more.push_back("Excludes: " + Join(option.excludes, ", ") + ".");
  std::string body = RoffText(Sentence(option.description));
  for (const std::string& sentence : more) body += (body.empty() ? "" : " ") + RoffText(sentence);
  return ".TP\n" + tag + "\n" + body + "\n";
}

std::string OptionEntries(const std::vector<OptionDoc>& options) {
  std::string out;
  for (const OptionDoc& option : options) out += OptionEntry(option);
  return out;
}

std::string ItemSection(const std::string& title, const std::vector<ManItem>& items, bool italic) {
  if (items.empty()) return "";
  std::string out = ".SH " + title + "\n";
  for (const ManItem& item : items) {
    out += ".TP\n" + (italic ? RoffItalic(item.term) : RoffBold(item.term)) + "\n" +
           RoffText(Sentence(item.meaning)) + "\n";
  }
  return out;
}

std::string Reference(const std::string& page) {
  const size_t paren = page.find('(');
  return RoffBold(page.substr(0, paren)) + RoffText(page.substr(paren));
}

std::string Header(const std::string& name, const std::string& what, const ManContext& context) {
  return ".TH " + RoffArgument(Upper(name)) + " 1 \"\" " + RoffArgument(context.source) + " " +
         RoffArgument(context.source.substr(0, context.source.find(' ')) + " manual") + "\n" +
         // Left-aligned and never hyphenated: an option or a path broken at the margin would
         // not copy as typed.
         ".nh\n.ad l\n.SH NAME\n" + RoffText(name) + " \\- " + RoffText(what) + "\n";
}

std::string Footer(const ManContext& context, const std::vector<std::string>& see_also) {
  std::string out = ItemSection("EXIT STATUS", context.exit_status, false) +
                    ItemSection("ENVIRONMENT", context.environment, false) +
                    ItemSection("FILES", context.files, true);
  if (!see_also.empty()) {
    std::vector<std::string> references;
    for (const std::string& page : see_also) references.push_back(Reference(page));
    out += ".SH SEE ALSO\n" + Join(references, ", ") + "\n";
  }
  return out;
}

// A subcommand as a subsection of its top-level command's page, then its own subcommands.
std::string Subsection(const CommandDoc& command) {
  std::string out = ".SS\n" + RoffText(command.FullName()) + "\n" + Synopsis(command) + "\n" +
                    ".PP\n" + RoffText(Sentence(command.description)) + "\n" +
                    OptionEntries(command.positionals) + OptionEntries(command.flags);
  for (const CommandDoc& sub : command.commands) out += Subsection(sub);
  return out;
}

std::string CommandPage(const CommandDoc& program, const CommandDoc& command,
                        const ManContext& context) {
  std::string out = Header(PageName(command), command.description, context);
  out += ".SH SYNOPSIS\n" + Synopsis(command) + "\n";
  out += ".SH DESCRIPTION\n" + RoffText(Sentence(command.description)) + "\n";
  if (command.inherits_flags) {
    out += ".PP\nThe options of " + Reference(program.name() + "(1)") + " " +
           RoffText("also work after the command's name.") + "\n";
  }
  if (!command.positionals.empty()) out += ".SH ARGUMENTS\n" + OptionEntries(command.positionals);
  out += ".SH OPTIONS\n" + OptionEntries(command.flags);
  if (!command.commands.empty()) {
    out += ".SH COMMANDS\n";
    for (const CommandDoc& sub : command.commands) out += Subsection(sub);
  }
  return out + Footer(context, {program.name() + "(1)"});
}

std::string ProgramPage(const CommandDoc& program, const ManContext& context) {
  std::string out = Header(
      program.name(), context.tagline.empty() ? program.description : context.tagline, context);
  out += ".SH SYNOPSIS\n" + Synopsis(program) + "\n";
  out += ".SH DESCRIPTION\n" + RoffText(Sentence(program.description)) + "\n";
  if (!program.commands.empty()) {
    out += ".PP\n" +
           RoffText("Each command has a manual page of its own, " + program.name() +
                    "-COMMAND(1), and lists its options with --help. The options below also "
                    "work after a command's name.") +
           "\n";
  }
  if (!program.positionals.empty()) out += ".SH ARGUMENTS\n" + OptionEntries(program.positionals);
  out += ".SH OPTIONS\n" + OptionEntries(program.flags);
  std::vector<std::string> see_also;
  if (!program.commands.empty()) {
    out += ".SH COMMANDS\n";
    for (const CommandDoc& command : program.commands) {
      const std::string page = PageName(command) + "(1)";
      out += ".TP\n" + RoffBold(command.name()) + "\n" + RoffText(Sentence(command.description)) +
             " See " + Reference(page) + ".\n";
      see_also.push_back(page);
    }
  }
  see_also.insert(see_also.end(), context.see_also.begin(), context.see_also.end());
  return out + Footer(context, see_also);
}

}  // namespace

std::vector<ManPage> ManPages(const CommandDoc& program, const ManContext& context) {
  std::vector<ManPage> pages = {{PageName(program), ProgramPage(program, context)}};
  for (const CommandDoc& command : program.commands) {
    pages.push_back({PageName(command), CommandPage(program, command, context)});
  }
  return pages;
}

Status WriteManPages(const std::vector<ManPage>& pages, const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return Status(ErrorCode::kStorage, "cannot create " + dir + ": " + error.message());
  for (const ManPage& page : pages) {
    PELO_RETURN_IF_ERROR(WriteFileAtomically(dir + "/" + page.name + ".1", page.text, 0644));
  }
  return OkStatus();
}

}  // namespace pelo::cli
