// count and for_each: evaluates them for one resource or module call in one module instance
// and gives the instance keys, with Terraform's errors ("Invalid count argument", "Invalid
// for_each argument") when they are unknown at plan time or of the wrong kind.
//
// Thread-safety: pure apart from the diagnostics it appends to.
#pragma once

#include <vector>

#include "engine/walk.h"
#include "hcl/eval/evaluator.h"

namespace fw::engine {

struct Expanded {
  bool ok = false;
  Expansion expansion = Expansion::kSingle;
  std::vector<hcl::Value> keys;         // null (single), numbers (count), strings (for_each)
  std::vector<hcl::Value> each_values;  // for_each
};

// `count` and `for_each` may both be null (a single instance).
Expanded Expand(const hcl::Expression* count, const hcl::Expression* for_each,
                const hcl::EvalContext& ctx, hcl::Diagnostics& diags);

}  // namespace fw::engine
