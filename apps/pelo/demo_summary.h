// The short report `pelo demo` prints about a synced history.
#pragma once

#include <ostream>

#include "pelo/common/status.h"
#include "pelo/store/store.h"

namespace pelo::cli {

// Workouts by discipline, date range, best 20-minute output and FTP then and now.
Status PrintDemoSummary(store::Store& store, std::ostream& out);

}  // namespace pelo::cli
