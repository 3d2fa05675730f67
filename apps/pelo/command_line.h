// pelo's whole command line: the program, its global options and every command, defined once.
// main() parses with it; the manual pages and the shell completions are generated from it
// (ADR 0026), so none of them can drift from `--help`.
#pragma once

#include <CLI/CLI.hpp>
#include <span>

#include "context.h"
#include "logging.h"

namespace pelo::cli {

// The one-line description the program and its manual page open with.
inline constexpr const char* kTagline = "get your Peloton data out, keep it, understand it";

// Defines the program on `app`: its description, the exit codes and environment in its footer,
// --version, the global options (bound to ctx.options and log) and every command.
void DefineCommandLine(CLI::App& app, Context& ctx, LogOptions& log);

// An environment variable pelo reads, or a file it keeps, and what it is for.
struct NamedDoc {
  const char* name;
  const char* meaning;
};

// Every environment variable pelo reads.
std::span<const NamedDoc> EnvironmentDocs();

// The files pelo keeps, named as the XDG defaults give them.
std::span<const NamedDoc> FileDocs();

}  // namespace pelo::cli
