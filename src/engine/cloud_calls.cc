#include "engine/cloud_calls.h"

#include <atomic>
#include <thread>
#include <vector>

namespace fw::engine {

Result<providers::CallContext> CloudCalls::Context(const std::string& region,
                                                   const std::string& address,
                                                   std::string_view action) {
  providers::CallContext ctx;
  ctx.cloud = target_.cloud;
  ctx.region = region;
  ctx.address = address;
  ctx.idempotency_key = target_.idempotency_prefix + ":" + address + ":" + std::string(action);
  ctx.cancelled = target_.cancelled;
  ctx.files = files_;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = projects_.find(region);
    if (it != projects_.end()) {
      ctx.project_id = it->second;
      return ctx;
    }
  }
  if (!target_.project_for) return FailedPrecondition("No project is known for region " + region);
  FW_ASSIGN_OR_RETURN(std::string project, target_.project_for(region));
  std::lock_guard<std::mutex> lock(mu_);
  projects_[region] = project;
  ctx.project_id = std::move(project);
  return ctx;
}

std::string ProviderAddress(const config::Config& root, const config::Resource& r) {
  std::string name = r.ProviderName();
  std::string source;
  auto it = root.module->terraform.required_providers.find(name);
  if (it != root.module->terraform.required_providers.end() && !it->second.source.empty()) {
    source = it->second.source;
  } else if (name == "terraform") {
    source = "terraform.io/builtin/terraform";
  } else if (name == "huaweicloud") {
    source = "huaweicloud/huaweicloud";
  } else {
    source = "hashicorp/" + name;
  }
  if (std::count(source.begin(), source.end(), '/') == 1) {
    source = "registry.terraform.io/" + source;
  }
  std::string out = "provider[\"" + source + "\"]";
  if (r.provider && !r.provider->alias.empty()) out += "." + r.provider->alias;
  return out;
}

TimePoint TargetClock::Now() const {
  if (target_.cloud.provisioning) return target_.cloud.provisioning->Now();
  return SystemClock::Instance().Now();
}

void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn) {
  if (n == 0) return;
  threads = std::max(1, std::min<int>(threads, static_cast<int>(n)));
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (auto& t : pool) t.join();
}

}  // namespace fw::engine
