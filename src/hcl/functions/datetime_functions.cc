// Terraform's datetime functions.
#include "hcl/functions/function.h"

namespace fw::hcl {

void RegisterDateTimeFunctions(FunctionRegistry* registry) {}

}  // namespace fw::hcl
