#include "server/dispatcher.h"

#include <algorithm>

#include "api/common/errors.h"
#include "auth/signing.h"

namespace fw::server {
namespace {

auth::SignableRequest Signable(const http::Request& req) {
  auth::SignableRequest s;
  s.method = req.method;
  s.raw_path = req.path;
  s.raw_query = req.query;
  s.headers.reserve(req.headers.size());
  for (const auto& [k, v] : req.headers) s.headers.emplace_back(k, v);
  s.body = req.body;
  return s;
}

}  // namespace

std::string Dispatcher::BaseUrl(const http::Request& req) const {
  const std::string* host = req.Header("Host");
  return host && !host->empty() ? "http://" + *host : fallback_base_url_;
}

Dispatcher::Dispatcher(const api::ApiRouter& router, auth::Authenticator& authenticator,
                       std::string fallback_base_url)
    : router_(router),
      authenticator_(authenticator),
      fallback_base_url_(std::move(fallback_base_url)) {}

size_t Dispatcher::MaxBodyBytes(const http::Request& head) const {
  auto m = router_.Find(head.method, head.path);
  if (m.outcome == http::RouteOutcome::kFound) {
    return std::max(m.value->max_body_bytes, api::kIgnoredBodyBytes);
  }
  return api::kIgnoredBodyBytes;  // nothing will use it: the answer is 404/405 either way
}

http::Response Dispatcher::Reject(const http::Request& head, const Status& status) const {
  return api::ErrorResponse(api::ServiceForPath(head.path), status, head.request_id);
}

std::optional<http::Response> Dispatcher::TryHandleInline(http::Request& req) {
  auto match = router_.Find(req.method, req.path);
  if (match.outcome != http::RouteOutcome::kFound || !match.value->inline_handler) {
    return std::nullopt;
  }
  const api::Route& route = *match.value;
  req.path_params = match.params;
  std::optional<auth::Principal> principal;
  if (route.access == api::Access::kAuthenticated) {
    principal = authenticator_.TryAuthenticateCached(Signable(req));
    if (!principal ||
        (route.scope == api::Scope::kProject &&
         !authenticator_.TryAuthorizeProjectCached(*principal, req.PathParam("project_id"),
                                                   req.Header("X-Project-Id")))) {
      req.path_params.clear();
      return std::nullopt;
    }
  }
  api::Context ctx{req, principal ? &*principal : nullptr, BaseUrl(req)};
  std::optional<Result<http::Response>> result = route.inline_handler(ctx);
  if (!result) {
    req.path_params.clear();
    return std::nullopt;
  }
  if (!result->ok()) return api::ErrorResponse(route.service, result->status(), req.request_id);
  return std::move(*result).value();
}

http::Response Dispatcher::Handle(http::Request& req) {
  auto match = router_.Find(req.method, req.path);
  if (match.outcome == http::RouteOutcome::kNotFound) {
    return api::ErrorResponse(
        api::Service::kGateway,
        NotFound("The API does not exist or has not been published in the environment",
                 "APIGW.0101"),
        req.request_id);
  }
  if (match.outcome == http::RouteOutcome::kMethodNotAllowed) {
    std::string allow;
    for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
    http::Response r = api::ErrorResponse(
        api::ServiceForPath(req.path),
        Status(ErrorCode::kMethodNotAllowed,
               "Method " + req.method + " is not allowed on " + req.path + "."),
        req.request_id);
    r.SetHeader("Allow", allow);
    return r;
  }
  const api::Route& route = *match.value;
  req.path_params = std::move(match.params);

  std::optional<auth::Principal> principal;
  if (route.access == api::Access::kAuthenticated) {
    auto authenticated = authenticator_.Authenticate(Signable(req));
    if (!authenticated.ok()) {
      // The caller's token or signature is checked by the gateway in front of every service,
      // IAM included: its body is APIGW's (the SDKs read error_code "APIGW.0301").
      return api::ErrorResponse(api::Service::kGateway, authenticated.status(), req.request_id);
    }
    principal = std::move(authenticated).value();
    if (route.scope == api::Scope::kProject) {
      Status allowed = authenticator_.AuthorizeProject(
          *principal, req.PathParam("project_id"), req.Header("X-Project-Id"));
      if (!allowed.ok()) return api::ErrorResponse(route.service, allowed, req.request_id);
    }
  }

  api::Context ctx{req, principal ? &*principal : nullptr, BaseUrl(req)};
  Result<http::Response> result = route.handler(ctx);
  if (!result.ok()) return api::ErrorResponse(route.service, result.status(), req.request_id);
  return std::move(result).value();
}

}  // namespace fw::server
