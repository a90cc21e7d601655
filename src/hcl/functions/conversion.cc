// Type conversion functions: tostring, tonumber (and the rule other to* functions will share).
#include "hcl/convert.h"
#include "hcl/functions/function.h"
#include "hcl/json_text.h"

namespace fw::hcl {
namespace {

FunctionSpec MakeToFunction(std::string name, Type want) {
  FunctionSpec spec;
  spec.name = std::move(name);
  spec.description = "Converts the given value to " + want.FriendlyName() + ".";
  spec.params = {Parameter{.name = "v",
                           .type = Type::Dynamic(),
                           .allow_null = true,
                           .allow_unknown = true,
                           .allow_dynamic = true,
                           .allow_marked = true}};
  spec.return_type = [want](const std::vector<Value>& args) -> Result<Type> {
    const Type& got = args[0].type();
    if (got.Equals(want) || got.IsDynamic()) return want;
    if (!CanConvert(got, want)) {
      return InvalidArgument("Invalid value for \"v\" parameter: cannot convert " +
                             got.FriendlyName() + " to " + want.FriendlyNameForConstraint() + ".");
    }
    return want;
  };
  spec.impl = [want](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const Value& v = args[0];
    Result<Value> r = Convert(v, want);
    if (r.ok()) return r;
    if (want.kind() == TypeKind::kNumber && v.type().kind() == TypeKind::kString) {
      std::string quoted;
      json::AppendString(&quoted, v.Unmark().AsString());
      if (v.HasMark(kSensitive)) quoted = "(sensitive value)";
      return InvalidArgument("Invalid value for \"v\" parameter: cannot convert " + quoted +
                             " to number; given string must be a decimal representation of a "
                             "number.");
    }
    return InvalidArgument("Invalid value for \"v\" parameter: " + r.status().message() + ".");
  };
  return spec;
}

}  // namespace

void RegisterConversionFunctions(FunctionRegistry* registry) {
  registry->Register(MakeToFunction("tostring", Type::String()));
  registry->Register(MakeToFunction("tonumber", Type::Number()));
}

}  // namespace fw::hcl
