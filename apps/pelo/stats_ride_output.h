// Rendering `pelo stats ride` for a person: the headline, the metrics, the segments and the time
// in power and heart-rate zones (its JSON is app::RideJson).
#pragma once

#include <ostream>

#include "pelo/app/ride.h"

namespace pelo::cli {

// Fields and tables; every text from the API goes through TerminalText (render.h). Sections with
// nothing in them (no metrics, segments or zones) are left out.
void PrintRide(const app::RideDetail& ride, std::ostream& out);

}  // namespace pelo::cli
