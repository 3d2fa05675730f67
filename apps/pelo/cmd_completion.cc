// pelo completion bash|zsh|fish: the shell's completion script, made from the command line
// itself (ADR 0026). The hidden `pelo generate-docs DIR`, which the build runs, writes the
// manual pages and the three scripts where a share/ directory keeps them.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "command_line.h"
#include "commands.h"
#include "completion.h"
#include "describe_command_line.h"
#include "exit_code.h"
#include "flag_values.h"
#include "man_page.h"
#include "pelo/common/atomic_file.h"

namespace pelo::cli {
namespace {

std::string Script(const CommandDoc& program, const std::string& shell) {
  if (shell == "zsh") return ZshCompletion(program);
  if (shell == "fish") return FishCompletion(program);
  return BashCompletion(program);
}

ManContext PeloManContext() {
  ManContext context;
  context.tagline = kTagline;
  context.source = std::string("pelo ") + PELO_VERSION;
  for (const ExitCodeDoc& doc : ExitCodeDocs()) {
    context.exit_status.push_back({std::to_string(doc.code), doc.meaning});
  }
  for (const NamedDoc& doc : EnvironmentDocs())
    context.environment.push_back({doc.name, doc.meaning});
  for (const NamedDoc& doc : FileDocs()) context.files.push_back({doc.name, doc.meaning});
  context.see_also = {"pelo-sim(1)"};
  return context;
}

Status WriteDocFile(const std::string& path, const std::string& text) {
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
  if (error) return Status(ErrorCode::kStorage, "cannot create the folder of " + path);
  return WriteFileAtomically(path, text, 0644);
}

// DIR/man/man1/*.1, DIR/bash-completion/completions/pelo, DIR/zsh/vendor-completions/_pelo and
// DIR/fish/vendor_completions.d/pelo.fish: the layout of share/, so that a build tree's share
// directory works as installed (XDG_DATA_DIRS, MANPATH).
Status GenerateDocs(const CommandDoc& program, const std::string& dir) {
  PELO_RETURN_IF_ERROR(WriteManPages(ManPages(program, PeloManContext()), dir + "/man/man1"));
  PELO_RETURN_IF_ERROR(
      WriteDocFile(dir + "/bash-completion/completions/pelo", BashCompletion(program)));
  PELO_RETURN_IF_ERROR(WriteDocFile(dir + "/zsh/vendor-completions/_pelo", ZshCompletion(program)));
  return WriteDocFile(dir + "/fish/vendor_completions.d/pelo.fish", FishCompletion(program));
}

}  // namespace

void AddCompletionCommands(CLI::App& app, Context& ctx) {
  auto shell = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "completion",
      "Print the completion script of bash, zsh or fish, e.g. `source <(pelo completion bash)`");
  OneOf(cmd->add_option("shell", *shell, "bash, zsh or fish")->required(), {"bash", "zsh", "fish"});
  CLI::App* root = &app;
  cmd->callback([&ctx, root, shell] {
    ctx.run = [root, shell] {
      std::cout << Script(DescribeCommandLine(*root, "pelo"), *shell);
      return OkStatus();
    };
  });

  auto dir = std::make_shared<std::string>();
  CLI::App* docs = app.add_subcommand(
      "generate-docs", "Write the manual pages and completion scripts into DIR (for the build)");
  docs->group("");  // hidden: from --help, the manual pages and the completions
  DirectoryValue(docs->add_option("dir", *dir, "The share/ directory to write into")->required());
  docs->callback([&ctx, root, dir] {
    ctx.run = [root, dir] { return GenerateDocs(DescribeCommandLine(*root, "pelo"), *dir); };
  });
}

}  // namespace pelo::cli
