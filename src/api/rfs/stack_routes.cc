// The stack mutations (spec §2.4, 2.8–2.13): create, deploy, continue deploy / rollback, update,
// delete. Each decodes its body and hands the request to stacks::StackService, which checks
// the status machine and queues the work; the answer comes at once (201/202/204).
#include "api/common/errors.h"
#include "api/common/json.h"
#include "api/rfs/request_decoding.h"
#include "api/rfs/request_rules.h"
#include "api/rfs/response_json.h"
#include "api/rfs/rfs_api.h"

namespace fw::api::rfs {
namespace {

namespace json = boost::json;
using stacks::StackService;

Result<http::Response> CreateStack(StackService& stacks, Context& ctx) {
  FW_ASSIGN_OR_RETURN(json::object body, ParseBody(ctx.request.body));
  FW_RETURN_IF_ERROR(RejectUnknownFields(
      body, {"stack_name", "agencies", "description", "enable_deletion_protection",
             "enable_auto_rollback", "template_body", "template_uri", "vars_body",
             "vars_structure", "vars_uri"}));
  stacks::CreateStackRequest req;
  req.project_id = ctx.request.PathParam("project_id");
  FW_ASSIGN_OR_RETURN(auto name, BodyString(body, "stack_name"));
  if (!name) return InvalidArgument("'stack_name' is required.", rf::kMissingParameter);
  req.stack_name = *name;
  FW_ASSIGN_OR_RETURN(auto description, BodyString(body, "description"));
  req.description = description.value_or("");
  FW_ASSIGN_OR_RETURN(auto agencies, DecodeAgencies(body));
  if (agencies) req.agencies = std::move(*agencies);
  FW_ASSIGN_OR_RETURN(auto protection, BodyBool(body, "enable_deletion_protection"));
  FW_ASSIGN_OR_RETURN(auto rollback, BodyBool(body, "enable_auto_rollback"));
  req.enable_deletion_protection = protection.value_or(false);
  req.enable_auto_rollback = rollback.value_or(false);
  FW_ASSIGN_OR_RETURN(req.input, DecodeTemplateInput(body));
  FW_ASSIGN_OR_RETURN(auto created, stacks.CreateStack(req));
  return http::Response::Json(201, CreateStackJson(created));
}

Result<http::Response> UpdateStack(StackService& stacks, Context& ctx) {
  FW_ASSIGN_OR_RETURN(json::object body, ParseBody(ctx.request.body));
  FW_RETURN_IF_ERROR(RejectUnknownFields(body, {"description", "stack_id",
                                                "enable_deletion_protection",
                                                "enable_auto_rollback", "agencies"}));
  stacks::UpdateStackRequest req;
  FW_ASSIGN_OR_RETURN(req.stack, StackFromBody(ctx, body));
  FW_ASSIGN_OR_RETURN(req.description, BodyString(body, "description"));
  FW_ASSIGN_OR_RETURN(req.enable_deletion_protection, BodyBool(body, "enable_deletion_protection"));
  FW_ASSIGN_OR_RETURN(req.enable_auto_rollback, BodyBool(body, "enable_auto_rollback"));
  FW_ASSIGN_OR_RETURN(req.agencies, DecodeAgencies(body));
  FW_RETURN_IF_ERROR(stacks.UpdateStack(req));
  return http::Response::Json(204, "");
}

Result<http::Response> DeployStack(StackService& stacks, Context& ctx) {
  FW_ASSIGN_OR_RETURN(json::object body, ParseBody(ctx.request.body));
  FW_RETURN_IF_ERROR(RejectUnknownFields(body, {"template_body", "template_uri", "vars_structure",
                                                "vars_body", "vars_uri", "stack_id"}));
  stacks::DeployStackRequest req;
  FW_ASSIGN_OR_RETURN(req.stack, StackFromBody(ctx, body));
  FW_ASSIGN_OR_RETURN(req.input, DecodeTemplateInput(body));
  FW_ASSIGN_OR_RETURN(auto started, stacks.DeployStack(req));
  return http::Response::Json(202, DeploymentJson(started));
}

// ContinueDeployStack and ContinueRollbackStack: an optional body with only stack_id.
template <typename Fn>
Result<http::Response> Continue(Context& ctx, Fn fn) {
  FW_ASSIGN_OR_RETURN(json::object body, ParseBody(ctx.request.body, /*allow_empty=*/true));
  FW_RETURN_IF_ERROR(RejectUnknownFields(body, {"stack_id"}));
  FW_ASSIGN_OR_RETURN(auto stack, StackFromBody(ctx, body));
  FW_ASSIGN_OR_RETURN(auto started, fn(stack));
  return http::Response::Json(202, DeploymentJson(started));
}

Result<http::Response> DeleteStackEnhanced(StackService& stacks, Context& ctx) {
  FW_ASSIGN_OR_RETURN(json::object body, ParseBody(ctx.request.body, /*allow_empty=*/true));
  FW_RETURN_IF_ERROR(RejectUnknownFields(body, {"stack_id", "retain_all_resources"}));
  stacks::DeleteStackRequest req;
  FW_ASSIGN_OR_RETURN(req.stack, StackFromBody(ctx, body));
  FW_ASSIGN_OR_RETURN(auto retain, BodyBool(body, "retain_all_resources"));
  req.retain_all_resources = retain.value_or(false);
  FW_RETURN_IF_ERROR(stacks.DeleteStack(req));
  return http::Response::Json(202, "");
}

}  // namespace

void RegisterStackRoutes(ApiRouter& router, const RfsDeps& deps) {
  StackService* s = deps.stacks;
  const std::string stack = "/v1/{project_id}/stacks/{stack_name}";
  router.Add("POST", "/v1/{project_id}/stacks",
             RfsRoute([s](Context& ctx) { return CreateStack(*s, ctx); }));
  router.Add("PATCH", stack, RfsRoute([s](Context& ctx) { return UpdateStack(*s, ctx); }));
  router.Add("POST", stack + "/deployments",
             RfsRoute([s](Context& ctx) { return DeployStack(*s, ctx); }));
  router.Add("POST", stack + "/continuations", RfsRoute([s](Context& ctx) {
               return Continue(ctx, [s](const stacks::StackRef& r) {
                 return s->ContinueDeployStack(r);
               });
             }));
  router.Add("POST", stack + "/rollbacks", RfsRoute([s](Context& ctx) {
               return Continue(ctx, [s](const stacks::StackRef& r) {
                 return s->ContinueRollbackStack(r);
               });
             }));
  router.Add("DELETE", stack, RfsRoute([s](Context& ctx) -> Result<http::Response> {
               FW_RETURN_IF_ERROR(s->DeleteStack({StackFromQuery(ctx), false}));
               return http::Response::Json(202, "");
             }));
  router.Add("POST", stack + "/deletion",
             RfsRoute([s](Context& ctx) { return DeleteStackEnhanced(*s, ctx); }));
}

}  // namespace fw::api::rfs
