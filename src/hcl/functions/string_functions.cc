// Terraform's string functions.
#include "hcl/functions/function.h"

namespace fw::hcl {

void RegisterStringFunctions(FunctionRegistry* registry) {}

}  // namespace fw::hcl
