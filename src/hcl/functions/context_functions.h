// Functions whose results depend on the evaluation context rather than only on their arguments:
// the filesystem functions (bound to a base directory) and the clock functions.
//
//  * abspath, basename, dirname, pathexpand, file, filebase64, fileexists, fileset, filemd5,
//    filesha1, filesha256, filesha512, filebase64sha256, filebase64sha512: relative paths are
//    resolved against `base_dir` (Terraform resolves them against the working directory, where
//    the module's `path.module` is usually spelled out). Like Terraform, any path is allowed;
//    files larger than kMaxFunctionFileBytes are refused, and fileset stops after
//    kMaxFilesetMatches results.
//  * timestamp: the clock's "now" in RFC 3339 (UTC); unknown when `plan_time` is set (Terraform
//    returns an unknown value during plan so that the result is only fixed at apply).
//  * plantimestamp: the clock's "now" in RFC 3339 (the plan's time); never unknown here.
//
// Usage: copy FunctionRegistry::Builtins(), call RegisterContextFunctions on the copy.
// Thread-safety: the registered functions only read the context; `clock` must outlive them.
#pragma once

#include <cstddef>
#include <string>

#include "base/clock.h"
#include "hcl/functions/function.h"

namespace fw::hcl {

inline constexpr size_t kMaxFunctionFileBytes = 64 * 1024 * 1024;
inline constexpr size_t kMaxFilesetMatches = 100000;

struct FunctionContext {
  std::string base_dir;
  const fw::Clock* clock = nullptr;  // nullptr: the system clock
  bool plan_time = false;
};

void RegisterContextFunctions(FunctionRegistry* registry, const FunctionContext& context);

}  // namespace fw::hcl
