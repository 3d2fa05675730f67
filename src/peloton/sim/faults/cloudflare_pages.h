// The HTML pages Cloudflare, in front of Peloton's API, answers with instead of the API's JSON:
// the origin-down error page, the "checking your browser" challenge and the firewall block.
#pragma once

#include <string_view>

namespace pelo::sim {

// 502 "Error 502 Bad gateway": the origin did not answer.
std::string_view CloudflareBadGatewayPage();

// "Just a moment...": the JavaScript challenge a browser solves and an API client cannot
// (served with 200 when Cloudflare shows it as an interstitial).
std::string_view CloudflareChallengePage();

// 403 "Sorry, you have been blocked": a firewall rule (bot score, rate, country) matched.
std::string_view CloudflareBlockedPage();

}  // namespace pelo::sim
