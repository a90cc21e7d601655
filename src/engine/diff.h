// Diffing one instance: the planned new value against the prior state decides the action
// (no-op, update in place, replace when a force-new attribute or block changes), with the
// paths that force the replacement; lifecycle ignore_changes; schema sensitivity marks.
//
// Thread-safety: pure.
#pragma once

#include <string>
#include <vector>

#include "config/model.h"
#include "engine/plan.h"
#include "hcl/value.h"
#include "providers/schema.h"

namespace fw::engine {

struct InstanceDiff {
  Action action = Action::kNoOp;
  std::vector<std::string> replace_paths;  // "name", "subnet.0.cidr"
};

// `prior` and `planned` are unmarked; `prior` is null when the instance does not exist.
InstanceDiff DiffInstance(const providers::Block& schema, const hcl::Value& prior,
                          const hcl::Value& planned);

// `config` with the attributes lifecycle.ignore_changes lists taken from `prior` (all of them
// for `ignore_changes = all`). Prior null: unchanged.
hcl::Value ApplyIgnoreChanges(const config::Lifecycle& lifecycle, const hcl::Value& config,
                              const hcl::Value& prior);

// `value` with the schema's sensitive attributes marked (nested blocks included).
hcl::Value MarkSensitive(const providers::Block& schema, const hcl::Value& value);

// True when the two (unmarked) values differ; unknown counts as different.
bool ValuesDiffer(const hcl::Value& a, const hcl::Value& b);

}  // namespace fw::engine
