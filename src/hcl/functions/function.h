// The framework built-in functions are written against (what cty's function package does for
// Terraform), and the registry that names them.
//
// A FunctionSpec declares parameters (each with a type and what it tolerates), an optional
// variadic parameter, a return-type rule and an implementation. Call() does the common work so
// that implementations only see what they declared they accept:
//  * arity: "not enough arguments" / "too many arguments";
//  * marks: unless a parameter allows marks, its argument is unmarked (deeply) before the call
//    and the marks are put back on the result;
//  * null: rejected unless allowed ("argument must not be null");
//  * conversion: each argument is converted to its parameter's type, errors name the parameter
//    (`Invalid value for "str" parameter: string required`) and `*error_arg` gets its index;
//  * unknown: an unknown argument (or one of dynamic type) for a parameter that does not allow it
//    makes the result an unknown of the return type, without calling the implementation.
//
// Thread-safety: specs and the registry are immutable once built; Call is reentrant.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "hcl/type.h"
#include "hcl/value.h"

namespace fw::hcl {

struct Parameter {
  std::string name;
  Type type;  // Dynamic: any type, no conversion
  bool allow_null = false;
  bool allow_unknown = false;  // the implementation handles unknown values itself
  bool allow_dynamic = false;  // the implementation handles values of the dynamic type
  bool allow_marked = false;   // the implementation handles marks itself
};

// The return-type rule receives the converted arguments (with the same unknown/null/mark
// treatment as the implementation would see, but possibly unknown): most rules only look at
// their types; a few (jsondecode, tomap...) need a known value.
using ReturnTypeFn = std::function<Result<Type>(const std::vector<Value>& args)>;
using ImplFn =
    std::function<Result<Value>(const std::vector<Value>& args, const Type& return_type)>;

struct FunctionSpec {
  std::string name;
  std::string description;
  std::vector<Parameter> params;
  std::optional<Parameter> variadic;
  ReturnTypeFn return_type;
  ImplFn impl;
};

ReturnTypeFn StaticReturnType(Type type);

// Calls `spec` with `args` as described above. When the error concerns one argument,
// `*error_arg` (if given) receives its index, else -1.
Result<Value> Call(const FunctionSpec& spec, std::vector<Value> args, int* error_arg = nullptr);

// The return type a call with these arguments would have (same checks as Call, no impl call).
Result<Type> ReturnTypeOf(const FunctionSpec& spec, const std::vector<Value>& args,
                          int* error_arg = nullptr);

class FunctionRegistry {
 public:
  // Adds or replaces a function.
  void Register(FunctionSpec spec);
  const FunctionSpec* Find(std::string_view name) const;
  std::vector<std::string> Names() const;

  // The registry with every built-in function of this module (immutable, shared).
  static const FunctionRegistry& Builtins();

 private:
  std::map<std::string, FunctionSpec, std::less<>> specs_;
};

// One registration function per family file (functions/<family>_functions.cc).
void RegisterStringFunctions(FunctionRegistry* registry);
void RegisterRegexFunctions(FunctionRegistry* registry);
void RegisterCollectionFunctions(FunctionRegistry* registry);
void RegisterNumericFunctions(FunctionRegistry* registry);
void RegisterEncodingFunctions(FunctionRegistry* registry);
void RegisterYamlFunctions(FunctionRegistry* registry);
void RegisterHashFunctions(FunctionRegistry* registry);
void RegisterIpNetFunctions(FunctionRegistry* registry);
void RegisterDateTimeFunctions(FunctionRegistry* registry);
void RegisterTypeConversionFunctions(FunctionRegistry* registry);

}  // namespace fw::hcl
