// Terraform's hash functions.
#include "hcl/functions/function.h"

namespace fw::hcl {

void RegisterHashFunctions(FunctionRegistry* registry) {}

}  // namespace fw::hcl
