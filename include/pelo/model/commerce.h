// eCommerce (/ecomm/*): membership plans, stores, bike reviews, orders, payment cards.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pelo::model {

struct Plan {
  std::string id;
  std::string name;
  std::optional<double> price;  // main currency unit
  std::string currency;
  std::string interval;  // "month", "year"
  std::optional<int64_t> trial_days;
  std::string json;
};

struct Store {
  std::string slug;
  std::string name;
  std::string country;
  std::string currency;
  std::string json;
};

struct Review {
  std::string id;
  std::optional<double> rating;  // 1-5
  std::string title;
  std::string text;
  std::string author;
  std::optional<int64_t> submitted_at;
  std::string json;
};

struct Order {
  std::string id;
  std::string status;
  std::optional<double> total;
  std::string currency;
  std::optional<int64_t> created_at;
  std::string json;
};

// Payment information: what the API shows (brand, last four digits, expiry), nothing more.
struct PaymentCard {
  std::string brand;
  std::string last4;
  std::optional<int64_t> exp_month;
  std::optional<int64_t> exp_year;
  std::string json;
};

}  // namespace pelo::model
