#include "providers/provider.h"

namespace fw::providers {

const Registry& Registry::Builtin() {
  static const Registry* registry = [] {
    auto* r = new Registry();
    RegisterNetworkTypes(*r);
    RegisterComputeTypes(*r);
    RegisterDatabaseTypes(*r);
    RegisterUtilityTypes(*r);
    return r;
  }();
  return *registry;
}

}  // namespace fw::providers
