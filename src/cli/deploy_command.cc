#include "cli/deploy_command.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "base/ids.h"
#include "cli/apply_progress.h"
#include "cli/output_values.h"
#include "cli/state_file.h"
#include "config/loader.h"
#include "config/validate.h"
#include "engine/engine.h"
#include "providers/local_cloud.h"

namespace fw::cli {

namespace {

// The loaded configuration and every file diagnostics may point into.
struct Inputs {
  config::LoadResult config;
  VariableInputs variables;

  hcl::SourceLookup Lookup() const {
    return [this](std::string_view name) -> const hcl::SourceFile* {
      if (auto it = config.sources.find(std::string(name)); it != config.sources.end()) {
        return it->second.get();
      }
      auto it = variables.sources.find(std::string(name));
      return it == variables.sources.end() ? nullptr : it->second.get();
    };
  }
};

void PrintDiagnostics(const hcl::Diagnostics& diags, const Inputs& in) {
  if (!diags.empty()) std::cerr << hcl::FormatDiagnostics(diags, in.Lookup()) << "\n";
}

int Fail(const std::string& summary, const std::string& detail) {
  std::cerr << "Error: " << summary << "\n\n" << detail << "\n";
  return 1;
}

std::string Plural(int n, const char* word) { return std::to_string(n) + " " + word; }

// Apply's and destroy's last line.
std::string Summary(DeployMode mode, const ApplyCounts& c) {
  if (mode == DeployMode::kDestroy) {
    return "Destroy complete! Resources: " + Plural(c.destroyed, "destroyed.");
  }
  return "Apply complete! Resources: " + Plural(c.added, "added") + ", " +
         Plural(c.changed, "changed") + ", " + Plural(c.destroyed, "destroyed.");
}

void PrintFailures(const engine::ApplyResult& r, const Inputs& in) {
  PrintDiagnostics(r.diags, in);
  for (const engine::InstanceFailure& f : r.failures) {
    std::cerr << "Error: " << f.message << "\n\n  with " << f.address << "\n\n";
  }
}

}  // namespace

int RunDeploy(const DeployOptions& options) {
  Inputs in;
  in.config = config::LoadConfig(options.path);
  config::ValidateConfig(*in.config.config, in.config.diags);
  in.variables = GatherVariables(options.path, options.variables);
  hcl::Diagnostics early = in.config.diags;
  early.Append(in.variables.diags);
  if (early.HasErrors()) {
    PrintDiagnostics(early, in);
    return 1;
  }

  const providers::Registry& registry = providers::Registry::Builtin();
  const std::string state_path = StatePathFor(options.path, options.state_path);
  auto prior = ReadStateFile(state_path, registry);
  if (!prior.ok()) return Fail("Failed to load state", prior.status().message());
  if (prior->lineage.empty()) prior->lineage = NewUuid();

  providers::LocalCloudOptions cloud_options;
  cloud_options.db_path = CloudPathFor(state_path);
  cloud_options.time_scale = options.time_scale;
  auto cloud = providers::LocalCloud::Open(cloud_options);
  if (!cloud.ok()) {
    return Fail("Failed to open the simulated cloud",
                cloud_options.db_path + ": " + cloud.status().message());
  }
  providers::LocalCloud& local = **cloud;

  engine::Target target;
  target.registry = &registry;
  target.cloud = local.services();
  target.project_for = [&local](const std::string& region) { return local.ProjectFor(region); };
  target.idempotency_prefix = prior->lineage + ":" + std::to_string(prior->serial);

  engine::PlanOptions plan_options;
  plan_options.variables = in.variables.values;
  plan_options.raw_variables = in.variables.raw;
  plan_options.destroy = options.mode == DeployMode::kDestroy;
  engine::PlanResult planned = engine::MakePlan(*in.config.config, *prior, plan_options, target);
  if (!planned.diags.empty()) PrintDiagnostics(planned.diags, in);
  if (planned.diags.HasErrors()) return 1;

  const bool terminal = ::isatty(STDOUT_FILENO) == 1;
  if (options.mode == DeployMode::kPlan || !options.auto_approve || terminal) {
    std::cout << engine::RenderPlan(planned.plan);
    std::cout.flush();
  }
  if (options.mode == DeployMode::kPlan) return 0;
  if (!options.auto_approve) {
    const char* verb = options.mode == DeployMode::kDestroy ? "destroy" : "apply";
    return Fail(std::string("No -auto-approve: nothing was ") +
                    (options.mode == DeployMode::kDestroy ? "destroyed" : "applied"),
                std::string("formwork ") + verb +
                    " does not ask for confirmation. Review the plan above, then run it again "
                    "with -auto-approve.");
  }
  if (terminal) std::cout << "\n";

  ApplyProgress progress(state_path, terminal, stdout);
  engine::ApplyOptions apply_options;
  apply_options.parallelism = options.parallelism;
  apply_options.observer = &progress;
  engine::ApplyResult result =
      engine::Apply(*in.config.config, planned.plan, *prior, target, apply_options);
  std::fflush(stdout);
  Status written = WriteStateFile(state_path, result.state);
  if (!written.ok()) {
    PrintFailures(result, in);
    return Fail("Failed to save state", written.message());
  }
  if (!result.ok()) {
    PrintFailures(result, in);
    return 1;
  }
  std::cout << "\n" << Summary(options.mode, progress.counts()) << "\n";
  if (options.mode == DeployMode::kApply) std::cout << FormatOutputs(result.state.outputs);
  return 0;
}

}  // namespace fw::cli
