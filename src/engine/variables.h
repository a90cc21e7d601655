// Input variables: the root module's values from PlanOptions (typed values and raw -var
// strings), defaults, required ones missing, conversion to the type constraint, sensitive
// marks, and validation blocks (condition + error_message).
//
// Thread-safety: pure apart from the diagnostics it appends to.
#pragma once

#include <map>
#include <string>

#include "config/model.h"
#include "engine/engine.h"
#include "hcl/diagnostics.h"
#include "hcl/functions/function.h"
#include "hcl/value.h"

namespace fw::engine {

// The root module's variables, resolved (sensitive ones marked, validations run).
std::map<std::string, hcl::Value> ResolveRootVariables(const config::Module& root,
                                                       const PlanOptions& options,
                                                       hcl::Diagnostics& diags);

// Converts `given` (null when not set) to the variable's type, applies its default and
// nullable rule, marks it sensitive. `where` names it in messages ("var.x").
hcl::Value FinalizeVariable(const config::Variable& v, const hcl::Value* given,
                            hcl::Diagnostics& diags);

// Runs the variable's validation blocks against `value`.
void ValidateVariable(const config::Variable& v, const hcl::Value& value,
                      const hcl::FunctionRegistry* functions, hcl::Diagnostics& diags);

}  // namespace fw::engine
