#include "providers/provider.h"

namespace fw::providers {

void RegisterDatabaseTypes(Registry& r) {}

}  // namespace fw::providers
