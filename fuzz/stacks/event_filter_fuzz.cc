// ListStackEvents' `filter` and `field` query parameters (src/stacks/event_filter.h): any bytes
// parse to a filter or an RF-coded error, never a crash, and a parsed filter can be matched.
#include <cstddef>
#include <cstdint>
#include <string>

#include "stacks/event_filter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto filter = fw::stacks::EventFilter::Parse(text);
  if (filter.ok()) {
    fw::store::StackEventRecord e;
    e.event_type = "CREATION_COMPLETE";
    e.resource_type = "huaweicloud_vpc";
    e.resource_name = "main";
    (void)filter->Matches(e);
  }
  (void)fw::stacks::ParseEventFields(text);
  return 0;
}
