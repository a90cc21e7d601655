// Terraform's numeric functions.
#include "hcl/functions/function.h"

namespace fw::hcl {

void RegisterNumericFunctions(FunctionRegistry* registry) {}

}  // namespace fw::hcl
