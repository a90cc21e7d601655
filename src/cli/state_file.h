// The state file of the offline commands (`formwork plan/apply/destroy`): Terraform's state v4
// JSON (`terraform.tfstate`), and the simulated cloud kept beside it (`<state>.cloud`, a
// providers::LocalCloud SQLite file).
//
// Thread-safety: functions are reentrant; writing one path from two threads at once is the
// caller's to avoid.
#pragma once

#include <string>

#include "base/status.h"
#include "engine/state.h"
#include "providers/provider.h"

namespace fw::cli {

// Where the state lives: `state_flag` when given, else `terraform.tfstate` in `config_path` when
// that is a directory, else beside the configuration file.
std::string StatePathFor(const std::string& config_path, const std::string& state_flag);
// The simulated cloud's file: the state path + ".cloud".
std::string CloudPathFor(const std::string& state_path);

// The state at `path`; an empty state when the file does not exist.
Result<engine::State> ReadStateFile(const std::string& path, const providers::Registry& registry);
// Writes `json` to a temporary file beside `path`, flushes it to disk and renames it over
// `path`, so a reader (or a crash) sees the old state or the new one, never half of one.
Status WriteFileAtomically(const std::string& path, const std::string& json);
Status WriteStateFile(const std::string& path, const engine::State& state);

}  // namespace fw::cli
