// Dispatcher: the http::Handler of the API server. For each request: find the route (404/405
// in the right service's body), authenticate (401, APIGW.0301), check the project scope (403),
// run the handler, and turn an error Status into the route's service error body.
//
// Thread-safety: Handle() runs concurrently on the blocking pool and TryHandleInline() on the
// I/O threads (it only reads caches); the dispatcher holds no mutable state of its own.
#pragma once

#include "api/common/route.h"
#include "auth/authenticator.h"
#include "http/server.h"

namespace fw::server {

class Dispatcher final : public http::Handler {
 public:
  Dispatcher(const api::ApiRouter& router, auth::Authenticator& authenticator,
             std::string fallback_base_url);

  size_t MaxBodyBytes(const http::Request& head) const override;
  http::Response Handle(http::Request& request) override;
  // The fast path: routes with an inline handler, callers known from the auth caches.
  std::optional<http::Response> TryHandleInline(http::Request& request) override;
  http::Response Reject(const http::Request& head, const Status& status) const override;

 private:
  // "http://host:port" as the client addressed this server.
  std::string BaseUrl(const http::Request& req) const;

  const api::ApiRouter& router_;
  auth::Authenticator& authenticator_;
  std::string fallback_base_url_;
};

}  // namespace fw::server
