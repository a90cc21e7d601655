// Number functions, basic family: max.
#include "hcl/functions/function.h"

namespace fw::hcl {

void RegisterNumberBasicFunctions(FunctionRegistry* registry) {
  registry->Register(FunctionSpec{
      .name = "max",
      .description = "Returns the greatest of the given numbers.",
      .params = {},
      .variadic = Parameter{.name = "numbers", .type = Type::Number(), .allow_dynamic = true},
      .return_type = StaticReturnType(Type::Number()),
      .impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
        if (args.empty()) return InvalidArgument("must pass at least one number");
        const Value* best = &args[0];
        for (const Value& a : args) {
          if (a.AsNumber() > best->AsNumber()) best = &a;
        }
        return *best;
      },
  });
}

}  // namespace fw::hcl
