// Terraform's YAML functions: yamldecode and yamlencode (the reader is yaml_parser.cc, the
// writer yaml_emitter.cc).
#include "hcl/functions/function.h"
#include "hcl/functions/yaml_parser.h"

namespace fw::hcl {
namespace {

FunctionSpec YamlDecode() {
  FunctionSpec spec;
  spec.name = "yamldecode";
  spec.description =
      "Parses the given string as YAML and returns a value corresponding to what the YAML "
      "document describes.";
  spec.params = {Parameter{.name = "src", .type = Type::String()}};
  spec.return_type = [](const std::vector<Value>& args) -> Result<Type> {
    if (!args[0].IsKnown()) return Type::Dynamic();
    FW_ASSIGN_OR_RETURN(Value v, DecodeYaml(args[0].AsString()));
    return v.type();
  };
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    return DecodeYaml(args[0].AsString());
  };
  return spec;
}

FunctionSpec YamlEncode() {
  FunctionSpec spec;
  spec.name = "yamlencode";
  spec.description = "Returns a string containing a YAML representation of the given value.";
  spec.params = {Parameter{.name = "value",
                           .type = Type::Dynamic(),
                           .allow_null = true,
                           .allow_dynamic = true}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    FW_ASSIGN_OR_RETURN(std::string s, EncodeYaml(args[0]));
    return Value::String(std::move(s));
  };
  return spec;
}

}  // namespace

void RegisterYamlFunctions(FunctionRegistry* registry) {
  registry->Register(YamlDecode());
  registry->Register(YamlEncode());
}

}  // namespace fw::hcl
