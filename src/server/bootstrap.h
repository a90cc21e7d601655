// The default account: created on an empty data directory (domain, user, password, one AK/SK
// pair, one project per region); on later starts, projects for newly configured regions are
// added and nothing else changes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "server/config.h"
#include "store/store.h"

namespace fw::server {

struct AccountSummary {
  std::string domain_id, domain_name;
  std::string user_id, user_name;
  std::string access_key, secret_key;
  std::vector<store::ProjectRecord> projects;
};

struct BootstrapResult {
  bool created = false;  // true on the first start
  // Generated on this start (never when the operator supplied the value).
  std::optional<std::string> generated_password;
  AccountSummary account;
};

Result<BootstrapResult> EnsureDefaultAccount(store::Store& store, const ServerConfig& config,
                                             const Clock& clock);
// Reads the account (first domain, its first user and first access key, its projects).
Result<AccountSummary> ReadAccount(store::Store& store);

// The file in the data directory that keeps a generated password for `formwork credentials`.
std::string PasswordFilePath(const std::string& data_dir);

}  // namespace fw::server
