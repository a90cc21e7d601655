// StackRepository: what the RFS stack domain asks of the store. One transaction's view (see
// Repositories); implementations in sqlite/sqlite_stacks*.cc.
//
// Thread-safety: bound to one transaction, used by one thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/stack_records.h"

namespace fw::store {

class StackRepository {
 public:
  virtual ~StackRepository() = default;

  // ---- stacks
  // kAlreadyExists when the (project, name) is taken.
  virtual Status InsertStack(const StackRecord& s) = 0;
  virtual Result<std::optional<StackRecord>> GetStack(const std::string& id) = 0;
  virtual Result<std::optional<StackRecord>> FindStack(const std::string& project_id,
                                                       const std::string& name) = 0;
  // Newest first.
  virtual Result<std::vector<StackRecord>> ListStacks(const std::string& project_id) = 0;
  virtual Result<int64_t> CountStacks(const std::string& project_id) = 0;
  // Writes every field when the stored version is `s.version - 1`; kConflict otherwise.
  virtual Status UpdateStack(const StackRecord& s) = 0;
  // Removes the stack and all its deployments, resources, events and plans.
  virtual Status DeleteStack(const std::string& id) = 0;

  // ---- deployments
  virtual Status InsertDeployment(const DeploymentRecord& d) = 0;
  virtual Result<std::optional<DeploymentRecord>> GetDeployment(const std::string& id) = 0;
  virtual Status UpdateDeployment(const DeploymentRecord& d) = 0;

  // ---- recorded state, one row per instance
  // By address.
  virtual Result<std::vector<StackResourceRecord>> ListResources(const std::string& stack_id) = 0;
  virtual Status UpsertResource(const StackResourceRecord& r) = 0;
  virtual Status DeleteResource(const std::string& stack_id, const std::string& address) = 0;

  // ---- events
  virtual Status InsertEvent(const StackEventRecord& e) = 0;
  // Oldest first; all deployments when `deployment_id` is empty.
  virtual Result<std::vector<StackEventRecord>> ListEvents(const std::string& stack_id,
                                                           const std::string& deployment_id) = 0;

  // ---- execution plans
  // kAlreadyExists when the (stack, name) is taken.
  virtual Status InsertPlan(const ExecutionPlanRecord& p) = 0;
  virtual Result<std::optional<ExecutionPlanRecord>> GetPlan(const std::string& id) = 0;
  virtual Result<std::optional<ExecutionPlanRecord>> FindPlan(const std::string& stack_id,
                                                              const std::string& name) = 0;
  // Newest first.
  virtual Result<std::vector<ExecutionPlanRecord>> ListPlans(const std::string& stack_id) = 0;
  virtual Status UpdatePlan(const ExecutionPlanRecord& p) = 0;
  virtual Status DeletePlan(const std::string& id) = 0;
};

}  // namespace fw::store
