// The network resources database-family types are placed in (VPC "vpc.vpc", subnet
// "vpc.subnet", security group "vpc.secgroup", owned by src/providers/network/): checks that
// they exist in the caller's project and belong together, and private addresses allocated in a
// subnet the way the real services do (never the network, gateway or broadcast addresses, never
// one already used by a database-family resource).
//
// Thread-safety: functions over the thread-safe inventory.
#pragma once

#include <boost/json.hpp>
#include <mutex>
#include <string>
#include <vector>

#include "base/status.h"
#include "providers/common/ipv4.h"
#include "providers/provider.h"

namespace fw::providers::database {

inline constexpr char kVpcType[] = "vpc.vpc";
inline constexpr char kSubnetType[] = "vpc.subnet";
inline constexpr char kSecgroupType[] = "vpc.secgroup";

struct SubnetRef {
  std::string id;
  std::string vpc_id;
  Ipv4Cidr cidr;
  Ipv4Cidr vpc_cidr;
};

// The VPC exists in the project and the subnet (given by its id or its ipv4_subnet_id) is one
// of its subnets.
Result<SubnetRef> RequireSubnetInVpc(const CallContext& ctx, const std::string& vpc_id,
                                     const std::string& subnet_id);
Status RequireSecurityGroup(const CallContext& ctx, const std::string& secgroup_id);
// Each zone is one of the region's availability zones ("Invalid <attribute>: ..." otherwise).
Status RequireAvailabilityZones(const CallContext& ctx, const std::vector<std::string>& zones,
                                std::string_view attribute);

// A free address of the subnet (or `fixed` when given, after checking it is inside and free).
// `used` lists addresses already taken.
Result<std::string> AllocatePrivateIp(const SubnetRef& subnet, const std::string& fixed,
                                      const std::vector<std::string>& used);
// The private addresses used in the project: by the database family's resources, and by any
// resource of another family that records them as "_ports": [{"subnet_id", "ip"}] in its body
// (ECS servers, SFS Turbo).
Result<std::vector<std::string>> UsedPrivateIps(const CallContext& ctx);

// Appends {"subnet_id", "ip"} to body["_ports"], the shared record of taken addresses.
void RecordPort(boost::json::object& body, const std::string& subnet_id, const std::string& ip);

// Held from choosing an address until the item holding it is stored, so concurrent creations
// in this family never pick the same one.
std::unique_lock<std::mutex> AddressLock();

}  // namespace fw::providers::database
