#include "base/clock.h"

namespace fw {

const Clock& SystemClock::Instance() {
  static const SystemClock clock;
  return clock;
}

}  // namespace fw
