// The RFS operation table (spec §0) and the registration of every route: the built ones from
// their files, the rest answering 501 after the Client-Request-Id check.
#include "api/rfs/rfs_api.h"

#include "api/rfs/request_rules.h"

namespace fw::api::rfs {

// shared/spec/rfs-api.md §0: the 75 operations.
const std::vector<Operation>& RfsOperations() {
  static const std::vector<Operation> kOps = {
      {"ListStackEvents", "GET", "/v1/{project_id}/stacks/{stack_name}/events"},
      {"GetStackMetadata", "GET", "/v1/{project_id}/stacks/{stack_name}/metadata"},
      {"ListStacks", "GET", "/v1/{project_id}/stacks"},
      {"CreateStack", "POST", "/v1/{project_id}/stacks"},
      {"GetStackTemplate", "GET", "/v1/{project_id}/stacks/{stack_name}/templates"},
      {"ListStackResources", "GET", "/v1/{project_id}/stacks/{stack_name}/resources"},
      {"ListStackOutputs", "GET", "/v1/{project_id}/stacks/{stack_name}/outputs"},
      {"ContinueDeployStack", "POST", "/v1/{project_id}/stacks/{stack_name}/continuations"},
      {"DeployStack", "POST", "/v1/{project_id}/stacks/{stack_name}/deployments"},
      {"DeleteStack", "DELETE", "/v1/{project_id}/stacks/{stack_name}"},
      {"UpdateStack", "PATCH", "/v1/{project_id}/stacks/{stack_name}"},
      {"DeleteStackEnhanced", "POST", "/v1/{project_id}/stacks/{stack_name}/deletion"},
      {"ContinueRollbackStack", "POST", "/v1/{project_id}/stacks/{stack_name}/rollbacks"},
      {"CreateExecutionPlan", "POST", "/v1/{project_id}/stacks/{stack_name}/execution-plans"},
      {"ListExecutionPlans", "GET", "/v1/{project_id}/stacks/{stack_name}/execution-plans"},
      {"GetExecutionPlanMetadata", "GET", "/v1/{project_id}/stacks/{stack_name}/execution-plans/{execution_plan_name}/metadata"},
      {"GetExecutionPlan", "GET", "/v1/{project_id}/stacks/{stack_name}/execution-plans/{execution_plan_name}"},
      {"ApplyExecutionPlan", "POST", "/v1/{project_id}/stacks/{stack_name}/execution-plans/{execution_plan_name}"},
      {"DeleteExecutionPlan", "DELETE", "/v1/{project_id}/stacks/{stack_name}/execution-plans/{execution_plan_name}"},
      {"EstimateExecutionPlanPrice", "GET", "/v1/{project_id}/stacks/{stack_name}/execution-plans/{execution_plan_name}/prices"},
      {"ParseTemplateVariables", "POST", "/v1/{project_id}/template-analyses/variables"},
      {"CreateTemplate", "POST", "/v1/{project_id}/templates"},
      {"ListTemplates", "GET", "/v1/{project_id}/templates"},
      {"ShowTemplateMetadata", "GET", "/v1/{project_id}/templates/{template_name}/metadata"},
      {"UpdateTemplateMetadata", "PATCH", "/v1/{project_id}/templates/{template_name}/metadata"},
      {"DeleteTemplate", "DELETE", "/v1/{project_id}/templates/{template_name}"},
      {"CreateTemplateVersion", "POST", "/v1/{project_id}/templates/{template_name}/versions"},
      {"ListTemplateVersions", "GET", "/v1/{project_id}/templates/{template_name}/versions"},
      {"ShowTemplateVersionMetadata", "GET", "/v1/{project_id}/templates/{template_name}/versions/{version_id}/metadata"},
      {"ShowTemplateVersionContent", "GET", "/v1/{project_id}/templates/{template_name}/versions/{version_id}"},
      {"DeleteTemplateVersion", "DELETE", "/v1/{project_id}/templates/{template_name}/versions/{version_id}"},
      {"ListStackSets", "GET", "/v1/stack-sets"},
      {"CreateStackSet", "POST", "/v1/stack-sets"},
      {"ShowStackSetTemplate", "GET", "/v1/stack-sets/{stack_set_name}/templates"},
      {"ListStackSetOperations", "GET", "/v1/stack-sets/{stack_set_name}/operations"},
      {"ShowStackSetMetadata", "GET", "/v1/stack-sets/{stack_set_name}/metadata"},
      {"ListStackInstances", "GET", "/v1/stack-sets/{stack_set_name}/stack-instances"},
      {"CreateStackInstance", "POST", "/v1/stack-sets/{stack_set_name}/stack-instances"},
      {"DeleteStackInstanceDeprecated", "DELETE", "/v1/stack-sets/{stack_set_name}/stack-instances"},
      {"UpdateStackInstances", "PATCH", "/v1/stack-sets/{stack_set_name}/stack-instances"},
      {"DeleteStackInstance", "POST", "/v1/stack-sets/{stack_set_name}/stack-instances/deletion"},
      {"DeployStackSet", "POST", "/v1/stack-sets/{stack_set_name}/deployments"},
      {"DeleteStackSet", "DELETE", "/v1/stack-sets/{stack_set_name}"},
      {"UpdateStackSet", "PATCH", "/v1/stack-sets/{stack_set_name}"},
      {"ShowStackSetOperationMetadata", "GET", "/v1/stack-sets/{stack_set_name}/operations/{stack_set_operation_id}/metadata"},
      {"ShowStackInstance", "GET", "/v1/stack-sets/{stack_set_name}/stack-instances/{stack_instance_addr}"},
      {"CreatePrivateProvider", "POST", "/v1/private-providers"},
      {"ListPrivateProviders", "GET", "/v1/private-providers"},
      {"ShowPrivateProviderMetadata", "GET", "/v1/private-providers/{provider_name}/metadata"},
      {"UpdatePrivateProviderMetadata", "PATCH", "/v1/private-providers/{provider_name}/metadata"},
      {"DeletePrivateProvider", "DELETE", "/v1/private-providers/{provider_name}"},
      {"CreatePrivateProviderVersion", "POST", "/v1/private-providers/{provider_name}/versions"},
      {"ListPrivateProviderVersions", "GET", "/v1/private-providers/{provider_name}/versions"},
      {"ShowPrivateProviderVersionMetadata", "GET", "/v1/private-providers/{provider_name}/versions/{provider_version}/metadata"},
      {"DeletePrivateProviderVersion", "DELETE", "/v1/private-providers/{provider_name}/versions/{provider_version}"},
      {"CreatePrivateHook", "POST", "/v1/private-hooks"},
      {"ListPrivateHooks", "GET", "/v1/private-hooks"},
      {"ShowPrivateHookMetadata", "GET", "/v1/private-hooks/{hook_name}/metadata"},
      {"UpdatePrivateHookMetadata", "PATCH", "/v1/private-hooks/{hook_name}/metadata"},
      {"DeletePrivateHook", "DELETE", "/v1/private-hooks/{hook_name}"},
      {"CreatePrivateHookVersion", "POST", "/v1/private-hooks/{hook_name}/versions"},
      {"ListPrivateHookVersions", "GET", "/v1/private-hooks/{hook_name}/versions"},
      {"ShowPrivateHookVersionMetadata", "GET", "/v1/private-hooks/{hook_name}/versions/{hook_version}/metadata"},
      {"ShowPrivateHookVersionPolicy", "GET", "/v1/private-hooks/{hook_name}/versions/{hook_version}/policies"},
      {"DeletePrivateHookVersion", "DELETE", "/v1/private-hooks/{hook_name}/versions/{hook_version}"},
      {"CreatePrivateModule", "POST", "/v1/private-modules"},
      {"ListPrivateModules", "GET", "/v1/private-modules"},
      {"ShowPrivateModuleMetadata", "GET", "/v1/private-modules/{module_name}/metadata"},
      {"UpdatePrivateModuleMetadata", "PATCH", "/v1/private-modules/{module_name}/metadata"},
      {"DeletePrivateModule", "DELETE", "/v1/private-modules/{module_name}"},
      {"CreatePrivateModuleVersion", "POST", "/v1/private-modules/{module_name}/versions"},
      {"ListPrivateModuleVersions", "GET", "/v1/private-modules/{module_name}/versions"},
      {"ShowPrivateModuleVersionMetadata", "GET", "/v1/private-modules/{module_name}/versions/{module_version}/metadata"},
      {"ShowPrivateModuleVersionContent", "GET", "/v1/private-modules/{module_name}/versions/{module_version}"},
      {"DeletePrivateModuleVersion", "DELETE", "/v1/private-modules/{module_name}/versions/{module_version}"},
  };
  return kOps;
}

Route RfsRoute(HandlerFn fn, size_t max_body_bytes) {
  return Route{Service::kRfs, Access::kAuthenticated, Scope::kProject, max_body_bytes,
               [fn = std::move(fn)](Context& ctx) -> Result<http::Response> {
                 FW_RETURN_IF_ERROR(CheckClientRequestId(ctx.request));
                 return fn(ctx);
               }};
}

void RegisterRfsRoutes(ApiRouter& router, const RfsDeps& deps) {
#if FW_HAVE_STACKS
  if (deps.stacks != nullptr) {
    RegisterStackRoutes(router, deps);
    RegisterStackReadRoutes(router, deps);
    RegisterPlanRoutes(router, deps);
    RegisterTemplateAnalysisRoutes(router, deps);
    RegisterDownloadRoutes(router, deps);
  }
#endif
  // The rest: routed, authenticated, Client-Request-Id checked, then 501. Add() refuses a
  // method and path already routed, so the built operations keep their handlers.
  for (const Operation& op : RfsOperations()) {
    std::string path = op.path;
    Route route = RfsRoute([name = std::string(op.name)](Context&) -> Result<http::Response> {
      return Unimplemented("Formwork does not implement " + name + " yet.");
    });
    if (path.find("{project_id}") == std::string::npos) route.scope = Scope::kDomain;
    router.Add(op.method, path, std::move(route));
  }
}

}  // namespace fw::api::rfs
