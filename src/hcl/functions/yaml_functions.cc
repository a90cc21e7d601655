// Terraform's yaml functions.
#include "hcl/functions/function.h"

namespace fw::hcl {

void RegisterYamlFunctions(FunctionRegistry* registry) {}

}  // namespace fw::hcl
