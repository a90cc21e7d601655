#include "auth/authenticator.h"

namespace fw::auth {
namespace {

constexpr std::chrono::seconds kCacheTtl{30};
constexpr size_t kCacheMaxEntries = 10000;
constexpr std::string_view kPrefix = "Incorrect IAM authentication information: ";

Status AuthFailure(std::string_view why) {
  return Unauthenticated(std::string(kPrefix) + std::string(why), "APIGW.0301");
}

}  // namespace

Authenticator::Authenticator(store::Store& store, TokenService& tokens, const Clock& clock,
                             VerifyOptions verify_options)
    : store_(store), tokens_(tokens), clock_(clock), verify_options_(verify_options) {}

Result<Principal> Authenticator::Authenticate(const SignableRequest& request) {
  if (const std::string_view* token = request.FindHeader("x-auth-token")) {
    auto info = tokens_.Validate(*token);
    if (!info.ok()) {
      bool expired = info.status().message() == "token expires";
      return AuthFailure(expired ? "token expires" : "decrypt token fail");
    }
    return TokenPrincipal(*info);
  }
  if (request.FindHeader("authorization") == nullptr) {
    return AuthFailure("x-auth-token not found");
  }
  // The lookup may fail on the store; remember that instead of reporting a bad signature.
  Status lookup_error;
  std::optional<CachedKey> key;
  SecretLookup lookup = [&](std::string_view ak) -> std::optional<std::string> {
    auto found = LookupKey(ak);
    if (!found.ok()) {
      lookup_error = found.status();
      return std::nullopt;
    }
    key = *found;
    if (!key) return std::nullopt;
    return key->credential.secret_key;
  };
  auto verified = VerifySignature(request, lookup, clock_.Now(), verify_options_);
  if (!lookup_error.ok()) return lookup_error;
  if (!verified.ok()) return verified.status();
  return KeyPrincipal(*key);
}

Principal Authenticator::TokenPrincipal(const TokenInfo& info) {
  Principal p;
  p.method = AuthMethod::kToken;
  p.domain_id = info.domain.id;
  p.domain_name = info.domain.name;
  p.user_id = info.user.id;
  p.user_name = info.user.name;
  if (info.project) {
    p.project_id = info.project->id;
    p.project_name = info.project->name;
  }
  return p;
}

Principal Authenticator::KeyPrincipal(const CachedKey& key) {
  Principal p;
  p.method = AuthMethod::kAkSk;
  p.domain_id = key.domain.id;
  p.domain_name = key.domain.name;
  p.user_id = key.user.id;
  p.user_name = key.user.name;
  p.access_key = key.credential.access_key;
  return p;
}

std::optional<Principal> Authenticator::TryAuthenticateCached(const SignableRequest& request) {
  if (const std::string_view* token = request.FindHeader("x-auth-token")) {
    auto info = tokens_.ValidateCached(*token);
    if (!info) return std::nullopt;
    return TokenPrincipal(*info);
  }
  if (request.FindHeader("authorization") == nullptr) return std::nullopt;
  std::optional<CachedKey> key;
  SecretLookup lookup = [&](std::string_view ak) -> std::optional<std::string> {
    key = CachedKeyFor(ak);
    if (!key) return std::nullopt;
    return key->credential.secret_key;
  };
  if (!VerifySignature(request, lookup, clock_.Now(), verify_options_).ok() || !key) {
    return std::nullopt;
  }
  return KeyPrincipal(*key);
}

bool Authenticator::TryAuthorizeProjectCached(const Principal& principal,
                                              const std::string& project_id,
                                              const std::string* header_project_id) {
  if (header_project_id != nullptr && *header_project_id != project_id) return false;
  if (principal.method == AuthMethod::kToken) return principal.project_id == project_id;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = projects_.find(project_id);
  return it != projects_.end() && clock_.Now() - it->second.cached_at < kCacheTtl &&
         it->second.project && it->second.project->domain_id == principal.domain_id &&
         it->second.project->enabled;
}

std::optional<Authenticator::CachedKey> Authenticator::CachedKeyFor(std::string_view access_key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = keys_.find(std::string(access_key));
  if (it == keys_.end() || clock_.Now() - it->second.cached_at >= kCacheTtl) return std::nullopt;
  return it->second;
}

Status Authenticator::AuthorizeProject(const Principal& principal, const std::string& project_id,
                                       const std::string* header_project_id) {
  if (header_project_id != nullptr && *header_project_id != project_id) {
    return PermissionDenied("X-Project-Id does not match the project in the path.");
  }
  if (principal.method == AuthMethod::kToken) {
    if (principal.project_id.empty()) {
      return PermissionDenied("A domain-scoped token cannot be used for a project API.");
    }
    if (principal.project_id != project_id) {
      return PermissionDenied("The token's project does not match the project in the path.");
    }
    return Status::Ok();
  }
  FW_ASSIGN_OR_RETURN(auto project, LookupProject(project_id));
  if (!project || project->domain_id != principal.domain_id) {
    return PermissionDenied("The project does not exist or does not belong to the caller.");
  }
  if (!project->enabled) return PermissionDenied("The project is disabled.");
  return Status::Ok();
}

void Authenticator::InvalidateCaches() {
  std::lock_guard<std::mutex> lock(mu_);
  keys_.clear();
  projects_.clear();
}

Result<std::optional<Authenticator::CachedKey>> Authenticator::LookupKey(
    std::string_view access_key) {
  std::string ak(access_key);
  TimePoint now = clock_.Now();
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = keys_.find(ak);
    if (it != keys_.end() && now - it->second.cached_at < kCacheTtl) {
      return std::optional<CachedKey>(it->second);
    }
  }
  std::optional<CachedKey> out;
  FW_RETURN_IF_ERROR(store_.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto cred, r.accounts().FindCredential(ak));
    if (!cred || !cred->enabled) return Status::Ok();
    FW_ASSIGN_OR_RETURN(auto user, r.accounts().FindUserById(cred->user_id));
    FW_ASSIGN_OR_RETURN(auto domain, r.accounts().FindDomainById(cred->domain_id));
    if (!user || !user->enabled || !domain || !domain->enabled) return Status::Ok();
    out = CachedKey{*cred, *user, *domain, now};
    return Status::Ok();
  }));
  if (out) {
    std::lock_guard<std::mutex> lock(mu_);
    if (keys_.size() >= kCacheMaxEntries) keys_.clear();
    keys_[ak] = *out;
  }
  return out;
}

Result<std::optional<store::ProjectRecord>> Authenticator::LookupProject(
    const std::string& project_id) {
  TimePoint now = clock_.Now();
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = projects_.find(project_id);
    if (it != projects_.end() && now - it->second.cached_at < kCacheTtl) {
      return it->second.project;
    }
  }
  std::optional<store::ProjectRecord> project;
  FW_RETURN_IF_ERROR(store_.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(project, r.accounts().FindProjectById(project_id));
    return Status::Ok();
  }));
  std::lock_guard<std::mutex> lock(mu_);
  if (projects_.size() >= kCacheMaxEntries) projects_.clear();
  projects_[project_id] = CachedProject{project, now};
  return project;
}

}  // namespace fw::auth
