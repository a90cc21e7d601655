// ParseTemplateVariables (spec §4.1): the variables a template declares.
#include "api/common/errors.h"
#include "api/rfs/request_decoding.h"
#include "api/rfs/request_rules.h"
#include "api/rfs/response_json.h"
#include "api/rfs/rfs_api.h"

namespace fw::api::rfs {

void RegisterTemplateAnalysisRoutes(ApiRouter& router, const RfsDeps& deps) {
  stacks::StackService* s = deps.stacks;
  router.Add("POST", "/v1/{project_id}/template-analyses/variables",
             RfsRoute([s](Context& ctx) -> Result<http::Response> {
               FW_ASSIGN_OR_RETURN(auto body, ParseBody(ctx.request.body));
               FW_RETURN_IF_ERROR(RejectUnknownFields(body, {"template_body", "template_uri"}));
               stacks::TemplateInput input;
               FW_ASSIGN_OR_RETURN(input.template_body, BodyString(body, "template_body"));
               FW_ASSIGN_OR_RETURN(input.template_uri, BodyString(body, "template_uri"));
               FW_ASSIGN_OR_RETURN(auto vars, s->ParseTemplateVariables(
                                                  ctx.request.PathParam("project_id"), input));
               return http::Response::Json(200, VariablesJson(vars));
             }));
}

}  // namespace fw::api::rfs
