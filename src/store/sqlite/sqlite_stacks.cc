// Stacks and deployments (migration 3).
#include "store/sqlite/sqlite_stacks.h"

namespace fw::store::sqlite {
namespace {

constexpr std::string_view kStackCols =
    "SELECT id, project_id, name, description, status, status_message, deletion_protection, "
    "auto_rollback, agencies, current_deployment_id, last_good_deployment_id, "
    "template_deployment_id, state_serial, state_lineage, outputs, version, created_at, "
    "updated_at FROM stacks ";

StackRecord ReadStack(const Statement& s) {
  StackRecord r;
  r.id = s.Text(0);
  r.project_id = s.Text(1);
  r.name = s.Text(2);
  r.description = s.Text(3);
  r.status = s.Text(4);
  r.status_message = s.Text(5);
  r.enable_deletion_protection = s.Bool(6);
  r.enable_auto_rollback = s.Bool(7);
  r.agencies_json = s.Text(8);
  r.current_deployment_id = s.Text(9);
  r.last_good_deployment_id = s.Text(10);
  r.template_deployment_id = s.Text(11);
  r.state_serial = s.Int(12);
  r.state_lineage = s.Text(13);
  r.outputs_json = s.Text(14);
  r.version = s.Int(15);
  r.created_at = s.Time(16);
  r.updated_at = s.Time(17);
  return r;
}

constexpr std::string_view kDeploymentCols =
    "SELECT id, stack_id, kind, status, status_message, template, vars, execution_plan_id, "
    "job_id, started_at, finished_at FROM stack_deployments ";

DeploymentRecord ReadDeployment(const Statement& s) {
  DeploymentRecord d;
  d.id = s.Text(0);
  d.stack_id = s.Text(1);
  d.kind = s.Text(2);
  d.status = s.Text(3);
  d.status_message = s.Text(4);
  d.template_json = s.Text(5);
  d.vars_json = s.Text(6);
  d.execution_plan_id = s.Text(7);
  d.job_id = s.Text(8);
  d.started_at = s.Time(9);
  if (!s.IsNull(10)) d.finished_at = s.Time(10);
  return d;
}

}  // namespace

Status SqliteStacks::InsertStack(const StackRecord& r) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "INSERT INTO stacks (id, project_id, name, description, status, status_message, "
      "deletion_protection, auto_rollback, agencies, current_deployment_id, "
      "last_good_deployment_id, template_deployment_id, state_serial, state_lineage, outputs, "
      "version, created_at, updated_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM stacks))"));
  return s.Bind(1, r.id).Bind(2, r.project_id).Bind(3, r.name).Bind(4, r.description)
      .Bind(5, r.status).Bind(6, r.status_message).Bind(7, r.enable_deletion_protection)
      .Bind(8, r.enable_auto_rollback).Bind(9, r.agencies_json).Bind(10, r.current_deployment_id)
      .Bind(11, r.last_good_deployment_id).Bind(12, r.template_deployment_id)
      .Bind(13, r.state_serial).Bind(14, r.state_lineage).Bind(15, r.outputs_json)
      .Bind(16, r.version).Bind(17, r.created_at).Bind(18, r.updated_at).Run();
}

Result<std::optional<StackRecord>> SqliteStacks::GetStack(const std::string& id) {
  return QueryOne<StackRecord>(db_, std::string(kStackCols) + "WHERE id = ?", ReadStack, id);
}

Result<std::optional<StackRecord>> SqliteStacks::FindStack(const std::string& project_id,
                                                           const std::string& name) {
  return QueryOne<StackRecord>(db_, std::string(kStackCols) + "WHERE project_id = ? AND name = ?",
                               ReadStack, project_id, name);
}

Result<std::vector<StackRecord>> SqliteStacks::ListStacks(const std::string& project_id) {
  return QueryAll<StackRecord>(
      db_, std::string(kStackCols) + "WHERE project_id = ? ORDER BY seq DESC", ReadStack,
      project_id);
}

Result<int64_t> SqliteStacks::CountStacks(const std::string& project_id) {
  FW_ASSIGN_OR_RETURN(Statement s,
                      db_->Prepare("SELECT COUNT(*) FROM stacks WHERE project_id = ?"));
  s.Bind(1, project_id);
  FW_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : int64_t{0};
}

Status SqliteStacks::UpdateStack(const StackRecord& r) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "UPDATE stacks SET description = ?, status = ?, status_message = ?, "
      "deletion_protection = ?, auto_rollback = ?, agencies = ?, current_deployment_id = ?, "
      "last_good_deployment_id = ?, template_deployment_id = ?, state_serial = ?, "
      "state_lineage = ?, outputs = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?"));
  FW_RETURN_IF_ERROR(
      s.Bind(1, r.description).Bind(2, r.status).Bind(3, r.status_message)
          .Bind(4, r.enable_deletion_protection).Bind(5, r.enable_auto_rollback)
          .Bind(6, r.agencies_json).Bind(7, r.current_deployment_id)
          .Bind(8, r.last_good_deployment_id).Bind(9, r.template_deployment_id)
          .Bind(10, r.state_serial).Bind(11, r.state_lineage).Bind(12, r.outputs_json)
          .Bind(13, r.version).Bind(14, r.updated_at).Bind(15, r.id).Bind(16, r.version - 1)
          .Run());
  if (db_->Changes() != 1) return Conflict("the stack " + r.name + " was changed concurrently");
  return Status::Ok();
}

Status SqliteStacks::DeleteStack(const std::string& id) {
  for (std::string_view sql : {
           "DELETE FROM stack_resources WHERE stack_id = ?",
           "DELETE FROM stack_events WHERE stack_id = ?",
           "DELETE FROM stack_deployments WHERE stack_id = ?",
           "DELETE FROM execution_plans WHERE stack_id = ?",
           "DELETE FROM stacks WHERE id = ?",
       }) {
    FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(sql));
    FW_RETURN_IF_ERROR(s.Bind(1, id).Run());
  }
  return Status::Ok();
}

Status SqliteStacks::InsertDeployment(const DeploymentRecord& d) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "INSERT INTO stack_deployments (id, stack_id, kind, status, status_message, template, "
      "vars, execution_plan_id, job_id, started_at, finished_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s.Bind(1, d.id).Bind(2, d.stack_id).Bind(3, d.kind).Bind(4, d.status).Bind(5, d.status_message)
      .Bind(6, d.template_json).Bind(7, d.vars_json).Bind(8, d.execution_plan_id)
      .Bind(9, d.job_id).Bind(10, d.started_at);
  if (d.finished_at) {
    s.Bind(11, *d.finished_at);
  } else {
    s.BindNull(11);
  }
  return s.Run();
}

Result<std::optional<DeploymentRecord>> SqliteStacks::GetDeployment(const std::string& id) {
  return QueryOne<DeploymentRecord>(db_, std::string(kDeploymentCols) + "WHERE id = ?",
                                    ReadDeployment, id);
}

Status SqliteStacks::UpdateDeployment(const DeploymentRecord& d) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "UPDATE stack_deployments SET status = ?, status_message = ?, job_id = ?, "
      "finished_at = ? WHERE id = ?"));
  s.Bind(1, d.status).Bind(2, d.status_message).Bind(3, d.job_id);
  if (d.finished_at) {
    s.Bind(4, *d.finished_at);
  } else {
    s.BindNull(4);
  }
  FW_RETURN_IF_ERROR(s.Bind(5, d.id).Run());
  if (db_->Changes() != 1) return NotFound("no deployment " + d.id);
  return Status::Ok();
}

}  // namespace fw::store::sqlite
