#include "store/sqlite/sqlite_repositories.h"

namespace fw::store::sqlite {

Status SqliteTokens::Insert(const TokenRecord& t) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "INSERT INTO tokens (token_hash, user_id, domain_id, project_id, issued_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?, ?)"));
  return s.Bind(1, t.token_hash).Bind(2, t.user_id).Bind(3, t.domain_id).Bind(4, t.project_id)
      .Bind(5, t.issued_at).Bind(6, t.expires_at).Run();
}

Result<std::optional<TokenRecord>> SqliteTokens::Find(const std::string& token_hash) {
  return QueryOne<TokenRecord>(
      db_,
      "SELECT token_hash, user_id, domain_id, project_id, issued_at, expires_at FROM tokens "
      "WHERE token_hash = ?",
      [](const Statement& s) {
        return TokenRecord{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Time(4), s.Time(5)};
      },
      token_hash);
}

Status SqliteTokens::Delete(const std::string& token_hash) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare("DELETE FROM tokens WHERE token_hash = ?"));
  return s.Bind(1, token_hash).Run();
}

Result<int64_t> SqliteTokens::DeleteExpired(TimePoint now) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare("DELETE FROM tokens WHERE expires_at < ?"));
  FW_RETURN_IF_ERROR(s.Bind(1, now).Run());
  return db_->Changes();
}

}  // namespace fw::store::sqlite
