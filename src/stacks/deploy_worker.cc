#include "stacks/deploy_worker.h"

#include "base/ids.h"
#include "base/log.h"
#include "stacks/service_internal.h"

namespace fw::stacks {
namespace {

const std::vector<std::string>& JobKinds() {
  static const std::vector<std::string> k = {std::string(kJobDeploy), std::string(kJobRollback),
                                             std::string(kJobDelete), std::string(kJobPlan)};
  return k;
}

}  // namespace

DeployWorker::DeployWorker(store::Store& store, const Clock& clock,
                           providers::CloudServices cloud, DeployWorkerOptions options)
    : store_(store),
      clock_(clock),
      options_(std::move(options)),
      runner_(store, clock, cloud, options_.runner) {
  if (options_.worker_id.empty()) options_.worker_id = "rfs-worker-" + NewHexId32().substr(0, 12);
}

DeployWorker::~DeployWorker() { Stop(); }

void DeployWorker::Start() {
  if (options_.reclaim_at_start) {
    int64_t n = 0;
    Status st = store_.Write([&](store::Repositories& r) -> Status {
      FW_ASSIGN_OR_RETURN(n, r.jobs().ExpireLeasesNotOwnedBy(options_.worker_id, clock_.Now()));
      return Status::Ok();
    });
    if (!st.ok()) {
      Log(LogLevel::kWarn, "rfs worker: reclaiming earlier jobs failed",
          {{"worker", options_.worker_id}, {"error", st.message()}});
    } else if (n > 0) {
      Log(LogLevel::kInfo, "rfs worker: resuming jobs of an earlier process",
          {{"worker", options_.worker_id}, {"jobs", std::to_string(n)}});
    }
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = false;
  }
  for (int i = 0; i < options_.threads; ++i) threads_.emplace_back([this] { Loop(); });
}

void DeployWorker::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    for (std::atomic<bool>* flag : running_) *flag = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
}

void DeployWorker::Wake() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    woken_ = true;
  }
  cv_.notify_one();
}

Result<bool> DeployWorker::RunOne() { return ClaimAndRun(false); }

void DeployWorker::Loop() {
  while (true) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) return;
    }
    Result<bool> ran = ClaimAndRun(true);
    if (!ran.ok()) {
      Log(LogLevel::kWarn, "rfs worker: claiming a job failed",
          {{"worker", options_.worker_id}, {"error", ran.status().message()}});
    }
    if (!ran.ok() || !*ran) {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait_for(lock, options_.idle_poll, [&] { return stopping_ || woken_; });
      woken_ = false;
    }
  }
}

Result<bool> DeployWorker::ClaimAndRun(bool with_heartbeat) {
  std::optional<store::JobRecord> job;
  FW_RETURN_IF_ERROR(store_.Write([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(job, r.jobs().ClaimNext(options_.worker_id, clock_.Now(), options_.lease,
                                                JobKinds()));
    return Status::Ok();
  }));
  if (!job) return false;
  std::atomic<bool> cancelled{false};
  std::mutex hb_mu;
  std::condition_variable hb_cv;
  bool done = false;
  std::thread heartbeat;
  if (with_heartbeat) {
    heartbeat = std::thread([&] {
      std::unique_lock<std::mutex> lock(hb_mu);
      while (!done) {
        hb_cv.wait_for(lock, options_.heartbeat_interval);
        if (done) break;
        Status st = store_.Write([&](store::Repositories& r) {
          return r.jobs().Heartbeat(job->id, options_.worker_id, clock_.Now(), options_.lease);
        });
        if (st.code() == ErrorCode::kConflict) {
          cancelled = true;  // someone else holds the job now: stop starting new work
          break;
        }
      }
    });
  }
  // Shutdown cancels the apply; the job keeps its lease and resumes at the next start.
  {
    std::lock_guard<std::mutex> lock(mu_);
    running_.insert(&cancelled);
    if (stopping_) cancelled = true;
  }
  Status st = runner_.Run(*job, options_.worker_id, with_heartbeat ? &cancelled : nullptr);
  if (with_heartbeat) {
    {
      std::lock_guard<std::mutex> lock(hb_mu);
      done = true;
    }
    hb_cv.notify_all();
    heartbeat.join();
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    running_.erase(&cancelled);
  }
  if (!st.ok()) {
    Log(LogLevel::kInfo, "rfs worker: job not finished",
        {{"worker", options_.worker_id}, {"job", job->id}, {"kind", job->kind},
         {"reason", st.message()}});
  }
  return true;
}

}  // namespace fw::stacks
