// Authenticator: turns a request's credentials (X-Auth-Token, or an SDK-HMAC-SHA256
// signature) into a Principal, and decides whether a principal may act in a project.
// Credentials and projects are cached in memory for a short time (they change rarely), so the
// common authenticated request costs no store round trip.
//
// Thread-safety: safe from any thread; cache misses block on the store.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/principal.h"
#include "auth/signature_verifier.h"
#include "auth/token_service.h"
#include "store/store.h"

namespace fw::auth {

class Authenticator {
 public:
  Authenticator(store::Store& store, TokenService& tokens, const Clock& clock,
                VerifyOptions verify_options);

  // Every failure is kUnauthenticated with service code APIGW.0301.
  Result<Principal> Authenticate(const SignableRequest& request);

  // May `principal` act in `project_id` (from the path)? `header_project_id` is the
  // X-Project-Id header when sent. kPermissionDenied when not.
  Status AuthorizeProject(const Principal& principal, const std::string& project_id,
                          const std::string* header_project_id);

  // The cache-only variants, for the I/O-thread fast path: a Principal (or true) when memory
  // alone proves the caller may proceed; nullopt when the store would be needed or the answer
  // is a refusal (the blocking path then produces the error).
  std::optional<Principal> TryAuthenticateCached(const SignableRequest& request);
  bool TryAuthorizeProjectCached(const Principal& principal, const std::string& project_id,
                                 const std::string* header_project_id);

  // Forgets cached credentials and projects (after an account change).
  void InvalidateCaches();

 private:
  struct CachedKey {
    store::CredentialRecord credential;
    store::UserRecord user;
    store::DomainRecord domain;
    TimePoint cached_at;
  };
  struct CachedProject {
    std::optional<store::ProjectRecord> project;
    TimePoint cached_at;
  };

  Result<std::optional<CachedKey>> LookupKey(std::string_view access_key);
  std::optional<CachedKey> CachedKeyFor(std::string_view access_key);
  static Principal TokenPrincipal(const TokenInfo& info);
  static Principal KeyPrincipal(const CachedKey& key);
  Result<std::optional<store::ProjectRecord>> LookupProject(const std::string& project_id);

  store::Store& store_;
  TokenService& tokens_;
  const Clock& clock_;
  VerifyOptions verify_options_;

  std::mutex mu_;
  std::unordered_map<std::string, CachedKey> keys_;          // guarded by mu_
  std::unordered_map<std::string, CachedProject> projects_;  // guarded by mu_
};

}  // namespace fw::auth
