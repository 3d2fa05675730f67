#include "http/curl_handles.h"

namespace pelo::http::internal {

CurlShare::CurlShare(bool share_cookies) : share_(curl_share_init()) {
  if (share_ == nullptr) return;
  curl_share_setopt(share_, CURLSHOPT_LOCKFUNC, &CurlShare::Lock);
  curl_share_setopt(share_, CURLSHOPT_UNLOCKFUNC, &CurlShare::Unlock);
  curl_share_setopt(share_, CURLSHOPT_USERDATA, this);
  curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
  curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  if (share_cookies) curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
}

CurlShare::~CurlShare() {
  if (share_ != nullptr) curl_share_cleanup(share_);
}

void CurlShare::Lock(CURL* /*handle*/, curl_lock_data data, curl_lock_access /*access*/,
                     void* self) {
  static_cast<CurlShare*>(self)->mutexes_[static_cast<size_t>(data)].lock();
}

void CurlShare::Unlock(CURL* /*handle*/, curl_lock_data data, void* self) {
  static_cast<CurlShare*>(self)->mutexes_[static_cast<size_t>(data)].unlock();
}

EasyLease::~EasyLease() { pool_->Release(handle_); }

EasyPool::~EasyPool() {
  for (CURL* handle : idle_) curl_easy_cleanup(handle);
}

std::unique_ptr<EasyLease> EasyPool::Acquire() {
  CURL* handle = nullptr;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      handle = idle_.back();
      idle_.pop_back();
    }
  }
  if (handle == nullptr) handle = curl_easy_init();
  if (handle == nullptr) return nullptr;
  return std::make_unique<EasyLease>(this, handle);
}

void EasyPool::Release(CURL* handle) {
  // Detach from the share explicitly: the share must be freeable while handles sit idle.
  curl_easy_setopt(handle, CURLOPT_SHARE, nullptr);
  curl_easy_reset(handle);
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < kMaxIdle) {
    idle_.push_back(handle);
  } else {
    curl_easy_cleanup(handle);
  }
}

}  // namespace pelo::http::internal
