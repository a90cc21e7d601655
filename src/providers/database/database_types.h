// The database family's resource and data-source types (RDS, DCS, CCE, CDM), one file each in
// src/providers/database/, added to the registry by RegisterDatabaseTypes (register.cc).
//
// Thread-safety: the types are immutable (see provider.h).
#pragma once

#include <memory>

#include "providers/provider.h"

namespace fw::providers {

std::unique_ptr<ResourceType> NewRdsInstanceType();     // huaweicloud_rds_instance
std::unique_ptr<ResourceType> NewDcsInstanceType();     // huaweicloud_dcs_instance
std::unique_ptr<ResourceType> NewCceClusterType();      // huaweicloud_cce_cluster
std::unique_ptr<ResourceType> NewCceNodeType();         // huaweicloud_cce_node
std::unique_ptr<ResourceType> NewCceNodePoolType();     // huaweicloud_cce_node_pool
std::unique_ptr<ResourceType> NewCdmClusterType();      // huaweicloud_cdm_cluster
std::unique_ptr<DataSourceType> NewRdsFlavorsDataSource();  // huaweicloud_rds_flavors
std::unique_ptr<DataSourceType> NewDcsFlavorsDataSource();  // huaweicloud_dcs_flavors

}  // namespace fw::providers
