// A stack's recorded state (one row per resource instance) and its events (migration 3).
#include "store/sqlite/sqlite_stacks.h"

namespace fw::store::sqlite {
namespace {

constexpr std::string_view kResourceCols =
    "SELECT stack_id, address, module, mode, type, name, index_key, physical_id, physical_name, "
    "provider, region, attributes, sensitive_paths, dependencies, tainted, in_state, status, "
    "status_message, created_at, updated_at FROM stack_resources ";

StackResourceRecord ReadResource(const Statement& s) {
  StackResourceRecord r;
  r.stack_id = s.Text(0);
  r.address = s.Text(1);
  r.module = s.Text(2);
  r.mode = s.Text(3);
  r.type = s.Text(4);
  r.name = s.Text(5);
  r.index_key_json = s.Text(6);
  r.physical_id = s.Text(7);
  r.physical_name = s.Text(8);
  r.provider = s.Text(9);
  r.region = s.Text(10);
  r.attributes_json = s.Text(11);
  r.sensitive_paths_json = s.Text(12);
  r.dependencies_json = s.Text(13);
  r.tainted = s.Bool(14);
  r.in_state = s.Bool(15);
  r.status = s.Text(16);
  r.status_message = s.Text(17);
  r.created_at = s.Time(18);
  r.updated_at = s.Time(19);
  return r;
}

constexpr std::string_view kEventCols =
    "SELECT seq, stack_id, deployment_id, event_type, event_message, resource_type, "
    "resource_name, resource_key, resource_id_key, resource_id_value, elapsed_seconds, time "
    "FROM stack_events ";

StackEventRecord ReadEvent(const Statement& s) {
  StackEventRecord e;
  e.seq = s.Int(0);
  e.stack_id = s.Text(1);
  e.deployment_id = s.Text(2);
  e.event_type = s.Text(3);
  e.event_message = s.Text(4);
  e.resource_type = s.Text(5);
  e.resource_name = s.Text(6);
  e.resource_key = s.Text(7);
  e.resource_id_key = s.Text(8);
  e.resource_id_value = s.Text(9);
  e.elapsed_seconds = s.Int(10);
  e.time = s.Time(11);
  return e;
}

}  // namespace

Result<std::vector<StackResourceRecord>> SqliteStacks::ListResources(const std::string& stack_id) {
  return QueryAll<StackResourceRecord>(
      db_, std::string(kResourceCols) + "WHERE stack_id = ? ORDER BY address", ReadResource,
      stack_id);
}

Status SqliteStacks::UpsertResource(const StackResourceRecord& r) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "INSERT INTO stack_resources (stack_id, address, module, mode, type, name, index_key, "
      "physical_id, physical_name, provider, region, attributes, sensitive_paths, dependencies, "
      "tainted, in_state, status, status_message, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (stack_id, address) DO UPDATE SET module = excluded.module, "
      "mode = excluded.mode, type = excluded.type, name = excluded.name, "
      "index_key = excluded.index_key, physical_id = excluded.physical_id, "
      "physical_name = excluded.physical_name, provider = excluded.provider, "
      "region = excluded.region, attributes = excluded.attributes, "
      "sensitive_paths = excluded.sensitive_paths, dependencies = excluded.dependencies, "
      "tainted = excluded.tainted, in_state = excluded.in_state, status = excluded.status, "
      "status_message = excluded.status_message, updated_at = excluded.updated_at"));
  return s.Bind(1, r.stack_id).Bind(2, r.address).Bind(3, r.module).Bind(4, r.mode)
      .Bind(5, r.type).Bind(6, r.name).Bind(7, r.index_key_json).Bind(8, r.physical_id)
      .Bind(9, r.physical_name).Bind(10, r.provider).Bind(11, r.region)
      .Bind(12, r.attributes_json).Bind(13, r.sensitive_paths_json).Bind(14, r.dependencies_json)
      .Bind(15, r.tainted).Bind(16, r.in_state).Bind(17, r.status).Bind(18, r.status_message)
      .Bind(19, r.created_at).Bind(20, r.updated_at).Run();
}

Status SqliteStacks::DeleteResource(const std::string& stack_id, const std::string& address) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "DELETE FROM stack_resources WHERE stack_id = ? AND address = ?"));
  return s.Bind(1, stack_id).Bind(2, address).Run();
}

Status SqliteStacks::InsertEvent(const StackEventRecord& e) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "INSERT INTO stack_events (stack_id, deployment_id, event_type, event_message, "
      "resource_type, resource_name, resource_key, resource_id_key, resource_id_value, "
      "elapsed_seconds, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  return s.Bind(1, e.stack_id).Bind(2, e.deployment_id).Bind(3, e.event_type)
      .Bind(4, e.event_message).Bind(5, e.resource_type).Bind(6, e.resource_name)
      .Bind(7, e.resource_key).Bind(8, e.resource_id_key).Bind(9, e.resource_id_value)
      .Bind(10, e.elapsed_seconds).Bind(11, e.time).Run();
}

Result<std::vector<StackEventRecord>> SqliteStacks::ListEvents(const std::string& stack_id,
                                                               const std::string& deployment_id) {
  if (deployment_id.empty()) {
    return QueryAll<StackEventRecord>(
        db_, std::string(kEventCols) + "WHERE stack_id = ? ORDER BY seq", ReadEvent, stack_id);
  }
  return QueryAll<StackEventRecord>(
      db_, std::string(kEventCols) + "WHERE stack_id = ? AND deployment_id = ? ORDER BY seq",
      ReadEvent, stack_id, deployment_id);
}

}  // namespace fw::store::sqlite
