#include "providers/provider.h"

namespace fw::providers {

void RegisterComputeTypes(Registry& r) {}

}  // namespace fw::providers
