// Validation of a loaded configuration, as `terraform validate` does it without provider
// schemas: every reference must name something declared (variables, locals, resources, data
// sources, module calls and their outputs); `count`, `each` and `self` only where they exist;
// and every expression is evaluated with unknown values standing for what is only known at
// plan time, which catches unknown functions, wrong argument types, attributes missing from
// typed variables, inconsistent conditionals… with Terraform's diagnostics.
//
// Thread-safety: pure; the config is only read.
#pragma once

#include "config/model.h"
#include "hcl/diagnostics.h"

namespace fw::config {

// Validates `config` and its child modules, appending to `diags`.
void ValidateConfig(const Config& config, hcl::Diagnostics& diags);

}  // namespace fw::config
