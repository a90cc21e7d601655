// `formwork plan`, `formwork apply` and `formwork destroy`: Terraform's workflow offline, on a
// configuration directory, a state file (terraform.tfstate) and the simulated cloud kept beside
// it (`<state>.cloud`). No server, no network.
//
//   formwork plan PATH [-var NAME=VALUE]... [-var-file FILE]... [-state FILE]
//   formwork apply PATH -auto-approve [-parallelism=N] [vars] [-state FILE]
//   formwork destroy PATH -auto-approve [vars] [-state FILE]
//
// Exit codes: 0 success, 1 failure (diagnostics on stderr in Terraform's format).
//
// Thread-safety: one command per process.
#pragma once

#include <string>
#include <vector>

#include "cli/variable_inputs.h"

namespace fw::cli {

enum class DeployMode { kPlan, kApply, kDestroy };

struct DeployOptions {
  DeployMode mode = DeployMode::kPlan;
  std::string path = ".";
  std::vector<VariableFlag> variables;  // -var and -var-file, in order
  std::string state_path;               // -state; empty: the default
  bool auto_approve = false;
  int parallelism = 10;
  double time_scale = 0;  // the simulated cloud's (FORMWORK_TIME_SCALE)
};

int RunDeploy(const DeployOptions& options);

}  // namespace fw::cli
