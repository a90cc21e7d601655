// Looking up VPCs by the filters the huaweicloud_vpc and huaweicloud_vpcs data sources share
// (id, name, cidr, status, enterprise_project_id, tags), and their description as objects.
//
// Thread-safety: calls into the (thread-safe) inventory.
#pragma once

#include <vector>

#include "cloud/inventory.h"
#include "hcl/value.h"
#include "providers/provider.h"

namespace fw::providers::network {

// The VPCs of the caller's project that match every known, non-null filter attribute of
// `config`, oldest first.
Result<std::vector<cloud::InventoryItem>> FindVpcs(CallContext& ctx, const hcl::Value& config);
// {id, name, cidr, status, description, enterprise_project_id, tags}.
hcl::Type VpcObjectType();
hcl::Value VpcObject(const cloud::InventoryItem& vpc);

}  // namespace fw::providers::network
