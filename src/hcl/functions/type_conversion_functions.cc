// Terraform's type conversion functions.
#include "hcl/functions/function.h"

namespace fw::hcl {

void RegisterTypeConversionFunctions(FunctionRegistry* registry) {}

}  // namespace fw::hcl
