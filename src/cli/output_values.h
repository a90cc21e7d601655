// Root module outputs as `terraform apply` prints them after "Outputs:": `name = value` in HCL
// syntax, collections over several lines, sensitive outputs as `<sensitive>`.
//
// Thread-safety: pure.
#pragma once

#include <map>
#include <string>

#include "engine/state.h"
#include "hcl/value.h"

namespace fw::cli {

// One value in Terraform's output syntax, indented by `indent` spaces after the first line.
std::string FormatOutputValue(const hcl::Value& value, int indent = 0);

// "\nOutputs:\n\nname = value\n..." or "" when there are none.
std::string FormatOutputs(const std::map<std::string, engine::OutputState>& outputs);

}  // namespace fw::cli
