// One setting's text to value, without checking it against the others (settings.cc); shared by
// SetSetting and the file parser, which checks the values together once the file is read.
#pragma once

#include <string>
#include <string_view>

#include "pelo/analytics/ride_input.h"
#include "pelo/common/status.h"
#include "pelo/config/settings.h"

namespace pelo::config {

// Sets `key` in `settings` from `value`; kInvalidArgument naming the key and what it accepts.
Status AssignSetting(Settings& settings, std::string_view key, std::string_view value);

// True for the keys SettingKeys() lists.
bool IsSettingKey(std::string_view key);

// kInvalidArgument "unknown setting \"KEY\" (the keys are ...)".
Status UnknownKey(std::string_view key);

// `text` fit for a one-line message: quoted, control characters as '?', cut after 40 bytes.
std::string Quoted(std::string_view text);

}  // namespace pelo::config
