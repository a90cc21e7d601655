// Terraform's ipnet functions.
#include "hcl/functions/function.h"

namespace fw::hcl {

void RegisterIpNetFunctions(FunctionRegistry* registry) {}

}  // namespace fw::hcl
