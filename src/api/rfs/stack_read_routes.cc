// The stack reads (spec §2.1–2.3, 2.5–2.7): list, metadata, events, resources, outputs, and
// GetStackTemplate, which answers 307 with a short-lived link to Formwork's own download route
// (download_routes.cc) as the real service answers with a pre-signed OBS link.
#include "api/common/errors.h"
#include "api/rfs/request_decoding.h"
#include "api/rfs/request_rules.h"
#include "api/rfs/response_json.h"
#include "api/rfs/rfs_api.h"

namespace fw::api::rfs {
namespace {

using stacks::StackService;

Result<http::Response> ListStackEvents(StackService& stacks, Context& ctx) {
  stacks::ListEventsRequest req;
  req.stack = StackFromQuery(ctx);
  req.deployment_id = QueryParam(ctx.request, "deployment_id");
  req.filter = QueryParam(ctx.request, "filter").value_or("");
  req.field = QueryParam(ctx.request, "field").value_or("");
  FW_ASSIGN_OR_RETURN(req.page, DecodePage(ctx));
  FW_ASSIGN_OR_RETURN(auto events, stacks.ListStackEvents(req));
  return http::Response::Json(200, EventListJson(events));
}

Result<http::Response> GetStackTemplate(StackService& stacks, Context& ctx) {
  stacks::DownloadAccess access;
  for (auto& [key, value] : ctx.request.QueryParams()) {
    if (key == "access_control_source_ips") access.source_ips.push_back(value);
    if (key == "access_control_source_vpc_ids") access.source_vpc_ids.push_back(value);
  }
  FW_ASSIGN_OR_RETURN(auto link, stacks.IssueTemplateDownload(StackFromQuery(ctx), access));
  http::Response r = http::Response::Json(307, "");
  r.SetHeader("Location", ctx.base_url + std::string(stacks::kDownloadPathPrefix) + link.token +
                              "/" + link.file_name);
  return r;
}

}  // namespace

void RegisterStackReadRoutes(ApiRouter& router, const RfsDeps& deps) {
  StackService* s = deps.stacks;
  const std::string stack = "/v1/{project_id}/stacks/{stack_name}";
  router.Add("GET", "/v1/{project_id}/stacks",
             RfsRoute([s](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto page, DecodePage(ctx));
               FW_ASSIGN_OR_RETURN(auto list,
                                   s->ListStacks(ctx.request.PathParam("project_id"), page));
               return http::Response::Json(200, StackListJson(list));
             }));
  router.Add("GET", stack + "/metadata", RfsRoute([s](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto m, s->GetStackMetadata(StackFromQuery(ctx)));
               return http::Response::Json(200, StackMetadataJson(m));
             }));
  router.Add("GET", stack + "/events",
             RfsRoute([s](Context& ctx) { return ListStackEvents(*s, ctx); }));
  router.Add("GET", stack + "/resources", RfsRoute([s](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto page, DecodePage(ctx));
               FW_ASSIGN_OR_RETURN(auto list, s->ListStackResources(StackFromQuery(ctx), page));
               return http::Response::Json(200, ResourceListJson(list));
             }));
  router.Add("GET", stack + "/outputs", RfsRoute([s](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto page, DecodePage(ctx));
               FW_ASSIGN_OR_RETURN(auto list, s->ListStackOutputs(StackFromQuery(ctx), page));
               return http::Response::Json(200, OutputListJson(list));
             }));
  router.Add("GET", stack + "/templates",
             RfsRoute([s](Context& ctx) { return GetStackTemplate(*s, ctx); }));
}

}  // namespace fw::api::rfs
