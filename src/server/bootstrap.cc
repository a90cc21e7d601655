#include "server/bootstrap.h"

#include "base/ids.h"
#include "crypto/crypto.h"

namespace fw::server {
namespace {

constexpr std::string_view kUpperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr std::string_view kAlnum =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

}  // namespace

std::string PasswordFilePath(const std::string& data_dir) {
  return data_dir + "/initial-password";
}

Result<AccountSummary> ReadAccount(store::Store& store) {
  AccountSummary out;
  FW_RETURN_IF_ERROR(store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto domains, r.accounts().ListDomains());
    if (domains.empty()) return NotFound("no account has been created yet");
    out.domain_id = domains.front().id;
    out.domain_name = domains.front().name;
    FW_ASSIGN_OR_RETURN(auto users, r.accounts().ListUsers(out.domain_id));
    if (!users.empty()) {
      out.user_id = users.front().id;
      out.user_name = users.front().name;
    }
    FW_ASSIGN_OR_RETURN(auto creds, r.accounts().ListCredentials());
    for (const auto& c : creds) {
      if (c.domain_id == out.domain_id) {
        out.access_key = c.access_key;
        out.secret_key = c.secret_key;
        break;
      }
    }
    store::ProjectFilter f;
    f.domain_id = out.domain_id;
    FW_ASSIGN_OR_RETURN(out.projects, r.accounts().ListProjects(f));
    return Status::Ok();
  }));
  return out;
}

Result<BootstrapResult> EnsureDefaultAccount(store::Store& store, const ServerConfig& config,
                                             const Clock& clock) {
  BootstrapResult result;
  const TimePoint now = clock.Now();
  // The password hash is slow on purpose: compute it only on the first start, and outside the
  // write transaction.
  bool empty = false;
  FW_RETURN_IF_ERROR(store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto domains, r.accounts().ListDomains());
    empty = domains.empty();
    return Status::Ok();
  }));
  std::string password = config.password;
  std::string password_hash;
  if (empty) {
    if (password.empty()) password = RandomString(20, kAlnum);
    password_hash = crypto::HashPassword(password);
  }

  FW_RETURN_IF_ERROR(store.Write([&](store::Repositories& r) -> Status {
    auto& accounts = r.accounts();
    FW_ASSIGN_OR_RETURN(auto domains, accounts.ListDomains());
    std::string domain_id;
    if (domains.empty()) {
      if (password_hash.empty()) return Conflict("the account was removed while starting");
      result.created = true;
      domain_id = NewHexId32();
      FW_RETURN_IF_ERROR(accounts.InsertDomain({domain_id, config.domain_name, true, now}));
      std::string user_id = NewHexId32();
      FW_RETURN_IF_ERROR(
          accounts.InsertUser({user_id, domain_id, config.user_name, password_hash, true, now}));
      std::string ak = config.access_key.empty() ? RandomString(20, kUpperAlnum)
                                                 : config.access_key;
      std::string sk = config.secret_key.empty() ? RandomString(40, kAlnum) : config.secret_key;
      FW_RETURN_IF_ERROR(accounts.InsertCredential({ak, sk, user_id, domain_id, true, now}));
      if (config.password.empty()) result.generated_password = password;
    } else {
      domain_id = domains.front().id;
    }
    store::ProjectFilter f;
    f.domain_id = domain_id;
    FW_ASSIGN_OR_RETURN(auto existing, accounts.ListProjects(f));
    for (const auto& region : config.regions) {
      bool have = std::any_of(existing.begin(), existing.end(),
                              [&](const auto& p) { return p.name == region; });
      if (!have) {
        FW_RETURN_IF_ERROR(accounts.InsertProject({NewHexId32(), domain_id, region, "", true, now}));
      }
    }
    return Status::Ok();
  }));
  FW_ASSIGN_OR_RETURN(result.account, ReadAccount(store));
  return result;
}

}  // namespace fw::server
