// StackService's private parts, shared by its implementation files (stack_service.cc: stack
// changes; stack_reads.cc: reads; plan_service.cc: execution plans and template analysis).
// Not for other modules.
//
// Thread-safety: Impl is immutable after construction apart from what its members guard.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <set>
#include <string>

#include "base/time_format.h"
#include "stacks/download_tokens.h"
#include "stacks/stack_service.h"
#include "stacks/template_input.h"
#include "store/store.h"

namespace fw::stacks {

// Job kinds the worker runs; payload {"stack_id", "deployment_id"} or {"stack_id", "plan_id"}.
inline constexpr std::string_view kJobDeploy = "rfs.deploy";
inline constexpr std::string_view kJobRollback = "rfs.rollback";
inline constexpr std::string_view kJobDelete = "rfs.delete";
inline constexpr std::string_view kJobPlan = "rfs.plan";

// Deployment kinds and statuses (store::DeploymentRecord).
inline constexpr std::string_view kKindDeploy = "deploy";
inline constexpr std::string_view kKindRollback = "rollback";
inline constexpr std::string_view kKindDelete = "delete";
inline constexpr std::string_view kKindDeleteRetain = "delete_retain";
inline constexpr std::string_view kDeploymentInProgress = "IN_PROGRESS";
inline constexpr std::string_view kDeploymentComplete = "COMPLETE";
inline constexpr std::string_view kDeploymentFailed = "FAILED";

std::string JobPayload(const std::string& stack_id, std::string_view key, const std::string& id);
std::string StackJobKey(const std::string& stack_id);

// Reads the stack named by `ref` (NotFound RF.10013001; InvalidArgument RF.10011015 on an id
// mismatch).
Result<store::StackRecord> FindStack(store::Repositories& r, const StackRef& ref);
// The names of the variables the template of `template_json` declares sensitive.
std::set<std::string> SensitiveVariables(const std::string& template_json);

// Inserts a deployment of `kind` with `template_json`/`vars_json` and its job (`job_kind`), and
// points the stack at it (status, current deployment). Returns the deployment id. The caller
// writes the stack row.
Result<std::string> StartDeployment(store::Repositories& r, store::StackRecord& stack,
                                    std::string_view kind, std::string_view job_kind,
                                    const std::string& template_json, const std::string& vars_json,
                                    const std::string& execution_plan_id, TimePoint now);

std::string AgenciesToJson(const std::vector<Agency>& agencies);
std::vector<Agency> AgenciesFromJson(const std::string& json);

struct StackService::Impl {
  store::Store& store;
  const Clock& clock;
  cloud::Inventory* inventory;
  StackServiceOptions options;
  DownloadTokens tokens;

  TimePoint Now() const { return clock.Now(); }
  void JobQueued() const {
    if (options.on_job_queued) options.on_job_queued();
  }
  // Formwork's own download links, and objects of the simulated OBS in `project_id`
  // (virtual-hosted https://<bucket>.obs.<region>.myhuaweicloud.com/<key> or path-style
  // https://obs.<region>.myhuaweicloud.com/<bucket>/<key>).
  Result<TemplateDownload> ReadUrl(const std::string& project_id, const std::string& url);
  Result<TemplateDownload> RedeemToken(const std::string& token);
  UrlReader Reader(const std::string& project_id) {
    return [this, project_id](const std::string& url) { return ReadUrl(project_id, url); };
  }

  // A stack change in two steps, so that two racing requests meet in a compare-and-set:
  // Snapshot reads the stack (the caller checks its status on it and does the slow preparation
  // outside any transaction); CommitStackChange then runs `write` in one transaction on a fresh
  // read, which must still carry the snapshot's version (else Conflict RF.10013503; NotFound
  // RF.10013001 when it is gone). `write` changes the record in place; the version bump,
  // updated_at and UpdateStack (itself a compare-and-set) happen here.
  Result<store::StackRecord> Snapshot(const StackRef& ref);
  Status CommitStackChange(
      const store::StackRecord& snapshot,
      const std::function<Status(store::Repositories&, store::StackRecord&)>& write);
};

}  // namespace fw::stacks
