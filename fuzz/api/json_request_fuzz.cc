// Fuzzes JSON request decoding (depth limit, malformed input) and the typed accessors the
// handlers use on whatever object comes out.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "api/common/json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  auto parsed = fw::api::ParseJsonObject(body);
  if (!parsed.ok()) return 0;
  const auto& o = *parsed;
  (void)fw::api::OptionalString(o, "name", "name");
  (void)fw::api::OptionalInt(o, "count", "count");
  (void)fw::api::OptionalBool(o, "enabled", "enabled");
  (void)fw::api::OptionalArray(o, "items", "items");
  if (auto auth = fw::api::OptionalObject(o, "auth", "auth"); auth.ok() && *auth) {
    (void)fw::api::RequiredObject(**auth, "identity", "auth.identity");
  }
  (void)fw::api::ToJson(o);
  return 0;
}
