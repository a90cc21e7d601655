#include "providers/common/network_refs.h"

#include "cloud/cdm/catalog.h"
#include "providers/common/stored_type.h"
#include "providers/common/values.h"

namespace fw::providers {

Result<SubnetRef> SubnetOf(const cloud::InventoryItem& subnet) {
  SubnetRef ref;
  ref.id = subnet.id;
  ref.vpc_id = BodyString(subnet.body, "vpc_id");
  auto cidr = ParseIpv4Cidr(BodyString(subnet.body, "cidr"));
  if (!cidr) return Internal("The subnet " + subnet.id + " has no valid CIDR block.");
  ref.cidr = *cidr;
  ref.vpc_cidr = *cidr;
  auto gw = ParseIpv4(BodyString(subnet.body, "gateway_ip"));
  ref.gateway = gw ? *gw : cidr->Host(1);
  return ref;
}

Result<std::optional<cloud::InventoryItem>> FindSubnet(const CallContext& ctx,
                                                       const std::string& subnet_id) {
  FW_ASSIGN_OR_RETURN(auto subnet, FindInProject(ctx, kSubnetType, subnet_id));
  if (subnet || subnet_id.empty()) return subnet;
  FW_ASSIGN_OR_RETURN(auto all, ListInProject(ctx, kSubnetType));
  for (auto& s : all) {
    if (BodyString(s.body, "ipv4_subnet_id") == subnet_id) subnet = std::move(s);
  }
  return subnet;
}

Result<SubnetRef> RequireSubnet(const CallContext& ctx, const std::string& subnet_id) {
  FW_ASSIGN_OR_RETURN(auto subnet, FindSubnet(ctx, subnet_id));
  if (!subnet) return NotFound("The subnet " + subnet_id + " does not exist in this project.");
  return SubnetOf(*subnet);
}

Result<SubnetRef> RequireSubnetInVpc(const CallContext& ctx, const std::string& vpc_id,
                                     const std::string& subnet_id) {
  FW_ASSIGN_OR_RETURN(auto vpc, RequireInProject(ctx, kVpcType, vpc_id, "VPC"));
  FW_ASSIGN_OR_RETURN(SubnetRef ref, RequireSubnet(ctx, subnet_id));
  if (ref.vpc_id != vpc_id) {
    return InvalidArgument("The subnet " + subnet_id + " does not belong to VPC " + vpc_id + ".");
  }
  if (auto vpc_cidr = ParseIpv4Cidr(BodyString(vpc.body, "cidr"))) ref.vpc_cidr = *vpc_cidr;
  return ref;
}

Status RequireSecurityGroup(const CallContext& ctx, const std::string& secgroup_id) {
  return RequireInProject(ctx, kSecgroupType, secgroup_id, "security group").status();
}

std::string AvailabilityZoneList(const std::string& region) {
  std::string zones;
  for (const auto& z : cloud::cdm::AvailabilityZones(region)) {
    zones += (zones.empty() ? "" : ", ") + z;
  }
  return zones;
}

}  // namespace fw::providers
