// Private IPv4 addresses inside subnets, for the compute resources that take one (ECS NICs,
// SFS Turbo mount points). Each such inventory item records what it holds in its body as
// "_ports": [{"subnet_id": "...", "ip": "192.168.0.10"}], so any type can see what is taken.
//
// Thread-safety: functions are safe from any thread; hold AddressLock() from choosing an
// address until the item that holds it is stored, so two creations never pick the same one.
#pragma once

#include <mutex>
#include <set>
#include <string>

#include "base/status.h"
#include "cloud/inventory.h"
#include "providers/common/ipv4.h"
#include "providers/provider.h"

namespace fw::providers::compute {

// A subnet of the caller's project, decoded: its CIDR and gateway.
struct SubnetInfo {
  std::string id;
  std::string vpc_id;
  Ipv4Cidr cidr;
  uint32_t gateway = 0;
};

Result<SubnetInfo> LookUpSubnet(CallContext& ctx, const std::string& subnet_id);

// The addresses taken in the subnet, as recorded in "_ports" by ECS servers, SFS Turbo file
// systems, the database family's RDS, DCS and CCE items and the network family's ELBs.
Result<std::set<uint32_t>> UsedAddresses(CallContext& ctx, const std::string& subnet_id);

// `wanted` (a configured fixed IP) after checking it is a usable, free host of the subnet, or
// the lowest free one; `also_taken` holds addresses picked earlier in the same call.
Result<std::string> AllocateAddress(CallContext& ctx, const SubnetInfo& subnet,
                                    const std::string& wanted, std::set<uint32_t>& also_taken);

std::unique_lock<std::mutex> AddressLock();

// Appends {"subnet_id", "ip"} to body["_ports"].
void RecordPort(boost::json::object& extras, const std::string& subnet_id, const std::string& ip);

}  // namespace fw::providers::compute
