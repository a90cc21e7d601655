// Shared parts of the compute family (ECS, KPS, EVS, OBS, SFS Turbo, flavors, images): inventory
// type names, value accessors, reference lookups within the caller's project, and StoredType,
// the base of every compute resource: its state is one inventory item whose body is the state
// object as JSON (attribute names as keys, so other modules can read body["size"]...), plus
// bookkeeping keys starting with '_' (e.g. "_ports", "_content_base64").
//
// Secrets: attributes a type lists as "not kept by the cloud" (admin_pass) are never written to
// the inventory; Read and idempotent retries take them from the state or plan they are given.
//
// Thread-safety: types are immutable; every function is safe from any thread.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cloud/inventory.h"
#include "hcl/value.h"
#include "providers/provider.h"

namespace fw::providers::compute {

// Inventory types of this family.
inline constexpr std::string_view kServerType = "ecs.server";
inline constexpr std::string_view kKeypairType = "kps.keypair";
inline constexpr std::string_view kVolumeType = "evs.volume";
inline constexpr std::string_view kBucketType = "obs.bucket";
inline constexpr std::string_view kObjectType = "obs.object";
inline constexpr std::string_view kTurboType = "sfs.turbo";
// Inventory types of the network family this one refers to.
inline constexpr std::string_view kVpcType = "vpc.vpc";
inline constexpr std::string_view kSubnetType = "vpc.subnet";
inline constexpr std::string_view kSecgroupType = "vpc.secgroup";
inline constexpr std::string_view kEipType = "vpc.eip";

// --- Value accessors (null, unknown or absent read as empty / nullopt / the fallback) ---
std::string GetString(const hcl::Value& obj, std::string_view attr);
std::optional<int64_t> GetInt(const hcl::Value& obj, std::string_view attr);
bool GetBool(const hcl::Value& obj, std::string_view attr, bool fallback);
std::vector<std::string> GetStrings(const hcl::Value& obj, std::string_view attr);
// True when the attribute is present, known and not null.
bool IsSet(const hcl::Value& obj, std::string_view attr);
// `obj` with the given attributes replaced (or added).
hcl::Value WithAttrs(const hcl::Value& obj, std::vector<std::pair<std::string, hcl::Value>> attrs);
hcl::Value StringList(const std::vector<std::string>& items);
// The attribute, or `fallback` when it is null or unknown.
hcl::Value OrElse(const hcl::Value& obj, std::string_view attr, hcl::Value fallback);
// `region` from the plan, else the context's.
std::string RegionOf(const CallContext& ctx, const hcl::Value& planned);
// RFC 3339 to the second, UTC ("2024-01-03T03:04:05Z").
std::string Rfc3339(TimePoint t);

// Standard base64 (padding optional, no whitespace); nullopt when malformed.
std::optional<std::string> Base64Decode(std::string_view text);

// --- Inventory bodies ---
Result<boost::json::object> StateToBody(const hcl::Value& state, const hcl::Type& type);
Result<hcl::Value> BodyToState(const boost::json::object& body, const hcl::Type& type);
std::string BodyString(const boost::json::object& body, std::string_view key);

// The resource `id` of `type` in the caller's project; kNotFound naming `what` ("subnet") when
// it does not exist there (a resource of another project is as good as absent).
Result<cloud::InventoryItem> FindInProject(CallContext& ctx, std::string_view type,
                                           const std::string& id, std::string_view what);
Result<std::vector<cloud::InventoryItem>> ListInProject(CallContext& ctx, std::string_view type);

// The inventory id of a key pair: key pair names are unique per project.
std::string KeypairItemId(const std::string& project_id, const std::string& name);

// Availability zone: the configured one (checked against the region), else the region's first.
Result<std::string> ResolveAvailabilityZone(const CallContext& ctx, const std::string& region,
                                            const std::string& configured);

// A resource type stored as one inventory item.
//
// Create first looks for the item an earlier attempt with the same idempotency key made and
// returns its state (so checks such as "name already used" never trip over the resource
// itself); otherwise Build checks the plan against the cloud and gives the complete state,
// which is stored with the idempotency key as client token. Update checks with ValidateUpdate
// and records FillUnknownsFrom(planned, prior); Delete calls CheckDelete, then removes the item;
// Read decodes the stored state or gives nullopt when it is gone.
class StoredType : public ResourceType {
 public:
  StoredType(std::string name, std::string_view inventory_type, Schema schema,
             std::vector<std::string> unstored_attrs = {});

  std::string_view name() const override { return name_; }
  const Schema& schema() const override { return schema_; }
  Result<hcl::Value> Create(CallContext& ctx, const hcl::Value& planned) const final;
  Result<hcl::Value> Update(CallContext& ctx, const hcl::Value& prior,
                            const hcl::Value& planned) const override;
  Status Delete(CallContext& ctx, const hcl::Value& state) const override;
  Result<std::optional<hcl::Value>> Read(CallContext& ctx,
                                         const hcl::Value& state) const override;

 protected:
  // What Build gives: the complete state, extra body keys, how long creation takes.
  struct Built {
    hcl::Value state;
    boost::json::object extras;  // bookkeeping keys, each starting with '_'
    std::chrono::seconds real_duration{0};
  };
  virtual Result<Built> Build(CallContext& ctx, const hcl::Value& planned) const = 0;
  // Checks an in-place update against the cloud (`next` is complete); may add bookkeeping.
  virtual Status ValidateUpdate(CallContext& ctx, const hcl::Value& prior,
                                const hcl::Value& next, boost::json::object& extras) const {
    return Status::Ok();
  }
  // Refuses a delete the real cloud refuses; may remove dependent items the cloud removes too.
  virtual Status CheckDelete(CallContext& ctx, const cloud::InventoryItem& item,
                             const hcl::Value& state) const {
    return Status::Ok();
  }
  // The inventory id of the resource a state describes (default: its "id").
  virtual std::string ItemId(const CallContext& ctx, const hcl::Value& state) const;
  // The inventory item's name (fault rules match it; default: the "name" attribute).
  virtual std::string ItemName(const hcl::Value& state) const;
  // The message for an inventory id that is taken (default: a generic one).
  virtual std::string TakenMessage(const hcl::Value& state) const;
  // The lock held from Build to the end of storing (e.g. IP address allocation); none by
  // default.
  virtual std::unique_lock<std::mutex> CreateLock() const { return {}; }

  Result<hcl::Value> Save(CallContext& ctx, const hcl::Value& state,
                          const boost::json::object& extras,
                          std::chrono::seconds real_duration = std::chrono::seconds(0)) const;
  const std::string& inventory_type() const { return inventory_type_; }
  hcl::Type state_type() const { return state_type_; }

 private:
  Result<hcl::Value> Decode(const cloud::InventoryItem& item, const hcl::Value& secrets) const;
  Result<boost::json::object> Encode(const hcl::Value& state) const;

  std::string name_;
  std::string inventory_type_;
  Schema schema_;
  hcl::Type state_type_;
  std::vector<std::string> unstored_;
};

// Common schema pieces.
Attr RegionAttr();             // region: optional, computed, force-new
Attr TagsAttr();               // tags: optional map(string)
Attr EnterpriseProjectAttr();  // enterprise_project_id: optional, computed, force-new
Attr ChargingModeAttr();       // charging_mode: prePaid/postPaid, optional, computed, force-new
ValueCheck NoAngleBrackets(size_t max_len);  // descriptions

}  // namespace fw::providers::compute
