// Manual pages (roff, man(7) macros) made from a CommandDoc (ADR 0026): the program's page, with
// its global options and the list of its commands, and a page per top-level command,
// `<program>-<command>(1)`, whose subcommands are sections of it.
#pragma once

#include <string>
#include <vector>

#include "command_doc.h"
#include "pelo/common/status.h"

namespace pelo::cli {

// A term and what it means: an exit code, an environment variable, a file.
struct ManItem {
  std::string term;
  std::string meaning;
};

// What the pages say besides the command line itself.
struct ManContext {
  std::string tagline;  // the NAME line of the program's page ("" = its description)
  std::string source;   // the footer, e.g. "pelo 0.1.0"
  std::vector<ManItem> exit_status;
  std::vector<ManItem> environment;
  std::vector<ManItem> files;
  std::vector<std::string> see_also;  // more pages for the program's SEE ALSO, e.g. "pelo-sim(1)"
};

struct ManPage {
  std::string name;  // "pelo-sync"; the file is name + ".1"
  std::string text;  // roff source
};

// The program's page and one per top-level command, in definition order.
std::vector<ManPage> ManPages(const CommandDoc& program, const ManContext& context);

// Writes each page into `dir` (created if missing) as NAME.1; kStorage naming the file that
// could not be written.
Status WriteManPages(const std::vector<ManPage>& pages, const std::string& dir);

}  // namespace pelo::cli
