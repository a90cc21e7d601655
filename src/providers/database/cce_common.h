// What the CCE types (cluster, node, node pool) share: their inventory type names, the schema
// pieces of nodes and node pools (login, runtime, volume blocks), the cluster flavors' node limits, and finding a node's
// cluster with its network.
//
// Thread-safety: pure functions over the thread-safe inventory.
#pragma once

#include <string>

#include "base/status.h"
#include "cloud/inventory.h"
#include "hcl/value.h"
#include "providers/common/network_refs.h"
#include "providers/provider.h"
#include "providers/schema.h"

namespace fw::providers::database {

inline constexpr char kCceClusterType[] = "cce.cluster";
inline constexpr char kCceNodeType[] = "cce.node";
inline constexpr char kCceNodePoolType[] = "cce.node_pool";

// The cluster flavors ("cce.s1.small", ...) and how many nodes each allows.
const std::vector<std::string>& CceClusterFlavors();
int CceMaxNodes(const std::string& flavor_id);

// Schema pieces of nodes and node pools, all force-new: key_pair, password (sensitive, the
// node password rule), subnet_id (optional, computed); runtime (docker/containerd) and max_pods
// (16..256); the root_volume (exactly one) and data_volumes (up to 16) blocks
// {size, volumetype, extend_params, kms_key_id}.
void AddCceLoginAttrs(Block& b);
void AddCceRuntimeAttrs(Block& b);
void AddCceVolumeBlocks(Block& b);
// Exactly one of key_pair and password, as the real API requires (unknowns pass).
Status CheckCceLogin(const hcl::Value& v);

struct CceClusterRef {
  cloud::InventoryItem item;
  SubnetRef subnet;  // the cluster's subnet (nodes go there unless given another)
};

// The cluster `cluster_id` of the caller's project, which must be available.
Result<CceClusterRef> RequireAvailableCluster(const CallContext& ctx,
                                              const std::string& cluster_id);
// How many nodes the cluster has: standalone nodes plus node pools' nodes, except `except_id`.
Result<int64_t> CceNodeCount(const CallContext& ctx, const std::string& cluster_id,
                             const std::string& except_id = "");
// Items of `type` in the project whose body's "cluster_id" is `cluster_id`.
Result<std::vector<cloud::InventoryItem>> CceChildren(const CallContext& ctx,
                                                      const std::string& type,
                                                      const std::string& cluster_id);

}  // namespace fw::providers::database
