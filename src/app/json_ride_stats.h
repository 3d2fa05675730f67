// One ride's object of RideStatsJson (`pelo stats rides --json`), which RideJson (`pelo stats
// ride --json`) embeds as its `ride`: both write it through here, so they cannot differ.
#pragma once

#include "json_values.h"
#include "pelo/model/ride_metrics_row.h"

namespace pelo::app {

// Keyed by RideStatsColumns() (columns.h), in that order.
Json RideStatsObject(const model::RideMetricsListing& ride);

}  // namespace pelo::app
