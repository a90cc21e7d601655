// Adds the database family's types (database_types.h) to the registry.
#include "providers/database/database_types.h"

namespace fw::providers {

void RegisterDatabaseTypes(Registry& r) {
  r.Add(NewRdsInstanceType());
  r.Add(NewDcsInstanceType());
  r.Add(NewCceClusterType());
  r.Add(NewCceNodeType());
  r.Add(NewCceNodePoolType());
  r.Add(NewCdmClusterType());
  r.Add(NewRdsFlavorsDataSource());
  r.Add(NewDcsFlavorsDataSource());
}

}  // namespace fw::providers
