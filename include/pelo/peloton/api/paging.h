// Lazy paging: a range over every item of a paged list that fetches the next page only when
// iteration reaches it. One shape for REST page/limit (cursor = the next page number) and
// GraphQL connections (cursor = pageInfo.endCursor).
//
//   auto all = client.AllFollowers(user_id);
//   for (const model::UserProfile& p : all) { ... }
//   if (!all.status().ok()) { ... the page that failed ... }
//
// A caller that stops early (an incremental sync at what it already has, a fatal error
// elsewhere) says so with BeforeEachPage: no page is fetched that nobody will read. Ctrl-C needs
// nothing: the transport refuses to send once cancelled, so status() becomes kCancelled.
#pragma once

#include <cstddef>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pelo/common/status.h"

namespace pelo::api {

template <typename T>
struct PageOf {
  std::vector<T> items;
  std::optional<std::string> next;  // the cursor of the next page; nullopt on the last page
};

template <typename T>
class Paged {
 public:
  // `fetch(nullopt)` returns the first page; `fetch(cursor)` the page `cursor` names.
  using Fetch = std::function<StatusOr<PageOf<T>>(const std::optional<std::string>& cursor)>;
  // Asked before each page is fetched (the first included) with how many were fetched so far:
  // false ends the range there, without an error (status() stays OK, ended() false). The place
  // for "after each page" work too (progress), since a page's items have all been read by then.
  using BeforePage = std::function<bool(int pages_fetched)>;

  explicit Paged(Fetch fetch) : fetch_(std::move(fetch)) {}
  Paged(const Paged&) = delete;
  Paged& operator=(const Paged&) = delete;
  Paged(Paged&&) noexcept = default;
  Paged& operator=(Paged&&) noexcept = default;

  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    iterator() = default;
    reference operator*() const { return owner_->items_[index_]; }
    pointer operator->() const { return &owner_->items_[index_]; }
    iterator& operator++() {
      if (++index_ >= owner_->items_.size()) {
        owner_->NextPage();
        index_ = 0;
      }
      return *this;
    }
    void operator++(int) { ++*this; }
    bool operator==(std::default_sentinel_t) const {
      return owner_ == nullptr || index_ >= owner_->items_.size();
    }

   private:
    friend class Paged;
    explicit iterator(Paged* owner) : owner_(owner) {}
    Paged* owner_ = nullptr;
    size_t index_ = 0;
  };

  // Single pass: the first begin() fetches the first page; a later begin() starts at the first
  // item of the page the range holds now. Make a new range to start over.
  iterator begin() {
    if (!started_) {
      started_ = true;
      NextPage();
    }
    return iterator(this);
  }
  std::default_sentinel_t end() const { return {}; }

  // Set before iterating; see BeforePage.
  Paged& BeforeEachPage(BeforePage before) {
    before_ = std::move(before);
    return *this;
  }

  // Why iteration ended early (the failed page's error), or OK.
  const Status& status() const { return status_; }
  int pages_fetched() const { return pages_; }
  // True once the list is known to hold nothing more: the last page fetched said no other
  // follows. False after an error, or when BeforeEachPage ended the range.
  bool ended() const { return done_ && status_.ok() && !held_back_; }

  // Everything (all pages), or the first error.
  StatusOr<std::vector<T>> Collect() {
    std::vector<T> out;
    for (const T& item : *this) out.push_back(item);
    if (!status_.ok()) return status_;
    return out;
  }

 private:
  // Replaces the current page with the next non-empty one, or empties it at the end of the list
  // or on an error. Only one page is held, however long the list.
  void NextPage() {
    items_.clear();
    while (items_.empty() && !done_) {
      if (before_ && !before_(pages_)) {
        held_back_ = true;
        done_ = true;
        return;
      }
      StatusOr<PageOf<T>> page = fetch_(cursor_);
      ++pages_;
      if (!page.ok()) {
        status_ = page.status();
        done_ = true;
        return;
      }
      if (page->next.has_value() && cursor_.has_value() && *page->next == *cursor_) {
        status_ = Status(ErrorCode::kApi, "the API returned the same page cursor twice");
        done_ = true;
        return;
      }
      items_ = std::move(page->items);
      cursor_ = std::move(page->next);
      done_ = !cursor_.has_value();
    }
  }

  Fetch fetch_;
  BeforePage before_;
  std::vector<T> items_;
  std::optional<std::string> cursor_;
  Status status_;
  bool started_ = false;
  bool done_ = false;
  bool held_back_ = false;  // BeforeEachPage said no more
  int pages_ = 0;
};

}  // namespace pelo::api
