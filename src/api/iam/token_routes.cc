// POST /v3/auth/tokens (issue), GET and HEAD /v3/auth/tokens (validate).
#include <boost/json.hpp>

#include "api/common/json.h"
#include "api/iam/iam_api.h"
#include "api/iam/token_json.h"

namespace fw::api::iam {
namespace {

struct TokenRequest {
  auth::PasswordCredentials credentials;
  auth::TokenScope scope;
};

Result<TokenRequest> ParseTokenRequest(std::string_view body) {
  FW_ASSIGN_OR_RETURN(auto root, ParseJsonObject(body));
  FW_ASSIGN_OR_RETURN(auto auth, RequiredObject(root, "auth", "auth"));
  FW_ASSIGN_OR_RETURN(auto identity, RequiredObject(*auth, "identity", "auth.identity"));
  FW_ASSIGN_OR_RETURN(auto methods, OptionalArray(*identity, "methods", "auth.identity.methods"));
  bool has_password = false;
  if (methods != nullptr) {
    for (const auto& m : *methods) {
      if (m.is_string() && m.as_string() == "password") has_password = true;
    }
  }
  if (!has_password) {
    return InvalidArgument(
        "'auth.identity.methods' must contain \"password\": only password authentication is "
        "supported.");
  }
  FW_ASSIGN_OR_RETURN(auto password,
                      RequiredObject(*identity, "password", "auth.identity.password"));
  FW_ASSIGN_OR_RETURN(auto user, RequiredObject(*password, "user", "auth.identity.password.user"));
  TokenRequest out;
  auto& c = out.credentials;
  FW_ASSIGN_OR_RETURN(auto name, OptionalString(*user, "name", "auth.identity.password.user.name"));
  FW_ASSIGN_OR_RETURN(auto id, OptionalString(*user, "id", "auth.identity.password.user.id"));
  FW_ASSIGN_OR_RETURN(c.password,
                      RequiredString(*user, "password", "auth.identity.password.user.password"));
  if (id) {
    c.user_id = *id;
  } else if (name) {
    c.user_name = *name;
    FW_ASSIGN_OR_RETURN(auto domain,
                        RequiredObject(*user, "domain", "auth.identity.password.user.domain"));
    FW_ASSIGN_OR_RETURN(auto dname,
                        OptionalString(*domain, "name", "auth.identity.password.user.domain.name"));
    FW_ASSIGN_OR_RETURN(auto did,
                        OptionalString(*domain, "id", "auth.identity.password.user.domain.id"));
    if (!dname && !did) {
      return InvalidArgument("'auth.identity.password.user.domain' needs a name or an id.");
    }
    c.domain_name = dname.value_or("");
    c.domain_id = did.value_or("");
  } else {
    return InvalidArgument("'auth.identity.password.user' needs a name or an id.");
  }

  FW_ASSIGN_OR_RETURN(auto scope, OptionalObject(*auth, "scope", "auth.scope"));
  if (scope != nullptr) {
    FW_ASSIGN_OR_RETURN(auto project, OptionalObject(*scope, "project", "auth.scope.project"));
    FW_ASSIGN_OR_RETURN(auto domain, OptionalObject(*scope, "domain", "auth.scope.domain"));
    if (project != nullptr) {  // project wins when both are given
      auto& s = out.scope;
      s.kind = auth::TokenScope::Kind::kProject;
      FW_ASSIGN_OR_RETURN(auto pid, OptionalString(*project, "id", "auth.scope.project.id"));
      FW_ASSIGN_OR_RETURN(auto pname, OptionalString(*project, "name", "auth.scope.project.name"));
      if (!pid && !pname) return InvalidArgument("'auth.scope.project' needs an id or a name.");
      s.project_id = pid.value_or("");
      s.project_name = pname.value_or("");
      FW_ASSIGN_OR_RETURN(auto pdomain,
                          OptionalObject(*project, "domain", "auth.scope.project.domain"));
      if (pdomain != nullptr) {
        FW_ASSIGN_OR_RETURN(auto dn, OptionalString(*pdomain, "name", "auth.scope.project.domain.name"));
        FW_ASSIGN_OR_RETURN(auto di, OptionalString(*pdomain, "id", "auth.scope.project.domain.id"));
        s.project_domain_name = dn.value_or("");
        s.project_domain_id = di.value_or("");
      }
    } else if (domain != nullptr) {
      FW_ASSIGN_OR_RETURN(auto dn, OptionalString(*domain, "name", "auth.scope.domain.name"));
      FW_ASSIGN_OR_RETURN(auto di, OptionalString(*domain, "id", "auth.scope.domain.id"));
      if (!dn && !di) return InvalidArgument("'auth.scope.domain' needs a name or an id.");
      out.scope.domain_name = dn.value_or("");
      out.scope.domain_id = di.value_or("");
    }
  }
  return out;
}

bool WantsCatalog(const http::Request& req) {
  for (const auto& [k, v] : req.QueryParams()) {
    if (k == "nocatalog" && !v.empty()) return false;
  }
  return true;
}

Result<std::vector<store::ProjectRecord>> DomainProjects(store::Store& store,
                                                         const std::string& domain_id) {
  std::vector<store::ProjectRecord> projects;
  FW_RETURN_IF_ERROR(store.Read([&](store::Repositories& r) -> Status {
    store::ProjectFilter f;
    f.domain_id = domain_id;
    f.enabled = true;
    FW_ASSIGN_OR_RETURN(projects, r.accounts().ListProjects(f));
    return Status::Ok();
  }));
  return projects;
}

http::Response TokenResponse(int status, const std::string& token, const auth::TokenInfo& info,
                             const std::string& base_url,
                             const std::vector<store::ProjectRecord>& projects, bool catalog) {
  http::Response resp =
      http::Response::Json(status, ToJson(TokenBody(info, base_url, projects, catalog)));
  resp.SetHeader("X-Subject-Token", token);
  return resp;
}

}  // namespace

void RegisterTokenRoutes(ApiRouter& router, const IamDeps& deps) {
  router.Add("POST", "/v3/auth/tokens",
             Route{Service::kIam, Access::kPublic, Scope::kDomain, 1024 * 1024,
                   [deps](Context& ctx) -> Result<http::Response> {
                     FW_ASSIGN_OR_RETURN(TokenRequest req, ParseTokenRequest(ctx.request.body));
                     FW_ASSIGN_OR_RETURN(auto issued,
                                         deps.tokens->Issue(req.credentials, req.scope));
                     std::vector<store::ProjectRecord> projects;
                     bool catalog = WantsCatalog(ctx.request);
                     if (catalog) {
                       FW_ASSIGN_OR_RETURN(projects,
                                           DomainProjects(*deps.store, issued.info.domain.id));
                     }
                     return TokenResponse(201, issued.token, issued.info, ctx.base_url,
                                          projects, catalog);
                   }});
  router.Add("GET", "/v3/auth/tokens",
             Route{Service::kIam, Access::kAuthenticated, Scope::kDomain, 0,
                   [deps](Context& ctx) -> Result<http::Response> {
                     const std::string* subject = ctx.request.Header("X-Subject-Token");
                     if (subject == nullptr || subject->empty()) {
                       return InvalidArgument("The X-Subject-Token header is required.");
                     }
                     auto info = deps.tokens->Validate(*subject);
                     // A token of another account is as invisible as an invalid one.
                     if (!info.ok() || info->domain.id != ctx.principal->domain_id) {
                       return NotFound("The token does not exist or has expired.");
                     }
                     std::vector<store::ProjectRecord> projects;
                     bool catalog = WantsCatalog(ctx.request);
                     if (catalog) {
                       FW_ASSIGN_OR_RETURN(projects, DomainProjects(*deps.store, info->domain.id));
                     }
                     return TokenResponse(200, *subject, *info, ctx.base_url, projects, catalog);
                   }});
}

}  // namespace fw::api::iam
