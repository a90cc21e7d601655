#include "hcl/functions/context_functions.h"

namespace fw::hcl {

void RegisterContextFunctions(FunctionRegistry* registry, const FunctionContext& context) {}

}  // namespace fw::hcl
