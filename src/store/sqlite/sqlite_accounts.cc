#include "store/sqlite/sqlite_repositories.h"

namespace fw::store::sqlite {
namespace {

constexpr std::string_view kDomainCols = "SELECT id, name, enabled, created_at FROM domains ";
constexpr std::string_view kUserCols =
    "SELECT id, domain_id, name, password_hash, enabled, created_at FROM users ";
constexpr std::string_view kCredentialCols =
    "SELECT access_key, secret_key, user_id, domain_id, enabled, created_at FROM credentials ";
constexpr std::string_view kProjectCols =
    "SELECT id, domain_id, name, description, enabled, created_at FROM projects ";

DomainRecord ReadDomain(const Statement& s) {
  return {s.Text(0), s.Text(1), s.Bool(2), s.Time(3)};
}
UserRecord ReadUser(const Statement& s) {
  return {s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Bool(4), s.Time(5)};
}
CredentialRecord ReadCredential(const Statement& s) {
  return {s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Bool(4), s.Time(5)};
}
ProjectRecord ReadProject(const Statement& s) {
  return {s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Bool(4), s.Time(5)};
}

}  // namespace

Status SqliteAccounts::InsertDomain(const DomainRecord& d) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "INSERT INTO domains (id, name, enabled, created_at) VALUES (?, ?, ?, ?)"));
  return s.Bind(1, d.id).Bind(2, d.name).Bind(3, d.enabled).Bind(4, d.created_at).Run();
}

Status SqliteAccounts::InsertUser(const UserRecord& u) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "INSERT INTO users (id, domain_id, name, password_hash, enabled, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)"));
  return s.Bind(1, u.id).Bind(2, u.domain_id).Bind(3, u.name).Bind(4, u.password_hash)
      .Bind(5, u.enabled).Bind(6, u.created_at).Run();
}

Status SqliteAccounts::InsertCredential(const CredentialRecord& c) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "INSERT INTO credentials (access_key, secret_key, user_id, domain_id, enabled, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)"));
  return s.Bind(1, c.access_key).Bind(2, c.secret_key).Bind(3, c.user_id).Bind(4, c.domain_id)
      .Bind(5, c.enabled).Bind(6, c.created_at).Run();
}

Status SqliteAccounts::InsertProject(const ProjectRecord& p) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "INSERT INTO projects (id, domain_id, name, description, enabled, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)"));
  return s.Bind(1, p.id).Bind(2, p.domain_id).Bind(3, p.name).Bind(4, p.description)
      .Bind(5, p.enabled).Bind(6, p.created_at).Run();
}

Result<std::optional<DomainRecord>> SqliteAccounts::FindDomainById(const std::string& id) {
  return QueryOne<DomainRecord>(db_, std::string(kDomainCols) + "WHERE id = ?", ReadDomain, id);
}
Result<std::optional<DomainRecord>> SqliteAccounts::FindDomainByName(const std::string& name) {
  return QueryOne<DomainRecord>(db_, std::string(kDomainCols) + "WHERE name = ?", ReadDomain,
                                name);
}
Result<std::vector<DomainRecord>> SqliteAccounts::ListDomains() {
  return QueryAll<DomainRecord>(db_, std::string(kDomainCols) + "ORDER BY name", ReadDomain);
}
Result<std::optional<UserRecord>> SqliteAccounts::FindUserById(const std::string& id) {
  return QueryOne<UserRecord>(db_, std::string(kUserCols) + "WHERE id = ?", ReadUser, id);
}
Result<std::optional<UserRecord>> SqliteAccounts::FindUserByName(const std::string& domain_id,
                                                                 const std::string& name) {
  return QueryOne<UserRecord>(db_, std::string(kUserCols) + "WHERE domain_id = ? AND name = ?",
                              ReadUser, domain_id, name);
}
Result<std::vector<UserRecord>> SqliteAccounts::ListUsers(const std::string& domain_id) {
  return QueryAll<UserRecord>(db_, std::string(kUserCols) + "WHERE domain_id = ? ORDER BY name",
                              ReadUser, domain_id);
}
Result<std::optional<CredentialRecord>> SqliteAccounts::FindCredential(const std::string& ak) {
  return QueryOne<CredentialRecord>(db_, std::string(kCredentialCols) + "WHERE access_key = ?",
                                    ReadCredential, ak);
}
Result<std::vector<CredentialRecord>> SqliteAccounts::ListCredentials() {
  return QueryAll<CredentialRecord>(db_, std::string(kCredentialCols) + "ORDER BY created_at",
                                    ReadCredential);
}
Result<std::optional<ProjectRecord>> SqliteAccounts::FindProjectById(const std::string& id) {
  return QueryOne<ProjectRecord>(db_, std::string(kProjectCols) + "WHERE id = ?", ReadProject,
                                 id);
}

Result<std::vector<ProjectRecord>> SqliteAccounts::ListProjects(const ProjectFilter& f) {
  // NULL parameters disable their condition, so one prepared statement serves every filter.
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      std::string(kProjectCols) +
      "WHERE (?1 IS NULL OR name = ?1) AND (?2 IS NULL OR domain_id = ?2) "
      "AND (?3 IS NULL OR enabled = ?3) ORDER BY name, id"));
  if (f.name) s.Bind(1, *f.name); else s.BindNull(1);
  if (f.domain_id) s.Bind(2, *f.domain_id); else s.BindNull(2);
  if (f.enabled) s.Bind(3, *f.enabled); else s.BindNull(3);
  std::vector<ProjectRecord> out;
  while (true) {
    FW_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadProject(s));
  }
  return out;
}

}  // namespace fw::store::sqlite
