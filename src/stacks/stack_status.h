// The status machines of RFS stacks and execution plans (spec rfs-api.md §10.1, §10.5) and the
// allowed-operation matrix: which operation a stack in a given status accepts, and the RF. code
// of the refusal.
//
// Thread-safety: pure functions over values.
#pragma once

#include <optional>
#include <string_view>

#include "base/status.h"

namespace fw::stacks {

enum class StackStatus {
  kCreationComplete,
  kDeploymentInProgress,
  kDeploymentFailed,
  kDeploymentComplete,
  kRollbackInProgress,
  kRollbackFailed,
  kRollbackComplete,
  kDeletionInProgress,
  kDeletionFailed,
};

std::string_view StackStatusName(StackStatus s);  // "DEPLOYMENT_IN_PROGRESS"
std::optional<StackStatus> ParseStackStatus(std::string_view name);
bool IsInProgress(StackStatus s);
bool IsFailed(StackStatus s);

enum class PlanStatus { kCreationInProgress, kCreationFailed, kAvailable, kApplyInProgress, kApplied };
std::string_view PlanStatusName(PlanStatus s);
std::optional<PlanStatus> ParsePlanStatus(std::string_view name);

// The mutating operations of the matrix.
enum class StackOperation {
  kDeploy,            // DeployStack
  kApplyPlan,         // ApplyExecutionPlan (same rule as Deploy, its own code)
  kCreatePlan,
  kContinueDeploy,
  kContinueRollback,
  kDelete,            // DeleteStack / DeleteStackEnhanced
  kUpdate,            // UpdateStack
  kEnableAutoRollback,  // UpdateStack switching enable_auto_rollback false→true
};

// OK when `op` is allowed in status `s`; otherwise PermissionDenied with the spec's RF. code.
Status CheckAllowed(StackStatus s, StackOperation op);

}  // namespace fw::stacks
