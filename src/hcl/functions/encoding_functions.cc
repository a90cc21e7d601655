// Terraform's encoding functions.
#include "hcl/functions/function.h"

namespace fw::hcl {

void RegisterEncodingFunctions(FunctionRegistry* registry) {}

}  // namespace fw::hcl
