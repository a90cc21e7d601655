// Type conversion functions: tobool, tolist, tomap, tonumber, toset, tostring, type, and the
// sensitivity functions sensitive, nonsensitive, issensitive.
//
// `type(v)` returns the type as a string in type-constraint syntax (`list(string)`,
// `object({a=number})`): Terraform returns a console-only capsule value that prints the same
// way; a string is the closest value this module has.
#include "hcl/convert.h"
#include "hcl/functions/function.h"
#include "hcl/json_text.h"

namespace fw::hcl {
namespace {

Parameter AnyValueParam(std::string name) {
  return Parameter{.name = std::move(name),
                   .type = Type::Dynamic(),
                   .allow_null = true,
                   .allow_unknown = true,
                   .allow_dynamic = true,
                   .allow_marked = true};
}

// cty's FriendlyNameForConstraint: a collection of the dynamic pseudo-type reads "list of any
// single type".
std::string ConstraintName(const Type& t) {
  if (t.IsCollection() && t.ElementType().IsDynamic()) {
    return std::string(t.IsList() ? "list" : t.IsSet() ? "set" : "map") + " of any single type";
  }
  return t.FriendlyNameForConstraint();
}

Status ArgError(const std::string& msg) {
  return InvalidArgument("Invalid value for \"v\" parameter: " + msg + ".");
}

FunctionSpec MakeToFunction(std::string name, Type want) {
  FunctionSpec spec;
  spec.name = std::move(name);
  spec.description = "Converts the given value to " + ConstraintName(want) + ".";
  spec.params = {AnyValueParam("v")};
  spec.return_type = [want](const std::vector<Value>& args) -> Result<Type> {
    const Type& got = args[0].type();
    if (got.Equals(want) || got.IsDynamic()) return want;
    if (!CanConvert(got, want)) {
      if (got.IsTuple() && want.IsTuple()) {
        return ArgError("incompatible tuple type for conversion: " + MismatchMessage(got, want));
      }
      if (got.IsObject() && want.IsObject()) {
        return ArgError("incompatible object type for conversion: " + MismatchMessage(got, want));
      }
      return ArgError("cannot convert " + got.FriendlyName() + " to " +
                      ConstraintName(want));
    }
    return want;
  };
  spec.impl = [want](const std::vector<Value>& args, const Type& ret) -> Result<Value> {
    const Value& v = args[0];
    if (!v.IsKnown()) return Value::Unknown(ret).WithMarks(v.marks());
    Result<Value> r = Convert(v, want);
    if (r.ok()) return r;
    Value plain = v.UnmarkDeep();
    const Type& got = plain.type();
    if (v.IsSensitiveDeep()) {
      return ArgError("cannot convert this sensitive " + got.FriendlyName() + " to " +
                      ConstraintName(want));
    }
    auto what = [&] {
      if (plain.IsNull()) return std::string("string");
      std::string quoted;
      json::AppendString(&quoted, plain.AsString());
      return quoted;
    };
    if (got.kind() == TypeKind::kString && want.kind() == TypeKind::kBool) {
      return ArgError("cannot convert " + what() +
                      " to bool; only the strings \"true\" or \"false\" are allowed");
    }
    if (got.kind() == TypeKind::kString && want.kind() == TypeKind::kNumber) {
      return ArgError("cannot convert " + what() +
                      " to number; given string must be a decimal representation of a number");
    }
    return ArgError("cannot convert " + got.FriendlyName() + " to " +
                    ConstraintName(want));
  };
  return spec;
}

FunctionSpec MakeMarkFunction(std::string name, std::string description, bool add) {
  FunctionSpec spec;
  spec.name = std::move(name);
  spec.description = std::move(description);
  spec.params = {AnyValueParam("value")};
  spec.return_type = [](const std::vector<Value>& args) -> Result<Type> {
    return args[0].type();
  };
  spec.impl = [add](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const Value& v = args[0];
    if (add) return v.WithMarks(kSensitive);
    Marks rest = v.marks() & static_cast<Marks>(~kSensitive);
    return v.Unmark().WithMarks(rest);
  };
  return spec;
}

FunctionSpec IsSensitive() {
  FunctionSpec spec;
  spec.name = "issensitive";
  spec.description = "Returns whether the given value is marked as sensitive.";
  spec.params = {AnyValueParam("value")};
  spec.return_type = StaticReturnType(Type::Bool());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const Value& v = args[0];
    if (v.HasMark(kSensitive)) return Value::True();
    if (!v.IsKnown()) return Value::Unknown(Type::Bool());
    return Value::False();
  };
  return spec;
}

FunctionSpec TypeOf() {
  FunctionSpec spec;
  spec.name = "type";
  spec.description =
      "Returns the type of the given value, written in type-constraint syntax (a string).";
  spec.params = {AnyValueParam("value")};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    return Value::String(args[0].type().ToTypeExpr());
  };
  return spec;
}

}  // namespace

void RegisterTypeConversionFunctions(FunctionRegistry* registry) {
  registry->Register(MakeToFunction("tostring", Type::String()));
  registry->Register(MakeToFunction("tonumber", Type::Number()));
  registry->Register(MakeToFunction("tobool", Type::Bool()));
  registry->Register(MakeToFunction("tolist", Type::List(Type::Dynamic())));
  registry->Register(MakeToFunction("toset", Type::Set(Type::Dynamic())));
  registry->Register(MakeToFunction("tomap", Type::Map(Type::Dynamic())));
  registry->Register(MakeMarkFunction(
      "sensitive", "Returns the given value, marked as sensitive.", /*add=*/true));
  registry->Register(MakeMarkFunction("nonsensitive",
                                      "Returns the given value without its sensitive mark.",
                                      /*add=*/false));
  registry->Register(IsSensitive());
  registry->Register(TypeOf());
}

}  // namespace fw::hcl
