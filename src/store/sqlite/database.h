// A thin RAII layer over one sqlite3 connection: cached prepared statements, typed binding and
// column access, and errors as Status. Only code in store/sqlite/ includes this.
//
// Thread-safety: a Database is used by one thread at a time (the pool hands it out).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "base/status.h"

namespace fw::store::sqlite {

class Database;

// A prepared statement borrowed from the connection's cache; reset when it goes out of scope.
class Statement {
 public:
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t v);
  Statement& Bind(int index, bool v) { return Bind(index, int64_t{v ? 1 : 0}); }
  Statement& Bind(int index, int v) { return Bind(index, int64_t{v}); }
  Statement& Bind(int index, TimePoint t);
  Statement& BindNull(int index);

  // Steps once: true when a row is ready, false when done; errors as Status.
  Result<bool> Step();
  // Steps to completion (for writes).
  Status Run();

  std::string Text(int col) const;
  int64_t Int(int col) const;
  bool Bool(int col) const { return Int(col) != 0; }
  TimePoint Time(int col) const;
  bool IsNull(int col) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_;
};

class Database {
 public:
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements with no parameters.
  Status Exec(std::string_view sql);
  // Returns a cached statement for `sql` (prepared once per connection).
  Result<Statement> Prepare(std::string_view sql);
  // Rows changed by the last write statement.
  int64_t Changes() const { return sqlite3_changes64(db_); }

  Status ErrorStatus(int rc, std::string_view what) const;
  sqlite3* raw() { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// Runs a prepared query binding `args` in order, reading every row with `read`.
template <typename T, typename Reader, typename... Args>
Result<std::vector<T>> QueryAll(Database* db, const std::string& sql, Reader read,
                                const Args&... args) {
  FW_ASSIGN_OR_RETURN(Statement stmt, db->Prepare(sql));
  int i = 0;
  (stmt.Bind(++i, args), ...);
  std::vector<T> out;
  while (true) {
    FW_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back(read(stmt));
  }
  return out;
}

template <typename T, typename Reader, typename... Args>
Result<std::optional<T>> QueryOne(Database* db, const std::string& sql, Reader read,
                                  const Args&... args) {
  FW_ASSIGN_OR_RETURN(std::vector<T> rows, QueryAll<T>(db, sql, read, args...));
  if (rows.empty()) return std::optional<T>();
  return std::optional<T>(std::move(rows.front()));
}

}  // namespace fw::store::sqlite
