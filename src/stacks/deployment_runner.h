// DeploymentRunner: runs one claimed job of the RFS stack domain with the engine — a deployment
// ("rfs.deploy", "rfs.rollback"), a stack deletion ("rfs.delete") or an execution plan
// ("rfs.plan") — and writes its outcome. Each finished resource instance writes its state row
// and its event in one store transaction; the end writes the stack's terminal status, the
// deployment, the SUMMARY event and the job's completion in one transaction.
//
// Resuming: a job claimed again after a crash (attempts > 1) plans again from the recorded rows
// and applies with the same idempotency prefix (the deployment id), so the cloud returns what it
// made before the crash instead of making it twice. Past `max_attempts` claims the deployment
// fails with an ERROR event saying why.
//
// Thread-safety: Run may be called from several threads at once (one job each).
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "base/clock.h"
#include "base/status.h"
#include "providers/provider.h"
#include "store/store.h"

namespace fw::stacks {

struct RunnerOptions {
  int parallelism = 10;   // engine provider calls at once per deployment
  int max_attempts = 3;   // claims of one job before it is failed
  // Test hook simulating a crash: called after each recorded instance with how many have been
  // recorded so far; a non-OK return abandons the job on the spot (nothing more is written, the
  // job keeps its lease until it expires), as if the process had died.
  std::function<Status(int recorded)> crash_after;
};

class DeploymentRunner {
 public:
  DeploymentRunner(store::Store& store, const Clock& clock, providers::CloudServices cloud,
                   RunnerOptions options = {});

  // Runs `job` (claimed by `owner`). OK when the job reached its end and was finished;
  // kUnavailable when it was abandoned (cancelled, lease lost, simulated crash) and will be
  // resumed by whoever claims it next.
  Status Run(const store::JobRecord& job, const std::string& owner,
             const std::atomic<bool>* cancelled);

 private:
  Status RunDeployment(const store::JobRecord& job, const std::string& owner,
                       const std::atomic<bool>* cancelled);
  Status RunPlan(const store::JobRecord& job, const std::string& owner,
                 const std::atomic<bool>* cancelled);

  store::Store& store_;
  const Clock& clock_;
  providers::CloudServices cloud_;
  RunnerOptions options_;
};

}  // namespace fw::stacks
