// File names made from API text (common/file_name.h): whatever a workout title holds, the name
// stays one harmless path component.
#include <string>

#include "fuzz_check.h"
#include "pelo/common/file_name.h"

namespace {

// Whether `s` is well-formed UTF-8 with no C0/C1 control character or DEL.
bool IsCleanUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const size_t length = lead < 0x80         ? 1
                          : (lead >> 5) == 6  ? 2
                          : (lead >> 4) == 14 ? 3
                          : (lead >> 3) == 30 ? 4
                                              : 0;
    if (length == 0 || i + length > s.size()) return false;
    if (lead < 0x20 || lead == 0x7F) return false;
    if (lead == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) return false;  // C1
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = pelo::fuzz::AsText(data, size);
  for (size_t max : {size_t{80}, size_t{8}, size_t{13}}) {
    const std::string name = pelo::SafeFileName(text, max);
    PELO_FUZZ_CHECK(!name.empty() && name.size() <= max);
    PELO_FUZZ_CHECK(name.find_first_of("/\\:*?\"<>|") == std::string::npos);
    PELO_FUZZ_CHECK(name.find("..") == std::string::npos);
    PELO_FUZZ_CHECK(name.front() != '.' && name.front() != '-' && name.back() != '.');
    PELO_FUZZ_CHECK(IsCleanUtf8(name));
    PELO_FUZZ_CHECK(pelo::SafeFileName(name, max) == name);  // already safe: unchanged
  }
  return 0;
}
