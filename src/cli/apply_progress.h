// The offline apply's ApplyObserver: prints Terraform's progress lines on a terminal
// ("huaweicloud_vpc.main: Creating...", "... Creation complete after 0s [id=...]"), counts
// what was added, changed and destroyed, and keeps the state file current.
//
// State writes are batched: a finished instance writes the state when the last write is at
// least max(200 ms, 5 × the time that write took) ago, so a crash loses at most that much
// (the simulated cloud's idempotency keys let the next apply find what was made meanwhile),
// and serializing a 100,000-instance state after every instance cannot dominate the apply
// (it costs O(n) each time, so per-instance writes would make the apply quadratic). The
// command writes the final state itself when Apply returns, on failure too.
//
// Thread-safety: the engine serializes observer calls; not for use from two applies at once.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "engine/engine.h"

namespace fw::cli {

struct ApplyCounts {
  int added = 0;
  int changed = 0;
  int destroyed = 0;
};

class ApplyProgress final : public engine::ApplyObserver {
 public:
  // `out` receives progress lines when `show_progress`; state goes to `state_path`.
  ApplyProgress(std::string state_path, bool show_progress, std::FILE* out)
      : state_path_(std::move(state_path)), show_progress_(show_progress), out_(out) {}

  void OnStarted(const engine::ResourceChange& change) override;
  Status OnFinished(const engine::InstanceEvent& event, const engine::State& state_so_far) override;

  const ApplyCounts& counts() const { return counts_; }

 private:
  using Clock = std::chrono::steady_clock;

  std::string state_path_;
  bool show_progress_;
  std::FILE* out_;
  ApplyCounts counts_;
  Clock::time_point last_write_{};
  Clock::duration write_interval_ = std::chrono::milliseconds(200);
};

// "0s", "12s", "1m5s": Terraform's elapsed-time text.
std::string FormatElapsed(std::chrono::milliseconds elapsed);

}  // namespace fw::cli
