// DeployWorker: the pool of threads that run the RFS stack jobs ("rfs.deploy", "rfs.rollback",
// "rfs.delete", "rfs.plan") from the store's jobs table. Each thread claims one job under a
// lease (JobRepository::ClaimNext), renews the lease with heartbeats while the job runs, and
// hands it to a DeploymentRunner. A job whose worker died is claimed again once its lease
// expires, by this process after a restart or by any other worker; the runner resumes it.
//
//   DeployWorker worker(store, clock, cloud, {});
//   worker.Start();  ...  worker.Stop();   // Stop cancels running applies; their jobs resume
//                                          // at the next start
//
// Tests call RunOne() to claim and run one job on the calling thread (no threads, no sleeps).
//
// Thread-safety: Start/Stop from one controlling thread; RunOne from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "stacks/deployment_runner.h"

namespace fw::stacks {

struct DeployWorkerOptions {
  int threads = 2;
  std::chrono::milliseconds lease{10000};
  std::chrono::milliseconds heartbeat_interval{3000};
  std::chrono::milliseconds idle_poll{250};  // how often an idle thread looks for jobs
  std::string worker_id;                     // "" → "rfs-worker-<random>" (new per process)
  // At Start, end the leases of running jobs of every other owner so they resume at once. Only
  // right for the embedded store, where those owners are earlier (dead) processes; with a
  // store shared by live replicas leave it off and let leases expire.
  bool reclaim_at_start = false;
  RunnerOptions runner;
};

class DeployWorker {
 public:
  DeployWorker(store::Store& store, const Clock& clock, providers::CloudServices cloud,
               DeployWorkerOptions options = {});
  ~DeployWorker();
  DeployWorker(const DeployWorker&) = delete;
  DeployWorker& operator=(const DeployWorker&) = delete;

  // Ends the leases of jobs held by earlier processes (DeployWorkerOptions::reclaim_at_start)
  // and starts the threads.
  void Start();
  void Stop();
  // Tells an idle thread to look for jobs now (a request just queued one).
  void Wake();

  // Claims one claimable job and runs it here. True when a job was run (finished or
  // abandoned), false when there was none.
  Result<bool> RunOne();

  const std::string& id() const { return options_.worker_id; }

 private:
  void Loop();
  Result<bool> ClaimAndRun(bool with_heartbeat);

  store::Store& store_;
  const Clock& clock_;
  DeployWorkerOptions options_;
  DeploymentRunner runner_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // guarded by mu_
  bool woken_ = false;     // guarded by mu_
  std::set<std::atomic<bool>*> running_;  // cancel flags of running jobs; guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace fw::stacks
