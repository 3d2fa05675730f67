#include "http/retry.h"

#include <gtest/gtest.h>

#include "http/rate_limiter.h"

namespace pelo::http::internal {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(Retry, RetryableStatuses) {
  for (int s : {429, 500, 502, 503, 504}) EXPECT_TRUE(IsRetryableStatus(s, false)) << s;
  for (int s : {200, 301, 400, 401, 403, 404, 501}) EXPECT_FALSE(IsRetryableStatus(s, false)) << s;
  EXPECT_TRUE(IsRetryableStatus(429, true));
  EXPECT_FALSE(IsRetryableStatus(503, true));  // an auth POST may already have been acted on
}

TEST(Retry, HtmlWhereJsonWasAskedIsRetriedFor2xxAnd403Only) {
  Request json_get;
  json_get.headers = {{"accept", "application/json, text/plain"}};
  Response page;
  page.headers = {{"Content-Type", "text/html; charset=UTF-8"}};
  page.body = "<!DOCTYPE html><html></html>";
  for (int s : {200, 203, 403}) {
    page.status = s;
    EXPECT_TRUE(IsRetryableResponse(json_get, page)) << s;
  }
  for (int s : {301, 400, 401, 404}) {
    page.status = s;
    EXPECT_FALSE(IsRetryableResponse(json_get, page)) << s;
  }
  page.status = 502;
  EXPECT_TRUE(IsRetryableResponse(json_get, page));  // as any 502
  page.status = 200;
  Request sensitive = json_get;
  sensitive.sensitive = true;
  EXPECT_FALSE(IsRetryableResponse(sensitive, page));
  Request csv;
  csv.headers = {{"Accept", "text/csv"}};
  EXPECT_FALSE(IsRetryableResponse(csv, page));
  Response json;
  json.status = 200;
  json.headers = {{"Content-Type", "application/json"}};
  json.body = R"({"a":1})";
  EXPECT_FALSE(IsRetryableResponse(json_get, json));
  json.status = 403;
  EXPECT_FALSE(IsRetryableResponse(json_get, json));
}

TEST(Retry, ABodyTheRequestRejectsIsRetriedFor2xxOnly) {
  Request request;
  request.usable_body = [](std::string_view body) { return body == "whole"; };
  Response response;
  response.status = 200;
  response.body = "wh";
  EXPECT_TRUE(IsRetryableResponse(request, response));
  response.body = "whole";
  EXPECT_FALSE(IsRetryableResponse(request, response));
  response.body = "wh";
  for (int s : {301, 400, 404}) {
    response.status = s;
    EXPECT_FALSE(IsRetryableResponse(request, response)) << s;
  }
  response.status = 200;
  request.sensitive = true;
  EXPECT_FALSE(IsRetryableResponse(request, response));
  Request unchecked;
  EXPECT_FALSE(IsRetryableResponse(unchecked, response));
}

TEST(Retry, ARequestsOwnAttemptsWinOverThePolicys) {
  RetryPolicy policy;
  policy.max_attempts = 4;
  Request request;
  EXPECT_EQ(MaxAttempts(policy, request), 4);
  request.max_attempts = 10;
  EXPECT_EQ(MaxAttempts(policy, request), 10);
  request.max_attempts = 1;
  EXPECT_EQ(MaxAttempts(policy, request), 1);
  request.max_attempts = 0;
  policy.max_attempts = 0;
  EXPECT_EQ(MaxAttempts(policy, request), 1);  // always at least one try
}

TEST(Retry, AnHtmlPageIsKnownByItsTypeOrItsFirstCharacter) {
  Response r;
  r.headers = {{"content-type", "TEXT/HTML"}};
  EXPECT_TRUE(r.IsHtmlPage());
  r.headers = {{"Content-Type", "application/json"}};
  r.body = "\xEF\xBB\xBF \r\n <html>";
  EXPECT_TRUE(r.IsHtmlPage());
  r.body = R"({"html": "<b>"})";
  EXPECT_FALSE(r.IsHtmlPage());
  r.body = "";
  EXPECT_FALSE(r.IsHtmlPage());
  r.headers.clear();
  r.body = "   ";
  EXPECT_FALSE(r.IsHtmlPage());
}

TEST(Retry, ParsesRetryAfterSecondsAndDates) {
  EXPECT_EQ(ParseRetryAfter("1", 0), milliseconds(1000));
  EXPECT_EQ(ParseRetryAfter(" 120 ", 0), milliseconds(120000));
  // Wed, 21 Oct 2015 07:28:00 GMT = 1445412480.
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", 1445412470), milliseconds(10000));
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", 1445412490), milliseconds(0));
  EXPECT_FALSE(ParseRetryAfter("", 0).has_value());
  EXPECT_FALSE(ParseRetryAfter("soon", 0).has_value());
  // The obsolete forms RFC 9110 still asks recipients to accept: RFC 850 and asctime.
  EXPECT_EQ(ParseRetryAfter("Wednesday, 21-Oct-15 07:28:00 GMT", 1445412470), milliseconds(10000));
  EXPECT_EQ(ParseRetryAfter("Wed Oct 21 07:28:00 2015", 1445412470), milliseconds(10000));
}

TEST(Retry, BackoffDoublesWithJitterAndCap) {
  RetryPolicy p;
  p.initial_backoff = milliseconds(100);
  p.max_backoff = milliseconds(1000);
  EXPECT_EQ(BackoffDelay(p, 1, 0.99999), milliseconds(99));
  EXPECT_EQ(BackoffDelay(p, 1, 0.0), milliseconds(50));
  EXPECT_EQ(BackoffDelay(p, 3, 0.0), milliseconds(200));
  EXPECT_EQ(BackoffDelay(p, 30, 0.0), milliseconds(500));  // capped at max, then jittered
}

TEST(Retry, RetryAfterWinsAndIsCapped) {
  RetryPolicy p;
  p.max_retry_after = seconds(5);
  Response r;
  r.headers = {{"retry-after", "2"}};
  EXPECT_EQ(RetryDelay(p, 1, r, 0.0, 0), milliseconds(2000));
  r.headers = {{"Retry-After", "3600"}};
  EXPECT_EQ(RetryDelay(p, 1, r, 0.0, 0), milliseconds(5000));
  r.headers.clear();
  EXPECT_EQ(RetryDelay(p, 1, r, 0.0, 0), BackoffDelay(p, 1, 0.0));
}

TEST(RateLimiter, BurstThenSpacing) {
  RateLimiter limiter(10);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(limiter.Reserve().count(), 0) << i;
  EXPECT_GT(limiter.Reserve(), std::chrono::steady_clock::duration::zero());
  RateLimiter unlimited(0);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(unlimited.Reserve().count(), 0);
}

}  // namespace
}  // namespace pelo::http::internal
