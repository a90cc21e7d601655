// Where the database family's resources are placed, as their services check and choose it:
// availability zones of the region, and private addresses in a subnet (through the allocator
// every family shares, providers/common/subnet_addresses.h, with the database services' rules).
//
// Thread-safety: functions over the thread-safe inventory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "providers/common/network_refs.h"
#include "providers/provider.h"

namespace fw::providers::database {

// Each zone is one of the region's availability zones ("Invalid <attribute>: ..." otherwise).
Status RequireAvailabilityZones(const CallContext& ctx, const std::vector<std::string>& zones,
                                std::string_view attribute);

// `fixed` when given, after checking it is a usable, free host of the subnet; else a free
// address from a random place on (the first ten and the last two addresses are kept for
// gateways, DHCP and DNS, as the real services do). Hold AddressLock() until the item
// recording it in "_ports" is stored.
Result<std::string> AllocatePrivateIp(const CallContext& ctx, const SubnetRef& subnet,
                                      const std::string& fixed);

}  // namespace fw::providers::database
