// Variable values from `.tfvars` content (HCL attributes, `name = value`) or `.tfvars.json`
// (a JSON object), as `terraform plan -var-file` reads them and RFS `vars_body` carries them.
// Values must be constants: references and function calls are refused.
//
// Thread-safety: pure.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "hcl/diagnostics.h"
#include "hcl/value.h"

namespace fw::config {

struct TfvarsResult {
  std::map<std::string, hcl::Value> values;
  hcl::Diagnostics diags;
};

// `filename` picks the syntax (".json" suffix: JSON) and names the diagnostics.
TfvarsResult ParseTfvars(std::string content, std::string_view filename);

}  // namespace fw::config
