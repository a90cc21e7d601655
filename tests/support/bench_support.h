// What the benchmarks share: starting the real `formwork serve`, taking a token, and running
// wrk against a URL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "process.h"

namespace fw::testing {

struct RunningServer {
  Process process;
  uint16_t port = 0;      // 0 when it did not start
  double ready_ms = -1;   // process start to the ready line
};

// Starts `binary serve` on 127.0.0.1:0 in `data_dir` with the password "Bench-Password-1".
RunningServer StartFormwork(const std::string& binary, const std::string& data_dir,
                            const std::vector<std::string>& extra_args = {});
void StopFormwork(RunningServer& server);
// A cn-north-4 project token for admin, or "" on failure.
std::string BenchToken(uint16_t port);

struct WrkResult {
  double rps = 0;
  std::string p50 = "?", p99 = "?", non2xx = "0";
};
// wrk -t2 -c64 --latency for `seconds` (with one extra header when not empty); nullopt when
// wrk is not installed.
std::optional<WrkResult> RunWrk(const std::string& url, const std::string& header, int seconds);

}  // namespace fw::testing
