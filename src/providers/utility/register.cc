#include "providers/provider.h"

namespace fw::providers {

void RegisterUtilityTypes(Registry& r) {}

}  // namespace fw::providers
