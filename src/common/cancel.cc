#include "pelo/common/cancel.h"

#include <atomic>

namespace pelo {
namespace {
std::atomic<bool> g_cancel{false};
static_assert(std::atomic<bool>::is_always_lock_free, "needed for signal safety");
}  // namespace

void RequestCancel() { g_cancel.store(true, std::memory_order_relaxed); }
bool CancelRequested() { return g_cancel.load(std::memory_order_relaxed); }
void ResetCancel() { g_cancel.store(false, std::memory_order_relaxed); }

}  // namespace pelo
