// What the engine needs to call a resource type: the CallContext of one instance (project of
// its region, idempotency key, the configuration's files), the provider address written in state, a small parallel-for.
//
// Thread-safety: CloudCalls is safe from any thread (the project cache is behind a mutex).
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "base/clock.h"
#include "config/model.h"
#include "engine/engine.h"

namespace fw::engine {

class CloudCalls {
 public:
  // `files`: the configuration's files (config::Config::files, may be null), passed to every
  // call.
  CloudCalls(const Target& target, const hcl::FileSource* files)
      : target_(target), files_(files) {}

  // The context of one call; the key is prefix ":" address ":" action.
  Result<providers::CallContext> Context(const std::string& region, const std::string& address,
                                         std::string_view action);

 private:
  const Target& target_;
  const hcl::FileSource* files_;
  std::mutex mu_;
  std::map<std::string, std::string> projects_;  // guarded by mu_
};

// The clock of the target's cloud (its provisioning clock, which tests control); the system
// clock when the target has no cloud. What timestamp() and the plan's time read.
class TargetClock final : public fw::Clock {
 public:
  explicit TargetClock(const Target& target) : target_(target) {}
  TimePoint Now() const override;

 private:
  const Target& target_;
};

// `provider["registry.terraform.io/huaweicloud/huaweicloud"]` for a resource of `root`.
std::string ProviderAddress(const config::Config& root, const config::Resource& r);

// Calls fn(i) for i in [0, n) on up to `threads` threads.
void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn);

}  // namespace fw::engine
