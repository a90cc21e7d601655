// Shared parts of the compute family (ECS, KPS, EVS, OBS, SFS Turbo, flavors, images): inventory
// type names, time and base64 formats, availability zones and schema pieces. Every compute
// resource is a StoredType (providers/common/stored_type.h: its state is one inventory item
// whose body is the state object as JSON, plus bookkeeping keys starting with '_', e.g.
// "_ports", "_content_base64"; admin_pass is never written to the inventory). Value accessors:
// providers/common/values.h; network references: providers/common/network_refs.h.
//
// Thread-safety: types are immutable; every function is safe from any thread.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cloud/inventory.h"
#include "hcl/value.h"
#include "providers/common/network_refs.h"
#include "providers/common/stored_type.h"
#include "providers/common/values.h"
#include "providers/provider.h"

namespace fw::providers::compute {

// Inventory types of this family.
inline constexpr std::string_view kServerType = "ecs.server";
inline constexpr std::string_view kKeypairType = "kps.keypair";
inline constexpr std::string_view kVolumeType = "evs.volume";
inline constexpr std::string_view kBucketType = "obs.bucket";
inline constexpr std::string_view kObjectType = "obs.object";
inline constexpr std::string_view kTurboType = "sfs.turbo";

// RFC 3339 to the second, UTC ("2024-01-03T03:04:05Z").
std::string Rfc3339(TimePoint t);


// The inventory id of a key pair: key pair names are unique per project.
std::string KeypairItemId(const std::string& project_id, const std::string& name);

// Availability zone: the configured one (checked against the region), else the region's first.
Result<std::string> ResolveAvailabilityZone(const CallContext& ctx, const std::string& region,
                                            const std::string& configured);

// A private address of the subnet for an ECS NIC or an SFS Turbo file system (the lowest free
// one, or `wanted` after checks), by the shared allocator (providers/common/subnet_addresses.h;
// hold AddressLock() until the item is stored). `picked` holds addresses taken earlier in the
// same call.
Result<std::string> AllocateAddress(const CallContext& ctx, const SubnetRef& subnet,
                                    const std::string& wanted, std::set<uint32_t>& picked);

// Common schema pieces.
Attr RegionAttr();             // region: optional, computed, force-new
Attr TagsAttr();               // tags: optional map(string)
Attr EnterpriseProjectAttr();  // enterprise_project_id: optional, computed, force-new
Attr ChargingModeAttr();       // charging_mode: prePaid/postPaid, optional, computed, force-new
ValueCheck NoAngleBrackets(size_t max_len);  // descriptions

}  // namespace fw::providers::compute
