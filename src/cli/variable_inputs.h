// Input variable values for the offline commands, gathered as Terraform gathers them:
// `terraform.tfvars`, `terraform.tfvars.json`, then `*.auto.tfvars` / `*.auto.tfvars.json` of
// the configuration directory in lexical order, then `-var` and `-var-file` in command-line
// order; a later value of a name replaces an earlier one.
//
// Thread-safety: pure (reads files).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hcl/diagnostics.h"
#include "hcl/source.h"
#include "hcl/value.h"

namespace fw::cli {

// One -var or -var-file flag, in the order given.
struct VariableFlag {
  enum class Kind { kVar, kVarFile } kind = Kind::kVar;
  std::string text;  // "NAME=VALUE" or the file path
};

struct VariableInputs {
  std::map<std::string, hcl::Value> values;     // from files (engine::PlanOptions::variables)
  std::map<std::string, std::string> raw;       // from -var (PlanOptions::raw_variables)
  hcl::Diagnostics diags;
  // The files read, for formatting diagnostics.
  std::map<std::string, std::shared_ptr<const hcl::SourceFile>> sources;
};

VariableInputs GatherVariables(const std::string& config_path,
                               const std::vector<VariableFlag>& flags);

}  // namespace fw::cli
