// StackService: execution plans (spec §3) and template analysis (§4.1).
#include "base/ids.h"
#include "hcl/eval/evaluator.h"
#include "hcl/value_json.h"
#include "stacks/names.h"
#include "stacks/pagination.h"
#include "stacks/plan_items.h"
#include "stacks/price_table.h"
#include "stacks/service_internal.h"
#include "stacks/stack_service.h"
#include "stacks/stack_status.h"

namespace fw::stacks {
namespace {

PlanSummary SummarizePlan(const store::StackRecord& stack, const store::ExecutionPlanRecord& p) {
  PlanSummary out;
  out.stack_id = stack.id;
  out.stack_name = stack.name;
  out.execution_plan_id = p.id;
  out.execution_plan_name = p.name;
  out.description = p.description;
  out.status = p.status;
  if (p.status == PlanStatusName(PlanStatus::kCreationFailed)) out.status_message = p.status_message;
  out.create_time = FormatIsoSeconds(p.created_at);
  if (p.applied_at) out.apply_time = FormatIsoSeconds(*p.applied_at);
  return out;
}

struct PlanAndStack {
  store::StackRecord stack;
  store::ExecutionPlanRecord plan;
};

Result<PlanAndStack> FindPlan(store::Repositories& r, const PlanRef& ref) {
  PlanAndStack out;
  FW_ASSIGN_OR_RETURN(out.stack, FindStack(r, ref.stack));
  FW_ASSIGN_OR_RETURN(auto plan, r.stacks().FindPlan(out.stack.id, ref.execution_plan_name));
  if (!plan) {
    return NotFound("the execution plan " + ref.execution_plan_name + " does not exist",
                    "RF.10013002");
  }
  if (ref.execution_plan_id && *ref.execution_plan_id != plan->id) {
    return InvalidArgument("execution_plan_id " + *ref.execution_plan_id +
                               " is not the id of the execution plan " + ref.execution_plan_name,
                           "RF.10011018");
  }
  out.plan = *std::move(plan);
  return out;
}

bool HasDiff(const store::ExecutionPlanRecord& p) {
  return p.status == PlanStatusName(PlanStatus::kAvailable) ||
         p.status == PlanStatusName(PlanStatus::kApplyInProgress) ||
         p.status == PlanStatusName(PlanStatus::kApplied);
}

std::string ExpressionText(const hcl::Expression* e, const config::LoadResult& loaded) {
  if (!e) return "";
  const hcl::Range& range = e->range();
  auto it = loaded.sources.find(std::string(range.filename()));
  if (it == loaded.sources.end() || !it->second) return "";
  std::string_view bytes = it->second->bytes();
  if (range.end.byte > bytes.size() || range.start.byte > range.end.byte) return "";
  return std::string(bytes.substr(range.start.byte, range.end.byte - range.start.byte));
}

}  // namespace

Result<CreatePlanResponse> StackService::CreateExecutionPlan(const CreatePlanRequest& req) {
  FW_RETURN_IF_ERROR(ValidateName("execution_plan_name", req.execution_plan_name));
  FW_RETURN_IF_ERROR(ValidateDescription(req.description));
  FW_ASSIGN_OR_RETURN(store::StackRecord snapshot, impl_->Snapshot(req.stack));
  FW_RETURN_IF_ERROR(CheckAllowed(
      ParseStackStatus(snapshot.status).value_or(StackStatus::kDeploymentFailed),
      StackOperation::kCreatePlan));
  FW_ASSIGN_OR_RETURN(ResolvedInput input,
                      ResolveTemplateInput(req.input, TemplateRequirement::kRequired,
                                           impl_->Reader(req.stack.project_id)));
  TimePoint now = impl_->Now();
  store::ExecutionPlanRecord plan;
  plan.id = NewUuid();
  plan.stack_id = snapshot.id;
  plan.name = req.execution_plan_name;
  if (!req.description.empty()) plan.description = req.description;
  plan.status = std::string(PlanStatusName(PlanStatus::kCreationInProgress));
  plan.template_json = FilesToJson(input.files);
  plan.vars_json = input.vars_json;
  plan.created_at = now;
  // A plan does not change the stack; it is checked against a fresh read of it (status) and
  // written in one transaction with its job.
  FW_RETURN_IF_ERROR(impl_->store.Write([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto stack, r.stacks().GetStack(snapshot.id));
    if (!stack) return NotFound("the stack " + snapshot.name + " does not exist", "RF.10013001");
    FW_RETURN_IF_ERROR(CheckAllowed(
        ParseStackStatus(stack->status).value_or(StackStatus::kDeploymentFailed),
        StackOperation::kCreatePlan));
    FW_ASSIGN_OR_RETURN(auto plans, r.stacks().ListPlans(stack->id));
    if (static_cast<int>(plans.size()) >= impl_->options.max_plans_per_stack) {
      return PermissionDenied("the stack has reached its quota of execution plans",
                              "RF.10012541");
    }
    FW_ASSIGN_OR_RETURN(auto existing, r.stacks().FindPlan(stack->id, plan.name));
    if (existing) {
      return AlreadyExists("the execution plan " + plan.name + " already exists", "RF.10013501");
    }
    plan.prior_serial = stack->state_serial;
    plan.based_on_deployment_id = stack->current_deployment_id;
    store::NewJob job;
    job.kind = std::string(kJobPlan);
    job.resource_key = StackJobKey(stack->id);
    job.payload = JobPayload(stack->id, "plan_id", plan.id);
    job.run_after = now;
    FW_RETURN_IF_ERROR(r.jobs().Enqueue(job, now).status());
    Status st = r.stacks().InsertPlan(plan);
    if (st.code() == ErrorCode::kAlreadyExists) {
      return AlreadyExists("the execution plan " + plan.name + " already exists", "RF.10013501");
    }
    return st;
  }));
  impl_->JobQueued();
  return CreatePlanResponse{plan.id};
}

Result<PlanList> StackService::ListExecutionPlans(const StackRef& ref, const PageRequest& page) {
  store::StackRecord stack;
  std::vector<store::ExecutionPlanRecord> plans;
  FW_RETURN_IF_ERROR(impl_->store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(stack, FindStack(r, ref));
    FW_ASSIGN_OR_RETURN(plans, r.stacks().ListPlans(stack.id));
    return Status::Ok();
  }));
  std::vector<std::string> keys;
  for (const auto& p : plans) keys.push_back(p.id);
  FW_ASSIGN_OR_RETURN(PageWindow w,
                      Paginate(keys, page, "plans/" + ref.project_id + "/" + ref.stack_name));
  PlanList out;
  for (size_t i = w.begin; i < w.end; ++i) out.execution_plans.push_back(SummarizePlan(stack, plans[i]));
  out.page_info = w.info;
  return out;
}

Result<PlanMetadata> StackService::GetExecutionPlanMetadata(const PlanRef& ref) {
  std::optional<PlanAndStack> found;
  FW_RETURN_IF_ERROR(impl_->store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(found, FindPlan(r, ref));
    return Status::Ok();
  }));
  PlanMetadata out;
  out.summary = SummarizePlan(found->stack, found->plan);
  DisplayVars vars =
      VarsForDisplay(found->plan.vars_json, SensitiveVariables(found->plan.template_json));
  out.vars_structure = std::move(vars.vars_structure);
  out.vars_body = std::move(vars.vars_body);
  out.vars_uri_content = std::move(vars.vars_uri_content);
  if (HasDiff(found->plan)) out.change_summary = PlanDocumentFromJson(found->plan.plan_json).summary;
  return out;
}

Result<PlanDiff> StackService::GetExecutionPlan(const PlanRef& ref) {
  std::optional<PlanAndStack> found;
  FW_RETURN_IF_ERROR(impl_->store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(found, FindPlan(r, ref));
    return Status::Ok();
  }));
  PlanDiff out;
  if (HasDiff(found->plan)) out.execution_plan_items = PlanDocumentFromJson(found->plan.plan_json).items;
  return out;
}

Result<DeploymentStarted> StackService::ApplyExecutionPlan(const PlanRef& ref) {
  std::optional<PlanAndStack> found;
  FW_RETURN_IF_ERROR(impl_->store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(found, FindPlan(r, ref));
    return Status::Ok();
  }));
  const store::StackRecord& snapshot = found->stack;
  if (found->plan.status != PlanStatusName(PlanStatus::kAvailable)) {
    return PermissionDenied("the execution plan is " + found->plan.status + ", not AVAILABLE",
                            "RF.10012543");
  }
  FW_RETURN_IF_ERROR(CheckAllowed(
      ParseStackStatus(snapshot.status).value_or(StackStatus::kDeploymentFailed),
      StackOperation::kApplyPlan));
  if (found->plan.based_on_deployment_id != snapshot.current_deployment_id ||
      found->plan.prior_serial != snapshot.state_serial) {
    return PermissionDenied("the execution plan has expired: the stack was deployed after it "
                            "was made", "RF.10012545");
  }
  DeploymentStarted out;
  FW_RETURN_IF_ERROR(impl_->CommitStackChange(
      snapshot, [&](store::Repositories& r, store::StackRecord& s) -> Status {
        FW_ASSIGN_OR_RETURN(auto plan, r.stacks().GetPlan(found->plan.id));
        if (!plan || plan->status != PlanStatusName(PlanStatus::kAvailable)) {
          return Conflict("another request is being processed on the execution plan",
                          "RF.10013503");
        }
        FW_ASSIGN_OR_RETURN(out.deployment_id,
                            StartDeployment(r, s, kKindDeploy, kJobDeploy, plan->template_json,
                                            plan->vars_json, plan->id, impl_->Now()));
        plan->status = std::string(PlanStatusName(PlanStatus::kApplyInProgress));
        plan->deployment_id = out.deployment_id;
        plan->applied_at = impl_->Now();
        return r.stacks().UpdatePlan(*plan);
      }));
  impl_->JobQueued();
  return out;
}

Status StackService::DeleteExecutionPlan(const PlanRef& ref) {
  return impl_->store.Write([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(PlanAndStack found, FindPlan(r, ref));
    if (found.plan.status == PlanStatusName(PlanStatus::kCreationInProgress) ||
        found.plan.status == PlanStatusName(PlanStatus::kApplyInProgress)) {
      return PermissionDenied("the execution plan cannot be deleted while it is " +
                                  found.plan.status, "RF.10012549");
    }
    return r.stacks().DeletePlan(found.plan.id);
  });
}

Result<PriceEstimate> StackService::EstimateExecutionPlanPrice(const PlanRef& ref) {
  std::optional<PlanAndStack> found;
  FW_RETURN_IF_ERROR(impl_->store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(found, FindPlan(r, ref));
    return Status::Ok();
  }));
  if (found->plan.status != PlanStatusName(PlanStatus::kAvailable) &&
      found->plan.status != PlanStatusName(PlanStatus::kApplied)) {
    return PermissionDenied("the execution plan is " + found->plan.status +
                                "; prices need a computed plan", "RF.10012543");
  }
  PriceEstimate out;
  out.currency = std::string(kPriceCurrency);
  for (const PlanItem& item : PlanDocumentFromJson(found->plan.plan_json).items) {
    if (item.action != "ADD" && item.action != "DELETE_THEN_ADD" &&
        item.action != "ADD_THEN_DELETE") {
      continue;  // only the incremental resources are priced
    }
    PriceItem p;
    p.resource_type = item.resource_type;
    p.resource_name = item.resource_name;
    p.index = item.index;
    p.module_address = item.module_address.value_or("");
    p.resource_price = SimulatedPrice(item.resource_type, item.attributes);
    p.supported = p.resource_price.has_value();
    if (!p.supported) {
      p.unsupported_message = "Formwork's simulated price table has no price for " +
                              item.resource_type;
    }
    out.items.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<TemplateVariable>> StackService::ParseTemplateVariables(
    const std::string& project_id, const TemplateInput& input) {
  TemplateInput only_template;
  only_template.template_body = input.template_body;
  only_template.template_uri = input.template_uri;
  FW_ASSIGN_OR_RETURN(ResolvedInput resolved,
                      ResolveTemplateInput(only_template, TemplateRequirement::kRequired,
                                           impl_->Reader(project_id)));
  config::LoadResult loaded = config::LoadConfigFromFiles(resolved.files);
  if (loaded.diags.HasErrors()) {
    return InvalidArgument("the template is invalid: " + SummarizeErrors(loaded.diags),
                           "RF.10011074");
  }
  bool json_syntax = resolved.files.begin()->first.ends_with(".json");
  std::vector<TemplateVariable> out;
  for (const auto& [name, v] : loaded.config->module->variables) {
    TemplateVariable tv;
    tv.name = name;
    tv.type = v.type_set ? v.type.ToTypeExpr() : "any";
    tv.description = v.description;
    if (v.default_value) {
      hcl::Value plain = v.default_value->UnmarkDeep();
      auto text = hcl::EncodeJsonPlain(plain, false);
      if (text.ok()) tv.default_json = *text;
    }
    tv.sensitive = v.sensitive;
    tv.nullable = v.nullable;
    for (const config::CheckRule& rule : v.validations) {
      VariableValidation val;
      std::string cond = ExpressionText(rule.condition, loaded);
      if (json_syntax && cond.size() >= 2 && cond.front() == '"' && cond.back() == '"') {
        val.condition = cond.substr(1, cond.size() - 2);
      } else {
        val.condition = "${" + cond + "}";
      }
      if (rule.error_message) {
        hcl::Diagnostics d;
        hcl::Value msg = hcl::Evaluate(*rule.error_message, hcl::EvalContext{}, d);
        if (!d.HasErrors() && msg.IsKnown() && !msg.IsNull() &&
            msg.type().kind() == hcl::TypeKind::kString) {
          val.error_message = msg.AsString();
        } else {
          val.error_message = ExpressionText(rule.error_message, loaded);
        }
      }
      tv.validations.push_back(std::move(val));
    }
    out.push_back(std::move(tv));
  }
  return out;
}

}  // namespace fw::stacks
