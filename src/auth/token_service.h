// IAM password tokens: issuing (POST /v3/auth/tokens) and validating. A token is 64 bytes of
// CSPRNG output, opaque to clients; only its SHA-256 is stored. Validated tokens are cached in
// memory for a short time so authenticated requests do not hit the store each time.
//
// Thread-safety: all methods are safe from any thread; they block on the store.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/clock.h"
#include "base/status.h"
#include "store/store.h"

namespace fw::auth {

struct PasswordCredentials {
  std::string user_name;  // or user_id
  std::string user_id;
  std::string domain_name;  // or domain_id: the account that owns the user
  std::string domain_id;
  std::string password;
};

struct TokenScope {
  enum class Kind { kDomain, kProject } kind = Kind::kDomain;
  std::string project_id;           // project scope, by id
  std::string project_name;         // or by name ...
  std::string project_domain_id;    // ... within this domain (id or name)
  std::string project_domain_name;
  std::string domain_id;            // domain scope, by id or name (empty: the user's domain)
  std::string domain_name;
};

// A valid token and everything a response about it needs.
struct TokenInfo {
  store::TokenRecord record;
  store::UserRecord user;
  store::DomainRecord domain;
  std::optional<store::ProjectRecord> project;
};

struct IssuedToken {
  std::string token;  // the secret handed to the client once, in X-Subject-Token
  TokenInfo info;
};

class TokenService {
 public:
  TokenService(store::Store& store, const Clock& clock, std::chrono::seconds ttl);

  // Checks the password and scope. Wrong user or password: kUnauthenticated (the same message
  // for both); disabled user: kPermissionDenied; unknown scope: kNotFound.
  Result<IssuedToken> Issue(const PasswordCredentials& credentials, const TokenScope& scope);
  // kUnauthenticated when the token is unknown, expired, or its user was disabled.
  Result<TokenInfo> Validate(std::string_view token);
  // The token's info when a fresh, unexpired validation is cached; never touches the store.
  // Shared, immutable: nothing is copied on this path.
  std::shared_ptr<const TokenInfo> ValidateCached(std::string_view token);
  // Deletes expired tokens from the store; returns how many.
  Result<int64_t> PurgeExpired();

 private:
  Result<TokenInfo> Load(const std::string& hash);

  store::Store& store_;
  const Clock& clock_;
  std::chrono::seconds ttl_;

  struct CacheEntry {
    std::shared_ptr<const TokenInfo> info;
    TimePoint cached_at;
  };
  std::mutex mu_;
  std::unordered_map<std::string, CacheEntry> cache_;  // guarded by mu_; key: token hash
};

}  // namespace fw::auth
