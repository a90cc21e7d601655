// A plan: for every resource instance of the configuration and of the prior state, what applying
// would do, with the attribute values before and after ("known after apply" where only the
// cloud can tell); and the root module's outputs.
//
// Thread-safety: plain values; not synchronized.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "engine/state.h"
#include "hcl/value.h"

namespace fw::engine {

enum class Action {
  kNoOp,
  kCreate,
  kRead,              // a data source read at apply time (its configuration was unknown at plan)
  kUpdate,            // in place
  kDeleteThenCreate,  // replace (the default)
  kCreateThenDelete,  // replace with lifecycle create_before_destroy
  kDelete,
};
std::string_view ActionName(Action a);  // "no-op", "create", "read", "update", "replace"...

struct ResourceChange {
  InstanceAddress address;
  std::string provider;
  Action action = Action::kNoOp;
  // Marked values: sensitive attributes carry hcl::kSensitive. `before` is null on create,
  // `after` null on delete; `after` may hold unknown values.
  hcl::Value before;
  hcl::Value after;
  // For replacements: the attributes whose change forces it ("name", "subnet.0.cidr").
  std::vector<std::string> replace_paths;
  // Why, when not simply the configuration's doing: "delete_because_no_resource_config",
  // "delete_because_count_index", "delete_because_each_key", "replace_because_tainted",
  // "replace_by_triggers".
  std::string reason;
  std::vector<std::string> dependencies;  // resource addresses it refers to
};

struct OutputChange {
  std::string name;
  Action action = Action::kNoOp;  // kCreate, kUpdate, kDelete, kNoOp
  hcl::Value before;
  hcl::Value after;  // may be unknown
  bool sensitive = false;
};

struct PlanSummary {
  int add = 0;
  int change = 0;
  int destroy = 0;
};

struct Plan {
  bool destroy = false;  // a destroy plan (everything in the state is deleted)
  std::vector<ResourceChange> changes;  // every managed instance, by address; data reads too
  std::vector<OutputChange> outputs;
  // The resolved input variables (sensitive ones marked), applied with the plan.
  std::map<std::string, hcl::Value> variables;
  int64_t prior_serial = 0;  // the state serial the plan was made from
  std::string prior_lineage;
  // When the plan was made (the target's clock, or PlanOptions::timestamp): plantimestamp()'s
  // value, at plan time and again when the plan is applied. None: a Plan not made by MakePlan;
  // Apply then uses its own start time.
  std::optional<TimePoint> timestamp;

  PlanSummary Summary() const;  // replacements count as one add and one destroy
  bool HasChanges() const;      // resource or output changes
  const ResourceChange* Find(const std::string& address) const;
};

// The plan as Terraform prints it: one block per changed instance with its attribute diff
// (`+`, `-`, `~`, `-/+`, "(known after apply)", "(sensitive value)", "# forces replacement"),
// output changes, and the closing line "Plan: 1 to add, 0 to change, 0 to destroy." or
// "No changes. Your infrastructure matches the configuration."
std::string RenderPlan(const Plan& plan);

}  // namespace fw::engine
