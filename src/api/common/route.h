// What an API route is: its service (for error bodies), who may call it, the body limit, and
// the handler. The server's dispatcher authenticates and checks the project scope before the
// handler runs, so handlers only see allowed requests.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "api/common/service.h"
#include "auth/principal.h"
#include "base/status.h"
#include "http/message.h"
#include "http/router.h"

namespace fw::api {

enum class Access {
  kPublic,         // no credentials needed (/health, POST /v3/auth/tokens)
  kAuthenticated,  // a valid token or AK/SK signature
};

enum class Scope {
  kDomain,   // acts on the caller's account (IAM, stack sets, private providers)
  kProject,  // the path has {project_id}: the caller must be allowed in that project
};

inline constexpr size_t kDefaultMaxJsonBody = 10 * 1024 * 1024;
// What a route that takes no body (max_body_bytes 0) still reads and ignores: the official
// SDKs send "{}" with some GETs (the Node.js core's project discovery does), signed with it.
inline constexpr size_t kIgnoredBodyBytes = 4096;

struct Context {
  http::Request& request;
  const auth::Principal* principal;  // null on public routes
  // "http://host:port" as the client addressed this server (for links and catalogs).
  std::string base_url;
};

using HandlerFn = std::function<Result<http::Response>(Context&)>;
// A handler that may run on an I/O thread: it must not block, and returns nullopt when it
// would need to (e.g. a cache miss), so the request goes to the blocking pool instead.
using InlineHandlerFn = std::function<std::optional<Result<http::Response>>(Context&)>;

struct Route {
  Service service = Service::kGateway;
  Access access = Access::kAuthenticated;
  Scope scope = Scope::kDomain;
  size_t max_body_bytes = kDefaultMaxJsonBody;
  HandlerFn handler;
  InlineHandlerFn inline_handler;  // optional fast path for reads served from memory
};

using ApiRouter = http::Router<Route>;

}  // namespace fw::api
