// Store: the durable state of Formwork behind one interface, so the embedded SQLite backend and
// a future PostgreSQL backend are interchangeable without touching callers.
//
// Every call is blocking: run it on the blocking pool, never on an I/O thread.
// Thread-safety: all methods may be called concurrently from any number of threads; each call
// runs on its own connection.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "base/status.h"
#include "store/repositories.h"

namespace fw::store {

class Store {
 public:
  virtual ~Store() = default;

  // The highest migration applied to the database.
  virtual Result<int> SchemaVersion() = 0;
  // Runs `fn` in one write transaction: committed when it returns OK, rolled back otherwise
  // (and when it throws). Conflicting writers wait (SQLite) or retry (PostgreSQL) in the backend.
  virtual Status Write(const std::function<Status(Repositories&)>& fn) = 0;
  // Runs `fn` in one read-only transaction (a consistent snapshot).
  virtual Status Read(const std::function<Status(Repositories&)>& fn) = 0;
  // Checkpoints and closes every connection. Further calls fail with kUnavailable.
  virtual void Close() = 0;
};

struct SqliteOptions {
  std::string path;  // the database file ("<data-dir>/formwork.db")
  int connections = 4;
};

// Opens (creating if needed) the SQLite database and applies pending migrations.
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options);

// The number of the newest migration this binary knows.
int LatestSchemaVersion();

}  // namespace fw::store
