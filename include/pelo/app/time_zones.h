// Which time zone the person is in, for the requests that ask the service for local times
// (Peloton's workout history CSV).
#pragma once

#include <string>

namespace pelo::app {

// An IANA zone name ("Europe/London", "UTC"), not a POSIX rule ("EST5EDT,M3.2.0,...").
bool IsIanaName(const std::string& tz);

// $TZ when it names an IANA zone (":Europe/Berlin" and ".../zoneinfo/Europe/Berlin" too), else
// the system's zone (/etc/localtime -> .../zoneinfo/Area/City), else "UTC".
std::string DefaultTimezone();

}  // namespace pelo::app
