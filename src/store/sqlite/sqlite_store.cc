// The SQLite Store: a small pool of connections to one WAL database. Writers take the write
// lock up front (BEGIN IMMEDIATE) so a transaction never fails half-way on a lock upgrade.
#include <condition_variable>
#include <mutex>
#include <vector>

#include "base/log.h"
#include "store/sqlite/database.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_repositories.h"
#include "store/store.h"

namespace fw::store {
namespace {

using sqlite::Database;

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::vector<std::unique_ptr<Database>> conns) : conns_(std::move(conns)) {
    for (auto& c : conns_) idle_.push_back(c.get());
  }
  ~SqliteStore() override { Close(); }

  Result<int> SchemaVersion() override {
    int version = 0;
    Status st = Run(false, [&](Database* db, Repositories&) -> Status {
      FW_ASSIGN_OR_RETURN(auto s, db->Prepare("SELECT COALESCE(MAX(version), 0) FROM "
                                              "schema_migrations"));
      FW_ASSIGN_OR_RETURN(bool row, s.Step());
      if (row) version = static_cast<int>(s.Int(0));
      return Status::Ok();
    });
    if (!st.ok()) return st;
    return version;
  }

  Status Write(const std::function<Status(Repositories&)>& fn) override {
    return Run(true, [&](Database*, Repositories& r) { return fn(r); });
  }
  Status Read(const std::function<Status(Repositories&)>& fn) override {
    return Run(false, [&](Database*, Repositories& r) { return fn(r); });
  }

  void Close() override {
    std::unique_lock<std::mutex> lock(mu_);
    if (closed_) return;
    closed_ = true;
    // Wait for borrowed connections to come back before closing them.
    cv_.wait(lock, [&] { return idle_.size() == conns_.size(); });
    if (!conns_.empty()) {
      (void)conns_.front()->Exec("PRAGMA wal_checkpoint(TRUNCATE);");
    }
    idle_.clear();
    conns_.clear();
  }

 private:
  template <typename Fn>
  Status Run(bool write, Fn&& fn) {
    Database* db = Acquire();
    if (db == nullptr) return Unavailable("the store is closed");
    // Transaction control goes through cached statements: no SQL compilation per call.
    auto control = [db](std::string_view sql) -> Status {
      FW_ASSIGN_OR_RETURN(sqlite::Statement s, db->Prepare(sql));
      return s.Run();
    };
    Status st = control(write ? "BEGIN IMMEDIATE" : "BEGIN");
    if (st.ok()) {
      sqlite::SqliteRepositories repos(db);
      try {
        st = fn(db, repos);
      } catch (const std::exception& e) {
        st = Internal(std::string("store transaction threw: ") + e.what());
      }
      if (st.ok()) {
        st = control("COMMIT");
        if (!st.ok()) (void)control("ROLLBACK");
      } else {
        (void)control("ROLLBACK");
      }
    }
    Release(db);
    return st;
  }

  Database* Acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return closed_ || !idle_.empty(); });
    if (closed_) return nullptr;
    Database* db = idle_.back();
    idle_.pop_back();
    return db;
  }

  void Release(Database* db) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      idle_.push_back(db);
    }
    cv_.notify_all();
  }

  std::mutex mu_;
  std::condition_variable cv_;
  bool closed_ = false;  // guarded by mu_
  std::vector<std::unique_ptr<Database>> conns_;
  std::vector<Database*> idle_;  // guarded by mu_
};

Status ApplyMigrations(Database* db) {
  FW_RETURN_IF_ERROR(db->Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at INTEGER NOT NULL)"));
  FW_RETURN_IF_ERROR(db->Exec("BEGIN IMMEDIATE"));
  auto fail = [&](Status st) {
    (void)db->Exec("ROLLBACK");
    return st;
  };
  auto current = db->Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!current.ok()) return fail(current.status());
  int version = 0;
  {
    sqlite::Statement& s = *current;
    auto row = s.Step();
    if (!row.ok()) return fail(row.status());
    version = static_cast<int>(s.Int(0));
  }
  if (version > LatestSchemaVersion()) {
    return fail(FailedPrecondition("the database has schema version " + std::to_string(version) +
                                   ", newer than this binary knows (" +
                                   std::to_string(LatestSchemaVersion()) + ")"));
  }
  for (const auto& m : sqlite::Migrations()) {
    if (m.version <= version) continue;
    Status st = db->Exec(m.sql);
    if (!st.ok()) return fail(st.WithContext("migration " + std::to_string(m.version)));
    auto ins = db->Prepare(
        "INSERT INTO schema_migrations (version, name, applied_at) "
        "VALUES (?, ?, CAST(strftime('%s','now') AS INTEGER) * 1000000)");
    if (!ins.ok()) return fail(ins.status());
    st = ins->Bind(1, m.version).Bind(2, std::string_view(m.name)).Run();
    if (!st.ok()) return fail(st);
    Log(LogLevel::kDebug, "applied migration", {{"version", m.version}, {"name", m.name}});
  }
  return db->Exec("COMMIT");
}

}  // namespace

int LatestSchemaVersion() { return sqlite::Migrations().back().version; }

Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options) {
  if (options.connections < 1) return InvalidArgument("need at least one connection");
  std::vector<std::unique_ptr<Database>> conns;
  for (int i = 0; i < options.connections; ++i) {
    FW_ASSIGN_OR_RETURN(auto db, Database::Open(options.path));
    if (i == 0) FW_RETURN_IF_ERROR(ApplyMigrations(db.get()));
    conns.push_back(std::move(db));
  }
  return std::unique_ptr<Store>(new SqliteStore(std::move(conns)));
}

}  // namespace fw::store
