// References to the network family's items from any family: VPCs ("vpc.vpc"), subnets
// ("vpc.subnet", with cidr / vpc_id / gateway_ip / ipv4_subnet_id in their bodies), security
// groups ("vpc.secgroup") and EIPs ("vpc.eip", with address), looked up in the caller's
// project; and the region's availability zones.
//
// Thread-safety: functions over the thread-safe inventory.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "cloud/inventory.h"
#include "providers/common/ipv4.h"
#include "providers/provider.h"

namespace fw::providers {

// Inventory types of the network family other families refer to.
inline constexpr std::string_view kVpcType = "vpc.vpc";
inline constexpr std::string_view kSubnetType = "vpc.subnet";
inline constexpr std::string_view kSecgroupType = "vpc.secgroup";
inline constexpr std::string_view kEipType = "vpc.eip";

// A subnet of the caller's project, decoded.
struct SubnetRef {
  std::string id;  // the VPC API id (the inventory id)
  std::string vpc_id;
  Ipv4Cidr cidr;
  uint32_t gateway = 0;  // gateway_ip; the block's first host when unset
  Ipv4Cidr vpc_cidr;     // set by RequireSubnetInVpc (else the subnet's own)
};

// The subnet an item describes; kInternal when its cidr is not valid.
Result<SubnetRef> SubnetOf(const cloud::InventoryItem& subnet);
// The subnet with `subnet_id` (its id or, as the real APIs also take, its ipv4_subnet_id)
// in the caller's project; nullopt when there is none.
Result<std::optional<cloud::InventoryItem>> FindSubnet(const CallContext& ctx,
                                                       const std::string& subnet_id);
// As FindSubnet, decoded; kNotFound "The subnet <id> does not exist in this project." when absent.
Result<SubnetRef> RequireSubnet(const CallContext& ctx, const std::string& subnet_id);
// The VPC exists in the project and the subnet is one of its subnets ("The subnet <id> does not
// belong to VPC <vpc>." otherwise).
Result<SubnetRef> RequireSubnetInVpc(const CallContext& ctx, const std::string& vpc_id,
                                     const std::string& subnet_id);
Status RequireSecurityGroup(const CallContext& ctx, const std::string& secgroup_id);

// The region's availability zones, joined with ", " (for messages).
std::string AvailabilityZoneList(const std::string& region);

}  // namespace fw::providers
