// Private addresses taken in subnets, by the convention the provider families share: an
// inventory item that holds addresses records them in its body as
// "_ports": [{"subnet_id": "<the subnet's id>", "ip": "192.168.0.10"}] (ECS servers, SFS Turbo,
// RDS, DCS, CCE, and this family's load balancers).
//
// Thread-safety: functions over the thread-safe inventory; hold AddressLock() from choosing an
// address until the item holding it is stored.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>

#include "providers/provider.h"

namespace fw::providers::network {

// The addresses recorded as taken in the subnet with item id `subnet_id`.
Result<std::set<uint32_t>> TakenAddresses(CallContext& ctx, const std::string& subnet_id);
// The id of some item holding an address in the subnet, or "" when none does.
Result<std::string> SomePortUser(CallContext& ctx, const std::string& subnet_id);
// Appends {"subnet_id", "ip"} to body["_ports"].
void RecordPort(boost::json::object& body, const std::string& subnet_id, const std::string& ip);
// The family's lock for check-then-store sequences over addresses and CIDRs (ELB and EIP
// addresses, subnet overlap): held from the check until the item is stored.
std::unique_lock<std::mutex> AddressLock();

}  // namespace fw::providers::network
