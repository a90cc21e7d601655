#include "auth/token_service.h"

#include "base/ids.h"
#include "crypto/crypto.h"

namespace fw::auth {
namespace {

// How long a validated token may be served from memory before the store is asked again.
constexpr std::chrono::seconds kCacheTtl{30};
constexpr size_t kCacheMaxEntries = 10000;

std::string NewToken() {
  unsigned char bytes[64];
  RandomBytes(bytes, sizeof bytes);
  // The "MII" prefix makes the token look like the real cloud's (PKI-style) tokens.
  return "MII" + crypto::Base64UrlEncode(
                     std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

Status WrongPassword() {
  return Unauthenticated("The username or password is wrong.", "IAM.0101");
}

}  // namespace

TokenService::TokenService(store::Store& store, const Clock& clock, std::chrono::seconds ttl)
    : store_(store), clock_(clock), ttl_(ttl) {}

Result<IssuedToken> TokenService::Issue(const PasswordCredentials& creds,
                                        const TokenScope& scope) {
  IssuedToken out;
  TokenInfo& info = out.info;
  Status st = store_.Read([&](store::Repositories& r) -> Status {
    auto& accounts = r.accounts();
    std::optional<store::UserRecord> user;
    if (!creds.user_id.empty()) {
      FW_ASSIGN_OR_RETURN(user, accounts.FindUserById(creds.user_id));
    } else {
      std::optional<store::DomainRecord> domain;
      if (!creds.domain_id.empty()) {
        FW_ASSIGN_OR_RETURN(domain, accounts.FindDomainById(creds.domain_id));
      } else {
        FW_ASSIGN_OR_RETURN(domain, accounts.FindDomainByName(creds.domain_name));
      }
      if (!domain) return WrongPassword();
      FW_ASSIGN_OR_RETURN(user, accounts.FindUserByName(domain->id, creds.user_name));
    }
    if (!user || !crypto::VerifyPassword(creds.password, user->password_hash)) {
      return WrongPassword();
    }
    if (!user->enabled) return PermissionDenied("The user is disabled.", "IAM.0102");
    FW_ASSIGN_OR_RETURN(auto domain, accounts.FindDomainById(user->domain_id));
    if (!domain || !domain->enabled) return PermissionDenied("The account is disabled.");
    info.user = *user;
    info.domain = *domain;

    if (scope.kind == TokenScope::Kind::kProject) {
      std::optional<store::ProjectRecord> project;
      if (!scope.project_id.empty()) {
        FW_ASSIGN_OR_RETURN(project, accounts.FindProjectById(scope.project_id));
      } else {
        std::string domain_id = scope.project_domain_id;
        if (domain_id.empty() && !scope.project_domain_name.empty()) {
          FW_ASSIGN_OR_RETURN(auto d, accounts.FindDomainByName(scope.project_domain_name));
          domain_id = d ? d->id : "-";
        }
        if (domain_id.empty()) domain_id = user->domain_id;
        store::ProjectFilter filter;
        filter.name = scope.project_name;
        filter.domain_id = domain_id;
        FW_ASSIGN_OR_RETURN(auto projects, accounts.ListProjects(filter));
        if (!projects.empty()) project = projects.front();
      }
      if (!project || project->domain_id != user->domain_id) {
        return NotFound("The project does not exist or the user has no access to it.");
      }
      if (!project->enabled) return PermissionDenied("The project is disabled.");
      info.project = *project;
    } else {
      bool by_id = !scope.domain_id.empty();
      bool by_name = !scope.domain_name.empty();
      if ((by_id && scope.domain_id != domain->id) ||
          (by_name && scope.domain_name != domain->name)) {
        return NotFound("The domain does not exist or the user has no access to it.");
      }
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;

  out.token = NewToken();
  TimePoint now = clock_.Now();
  info.record = store::TokenRecord{crypto::Sha256Hex(out.token), info.user.id, info.domain.id,
                                   info.project ? info.project->id : "", now, now + ttl_};
  FW_RETURN_IF_ERROR(store_.Write([&](store::Repositories& r) {
    return r.tokens().Insert(info.record);
  }));
  return out;
}

Result<TokenInfo> TokenService::Validate(std::string_view token) {
  if (token.empty() || token.size() > 16384) return Unauthenticated("token is invalid");
  std::string hash = crypto::Sha256Hex(token);
  TimePoint now = clock_.Now();
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = cache_.find(hash);
    if (it != cache_.end() && now - it->second.cached_at < kCacheTtl &&
        now < it->second.info->record.expires_at) {
      return *it->second.info;
    }
  }
  FW_ASSIGN_OR_RETURN(TokenInfo info, Load(hash));
  if (now >= info.record.expires_at) return Unauthenticated("token expires");
  std::lock_guard<std::mutex> lock(mu_);
  if (cache_.size() >= kCacheMaxEntries) cache_.clear();
  cache_[hash] = CacheEntry{std::make_shared<const TokenInfo>(info), now};
  return info;
}

std::shared_ptr<const TokenInfo> TokenService::ValidateCached(std::string_view token) {
  if (token.empty() || token.size() > 16384) return nullptr;
  std::string hash = crypto::Sha256Hex(token);
  TimePoint now = clock_.Now();
  std::lock_guard<std::mutex> lock(mu_);
  auto it = cache_.find(hash);
  if (it == cache_.end() || now - it->second.cached_at >= kCacheTtl ||
      now >= it->second.info->record.expires_at) {
    return nullptr;
  }
  return it->second.info;
}

Result<TokenInfo> TokenService::Load(const std::string& hash) {
  TokenInfo info;
  Status st = store_.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto record, r.tokens().Find(hash));
    if (!record) return Unauthenticated("token is invalid");
    info.record = *record;
    FW_ASSIGN_OR_RETURN(auto user, r.accounts().FindUserById(record->user_id));
    FW_ASSIGN_OR_RETURN(auto domain, r.accounts().FindDomainById(record->domain_id));
    if (!user || !user->enabled || !domain || !domain->enabled) {
      return Unauthenticated("token is invalid: the user is disabled");
    }
    info.user = *user;
    info.domain = *domain;
    if (!record->project_id.empty()) {
      FW_ASSIGN_OR_RETURN(info.project, r.accounts().FindProjectById(record->project_id));
      if (!info.project) return Unauthenticated("token is invalid: the project is gone");
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return info;
}

Result<int64_t> TokenService::PurgeExpired() {
  int64_t removed = 0;
  FW_RETURN_IF_ERROR(store_.Write([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(removed, r.tokens().DeleteExpired(clock_.Now()));
    return Status::Ok();
  }));
  return removed;
}

}  // namespace fw::auth
