// Terraform's collection functions.
#include "hcl/functions/function.h"

namespace fw::hcl {

void RegisterCollectionFunctions(FunctionRegistry* registry) {}

}  // namespace fw::hcl
