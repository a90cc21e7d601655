// Private IPv4 addresses inside subnets, shared by every family that takes them (ECS NICs, SFS
// Turbo, RDS, DCS, CCE nodes and clusters, dedicated ELBs). An inventory item that holds
// addresses records them in its body as
//   "_ports": [{"subnet_id": "<the subnet's id>", "ip": "192.168.0.10"}]
// so any type sees what is taken, and a subnet is not deleted while ports are in it.
//
// Thread-safety: functions over the thread-safe inventory. Hold AddressLock() (one lock for all
// families) from choosing an address until the item holding it is stored, so two creations
// never pick the same one.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "base/status.h"
#include "providers/common/network_refs.h"
#include "providers/provider.h"

namespace fw::providers {

// The inventory types whose items record "_ports".
inline constexpr std::string_view kPortRecordingTypes[] = {
    "ecs.server", "sfs.turbo",   "rds.instance",    "dcs.instance",
    "cce.node",   "cce.cluster", "elb.loadbalancer"};

// The addresses recorded as taken in the subnet with item id `subnet_id`.
Result<std::set<uint32_t>> TakenAddresses(const CallContext& ctx, const std::string& subnet_id);
// The id of some item holding an address in the subnet, or "" when none does.
Result<std::string> SomePortUser(const CallContext& ctx, const std::string& subnet_id);
// Appends {"subnet_id", "ip"} to body["_ports"] (nothing when `ip` is empty).
void RecordPort(boost::json::object& body, const std::string& subnet_id, const std::string& ip);
// The lock for check-then-store sequences over addresses and CIDRs.
std::unique_lock<std::mutex> AddressLock();

// Which host addresses of a subnet a service gives out (offsets from the network address; the
// gateway is never given out). The real services differ a little.
struct AddressRules {
  uint64_t first_fixed = 2;  // a configured address: offset ≥ first_fixed …
  uint64_t tail_fixed = 3;   // … and not one of the last tail_fixed addresses
  uint64_t first_auto = 2;   // an allocated one: offset ≥ min(first_auto, size / 4) …
  uint64_t tail_auto = 3;    // … not one of the last tail_auto
  bool random_start = false;  // lowest free one, or from a random place on
};

// Why an address was refused; the caller's service words the message.
enum class AddressRefusal { kMalformed, kOutside, kReserved, kTaken, kExhausted };
using AddressError =
    std::function<Status(AddressRefusal, const std::string& wanted, const SubnetRef& subnet)>;

// `wanted` (a configured address) after checking it is a usable, free host of the subnet, or a
// free one by `rules`. Taken: what TakenAddresses gives, plus `also_taken` (addresses picked
// earlier in the same call, when given; the result is added to it).
Result<std::string> AllocateAddress(const CallContext& ctx, const SubnetRef& subnet,
                                    const std::string& wanted, const AddressRules& rules,
                                    const AddressError& error,
                                    std::set<uint32_t>* also_taken = nullptr);

}  // namespace fw::providers
