// Terraform's regex functions.
#include "hcl/functions/function.h"

namespace fw::hcl {

void RegisterRegexFunctions(FunctionRegistry* registry) {}

}  // namespace fw::hcl
