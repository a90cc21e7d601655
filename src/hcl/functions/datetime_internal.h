// Timestamps as Terraform's date/time functions see them (internal).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace fw::hcl::datetime_internal {

// An instant and the UTC offset it was written with.
struct Timestamp {
  int64_t unix_seconds = 0;  // seconds since 1970-01-01T00:00:00Z
  int32_t nanos = 0;
  int32_t offset_seconds = 0;  // east of UTC
  bool utc = true;             // written with "Z" (or made from a UTC clock)
};

struct Civil {
  int64_t year;
  int month, day, hour, minute, second, weekday;  // weekday: 0 = Sunday
};

// The local (offset-applied) calendar fields.
Civil ToCivil(const Timestamp& t);
int64_t DaysFromCivil(int64_t y, int m, int d);
int DaysIn(int month, int64_t year);

// Parses RFC 3339 as Terraform does ("2006-01-02T15:04:05Z07:00", fractional seconds allowed),
// with Terraform's error messages ("not a valid RFC3339 timestamp: ...").
Result<Timestamp> ParseRfc3339(std::string_view text);
// Formats as Go's time.RFC3339 ("Z" for a zero offset; no fractional seconds).
std::string FormatRfc3339(const Timestamp& t);

// Go's time.ParseDuration, in nanoseconds.
Result<int64_t> ParseDuration(std::string_view text);

}  // namespace fw::hcl::datetime_internal
