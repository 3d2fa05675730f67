// RAII libcurl handles: a share (connections, DNS, TLS sessions, cookies) and a pool of easy
// handles leased one transfer at a time.
#pragma once

#include <curl/curl.h>

#include <array>
#include <memory>
#include <mutex>
#include <vector>

namespace pelo::http::internal {

// A curl_share whose lock callbacks guard each shared data kind with its own mutex.
class CurlShare {
 public:
  explicit CurlShare(bool share_cookies);
  ~CurlShare();
  CurlShare(const CurlShare&) = delete;
  CurlShare& operator=(const CurlShare&) = delete;

  CURLSH* get() const { return share_; }

 private:
  static void Lock(CURL* handle, curl_lock_data data, curl_lock_access access, void* self);
  static void Unlock(CURL* handle, curl_lock_data data, void* self);

  CURLSH* share_ = nullptr;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> mutexes_;
};

class EasyPool;

// One easy handle, returned to its pool (reset) when the lease ends.
class EasyLease {
 public:
  EasyLease(EasyPool* pool, CURL* handle) : pool_(pool), handle_(handle) {}
  ~EasyLease();
  EasyLease(const EasyLease&) = delete;
  EasyLease& operator=(const EasyLease&) = delete;

  CURL* get() const { return handle_; }

 private:
  EasyPool* pool_;
  CURL* handle_;
};

// Idle easy handles kept for reuse (they carry no state between transfers once reset).
class EasyPool {
 public:
  EasyPool() = default;
  ~EasyPool();
  EasyPool(const EasyPool&) = delete;
  EasyPool& operator=(const EasyPool&) = delete;

  // A handle for one transfer; nullptr only when libcurl is out of memory.
  std::unique_ptr<EasyLease> Acquire();
  void Release(CURL* handle);

 private:
  static constexpr size_t kMaxIdle = 64;  // --jobs up to 64 reuse handles
  std::mutex mu_;
  std::vector<CURL*> idle_;
};

}  // namespace pelo::http::internal
