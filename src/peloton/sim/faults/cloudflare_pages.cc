#include "peloton/sim/faults/cloudflare_pages.h"

namespace pelo::sim {
namespace {

constexpr std::string_view kBadGateway =
    "<!DOCTYPE html>\n"
    "<!--[if lt IE 7]> <html class=\"no-js ie6 oldie\" lang=\"en-US\"> <![endif]-->\n"
    "<html class=\"no-js\" lang=\"en-US\">\n"
    "<head>\n<title>api.onepeloton.com | 502: Bad gateway</title>\n"
    "<meta charset=\"UTF-8\" />\n"
    "<link rel=\"stylesheet\" id=\"cf_styles-css\" href=\"/cdn-cgi/styles/cf.errors.css\" />\n"
    "</head>\n<body>\n<div id=\"cf-wrapper\">\n<div id=\"cf-error-details\">\n"
    "<h1><span class=\"inline-block\">Bad gateway</span>\n"
    "<span class=\"code-label\">Error code 502</span></h1>\n"
    "<div class=\"cf-error-footer\">Visit <a href=\"https://www.cloudflare.com/5xx-error-landing\">"
    "cloudflare.com</a> for more information.</div>\n"
    "<p>Error 502 Bad gateway. Cloudflare Ray ID: <strong>8c1e2f3a4b5d6e7f</strong> &bull; "
    "Performance &amp; security by Cloudflare</p>\n"
    "</div>\n</div>\n</body>\n</html>\n";

constexpr std::string_view kChallenge =
    "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">"
    "<meta name=\"robots\" content=\"noindex,nofollow\">"
    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
    "<link href=\"/cdn-cgi/styles/challenges.css\" rel=\"stylesheet\"></head>"
    "<body class=\"no-js\"><div class=\"main-wrapper\" role=\"main\"><div class=\"main-content\">"
    "<h1 class=\"zone-name-title h1\">api.onepeloton.com</h1>"
    "<h2 class=\"h2\" id=\"challenge-running\">Checking if the site connection is secure</h2>"
    "<noscript><div id=\"challenge-error-title\">Enable JavaScript and cookies to continue"
    "</div></noscript>"
    "<div id=\"challenge-body-text\" class=\"core-msg spacer\">api.onepeloton.com needs to "
    "review the security of your connection before proceeding.</div></div></div>"
    "<script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8c1e2f3a4b5d6e80\">"
    "</script><div class=\"footer\" role=\"contentinfo\">Ray ID: <code>8c1e2f3a4b5d6e80</code>"
    " Performance &amp; security by Cloudflare</div></body></html>\n";

constexpr std::string_view kBlocked =
    "<!DOCTYPE html>\n"
    "<!--[if lt IE 7]> <html class=\"no-js ie6 oldie\" lang=\"en-US\"> <![endif]-->\n"
    "<html class=\"no-js\" lang=\"en-US\">\n"
    "<head>\n<title>Attention Required! | Cloudflare</title>\n"
    "<meta charset=\"UTF-8\" />\n"
    "<link rel=\"stylesheet\" id=\"cf_styles-css\" href=\"/cdn-cgi/styles/cf.errors.css\" />\n"
    "</head>\n<body>\n<div id=\"cf-wrapper\">\n<div id=\"cf-error-details\">\n"
    "<h1 data-translate=\"block_headline\">Sorry, you have been blocked</h1>\n"
    "<h2><span data-translate=\"blocked_why_headline\">You are unable to access</span> "
    "onepeloton.com</h2>\n"
    "<p data-translate=\"blocked_why_detail\">This website is using a security service to protect "
    "itself from online attacks. The action you just performed triggered the security "
    "solution.</p>\n"
    "<p>Cloudflare Ray ID: <strong>8c1e2f3a4b5d6e81</strong> &bull; Performance &amp; security "
    "by Cloudflare</p>\n"
    "</div>\n</div>\n</body>\n</html>\n";

}  // namespace

std::string_view CloudflareBadGatewayPage() { return kBadGateway; }
std::string_view CloudflareChallengePage() { return kChallenge; }
std::string_view CloudflareBlockedPage() { return kBlocked; }

}  // namespace pelo::sim
