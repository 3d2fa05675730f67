// eCommerce (/ecomm/*): plans, stores, bike reviews, orders, payment cards.
#include "pelo/peloton/api/parse_more.h"
#include "peloton/api/client_internal.h"

namespace pelo::api {
namespace {

using internal::Get;

}  // namespace

StatusOr<Fetched<std::vector<model::Plan>>> Client::Plans() {
  return Fetch(Get("/ecomm/store/dotcom/digital_subscriptions/plans"), &ParsePlans);
}

StatusOr<Fetched<std::vector<model::Store>>> Client::Stores() {
  return Fetch(Get("/ecomm/store"), &ParseStores);
}

StatusOr<Fetched<model::Page<model::Review>>> Client::BikeReviews(int page) {
  return Fetch(Get("/ecomm/product/bike/reviews",
                   {{"page", std::to_string(page)}, {"sort_by", "-submittedAt"}}),
               &ParseReviewPage);
}

StatusOr<Fetched<std::vector<model::Order>>> Client::Orders() {
  return Fetch(Get("/ecomm/orders"), &ParseOrders);
}

StatusOr<Fetched<std::vector<model::PaymentCard>>> Client::PaymentCards() {
  return Fetch(Get("/ecomm/card"), &ParsePaymentCards);
}

}  // namespace pelo::api
