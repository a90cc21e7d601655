// The SQLite StackRepository (tables of migration 3): stacks and deployments in
// sqlite_stacks.cc, resources and events in sqlite_stack_state.cc, plans in
// sqlite_execution_plans.cc.
//
// Thread-safety: bound to one connection for one transaction.
#pragma once

#include "store/stack_repository.h"
#include "store/sqlite/database.h"

namespace fw::store::sqlite {

class SqliteStacks final : public StackRepository {
 public:
  explicit SqliteStacks(Database* db) : db_(db) {}

  Status InsertStack(const StackRecord& s) override;
  Result<std::optional<StackRecord>> GetStack(const std::string& id) override;
  Result<std::optional<StackRecord>> FindStack(const std::string& project_id,
                                               const std::string& name) override;
  Result<std::vector<StackRecord>> ListStacks(const std::string& project_id) override;
  Result<int64_t> CountStacks(const std::string& project_id) override;
  Status UpdateStack(const StackRecord& s) override;
  Status DeleteStack(const std::string& id) override;

  Status InsertDeployment(const DeploymentRecord& d) override;
  Result<std::optional<DeploymentRecord>> GetDeployment(const std::string& id) override;
  Status UpdateDeployment(const DeploymentRecord& d) override;

  Result<std::vector<StackResourceRecord>> ListResources(const std::string& stack_id) override;
  Status UpsertResource(const StackResourceRecord& r) override;
  Status DeleteResource(const std::string& stack_id, const std::string& address) override;

  Status InsertEvent(const StackEventRecord& e) override;
  Result<std::vector<StackEventRecord>> ListEvents(const std::string& stack_id,
                                                   const std::string& deployment_id) override;

  Status InsertPlan(const ExecutionPlanRecord& p) override;
  Result<std::optional<ExecutionPlanRecord>> GetPlan(const std::string& id) override;
  Result<std::optional<ExecutionPlanRecord>> FindPlan(const std::string& stack_id,
                                                      const std::string& name) override;
  Result<std::vector<ExecutionPlanRecord>> ListPlans(const std::string& stack_id) override;
  Status UpdatePlan(const ExecutionPlanRecord& p) override;
  Status DeletePlan(const std::string& id) override;

 private:
  Database* db_;
};

}  // namespace fw::store::sqlite
