#include "providers/provider.h"

namespace fw::providers {

void RegisterNetworkTypes(Registry& r) {}

}  // namespace fw::providers
