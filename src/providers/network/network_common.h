// Shared parts of the network family (VPC, subnet, security group, EIP, NAT, ELB): the inventory
// type names (vpc.vpc, vpc.subnet, vpc.secgroup and vpc.eip are in
// providers/common/network_refs.h, as other families refer to them), tag and data-source
// helpers, planning of nested blocks, and StoredResourceType, the base of every network
// resource: a StoredType (providers/common/stored_type.h) that plans nested blocks.
//
// Thread-safety: types are immutable; every function is safe from any thread.
#pragma once

#include <chrono>
#include <mutex>
#include <cstdint>
#include <optional>
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

namespace fw::providers::network {

// Inventory types of this family.
inline constexpr std::string_view kSecgroupRuleType = "vpc.secgroup_rule";
inline constexpr std::string_view kNatGatewayType = "nat.gateway";
inline constexpr std::string_view kSnatRuleType = "nat.snat_rule";
inline constexpr std::string_view kLoadbalancerType = "elb.loadbalancer";

// --- Inventory bodies ---
// Whether the stored `tags` hold every key/value of `wanted` (a map(string) value; null: yes).
bool TagsMatch(const boost::json::object& body, const hcl::Value& wanted);
// A stable id for a data source's result: a hex digest of the parts.
std::string DataSourceId(const std::vector<std::string>& parts);

// Planning that also handles nested blocks: documented defaults of nested attributes, and their
// computed attributes taken from the prior state (same block index) or unknown.
hcl::Value PlanWithNestedBlocks(const Schema& schema, const hcl::Value& prior,
                                const hcl::Value& config);

// The base of the network family's resources: a StoredType whose planning fills nested blocks'
// defaults and computed attributes (PlanWithNestedBlocks).
class StoredResourceType : public StoredType {
 public:
  using StoredType::StoredType;
  hcl::Value Plan(const hcl::Value& prior, const hcl::Value& config) const override {
    return PlanWithNestedBlocks(schema(), prior, config);
  }
};

// Common schema pieces.
Attr RegionAttr();                           // region: optional, computed, force-new
Attr TagsAttr();                             // tags: optional map(string)
Attr EnterpriseProjectAttr();                // enterprise_project_id: optional, computed, new
ValueCheck NoAngleBrackets(size_t max_len);  // descriptions

}  // namespace fw::providers::network
