#include "hcl/functions/function.h"

#include "hcl/convert.h"

namespace fw::hcl {
namespace {

struct Prepared {
  std::vector<Value> args;
  Marks result_marks = kNoMarks;
  bool short_circuit_unknown = false;  // some argument is unknown where not allowed
  bool dynamic_result = false;         // some argument is of dynamic type where not allowed
};

Result<Prepared> Prepare(const FunctionSpec& spec, std::vector<Value> args, int* error_arg) {
  if (error_arg) *error_arg = -1;
  const size_t fixed = spec.params.size();
  if (args.size() < fixed) {
    return InvalidArgument("not enough arguments: function \"" + spec.name + "\" expects " +
                           (spec.variadic ? "at least " : "") + std::to_string(fixed) +
                           " argument(s); missing value for \"" + spec.params[args.size()].name +
                           "\"");
  }
  if (args.size() > fixed && !spec.variadic) {
    if (error_arg) *error_arg = static_cast<int>(fixed);
    return InvalidArgument("too many arguments: function \"" + spec.name + "\" expects only " +
                           std::to_string(fixed) + " argument(s)");
  }
  Prepared p;
  for (size_t i = 0; i < args.size(); ++i) {
    const Parameter& param = i < fixed ? spec.params[i] : *spec.variadic;
    Value& arg = args[i];
    auto fail = [&](const std::string& msg) {
      if (error_arg) *error_arg = static_cast<int>(i);
      return InvalidArgument("Invalid value for \"" + param.name + "\" parameter: " + msg);
    };
    if (!param.allow_marked) {
      Marks m;
      arg = arg.UnmarkDeep(&m);
      p.result_marks |= m;
    }
    if (arg.IsNull() && !param.allow_null) return fail("argument must not be null");
    if (arg.type().IsDynamic() && !param.allow_dynamic) {
      // Only unknown (or null) values have the dynamic type: the result type is not known yet.
      p.dynamic_result = true;
      continue;
    }
    if (!param.type.IsDynamic()) {
      Result<Value> c = Convert(arg, param.type);
      if (!c.ok()) return fail(c.status().message());
      arg = std::move(c).value();
    }
    if (!arg.IsWhollyKnown() && !param.allow_unknown) p.short_circuit_unknown = true;
  }
  p.args = std::move(args);
  return p;
}

}  // namespace

ReturnTypeFn StaticReturnType(Type type) {
  return [type](const std::vector<Value>&) -> Result<Type> { return type; };
}

Result<Type> ReturnTypeOf(const FunctionSpec& spec, const std::vector<Value>& args,
                          int* error_arg) {
  FW_ASSIGN_OR_RETURN(Prepared p, Prepare(spec, args, error_arg));
  if (p.dynamic_result) return Type::Dynamic();
  return spec.return_type(p.args);
}

Result<Value> Call(const FunctionSpec& spec, std::vector<Value> args, int* error_arg) {
  FW_ASSIGN_OR_RETURN(Prepared p, Prepare(spec, std::move(args), error_arg));
  if (p.dynamic_result) return Value::DynamicUnknown().WithMarks(p.result_marks);
  FW_ASSIGN_OR_RETURN(Type ret, spec.return_type(p.args));
  if (p.short_circuit_unknown) return Value::Unknown(ret).WithMarks(p.result_marks);
  FW_ASSIGN_OR_RETURN(Value result, spec.impl(p.args, ret));
  return result.WithMarks(p.result_marks);
}

void FunctionRegistry::Register(FunctionSpec spec) {
  std::string name = spec.name;
  specs_.insert_or_assign(std::move(name), std::move(spec));
}

const FunctionSpec* FunctionRegistry::Find(std::string_view name) const {
  auto it = specs_.find(name);
  return it == specs_.end() ? nullptr : &it->second;
}

std::vector<std::string> FunctionRegistry::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, spec] : specs_) names.push_back(name);
  return names;
}

const FunctionRegistry& FunctionRegistry::Builtins() {
  static const FunctionRegistry* registry = [] {
    auto* r = new FunctionRegistry();
    RegisterStringFunctions(r);
    RegisterRegexFunctions(r);
    RegisterCollectionFunctions(r);
    RegisterNumericFunctions(r);
    RegisterEncodingFunctions(r);
    RegisterYamlFunctions(r);
    RegisterHashFunctions(r);
    RegisterIpNetFunctions(r);
    RegisterDateTimeFunctions(r);
    RegisterTypeConversionFunctions(r);
    return r;
  }();
  return *registry;
}

}  // namespace fw::hcl
