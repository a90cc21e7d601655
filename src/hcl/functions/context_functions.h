// Functions whose results depend on the evaluation context rather than only on their arguments:
// the filesystem functions (bound to a FileSource, file_source.h) and the clock functions.
//
//  * file, filebase64, fileexists, fileset, filemd5, filesha1, filesha256, filesha512,
//    filebase64sha256, filebase64sha512: read only through the FileSource, never the disk
//    directly. Relative paths resolve against the source's root, the root module's directory
//    (Terraform resolves them against the working directory, which is why modules spell out
//    `path.module`). A DiskFileSource (the CLI) allows any path, like Terraform; a
//    MemoryFileSource (an RFS stack's template) holds only the template's files and refuses
//    absolute paths and paths leading outside it ("Invalid value for "path" parameter: no file
//    exists at "/etc/passwd"; this function works only with files that are distributed as part
//    of the configuration source code (absolute paths are refused: ...)"). Files larger than
//    kMaxFunctionFileBytes are refused, and fileset stops after kMaxFilesetMatches results.
//  * abspath (against the source's WorkingDirectory: "." for a template, so no server path is
//    shown), basename, dirname: string functions; pathexpand asks the source for the home
//    directory (a template has none: `~` paths are refused).
//  * timestamp: the clock's "now" in RFC 3339 (UTC), read at each call; unknown when
//    `plan_time` is set (Terraform returns an unknown value during plan so that the result is
//    only fixed at apply).
//  * plantimestamp: `plan_timestamp` in RFC 3339 (UTC), the same at plan and apply; without
//    one, the clock's "now" at each call (validation). Never unknown here.
//  * uuid and bcrypt (registered by the built-ins, impure: a new value per call): when
//    `plan_time` is set they are replaced by functions with the same parameters returning an
//    unknown string, as Terraform's plan does; otherwise the built-ins stay.
//
// Usage: copy FunctionRegistry::Builtins(), call RegisterContextFunctions (or only
// RegisterFileFunctions, as hcl::EvalFunctions does) on the copy. The engine builds one such
// registry per module with its Target's clock, plan_time while planning and the plan's time
// (engine/walk.h); configuration validation uses plan_time and the system clock.
// Thread-safety: the registered functions only read the context; they share ownership of the
// file source; `clock` must outlive them.
#pragma once

#include <memory>
#include <optional>

#include "base/clock.h"
#include "hcl/functions/file_source.h"
#include "hcl/functions/function.h"

namespace fw::hcl {

struct FunctionContext {
  std::shared_ptr<const FileSource> files;  // nullptr: no files at all (EmptyFileSource)
  const fw::Clock* clock = nullptr;         // nullptr: the system clock
  bool plan_time = false;                   // planning: timestamp, uuid, bcrypt are unknown
  std::optional<TimePoint> plan_timestamp;  // plantimestamp's value; none: the clock's now
};

// The filesystem and path functions over `files` (nullptr: no files).
void RegisterFileFunctions(FunctionRegistry* registry, std::shared_ptr<const FileSource> files);

// RegisterFileFunctions plus the clock functions.
void RegisterContextFunctions(FunctionRegistry* registry, const FunctionContext& context);

}  // namespace fw::hcl
