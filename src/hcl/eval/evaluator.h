// The evaluator: turns an expression of the AST (native or JSON syntax) into a Value.
//
//   MapScope scope({{"var", Value::Object({{"n", Value::Int(3)}})}});
//   EvalContext ctx{&scope};
//   Diagnostics diags;
//   Value v = Evaluate(*expr, ctx, diags);   // DynamicUnknown where an error was reported
//
// Every expression form is evaluated with Terraform's rules: unknown values propagate (an
// unknown condition gives an unknown of the unified result type, an unknown collection an
// unknown for-expression…), sensitive and other marks are carried from inputs to results, and
// errors are diagnostics with Terraform's summaries ("Unsupported attribute", "Invalid index",
// "Call to unknown function", "Invalid function argument", "Inconsistent conditional result
// types", "Unknown variable"…) pointing at the offending range. Evaluation never throws; nesting
// beyond `max_depth` is an error, not a stack overflow.
//
// `try(...)` and `can(...)` are evaluated here (they catch the evaluation errors of their
// arguments). `templatefile` and `templatestring` need the evaluator too: EvalFunctions() returns
// a registry with them and the filesystem functions added to the built-ins.
//
// Thread-safety: Evaluate is reentrant; the context's scope and registry are only read.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "hcl/diagnostics.h"
#include "hcl/eval/scope.h"
#include "hcl/expression.h"
#include "hcl/functions/file_source.h"
#include "hcl/functions/function.h"
#include "hcl/value.h"

namespace fw::hcl {

struct EvalContext {
  const Scope* scope = nullptr;                 // null: no names are defined
  const FunctionRegistry* functions = nullptr;  // null: FunctionRegistry::Builtins()
  int max_depth = 256;                          // nested evaluation steps allowed
};

// Evaluates `expr`. Errors are added to `diags` and the failing part evaluates to an unknown of
// the dynamic type, so that callers can go on and report more than one error.
Value Evaluate(const Expression& expr, const EvalContext& ctx, Diagnostics& diags);

// Evaluates `expr` and converts the result to `type` ("Incorrect value type" on mismatch).
Value EvaluateAs(const Expression& expr, const Type& type, const EvalContext& ctx,
                 Diagnostics& diags);

// Parses and evaluates a standalone template (templatefile's text) with `vars` as its only
// names. `functions` must not include templatefile itself (Terraform forbids the recursion).
Value EvaluateTemplate(std::string_view text, std::string_view filename,
                       const std::map<std::string, Value, std::less<>>& vars,
                       const FunctionRegistry* functions, Diagnostics& diags);

inline constexpr size_t kMaxTemplateFileBytes = size_t{16} << 20;

// `base` (the built-ins when null) plus the filesystem functions over `files`
// (RegisterFileFunctions: file, fileset, filemd5...; nullptr: no files at all),
// templatefile(path, vars), which reads through `files` too, and templatestring(template, vars).
// The engine passes the configuration's source (config::Config::files): the disk for the CLI,
// the template's own files for an RFS stack. Templates see only their vars and the functions of
// `base` plus the filesystem ones; `base` is copied.
FunctionRegistry EvalFunctions(std::shared_ptr<const FileSource> files,
                               const FunctionRegistry* base = nullptr);

// A stable one-line rendering for tests and tools: `<value> :: <type expression>`, e.g.
// `["a", (known after apply)] :: list(string)`, `sensitive("x") :: string`.
std::string RenderValue(const Value& value);

}  // namespace fw::hcl
