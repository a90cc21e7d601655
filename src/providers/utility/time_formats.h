// The time provider's formats: RFC 3339 timestamps ("2020-02-12T06:36:13Z", offsets allowed)
// and time_sleep's durations (a number immediately followed by ms, s, m or h: "30s", "1.5m").
//
// Thread-safety: pure.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"

namespace fw::providers::utility {

struct Rfc3339Time {
  TimePoint instant;
  std::chrono::seconds offset{0};  // of the local time written (0 for "Z")
};

// Go's time.Parse(time.RFC3339, ...): date, 'T', time, optional fraction, 'Z' or ±hh:mm.
std::optional<Rfc3339Time> ParseRfc3339(std::string_view text);
// Go's Format(time.RFC3339) in the time's offset: no fraction, "Z" for UTC.
std::string FormatRfc3339(const Rfc3339Time& t);

struct CivilTime {
  int year, month, day, hour, minute, second;
};
// The calendar fields of the local time written (instant + offset).
CivilTime ToCivil(const Rfc3339Time& t);

// `^[0-9]+(\.[0-9]+)?(ms|s|m|h)$` as a duration; nullopt when it does not match.
std::optional<std::chrono::nanoseconds> ParseSleepDuration(std::string_view text);

}  // namespace fw::providers::utility
