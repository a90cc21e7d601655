#include "store/sqlite/sqlite_repositories.h"

namespace fw::store::sqlite {
namespace {

constexpr std::string_view kCols =
    "SELECT id, project_id, type, name, client_token, body, version, created_at, updated_at, "
    "parent_id FROM cloud_resources ";

CloudResourceRecord ReadResource(const Statement& s) {
  return {s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4),
          s.Text(5), s.Int(6),  s.Time(7), s.Time(8), s.Text(9)};
}

}  // namespace

Status SqliteCloudResources::Insert(const CloudResourceRecord& r) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "INSERT INTO cloud_resources (id, project_id, type, name, client_token, body, version, "
      "created_at, updated_at, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  return s.Bind(1, r.id).Bind(2, r.project_id).Bind(3, r.type).Bind(4, r.name)
      .Bind(5, r.client_token).Bind(6, r.body).Bind(7, r.version).Bind(8, r.created_at)
      .Bind(9, r.updated_at).Bind(10, r.parent_id).Run();
}

Result<std::optional<CloudResourceRecord>> SqliteCloudResources::Get(const std::string& type,
                                                                     const std::string& id) {
  return QueryOne<CloudResourceRecord>(db_, std::string(kCols) + "WHERE type = ? AND id = ?",
                                       ReadResource, type, id);
}

Result<std::optional<CloudResourceRecord>> SqliteCloudResources::FindByClientToken(
    const std::string& project_id, const std::string& type, const std::string& token) {
  return QueryOne<CloudResourceRecord>(
      // The literal `client_token <> ''` lets SQLite use the partial unique index (a bound
      // parameter alone does not imply the index's WHERE clause: it would scan the project).
      db_, std::string(kCols) +
               "WHERE project_id = ? AND type = ? AND client_token = ? AND client_token <> ''",
      ReadResource, project_id, type, token);
}

Result<std::vector<CloudResourceRecord>> SqliteCloudResources::List(const std::string& project_id,
                                                                    const std::string& type) {
  if (project_id.empty()) {
    return QueryAll<CloudResourceRecord>(
        db_, std::string(kCols) + "WHERE type = ? ORDER BY created_at, id", ReadResource, type);
  }
  return QueryAll<CloudResourceRecord>(
      db_, std::string(kCols) + "WHERE project_id = ? AND type = ? ORDER BY created_at, id",
      ReadResource, project_id, type);
}

Result<std::vector<CloudResourceRecord>> SqliteCloudResources::ListChildren(
    const std::string& type, const std::string& parent_id) {
  return QueryAll<CloudResourceRecord>(
      // `parent_id <> ''` as above, for the partial index cloud_resources_by_parent.
      db_, std::string(kCols) +
               "WHERE type = ? AND parent_id = ? AND parent_id <> '' ORDER BY created_at, id",
      ReadResource, type, parent_id);
}

Status SqliteCloudResources::Update(const CloudResourceRecord& r) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "UPDATE cloud_resources SET name = ?, body = ?, version = ?, updated_at = ? "
      "WHERE type = ? AND id = ? AND version = ?"));
  FW_RETURN_IF_ERROR(s.Bind(1, r.name).Bind(2, r.body).Bind(3, r.version).Bind(4, r.updated_at)
                         .Bind(5, r.type).Bind(6, r.id).Bind(7, r.version - 1).Run());
  if (db_->Changes() != 1) return Conflict("the resource " + r.id + " was changed concurrently");
  return Status::Ok();
}

Status SqliteCloudResources::Delete(const std::string& type, const std::string& id) {
  FW_ASSIGN_OR_RETURN(Statement s,
                      db_->Prepare("DELETE FROM cloud_resources WHERE type = ? AND id = ?"));
  return s.Bind(1, type).Bind(2, id).Run();
}

}  // namespace fw::store::sqlite
