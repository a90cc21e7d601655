#include "server/admin_routes.h"

#include <boost/json.hpp>

#include "api/common/json.h"

namespace fw::server {

void RegisterAdminRoutes(api::ApiRouter& router, const AdminDeps& deps) {
  router.Add("GET", "/health",
             api::Route{api::Service::kAdmin, api::Access::kPublic, api::Scope::kDomain, 0,
                        [deps](api::Context&) -> Result<http::Response> {
                          FW_ASSIGN_OR_RETURN(int version, deps.store->SchemaVersion());
                          return http::Response::Json(
                              200, api::ToJson(boost::json::object{
                                       {"status", "ok"}, {"schema_version", version}}));
                        }});
}

}  // namespace fw::server
