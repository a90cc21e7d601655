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
  auto admin = [](api::HandlerFn fn) {
    return api::Route{api::Service::kAdmin, api::Access::kAuthenticated, api::Scope::kDomain,
                      64 * 1024, std::move(fn)};
  };
  auto list = [deps]() {
    boost::json::array rules;
    for (const auto& r : deps.faults->List()) rules.push_back(cloud::FaultRuleToJson(r));
    return http::Response::Json(200, api::ToJson(boost::json::object{{"faults", rules}}));
  };
  router.Add("GET", "/_formwork/faults",
             admin([list](api::Context&) -> Result<http::Response> { return list(); }));
  router.Add("POST", "/_formwork/faults",
             admin([deps](api::Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto body, api::ParseJson(ctx.request.body, 8));
               FW_ASSIGN_OR_RETURN(cloud::FaultRule rule, cloud::FaultRuleFromJson(body));
               cloud::FaultRule added = deps.faults->Add(std::move(rule));
               return http::Response::Json(201, api::ToJson(cloud::FaultRuleToJson(added)));
             }));
  router.Add("DELETE", "/_formwork/faults",
             admin([deps](api::Context&) -> Result<http::Response> {
               deps.faults->Clear();
               return http::Response::Json(204, "");
             }));
  router.Add("DELETE", "/_formwork/faults/{fault_id}",
             admin([deps](api::Context& ctx) -> Result<http::Response> {
               if (!deps.faults->Remove(ctx.request.PathParam("fault_id"))) {
                 return NotFound("No fault rule " + ctx.request.PathParam("fault_id") + ".");
               }
               return http::Response::Json(204, "");
             }));
}

}  // namespace fw::server
