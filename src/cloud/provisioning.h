// How long simulated operations take: the real cloud's duration times the time scale
// (FORMWORK_TIME_SCALE: 0 = at once, the test default; 1 = as long as the real cloud).
//
// State is never advanced by timers: a resource stores when its operation started and when it
// will be done, and readers apply due transitions against the Clock. So a restart, a crash or
// a test's ManualClock all see the same state, and nothing runs in the background.
//
// Thread-safety: immutable after construction.
#pragma once

#include <chrono>

#include "base/clock.h"

namespace fw::cloud {

class Provisioning {
 public:
  Provisioning(const Clock& clock, double time_scale) : clock_(clock), time_scale_(time_scale) {}

  TimePoint Now() const { return clock_.Now(); }
  double time_scale() const { return time_scale_; }
  // When an operation that takes `real` in the real cloud and starts now will be done.
  TimePoint ReadyAt(TimePoint start, std::chrono::seconds real) const {
    auto scaled = std::chrono::duration<double>(real) * time_scale_;
    return start + std::chrono::duration_cast<std::chrono::microseconds>(scaled);
  }
  // 0..100: how far an operation from `start` to `ready` is at `now`.
  static int PercentDone(TimePoint start, TimePoint ready, TimePoint now) {
    if (now >= ready || ready <= start) return 100;
    if (now <= start) return 0;
    return static_cast<int>(100 * (now - start) / (ready - start));
  }

 private:
  const Clock& clock_;
  double time_scale_;
};

}  // namespace fw::cloud
