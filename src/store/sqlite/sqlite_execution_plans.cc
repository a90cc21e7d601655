// Execution plans (migration 3).
#include "store/sqlite/sqlite_stacks.h"

namespace fw::store::sqlite {
namespace {

constexpr std::string_view kPlanCols =
    "SELECT id, stack_id, name, description, status, status_message, template, vars, plan, "
    "prior_serial, based_on_deployment_id, deployment_id, created_at, applied_at "
    "FROM execution_plans ";

ExecutionPlanRecord ReadPlan(const Statement& s) {
  ExecutionPlanRecord p;
  p.id = s.Text(0);
  p.stack_id = s.Text(1);
  p.name = s.Text(2);
  if (!s.IsNull(3)) p.description = s.Text(3);
  p.status = s.Text(4);
  p.status_message = s.Text(5);
  p.template_json = s.Text(6);
  p.vars_json = s.Text(7);
  p.plan_json = s.Text(8);
  p.prior_serial = s.Int(9);
  p.based_on_deployment_id = s.Text(10);
  p.deployment_id = s.Text(11);
  p.created_at = s.Time(12);
  if (!s.IsNull(13)) p.applied_at = s.Time(13);
  return p;
}

}  // namespace

Status SqliteStacks::InsertPlan(const ExecutionPlanRecord& p) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "INSERT INTO execution_plans (id, stack_id, name, description, status, status_message, "
      "template, vars, plan, prior_serial, based_on_deployment_id, deployment_id, created_at, "
      "applied_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "(SELECT COALESCE(MAX(seq), 0) + 1 FROM execution_plans))"));
  s.Bind(1, p.id).Bind(2, p.stack_id).Bind(3, p.name);
  if (p.description) {
    s.Bind(4, *p.description);
  } else {
    s.BindNull(4);
  }
  s.Bind(5, p.status).Bind(6, p.status_message).Bind(7, p.template_json).Bind(8, p.vars_json)
      .Bind(9, p.plan_json).Bind(10, p.prior_serial).Bind(11, p.based_on_deployment_id)
      .Bind(12, p.deployment_id).Bind(13, p.created_at);
  if (p.applied_at) {
    s.Bind(14, *p.applied_at);
  } else {
    s.BindNull(14);
  }
  return s.Run();
}

Result<std::optional<ExecutionPlanRecord>> SqliteStacks::GetPlan(const std::string& id) {
  return QueryOne<ExecutionPlanRecord>(db_, std::string(kPlanCols) + "WHERE id = ?", ReadPlan, id);
}

Result<std::optional<ExecutionPlanRecord>> SqliteStacks::FindPlan(const std::string& stack_id,
                                                                  const std::string& name) {
  return QueryOne<ExecutionPlanRecord>(
      db_, std::string(kPlanCols) + "WHERE stack_id = ? AND name = ?", ReadPlan, stack_id, name);
}

Result<std::vector<ExecutionPlanRecord>> SqliteStacks::ListPlans(const std::string& stack_id) {
  return QueryAll<ExecutionPlanRecord>(
      db_, std::string(kPlanCols) + "WHERE stack_id = ? ORDER BY seq DESC", ReadPlan, stack_id);
}

Status SqliteStacks::UpdatePlan(const ExecutionPlanRecord& p) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "UPDATE execution_plans SET status = ?, status_message = ?, plan = ?, prior_serial = ?, "
      "deployment_id = ?, applied_at = ? WHERE id = ?"));
  s.Bind(1, p.status).Bind(2, p.status_message).Bind(3, p.plan_json).Bind(4, p.prior_serial)
      .Bind(5, p.deployment_id);
  if (p.applied_at) {
    s.Bind(6, *p.applied_at);
  } else {
    s.BindNull(6);
  }
  FW_RETURN_IF_ERROR(s.Bind(7, p.id).Run());
  if (db_->Changes() != 1) return NotFound("no execution plan " + p.id);
  return Status::Ok();
}

Status SqliteStacks::DeletePlan(const std::string& id) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare("DELETE FROM execution_plans WHERE id = ?"));
  return s.Bind(1, id).Run();
}

}  // namespace fw::store::sqlite
