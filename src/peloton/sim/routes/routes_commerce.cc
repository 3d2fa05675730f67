// Money: the shop's plans, stores and bike reviews (public), the user's orders, card,
// subscriptions and their billing history.
#include <algorithm>
#include <array>
#include <vector>

#include "peloton/sim/routes/http_util.h"
#include "peloton/sim/routes/route_util.h"
#include "peloton/sim/routes/routes.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kBillingPeriod = 30 * kSecondsPerDay;
constexpr uint64_t kCommerceStream = 0x5B5;
constexpr int kReviewCount = 45;

struct Subscription {
  std::string id;
  std::string type;
  std::string status;
  std::string description;
  double monthly_price = 0;
  int64_t created_at = 0;
  int64_t end_date = 0;  // 0 while active
};

// A digital membership the user cancelled after three months, then the All-Access one they
// have now (/api/me: has_active_device_subscription).
std::vector<Subscription> Subscriptions(const Context& ctx) {
  const int64_t joined = ctx.data->me.value("created_at", ctx.now - 365 * kSecondsPerDay);
  const uint64_t key = Mix(ctx.options.seed, kCommerceStream);
  return {{HexId(key, 1), "digital", "cancelled", "Peloton App Membership", 12.99, joined,
           joined + 3 * kBillingPeriod},
          {HexId(key, 2), "device", "active", "All-Access Membership", 44.00,
           joined + 3 * kBillingPeriod + kSecondsPerDay, 0}};
}

json SubscriptionJson(const Subscription& s) {
  return {{"id", s.id},
          {"type", s.type},
          {"status", s.status},
          {"description", s.description},
          {"created_at", s.created_at},
          {"end_date", s.end_date ? json(s.end_date) : json(nullptr)}};
}

void UserSubscriptions(Context& ctx, const httplib::Request&, httplib::Response& res) {
  json list = json::array();
  for (const Subscription& s : Subscriptions(ctx)) list.push_back(SubscriptionJson(s));
  SendJson(res, 200, {{"subscriptions", list}});
}

void Transactions(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Paging paging;
  if (!ReadPaging(req, res, &paging, 12) || !PathIsUser(ctx, req, res)) return;
  // The charge behind each transaction only with joins=transaction (§4.3: joins expand).
  const bool join_transaction = Joined(req, "transaction");
  for (const Subscription& s : Subscriptions(ctx)) {
    if (s.id != req.matches[2]) continue;
    // One charge per billing period, newest first.
    const int64_t until = s.end_date ? s.end_date : ctx.now;
    std::vector<json> items;
    for (int64_t at = until - (until - s.created_at) % kBillingPeriod; at >= s.created_at;
         at -= kBillingPeriod) {
      const std::string id = HexId(HashText(s.id), static_cast<uint64_t>(at));
      items.push_back({{"id", id},
                       {"amount", s.monthly_price},
                       {"currency", "USD"},
                       {"status", "succeeded"},
                       {"description", s.description},
                       {"created_at", at}});
      if (join_transaction) {
        items.back()["transaction"] = {{"id", HexId(HashText(id), 1)},
                                       {"type", "charge"},
                                       {"amount", s.monthly_price},
                                       {"currency", "USD"},
                                       {"card_last4", "4242"}};
      }
    }
    return SendJson(res, 200, PagedList(std::move(items), paging, "-created_at"));
  }
  SendApiError(res, 404, 4040, "Subscription not found");
}

void Plans(Context&, const httplib::Request&, httplib::Response& res) {
  SendJson(res, 200,
           {{"plans",
             {{{"id", HexId(kCommerceStream, 11)},
               {"name", "App One"},
               {"price", 12.99},
               {"currency", "USD"},
               {"interval", "month"},
               {"trial_days", 30}},
              {{"id", HexId(kCommerceStream, 12)},
               {"name", "App+"},
               {"price", 24.0},
               {"currency", "USD"},
               {"interval", "month"},
               {"trial_days", 30}},
              {{"id", HexId(kCommerceStream, 13)},
               {"name", "App+ Annual"},
               {"price", 240.0},
               {"currency", "USD"},
               {"interval", "year"},
               {"trial_days", 30}}}}});
}

void Stores(Context&, const httplib::Request&, httplib::Response& res) {
  json stores = json::array();
  for (const auto& [slug, name, country, currency] :
       std::vector<std::array<const char*, 4>>{{"us", "Peloton US", "US", "USD"},
                                               {"ca", "Peloton Canada", "CA", "CAD"},
                                               {"uk", "Peloton UK", "GB", "GBP"},
                                               {"de", "Peloton Deutschland", "DE", "EUR"},
                                               {"au", "Peloton Australia", "AU", "AUD"}}) {
    stores.push_back(
        {{"slug", slug}, {"name", name}, {"country", country}, {"currency", currency}});
  }
  SendJson(res, 200, {{"stores", stores}});
}

void BikeReviews(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  static const char* const kTitles[] = {"Life changing",    "Worth every penny",
                                        "Great classes",    "Solid bike",
                                        "Good, but pricey", "Love the instructors"};
  Paging paging;
  if (!ReadPaging(req, res, &paging)) return;
  const std::string sort_by =
      req.has_param("sort_by") ? req.get_param_value("sort_by") : "-submittedAt";
  if (sort_by != "-submittedAt" && sort_by != "submittedAt") return SendBadParam(res, "sort_by");
  std::vector<json> reviews;
  for (int i = 0; i < kReviewCount; ++i) {
    const uint64_t key = Mix(kCommerceStream, static_cast<uint64_t>(i));
    reviews.push_back({{"id", HexId(key, 7)},
                       {"rating", 3 + static_cast<int>(key % 3)},
                       {"title", kTitles[key % std::size(kTitles)]},
                       {"text", "Review " + std::to_string(i + 1) + " of the Peloton Bike."},
                       {"author", "Rider" + std::to_string(100 + i)},
                       {"submittedAt", ctx.now - (i + 1) * 5 * kSecondsPerDay -
                                           static_cast<int64_t>(key % kSecondsPerDay)}});
  }
  // Built newest first.
  if (sort_by == "submittedAt") std::reverse(reviews.begin(), reviews.end());
  SendJson(res, 200, PagedList(std::move(reviews), paging, sort_by));
}

void Orders(Context& ctx, const httplib::Request&, httplib::Response& res) {
  const int64_t joined = ctx.data->me.value("created_at", ctx.now - 365 * kSecondsPerDay);
  const uint64_t key = Mix(ctx.options.seed, kCommerceStream + 1);
  SendJson(res, 200,
           {{"orders",
             {{{"id", HexId(key, 1)},
               {"status", "delivered"},
               {"total", 1445.0},
               {"currency", "USD"},
               {"created_at", joined + 80 * kSecondsPerDay}},
              {{"id", HexId(key, 2)},
               {"status", "delivered"},
               {"total", 125.0},
               {"currency", "USD"},
               {"created_at", joined + 120 * kSecondsPerDay}}}}});
}

void Cards(Context&, const httplib::Request&, httplib::Response& res) {
  SendJson(
      res, 200,
      {{"cards", {{{"brand", "visa"}, {"last4", "4242"}, {"exp_month", 8}, {"exp_year", 2029}}}}});
}

}  // namespace

void RegisterCommerceRoutes(httplib::Server& server, Context& ctx) {
  // The shop's catalogue is public (§5.H); the account's orders and card are not.
  server.Get("/ecomm/store/dotcom/digital_subscriptions/plans", Open(ctx, Plans));
  server.Get("/ecomm/store", Open(ctx, Stores));
  server.Get("/ecomm/product/bike/reviews", Open(ctx, BikeReviews));
  server.Get("/ecomm/orders", Guarded(ctx, Orders));
  server.Get("/ecomm/card", Guarded(ctx, Cards));
  server.Get("/api/v2/user/subscriptions", Guarded(ctx, UserSubscriptions));
  server.Get(R"(/api/user/([^/]+)/subscription/([^/]+)/subscription_transactions)",
             Guarded(ctx, Transactions));
}

}  // namespace pelo::sim
