// eCommerce (/ecomm/*): plans, stores, bike reviews, orders, payment cards.
#include "pelo/peloton/api/parse_more.h"
#include "peloton/api/json_envelope.h"

namespace pelo::api::json {
namespace {

model::Plan ReadPlan(const Object& object) {
  model::Plan plan;
  plan.id = String(object, "id");
  plan.name = String(object, "name");
  plan.price = Double(object, "price");
  plan.currency = String(object, "currency");
  plan.interval = String(object, "interval");
  plan.trial_days = Int(object, "trial_days");
  plan.json = Minified(object);
  return plan;
}

model::Store ReadStore(const Object& object) {
  return {String(object, "slug"), String(object, "name"), String(object, "country"),
          String(object, "currency"), Minified(object)};
}

model::Review ReadReview(const Object& object) {
  model::Review review;
  review.id = Text(object, "id");
  review.rating = Double(object, "rating");
  review.title = String(object, "title");
  review.text = String(object, "text");
  review.author = String(object, "author");
  review.submitted_at = Int(object, "submittedAt");
  review.json = Minified(object);
  return review;
}

model::Order ReadOrder(const Object& object) {
  model::Order order;
  order.id = Text(object, "id");
  order.status = String(object, "status");
  order.total = Double(object, "total");
  order.currency = String(object, "currency");
  order.created_at = Int(object, "created_at");
  order.json = Minified(object);
  return order;
}

model::PaymentCard ReadPaymentCard(const Object& object) {
  return {String(object, "brand"), Text(object, "last4"), Int(object, "exp_month"),
          Int(object, "exp_year"), Minified(object)};
}

}  // namespace
}  // namespace pelo::api::json

namespace pelo::api {

StatusOr<std::vector<model::Plan>> ParsePlans(std::string_view body) {
  return json::ParseList(body, "plans", json::ReadPlan);
}

StatusOr<std::vector<model::Store>> ParseStores(std::string_view body) {
  return json::ParseList(body, "stores", json::ReadStore);
}

StatusOr<model::Page<model::Review>> ParseReviewPage(std::string_view body) {
  return json::ParsePage(body, json::ReadReview);
}

StatusOr<std::vector<model::Order>> ParseOrders(std::string_view body) {
  return json::ParseList(body, "orders", json::ReadOrder);
}

StatusOr<std::vector<model::PaymentCard>> ParsePaymentCards(std::string_view body) {
  return json::ParseList(body, "cards", json::ReadPaymentCard);
}

}  // namespace pelo::api
