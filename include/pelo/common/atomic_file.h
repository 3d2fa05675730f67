// Files that appear whole or not at all, with their permissions from the start.
#pragma once

#include <sys/types.h>

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pelo/common/status.h"

namespace pelo {

// Writes `data` into a new temporary file beside `path` (mkstemp) through its descriptor, fsyncs
// it and renames it over `path`, then fsyncs the directory: readers see the old file or the
// whole new one. The file gets exactly `mode` (the umask does not apply), set on the descriptor
// before the first byte is written, so it never exists, even briefly, with wider permissions
// (that is what a token file needs). kStorage naming `path` and the cause on failure, which
// leaves the old file as it was and no temporary file.
Status WriteFileAtomically(const std::string& path, std::string_view data, mode_t mode);

// As above, with the content streamed by `write` through the same descriptor (an export too big
// to hold in memory). A failure of `write` keeps its code, with `path` in its message.
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& write, mode_t mode = 0644);

// Many files written as WriteFileAtomically writes one, made durable together: Add writes a file's
// temporary beside its path (same naming and mode rules, no fsync); Commit syncs the file system
// once (syncfs), then renames each temporary over its path and fsyncs their directories. An export
// of 2,000 files pays one sync per batch instead of two per file, and still renames no file
// before its data is on disk: a crash leaves each file old or whole, and at most a batch of
// temporaries (".NAME.tmp.XXXXXX") that the caller may clean up. Not thread-safe.
class AtomicFileBatch {
 public:
  AtomicFileBatch() = default;
  ~AtomicFileBatch();  // removes the temporaries of files not committed
  AtomicFileBatch(const AtomicFileBatch&) = delete;
  AtomicFileBatch& operator=(const AtomicFileBatch&) = delete;

  // Writes `data` into a new temporary beside `path` with `mode`. kStorage naming `path` as
  // WriteFileAtomically does, leaving no temporary of it.
  Status Add(const std::string& path, std::string_view data, mode_t mode);
  // Makes every added file durable and renames it over its path. kStorage naming the first that
  // failed; the temporaries not renamed are removed.
  Status Commit();

  size_t pending_files() const { return pending_.size(); }
  size_t pending_bytes() const { return pending_bytes_; }

 private:
  std::vector<std::pair<std::string, std::string>> pending_;  // temporary, path
  size_t pending_bytes_ = 0;
};

}  // namespace pelo
