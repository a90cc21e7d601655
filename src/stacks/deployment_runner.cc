#include "stacks/deployment_runner.h"

#include <boost/json.hpp>

#include "base/log.h"
#include "engine/engine.h"
#include "stacks/deployment_events.h"
#include "stacks/plan_items.h"
#include "stacks/service_internal.h"
#include "stacks/stack_status.h"
#include "stacks/state_rows.h"
#include "stacks/template_input.h"

namespace fw::stacks {
namespace {

namespace json = boost::json;

struct Payload {
  std::string stack_id;
  std::string deployment_id;
  std::string plan_id;
};

Payload ParsePayload(const std::string& text) {
  Payload p;
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return p;
  auto str = [&](std::string_view k) {
    const json::value* f = v.as_object().if_contains(k);
    return f && f->is_string() ? std::string(f->as_string()) : std::string();
  };
  p.stack_id = str("stack_id");
  p.deployment_id = str("deployment_id");
  p.plan_id = str("plan_id");
  return p;
}

// The outcome of running a deployment, written by FinishDeployment.
struct Outcome {
  bool ok = false;
  std::string message;  // the failure
  std::optional<engine::State> state;  // the state after the apply (absent: unchanged)
  std::map<std::string, std::string> output_descriptions;
  ApplyCounts counts;
  bool destroy = false;
};

// Writes each finished instance's state row and event in one transaction.
class RecordingObserver final : public engine::ApplyObserver {
 public:
  RecordingObserver(store::Store& store, const Clock& clock, const store::StackRecord& stack,
                    const std::string& deployment_id, const RunnerOptions& options)
      : store_(store), clock_(clock), stack_(stack), deployment_id_(deployment_id),
        options_(options) {}

  void OnStarted(const engine::ResourceChange& change) override {
    if (ResourceStatusFor(change.action, ResourcePhase::kInProgress).empty()) return;
    std::string id;
    if (!change.before.IsNull() && change.before.IsKnown() && change.before.type().IsObject()) {
      if (const hcl::Value* v = change.before.Get("id");
          v && v->IsKnown() && !v->IsNull() && v->type().kind() == hcl::TypeKind::kString) {
        id = v->AsString();
      }
    }
    store::StackEventRecord e =
        ResourceEvent(stack_.id, deployment_id_, change, ResourcePhase::kInProgress, id,
                      std::chrono::milliseconds(0), "", clock_.Now());
    (void)store_.Write([&](store::Repositories& r) { return r.stacks().InsertEvent(e); });
  }

  Status OnFinished(const engine::InstanceEvent& event, const engine::State&) override {
    if (abandoned_) return Unavailable("abandoned");
    const engine::ResourceChange& change = *event.change;
    std::string status_name;
    ResourcePhase phase = event.outcome == engine::InstanceOutcome::kSucceeded
                              ? ResourcePhase::kComplete
                              : ResourcePhase::kFailed;
    if (event.outcome == engine::InstanceOutcome::kSkipped) return Status::Ok();
    std::string address = change.address.String();
    std::optional<store::StackResourceRecord> row;
    if (event.state) {
      FW_ASSIGN_OR_RETURN(row, RowFromInstance(stack_.id, *event.state));
    } else if (phase == ResourcePhase::kFailed && change.action != engine::Action::kDelete) {
      // A create that failed before the cloud made anything: a status row only.
      row = store::StackResourceRecord{};
      row->stack_id = stack_.id;
      row->address = address;
      row->module = change.address.module;
      row->mode = change.address.data ? "data" : "managed";
      row->type = change.address.type;
      row->name = change.address.name;
      row->provider = change.provider;
      row->in_state = false;
      row->attributes_json = "{}";
      row->sensitive_paths_json = "[]";
    }
    TimePoint now = clock_.Now();
    std::string status = ResourceStatusFor(change.action, phase);
    if (row) {
      row->status = status;
      row->status_message = phase == ResourcePhase::kFailed ? event.message : "";
      row->created_at = row->updated_at = now;
    }
    std::string physical_id = row ? row->physical_id : "";
    if (physical_id.empty() && !change.before.IsNull() && change.before.IsKnown() &&
        change.before.type().IsObject()) {
      if (const hcl::Value* v = change.before.Get("id");
          v && v->IsKnown() && !v->IsNull() && v->type().kind() == hcl::TypeKind::kString) {
        physical_id = v->AsString();
      }
    }
    store::StackEventRecord e = ResourceEvent(stack_.id, deployment_id_, change, phase,
                                              physical_id, event.elapsed, event.message, now);
    bool has_event = !e.event_type.empty();
    FW_RETURN_IF_ERROR(store_.Write([&](store::Repositories& r) -> Status {
      if (row) {
        FW_RETURN_IF_ERROR(r.stacks().UpsertResource(*row));
      } else {
        FW_RETURN_IF_ERROR(r.stacks().DeleteResource(stack_.id, address));
      }
      if (has_event) FW_RETURN_IF_ERROR(r.stacks().InsertEvent(e));
      return Status::Ok();
    }));
    if (phase == ResourcePhase::kComplete) {
      switch (change.action) {
        case engine::Action::kCreate: ++counts_.added; break;
        case engine::Action::kUpdate: ++counts_.changed; break;
        case engine::Action::kDelete: ++counts_.destroyed; break;
        case engine::Action::kDeleteThenCreate:
        case engine::Action::kCreateThenDelete:
          ++counts_.added;
          ++counts_.destroyed;
          break;
        default: break;
      }
    }
    ++recorded_;
    if (options_.crash_after) {
      Status st = options_.crash_after(recorded_);
      if (!st.ok()) {
        abandoned_ = true;
        return st;
      }
    }
    return Status::Ok();
  }

  const ApplyCounts& counts() const { return counts_; }
  bool abandoned() const { return abandoned_; }

 private:
  store::Store& store_;
  const Clock& clock_;
  const store::StackRecord& stack_;
  std::string deployment_id_;
  const RunnerOptions& options_;
  ApplyCounts counts_;
  int recorded_ = 0;
  bool abandoned_ = false;
};

bool IsDelete(const std::string& kind) { return kind == kKindDelete || kind == kKindDeleteRetain; }

// The terminal write of a deployment: stack status, state serial and outputs, deployment row,
// SUMMARY/ERROR events, execution plan, auto-rollback, the job's end — one transaction.
Status FinishDeployment(store::Store& store, TimePoint now, const store::JobRecord& job,
                        const std::string& owner, const std::string& stack_id,
                        const std::string& deployment_id, const Outcome& outcome) {
  return store.Write([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto stack, r.stacks().GetStack(stack_id));
    FW_ASSIGN_OR_RETURN(auto deployment, r.stacks().GetDeployment(deployment_id));
    if (!stack || !deployment) {
      return r.jobs().Finish(job.id, owner, store::JobState::kFailed, "the stack is gone", now);
    }
    const std::string kind = deployment->kind;
    deployment->status = std::string(outcome.ok ? kDeploymentComplete : kDeploymentFailed);
    deployment->status_message = outcome.ok ? "" : outcome.message;
    deployment->finished_at = now;
    FW_RETURN_IF_ERROR(r.stacks().UpdateDeployment(*deployment));
    if (!deployment->execution_plan_id.empty()) {
      FW_ASSIGN_OR_RETURN(auto plan, r.stacks().GetPlan(deployment->execution_plan_id));
      if (plan) {
        plan->status = std::string(PlanStatusName(PlanStatus::kApplied));
        FW_RETURN_IF_ERROR(r.stacks().UpdatePlan(*plan));
      }
    }
    if (outcome.state) {
      stack->state_serial = outcome.state->serial;
      if (!outcome.state->lineage.empty()) stack->state_lineage = outcome.state->lineage;
      auto outputs = OutputsToJson(*outcome.state, outcome.output_descriptions);
      if (outputs.ok()) stack->outputs_json = *outputs;
    }
    if (!outcome.ok) {
      FW_RETURN_IF_ERROR(r.stacks().InsertEvent(
          StackLevelEvent(stack->id, deployment->id, "ERROR", outcome.message, now)));
    }
    FW_RETURN_IF_ERROR(r.stacks().InsertEvent(StackLevelEvent(
        stack->id, deployment->id, "SUMMARY", SummaryMessage(outcome.counts, outcome.destroy),
        now)));
    if (IsDelete(kind) && outcome.ok) {
      FW_RETURN_IF_ERROR(r.stacks().DeleteStack(stack->id));
      return r.jobs().Finish(job.id, owner, store::JobState::kSucceeded, "{}", now);
    }
    if (outcome.ok) {
      // Status rows of failed creates that left nothing are history now.
      FW_ASSIGN_OR_RETURN(auto rows, r.stacks().ListResources(stack->id));
      for (const auto& row : rows) {
        if (!row.in_state) FW_RETURN_IF_ERROR(r.stacks().DeleteResource(stack->id, row.address));
      }
    }
    StackStatus status;
    if (IsDelete(kind)) {
      status = StackStatus::kDeletionFailed;
    } else if (kind == kKindRollback) {
      status = outcome.ok ? StackStatus::kRollbackComplete : StackStatus::kRollbackFailed;
    } else {
      status = outcome.ok ? StackStatus::kDeploymentComplete : StackStatus::kDeploymentFailed;
    }
    if (!IsDelete(kind)) stack->template_deployment_id = deployment->id;
    if (outcome.ok && kind == kKindDeploy) stack->last_good_deployment_id = deployment->id;
    stack->status = std::string(StackStatusName(status));
    stack->status_message = outcome.ok ? "" : outcome.message;
    if (!outcome.ok && kind == kKindDeploy && stack->enable_auto_rollback) {
      std::string template_json = "{}", vars_json = "{}";
      if (!stack->last_good_deployment_id.empty()) {
        FW_ASSIGN_OR_RETURN(auto good, r.stacks().GetDeployment(stack->last_good_deployment_id));
        if (good) {
          template_json = good->template_json;
          vars_json = good->vars_json;
        }
      }
      FW_ASSIGN_OR_RETURN(std::string rollback_id,
                          StartDeployment(r, *stack, kKindRollback, kJobRollback, template_json,
                                          vars_json, "", now));
      FW_RETURN_IF_ERROR(r.stacks().InsertEvent(StackLevelEvent(
          stack->id, deployment->id, "LOG",
          "The deployment failed; rolling back (deployment " + rollback_id + ")", now)));
    }
    stack->version += 1;
    stack->updated_at = now;
    FW_RETURN_IF_ERROR(r.stacks().UpdateStack(*stack));
    return r.jobs().Finish(job.id, owner,
                           outcome.ok ? store::JobState::kSucceeded : store::JobState::kFailed,
                           outcome.ok ? "{}" : json::serialize(json::object{{"error", outcome.message}}),
                           now);
  });
}

}  // namespace

DeploymentRunner::DeploymentRunner(store::Store& store, const Clock& clock,
                                   providers::CloudServices cloud, RunnerOptions options)
    : store_(store), clock_(clock), cloud_(cloud), options_(std::move(options)) {}

Status DeploymentRunner::Run(const store::JobRecord& job, const std::string& owner,
                             const std::atomic<bool>* cancelled) {
  if (job.kind == kJobPlan) return RunPlan(job, owner, cancelled);
  return RunDeployment(job, owner, cancelled);
}

namespace {

// The stack's region (its project's name) and the engine target for it.
engine::Target MakeTarget(store::Store& store, const providers::CloudServices& cloud,
                          const std::string& project_id, const std::string& prefix,
                          const std::atomic<bool>* cancelled) {
  std::string region;
  (void)store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto project, r.accounts().FindProjectById(project_id));
    if (project) region = project->name;
    return Status::Ok();
  });
  engine::Target target;
  target.cloud = cloud;
  if (!region.empty()) target.default_region = region;
  std::string home = target.default_region;
  target.project_for = [project_id, home](const std::string& r) -> Result<std::string> {
    if (r != home) {
      return InvalidArgument("the region " + r + " is not the stack's region " + home +
                             " (a stack deploys into its own project)");
    }
    return project_id;
  };
  target.idempotency_prefix = prefix;
  target.cancelled = cancelled;
  return target;
}

std::map<std::string, std::string> OutputDescriptions(const config::Config& config) {
  std::map<std::string, std::string> out;
  if (!config.module) return out;
  for (const auto& [name, o] : config.module->outputs) out[name] = o.description;
  return out;
}

}  // namespace

Status DeploymentRunner::RunDeployment(const store::JobRecord& job, const std::string& owner,
                                       const std::atomic<bool>* cancelled) {
  Payload payload = ParsePayload(job.payload);
  std::optional<store::StackRecord> stack;
  std::optional<store::DeploymentRecord> deployment;
  std::vector<store::StackResourceRecord> rows;
  std::optional<store::ExecutionPlanRecord> saved;  // when ApplyExecutionPlan started it
  FW_RETURN_IF_ERROR(store_.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(stack, r.stacks().GetStack(payload.stack_id));
    FW_ASSIGN_OR_RETURN(deployment, r.stacks().GetDeployment(payload.deployment_id));
    if (stack) {
      FW_ASSIGN_OR_RETURN(rows, r.stacks().ListResources(stack->id));
    }
    if (deployment && !deployment->execution_plan_id.empty()) {
      FW_ASSIGN_OR_RETURN(saved, r.stacks().GetPlan(deployment->execution_plan_id));
    }
    return Status::Ok();
  }));
  TimePoint now = clock_.Now();
  if (!stack || !deployment || deployment->status != kDeploymentInProgress) {
    // Already finished (or gone): nothing left to do.
    return store_.Write([&](store::Repositories& r) {
      return r.jobs().Finish(job.id, owner, store::JobState::kSucceeded, "{}", now);
    });
  }
  bool destroy = IsDelete(deployment->kind) || FilesFromJson(deployment->template_json).empty();
  Outcome outcome;
  outcome.destroy = destroy;
  auto fail = [&](std::string message) {
    outcome.ok = false;
    outcome.message = std::move(message);
    return FinishDeployment(store_, clock_.Now(), job, owner, stack->id, deployment->id, outcome);
  };
  if (job.attempts > options_.max_attempts) {
    return fail("the deployment was interrupted " + std::to_string(job.attempts - 1) +
                " times (the server stopped or crashed while it ran) and was given up; continue "
                "it with ContinueDeployStack or ContinueRollbackStack");
  }
  if (deployment->kind == kKindDeleteRetain) {
    outcome.ok = true;
    return FinishDeployment(store_, now, job, owner, stack->id, deployment->id, outcome);
  }
  (void)store_.Write([&](store::Repositories& r) {
    std::string what = job.attempts > 1
                           ? "Resuming the deployment after an interruption (attempt " +
                                 std::to_string(job.attempts) + ")"
                       : destroy ? "Destroy started"
                                 : "Apply started";
    return r.stacks().InsertEvent(StackLevelEvent(stack->id, deployment->id, "LOG", what, now));
  });
  auto prior = StateFromRows(rows, *stack);
  if (!prior.ok()) return fail("the recorded state cannot be read: " + prior.status().message());
  std::map<std::string, std::string> files = FilesFromJson(deployment->template_json);
  // A stack never deployed from a template (or a rollback with no earlier success) destroys
  // what its state records, with an empty configuration.
  if (files.empty() && destroy) files.emplace("main.tf", "");
  config::LoadResult loaded = config::LoadConfigFromFiles(files);
  if (loaded.diags.HasErrors()) {
    return fail("the template is invalid: " + SummarizeErrors(loaded.diags));
  }
  auto vars = DecodeVariables(deployment->vars_json);
  if (!vars.ok()) return fail(vars.status().message());
  engine::Target target = MakeTarget(store_, cloud_, stack->project_id, deployment->id, cancelled);
  engine::PlanOptions plan_options;
  plan_options.variables = vars->typed;
  plan_options.raw_variables = vars->raw;
  plan_options.destroy = destroy;
  // A saved execution plan: re-planned at its own time (plantimestamp()), and applied only
  // while it still describes the changes (a later attempt of the same job resumes a partly
  // applied plan, so only the first one compares).
  PlanDocument saved_document;
  if (saved) {
    saved_document = PlanDocumentFromJson(saved->plan_json);
    plan_options.timestamp = saved_document.timestamp;
  }
  engine::PlanResult plan = engine::MakePlan(*loaded.config, *prior, plan_options, target);
  if (plan.diags.HasErrors()) return fail(SummarizeErrors(plan.diags));
  if (saved && job.attempts <= 1) {
    std::string mismatch = PlanMismatch(saved_document, PlanItemsOf(plan.plan));
    if (!mismatch.empty()) {
      return fail("the execution plan " + saved->name +
                  " no longer matches the resources, so nothing was changed: " + mismatch +
                  ". Create a new execution plan");
    }
  }

  RecordingObserver observer(store_, clock_, *stack, deployment->id, options_);
  engine::ApplyOptions apply_options;
  apply_options.parallelism = options_.parallelism;
  apply_options.observer = &observer;
  engine::ApplyResult result = engine::Apply(*loaded.config, plan.plan, *prior, target, apply_options);
  if (observer.abandoned() || (cancelled && cancelled->load())) {
    return Unavailable("the deployment " + deployment->id + " was interrupted");
  }
  outcome.counts = observer.counts();
  outcome.state = std::move(result.state);
  outcome.output_descriptions = OutputDescriptions(*loaded.config);
  if (!result.ok()) {
    std::string message;
    for (const engine::InstanceFailure& f : result.failures) {
      if (!message.empty()) message += "; ";
      message += f.address + ": " + f.message;
    }
    if (result.diags.HasErrors()) {
      if (!message.empty()) message += "; ";
      message += SummarizeErrors(result.diags);
    }
    outcome.ok = false;
    outcome.message = message;
  } else {
    outcome.ok = true;
  }
  return FinishDeployment(store_, clock_.Now(), job, owner, stack->id, deployment->id, outcome);
}

Status DeploymentRunner::RunPlan(const store::JobRecord& job, const std::string& owner,
                                 const std::atomic<bool>* cancelled) {
  Payload payload = ParsePayload(job.payload);
  std::optional<store::StackRecord> stack;
  std::optional<store::ExecutionPlanRecord> plan;
  std::vector<store::StackResourceRecord> rows;
  FW_RETURN_IF_ERROR(store_.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(stack, r.stacks().GetStack(payload.stack_id));
    FW_ASSIGN_OR_RETURN(plan, r.stacks().GetPlan(payload.plan_id));
    if (stack) {
      FW_ASSIGN_OR_RETURN(rows, r.stacks().ListResources(stack->id));
    }
    return Status::Ok();
  }));
  auto finish = [&](store::JobState state, const std::function<void(store::ExecutionPlanRecord&)>& edit) {
    return store_.Write([&](store::Repositories& r) -> Status {
      if (plan && edit) {
        FW_ASSIGN_OR_RETURN(auto current, r.stacks().GetPlan(plan->id));
        if (current) {
          edit(*current);
          FW_RETURN_IF_ERROR(r.stacks().UpdatePlan(*current));
        }
      }
      return r.jobs().Finish(job.id, owner, state, "{}", clock_.Now());
    });
  };
  if (!stack || !plan || plan->status != PlanStatusName(PlanStatus::kCreationInProgress)) {
    return finish(store::JobState::kSucceeded, nullptr);
  }
  auto fail = [&](std::string message) {
    return finish(store::JobState::kFailed, [&](store::ExecutionPlanRecord& p) {
      p.status = std::string(PlanStatusName(PlanStatus::kCreationFailed));
      p.status_message = message;
    });
  };
  if (job.attempts > options_.max_attempts) {
    return fail("planning was interrupted " + std::to_string(job.attempts - 1) + " times");
  }
  auto prior = StateFromRows(rows, *stack);
  if (!prior.ok()) return fail("the recorded state cannot be read: " + prior.status().message());
  config::LoadResult loaded = config::LoadConfigFromFiles(FilesFromJson(plan->template_json));
  if (loaded.diags.HasErrors()) return fail("the template is invalid: " + SummarizeErrors(loaded.diags));
  auto vars = DecodeVariables(plan->vars_json);
  if (!vars.ok()) return fail(vars.status().message());
  engine::Target target = MakeTarget(store_, cloud_, stack->project_id, plan->id, cancelled);
  engine::PlanOptions plan_options;
  plan_options.variables = vars->typed;
  plan_options.raw_variables = vars->raw;
  engine::PlanResult made = engine::MakePlan(*loaded.config, *prior, plan_options, target);
  if (cancelled && cancelled->load()) return Unavailable("planning was interrupted");
  if (made.diags.HasErrors()) return fail(SummarizeErrors(made.diags));
  std::string document = PlanDocumentToJson(PlanItemsOf(made.plan));
  return finish(store::JobState::kSucceeded, [&](store::ExecutionPlanRecord& p) {
    p.status = std::string(PlanStatusName(PlanStatus::kAvailable));
    p.status_message.clear();
    p.plan_json = document;
  });
}

}  // namespace fw::stacks
