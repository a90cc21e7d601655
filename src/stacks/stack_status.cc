#include "stacks/stack_status.h"

#include <array>
#include <string>

namespace fw::stacks {
namespace {

constexpr std::array<std::pair<StackStatus, std::string_view>, 9> kStackNames = {{
    {StackStatus::kCreationComplete, "CREATION_COMPLETE"},
    {StackStatus::kDeploymentInProgress, "DEPLOYMENT_IN_PROGRESS"},
    {StackStatus::kDeploymentFailed, "DEPLOYMENT_FAILED"},
    {StackStatus::kDeploymentComplete, "DEPLOYMENT_COMPLETE"},
    {StackStatus::kRollbackInProgress, "ROLLBACK_IN_PROGRESS"},
    {StackStatus::kRollbackFailed, "ROLLBACK_FAILED"},
    {StackStatus::kRollbackComplete, "ROLLBACK_COMPLETE"},
    {StackStatus::kDeletionInProgress, "DELETION_IN_PROGRESS"},
    {StackStatus::kDeletionFailed, "DELETION_FAILED"},
}};

constexpr std::array<std::pair<PlanStatus, std::string_view>, 5> kPlanNames = {{
    {PlanStatus::kCreationInProgress, "CREATION_IN_PROGRESS"},
    {PlanStatus::kCreationFailed, "CREATION_FAILED"},
    {PlanStatus::kAvailable, "AVAILABLE"},
    {PlanStatus::kApplyInProgress, "APPLY_IN_PROGRESS"},
    {PlanStatus::kApplied, "APPLIED"},
}};

}  // namespace

std::string_view StackStatusName(StackStatus s) {
  for (const auto& [status, name] : kStackNames) {
    if (status == s) return name;
  }
  return "DEPLOYMENT_FAILED";
}

std::optional<StackStatus> ParseStackStatus(std::string_view name) {
  for (const auto& [status, n] : kStackNames) {
    if (n == name) return status;
  }
  return std::nullopt;
}

bool IsInProgress(StackStatus s) {
  return s == StackStatus::kDeploymentInProgress || s == StackStatus::kRollbackInProgress ||
         s == StackStatus::kDeletionInProgress;
}

bool IsFailed(StackStatus s) {
  return s == StackStatus::kDeploymentFailed || s == StackStatus::kRollbackFailed ||
         s == StackStatus::kDeletionFailed;
}

std::string_view PlanStatusName(PlanStatus s) {
  for (const auto& [status, name] : kPlanNames) {
    if (status == s) return name;
  }
  return "CREATION_FAILED";
}

std::optional<PlanStatus> ParsePlanStatus(std::string_view name) {
  for (const auto& [status, n] : kPlanNames) {
    if (n == name) return status;
  }
  return std::nullopt;
}

Status CheckAllowed(StackStatus s, StackOperation op) {
  std::string status(StackStatusName(s));
  if (IsInProgress(s)) {
    switch (op) {
      case StackOperation::kDeploy:
      case StackOperation::kCreatePlan:
      case StackOperation::kUpdate:
      case StackOperation::kEnableAutoRollback:
        return PermissionDenied("the stack is " + status + "; wait until it finishes",
                                "RF.10012519");
      case StackOperation::kApplyPlan:
        return PermissionDenied("the execution plan cannot be applied while the stack is " +
                                    status, "RF.10012542");
      case StackOperation::kContinueDeploy:
      case StackOperation::kContinueRollback:
        return PermissionDenied("the stack cannot be continued while it is " + status,
                                "RF.10012547");
      case StackOperation::kDelete:
        return PermissionDenied("the stack cannot be deleted while it is " + status,
                                "RF.10012544");
    }
  }
  switch (op) {
    case StackOperation::kContinueDeploy:
      if (s != StackStatus::kDeploymentFailed) {
        return PermissionDenied("only a stack in DEPLOYMENT_FAILED can be continue-deployed; it "
                                "is " + status, "RF.10012547");
      }
      break;
    case StackOperation::kContinueRollback:
      if (s != StackStatus::kRollbackFailed) {
        return PermissionDenied("only a stack in ROLLBACK_FAILED can continue its rollback; it "
                                "is " + status, "RF.10012547");
      }
      break;
    case StackOperation::kEnableAutoRollback:
      if (IsFailed(s)) {
        return PermissionDenied("auto-rollback cannot be enabled while the stack is " + status,
                                "RF.10012546");
      }
      break;
    default:
      break;
  }
  return Status::Ok();
}

}  // namespace fw::stacks
