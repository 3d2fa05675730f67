#include "pelo/model/ride_metric_fields.h"

#include <cmath>
#include <type_traits>

namespace pelo::model {

std::optional<double> RideMetricValue(const RideMetricField& field, const RideMetricsRow& row) {
  return std::visit(
      [&row](auto member) -> std::optional<double> {
        const auto& value = row.*member;
        using Value = std::remove_cvref_t<decltype(value)>;
        if constexpr (std::is_same_v<Value, std::optional<double>>) {
          return value;
        } else if constexpr (std::is_same_v<Value, std::optional<int>>) {
          return value ? std::optional<double>(*value) : std::nullopt;
        } else if constexpr (std::is_same_v<Value, bool>) {
          return value ? 1.0 : 0.0;
        } else {
          static_assert(std::is_same_v<Value, int>);
          return static_cast<double>(value);
        }
      },
      field.member);
}

void SetRideMetricValue(const RideMetricField& field, RideMetricsRow& row,
                        std::optional<double> value) {
  std::visit(
      [&row, &value](auto member) {
        auto& target = row.*member;
        using Value = std::remove_cvref_t<decltype(target)>;
        if constexpr (std::is_same_v<Value, std::optional<double>>) {
          target = value;
        } else if constexpr (std::is_same_v<Value, std::optional<int>>) {
          target = value ? std::optional<int>(static_cast<int>(std::lround(*value))) : std::nullopt;
        } else if constexpr (std::is_same_v<Value, bool>) {
          target = value ? *value != 0 : RideMetricsRow().*member;
        } else {
          static_assert(std::is_same_v<Value, int>);
          target = value ? static_cast<int>(std::lround(*value)) : RideMetricsRow().*member;
        }
      },
      field.member);
}

}  // namespace pelo::model
