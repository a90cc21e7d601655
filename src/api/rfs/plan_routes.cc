// The execution-plan operations (spec §3): create (202, computed by a job), list, metadata,
// the diff, apply (a normal deployment of the stack), delete, and the price estimate.
#include "api/common/errors.h"
#include "api/rfs/request_decoding.h"
#include "api/rfs/request_rules.h"
#include "api/rfs/response_json.h"
#include "api/rfs/rfs_api.h"

namespace fw::api::rfs {
namespace {

namespace json = boost::json;
using stacks::StackService;

Result<http::Response> CreatePlan(StackService& stacks, Context& ctx) {
  FW_ASSIGN_OR_RETURN(json::object body, ParseBody(ctx.request.body));
  FW_RETURN_IF_ERROR(RejectUnknownFields(
      body, {"stack_id", "template_body", "template_uri", "execution_plan_name", "description",
             "vars_structure", "vars_body", "vars_uri"}));
  stacks::CreatePlanRequest req;
  FW_ASSIGN_OR_RETURN(req.stack, StackFromBody(ctx, body));
  FW_ASSIGN_OR_RETURN(auto name, BodyString(body, "execution_plan_name"));
  if (!name) return InvalidArgument("'execution_plan_name' is required.", rf::kMissingParameter);
  req.execution_plan_name = *name;
  FW_ASSIGN_OR_RETURN(auto description, BodyString(body, "description"));
  req.description = description.value_or("");
  FW_ASSIGN_OR_RETURN(req.input, DecodeTemplateInput(body));
  FW_ASSIGN_OR_RETURN(auto created, stacks.CreateExecutionPlan(req));
  return http::Response::Json(202, CreatePlanJson(created));
}

Result<http::Response> ApplyPlan(StackService& stacks, Context& ctx) {
  FW_ASSIGN_OR_RETURN(json::object body, ParseBody(ctx.request.body, /*allow_empty=*/true));
  FW_RETURN_IF_ERROR(RejectUnknownFields(body, {"execution_plan_id", "stack_id"}));
  stacks::PlanRef plan;
  FW_ASSIGN_OR_RETURN(plan.stack, StackFromBody(ctx, body));
  plan.execution_plan_name = ctx.request.PathParam("execution_plan_name");
  FW_ASSIGN_OR_RETURN(plan.execution_plan_id, BodyString(body, "execution_plan_id"));
  FW_ASSIGN_OR_RETURN(auto started, stacks.ApplyExecutionPlan(plan));
  return http::Response::Json(202, DeploymentJson(started));
}

}  // namespace

void RegisterPlanRoutes(ApiRouter& router, const RfsDeps& deps) {
  StackService* s = deps.stacks;
  const std::string plans = "/v1/{project_id}/stacks/{stack_name}/execution-plans";
  const std::string plan = plans + "/{execution_plan_name}";
  router.Add("POST", plans, RfsRoute([s](Context& ctx) { return CreatePlan(*s, ctx); }));
  router.Add("GET", plans, RfsRoute([s](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto page, DecodePage(ctx));
               FW_ASSIGN_OR_RETURN(auto list, s->ListExecutionPlans(StackFromQuery(ctx), page));
               return http::Response::Json(200, PlanListJson(list));
             }));
  router.Add("GET", plan + "/metadata", RfsRoute([s](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto m, s->GetExecutionPlanMetadata(PlanFromQuery(ctx)));
               return http::Response::Json(200, PlanMetadataJson(m));
             }));
  router.Add("GET", plan, RfsRoute([s](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto d, s->GetExecutionPlan(PlanFromQuery(ctx)));
               return http::Response::Json(200, PlanDiffJson(d));
             }));
  router.Add("POST", plan, RfsRoute([s](Context& ctx) { return ApplyPlan(*s, ctx); }));
  router.Add("DELETE", plan, RfsRoute([s](Context& ctx) -> Result<http::Response> {
               FW_RETURN_IF_ERROR(s->DeleteExecutionPlan(PlanFromQuery(ctx)));
               return http::Response::Json(204, "");
             }));
  router.Add("GET", plan + "/prices", RfsRoute([s](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto e, s->EstimateExecutionPlanPrice(PlanFromQuery(ctx)));
               return http::Response::Json(200, PriceEstimateJson(e));
             }));
}

}  // namespace fw::api::rfs
