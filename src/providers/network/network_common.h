// Shared parts of the network family (VPC, subnet, security group, EIP, NAT, ELB): the inventory
// type names, value accessors, reference lookups within the caller's project, and
// StoredResourceType, the base of every network resource: its state is one inventory item whose
// body is the state object as JSON (attribute names as keys, so other modules can read
// body["cidr"], body["vpc_id"]...).
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
#include "providers/provider.h"

namespace fw::providers::network {

// Inventory types of this family.
inline constexpr std::string_view kVpcType = "vpc.vpc";
inline constexpr std::string_view kSubnetType = "vpc.subnet";
inline constexpr std::string_view kSecgroupType = "vpc.secgroup";
inline constexpr std::string_view kSecgroupRuleType = "vpc.secgroup_rule";
inline constexpr std::string_view kEipType = "vpc.eip";
inline constexpr std::string_view kNatGatewayType = "nat.gateway";
inline constexpr std::string_view kSnatRuleType = "nat.snat_rule";
inline constexpr std::string_view kLoadbalancerType = "elb.loadbalancer";

// --- Value accessors (null, unknown or absent read as empty / nullopt / the fallback) ---
std::string GetString(const hcl::Value& obj, std::string_view attr);
std::optional<int64_t> GetInt(const hcl::Value& obj, std::string_view attr);
bool GetBool(const hcl::Value& obj, std::string_view attr, bool fallback);
std::vector<std::string> GetStrings(const hcl::Value& obj, std::string_view attr);
// `obj` with the given attributes replaced (or added).
hcl::Value WithAttrs(const hcl::Value& obj, std::vector<std::pair<std::string, hcl::Value>> attrs);
hcl::Value StringList(const std::vector<std::string>& items);
// `region` from the configuration, else the context's.
std::string RegionOf(const CallContext& ctx, const hcl::Value& planned);

// --- Inventory bodies ---
// The state object as an inventory body, and back (keys starting with '_' are bookkeeping).
Result<boost::json::object> StateToBody(const hcl::Value& state, const hcl::Type& type);
Result<hcl::Value> BodyToState(const boost::json::object& body, const hcl::Type& type);
// A string field of a stored body ("" when absent).
std::string BodyString(const boost::json::object& body, std::string_view key);
// A map(string) field of a stored body (an empty map when absent or null).
hcl::Value BodyStringMap(const boost::json::object& body, std::string_view key);
// Whether the stored `tags` hold every key/value of `wanted` (a map(string) value; null: yes).
bool TagsMatch(const boost::json::object& body, const hcl::Value& wanted);
// A stable id for a data source's result: a hex digest of the parts.
std::string DataSourceId(const std::vector<std::string>& parts);

// The resource `id` of `type` in the caller's project; kNotFound naming `what` ("VPC") when it
// does not exist there (a resource of another project is as good as absent).
Result<cloud::InventoryItem> FindInProject(CallContext& ctx, std::string_view type,
                                           const std::string& id, std::string_view what);
// Every resource of `type` in the caller's project.
Result<std::vector<cloud::InventoryItem>> ListInProject(CallContext& ctx, std::string_view type);

// Planning that also handles nested blocks: documented defaults of nested attributes, and their
// computed attributes taken from the prior state (same block index) or unknown.
hcl::Value PlanWithNestedBlocks(const Schema& schema, const hcl::Value& prior,
                                const hcl::Value& config);

// A resource type stored as one inventory item.
//
// Create first looks for the item an earlier attempt with the same idempotency key made and
// returns its state (so the checks of CreateNew, e.g. "no overlapping subnet", never trip over
// the resource itself); otherwise it calls CreateNew. Update records FillUnknownsFrom(planned,
// prior) after ValidateUpdate; Delete calls CheckDelete, then removes the item; Read decodes
// the stored state (through Refresh) or gives nullopt when it is gone.
class StoredResourceType : public ResourceType {
 public:
  StoredResourceType(std::string name, std::string_view inventory_type, Schema schema);

  std::string_view name() const override { return name_; }
  const Schema& schema() const override { return schema_; }
  hcl::Value Plan(const hcl::Value& prior, const hcl::Value& config) const override;
  Result<hcl::Value> Create(CallContext& ctx, const hcl::Value& planned) const override;
  Result<hcl::Value> Update(CallContext& ctx, const hcl::Value& prior,
                            const hcl::Value& planned) const override;
  Status Delete(CallContext& ctx, const hcl::Value& state) const override;
  Result<std::optional<hcl::Value>> Read(CallContext& ctx,
                                         const hcl::Value& state) const override;

 protected:
  // Checks against the cloud and builds the complete state; then calls Store.
  virtual Result<hcl::Value> CreateNew(CallContext& ctx, const hcl::Value& planned) const = 0;
  // Checks an in-place update against the cloud (`next` is complete).
  virtual Status ValidateUpdate(CallContext& ctx, const hcl::Value& prior,
                                const hcl::Value& next) const {
    return Status::Ok();
  }
  // Refuses a delete the real cloud refuses; may remove dependent items the cloud removes too.
  virtual Status CheckDelete(CallContext& ctx, const cloud::InventoryItem& item) const {
    return Status::Ok();
  }
  // The state to report for a stored item (e.g. lists computed from other items).
  virtual Result<hcl::Value> Refresh(CallContext& ctx, const hcl::Value& stored) const {
    return stored;
  }

  // Stores the complete `state` (its "id" and "name" attributes name the item) with the
  // context's idempotency key as client token, waits until it is ready and returns the state.
  // `extras` are bookkeeping fields ("_ports") stored beside the state; their keys start with
  // '_'. `held` (a check-then-store lock) is released once the item is stored, before waiting.
  Result<hcl::Value> Store(CallContext& ctx, const hcl::Value& state,
                           std::chrono::seconds real_duration, boost::json::object extras = {},
                           std::unique_lock<std::mutex> held = {}) const;
  // Replaces the stored state of an existing item (its bookkeeping fields are kept).
  Result<hcl::Value> Save(CallContext& ctx, const hcl::Value& state) const;
  const std::string& inventory_type() const { return inventory_type_; }
  hcl::Type state_type() const { return state_type_; }

 private:
  std::string name_;
  std::string inventory_type_;
  Schema schema_;
  hcl::Type state_type_;
};

// Common schema pieces.
Attr RegionAttr();                           // region: optional, computed, force-new
Attr TagsAttr();                             // tags: optional map(string)
Attr EnterpriseProjectAttr();                // enterprise_project_id: optional, computed, new
ValueCheck NoAngleBrackets(size_t max_len);  // descriptions

}  // namespace fw::providers::network
