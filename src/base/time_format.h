// The time formats of the Huawei Cloud wire protocols (all UTC).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"

namespace fw {

// "20240102T030405Z": the X-Sdk-Date header.
std::string FormatSdkDate(TimePoint t);
std::optional<TimePoint> ParseSdkDate(std::string_view text);

// "2024-01-03T03:04:05.000000Z": IAM token expires_at / issued_at.
std::string FormatIsoMicros(TimePoint t);
std::optional<TimePoint> ParseIsoMicros(std::string_view text);

// "2024-01-03T03:04:05Z": general ISO 8601 to the second.
std::string FormatIsoSeconds(TimePoint t);

// Milliseconds since the epoch (CDM link/job times, RFS ordering keys).
int64_t ToUnixMillis(TimePoint t);
TimePoint FromUnixMillis(int64_t ms);
int64_t ToUnixMicros(TimePoint t);
TimePoint FromUnixMicros(int64_t us);

}  // namespace fw
