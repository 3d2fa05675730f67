// One page of a REST list (Peloton's ResultList envelope: data + page/limit/total/show_next).
#pragma once

#include <cstdint>
#include <vector>

namespace pelo::model {

template <typename T>
struct Page {
  std::vector<T> data;
  int64_t total = 0;  // items in the whole list (0 when the API does not say)
  int64_t count = 0;  // items in this page
  int64_t page = 0;   // 0-based
  int64_t limit = 0;
  int64_t page_count = 0;
  bool show_next = false;  // another page follows
};

}  // namespace pelo::model
