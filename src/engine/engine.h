// The engine: turns a loaded configuration (config/) and a recorded state into a plan, and a
// plan into changes in the simulated cloud through the resource types of providers/. It knows
// nothing of HTTP or of how state is stored: the CLI keeps state in a file, RFS in the store,
// both through the ApplyObserver.
//
//   engine::Target target = ...;                        // cloud, projects, idempotency prefix
//   engine::PlanResult p = engine::MakePlan(*config, prior, {.variables = vars}, target);
//   if (p.diags.HasErrors()) ...
//   engine::ApplyResult r = engine::Apply(*config, p.plan, prior, target, {.observer = &obs});
//
// Planning: a graph of resource instances (count and for_each expanded), data sources, locals,
// variables, outputs and module calls (local sources), edges from references and depends_on;
// a cycle is an error naming it ("Cycle: huaweicloud_vpc.a, huaweicloud_vpc.b"). Each instance's
// configuration is decoded against its type's schema, checked, and diffed against the prior
// state: create, update in place, replace (force-new attribute changed, tainted,
// replace_triggered_by), delete (no longer configured), no-op. Lifecycle
// create_before_destroy, prevent_destroy (an error when the plan would destroy),
// ignore_changes. Variable validation blocks run with the resolved values. A resource type the
// registry does not know is an error naming it and listing the supported types.
//
// Applying walks the same graph with at most `parallelism` provider calls at once: creates and
// updates in dependency order, deletes in reverse order; each instance's configuration is
// evaluated again with the now-known values of what it refers to. An instance whose dependency
// failed is not started ("skipped"); independent branches go on. The observer hears of each
// instance the moment it finishes.
//
// Time and chance, as Terraform: the plan records its time (Plan::timestamp, from the target's
// cloud clock), which plantimestamp() gives at plan and at apply. While planning, timestamp(),
// uuid() and bcrypt() are unknown ("known after apply"); applying evaluates them afresh, so an
// argument using timestamp() changes on every plan unless lifecycle ignore_changes covers it.
//
// Thread-safety: MakePlan and Apply are reentrant; one Apply uses up to `parallelism` threads
// and returns when all of them are done.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "config/model.h"
#include "engine/plan.h"
#include "engine/state.h"
#include "hcl/diagnostics.h"
#include "providers/provider.h"

namespace fw::engine {

// Where a plan or an apply happens.
struct Target {
  const providers::Registry* registry = nullptr;  // null: providers::Registry::Builtin()
  providers::CloudServices cloud;
  // The project of a region (the cloud's projects are per region).
  std::function<Result<std::string>(const std::string& region)> project_for;
  // Region when neither the resource's `region` argument nor the provider configuration's
  // `region` gives one.
  std::string default_region = "cn-north-4";
  // Prefix of every idempotency key this apply passes to the cloud. The key of one change is
  // prefix + ":" + instance address + ":" + action, so a retried or resumed deployment with
  // the same prefix finds what its earlier attempt created. RFS uses the deployment id; the
  // CLI uses the state lineage and serial.
  std::string idempotency_prefix;
  // Set to stop an apply early (RFS stack deletion, server shutdown): no new instance starts.
  const std::atomic<bool>* cancelled = nullptr;
};

struct PlanOptions {
  // Input variable values already typed (tfvars, RFS vars_body): converted to each variable's
  // type constraint; missing ones take defaults; a required one missing is an error
  // "No value for required variable".
  std::map<std::string, hcl::Value> variables;
  // Values as given on a command line (-var NAME=VALUE): parsed per the variable's type as
  // Terraform does (a string for string variables, an HCL expression otherwise).
  std::map<std::string, std::string> raw_variables;
  bool destroy = false;
  bool refresh = true;  // read every prior instance from the cloud first (drift, deletions)
  // The plan's time (plantimestamp(), Plan::timestamp); none: the target's clock now. A re-plan
  // standing for a plan saved earlier passes that plan's time, so plantimestamp() keeps its
  // value as Terraform's saved plans do.
  std::optional<TimePoint> timestamp;
};

struct PlanResult {
  Plan plan;
  hcl::Diagnostics diags;
};

PlanResult MakePlan(const config::Config& config, const State& prior, const PlanOptions& options,
                    const Target& target);

enum class InstanceOutcome { kSucceeded, kFailed, kSkipped };

struct InstanceEvent {
  const ResourceChange* change = nullptr;
  InstanceOutcome outcome = InstanceOutcome::kSucceeded;
  std::string message;  // the failure, or why it was skipped
  // The instance's state after the change: null when deleted, or when a create failed before
  // the cloud made anything.
  const InstanceState* state = nullptr;
  std::chrono::milliseconds elapsed{0};
};

// Hears of progress. Calls are serialized by the engine (never two at once), in completion
// order. OnFinished must record the instance's state and its event together (one store
// transaction for RFS, the state file for the CLI); a non-OK return stops the apply as if
// cancelled (nothing new starts) and is reported as a failure.
class ApplyObserver {
 public:
  virtual ~ApplyObserver() = default;
  virtual void OnStarted(const ResourceChange& change) {}
  virtual Status OnFinished(const InstanceEvent& event, const State& state_so_far) = 0;
};

struct ApplyOptions {
  int parallelism = 10;
  ApplyObserver* observer = nullptr;
};

struct InstanceFailure {
  std::string address;
  std::string message;
};

struct ApplyResult {
  State state;  // the prior state with every finished change applied; serial+1 when changed
  std::vector<InstanceFailure> failures;  // failed instances (skipped ones are not listed)
  std::vector<std::string> skipped;       // not started because a dependency failed
  hcl::Diagnostics diags;                 // evaluation errors found while applying
  bool ok() const { return failures.empty() && !diags.HasErrors(); }
};

ApplyResult Apply(const config::Config& config, const Plan& plan, const State& prior,
                  const Target& target, const ApplyOptions& options = {});

// Validates the configuration against the registry's schemas without values (unknown
// variables): unknown resource types, unsupported or missing arguments, value checks on
// constants. What RFS's template analysis and `formwork validate` report in addition to
// config::ValidateConfig.
void ValidateWithSchemas(const config::Config& config, const providers::Registry& registry,
                         hcl::Diagnostics& diags);

}  // namespace fw::engine
