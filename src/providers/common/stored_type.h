// Resources kept as one item of the simulated cloud's inventory, the convention every provider
// family shares: the item's body is the resource's state object as JSON, one field per
// attribute (so other modules can read body["cidr"], body["vpc_id"], body["status"]...), plus
// bookkeeping fields whose names start with '_' ("_ports", "_content_base64"), private to the
// types. Secrets the real APIs never return are not written to the body; reads take them from
// the state (or plan) they are given.
//
// The steps (free functions, for types that implement ResourceType themselves) and StoredType,
// the base class that puts them together.
//
// Thread-safety: types are immutable; every function is safe from any thread.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "cloud/inventory.h"
#include "hcl/value.h"
#include "providers/provider.h"
#include "providers/schema.h"

namespace fw::providers {

// --- Items of the caller's project ---
// The item of `type` with `id` when it exists in the caller's project (a resource of another
// project is as good as absent); nullopt otherwise (also for an empty id).
Result<std::optional<cloud::InventoryItem>> FindInProject(const CallContext& ctx,
                                                          std::string_view type,
                                                          const std::string& id);
// As FindInProject, but a missing item is kNotFound "The <what> <id> does not exist in this
// project." and an empty id kInvalidArgument.
Result<cloud::InventoryItem> RequireInProject(const CallContext& ctx, std::string_view type,
                                              const std::string& id, std::string_view what);
// Every item of `type` in the caller's project.
Result<std::vector<cloud::InventoryItem>> ListInProject(const CallContext& ctx,
                                                        std::string_view type);

// --- Bodies ---
// The state object as a body, and back (fields starting with '_' and fields the type does not
// have are skipped; attributes the body lacks, e.g. added to the schema later, read as null).
Result<boost::json::object> StateToBody(const hcl::Value& state, const hcl::Type& type);
Result<hcl::Value> BodyToState(const boost::json::object& body, const hcl::Type& type);
// The same, with the schema's sensitive attributes (in nested blocks too) left out of the body
// and, on the way back, copied from `prior` (the last known state, or the plan on create).
Result<boost::json::object> StateToBody(const Schema& schema, const hcl::Value& state);
Result<hcl::Value> StateFromBody(const Schema& schema, const boost::json::object& body,
                                 const hcl::Value& prior);
// Copies `from`'s bookkeeping fields (names starting with '_') that `to` lacks: an update keeps
// what the type recorded at creation.
void KeepPrivateFields(const boost::json::object& from, boost::json::object& to);

// --- Creating ---
// The item an earlier attempt of this call (same idempotency key) created, if any: the caller
// then skips its checks (the item would conflict with itself) and returns it.
Result<std::optional<cloud::InventoryItem>> CreatedEarlier(const CallContext& ctx,
                                                           std::string_view type);
// Creates the item in the caller's project with the call's idempotency key as client token.
Result<cloud::InventoryItem> CreateItem(const CallContext& ctx, std::string_view type,
                                        const std::string& id, const std::string& name,
                                        boost::json::object body,
                                        std::chrono::seconds real_duration,
                                        const std::string& parent_id = "");
// Whether the item's running operation (create, resize) is still in progress.
bool InProgress(const CallContext& ctx, const cloud::InventoryItem& item);
// The state `item` holds (StateFromBody), its `status` set to `busy_status` while the item's
// operation is still in progress.
Result<hcl::Value> StateWithProgress(const CallContext& ctx, const Schema& schema,
                                     const cloud::InventoryItem& item, const hcl::Value& prior,
                                     std::string_view busy_status);

// A resource type stored as one inventory item.
//
// Create first looks for the item an earlier attempt with the same idempotency key made and
// returns its state (so checks such as "name already used" or "no overlapping subnet" never
// trip over the resource itself); otherwise CreateNew checks the plan against the cloud, builds
// the complete state and calls Store. Update checks with ValidateUpdate and records
// FillUnknownsFrom(planned, prior); Delete calls CheckDelete, then removes the item; Read
// decodes the stored state (through Refresh) or gives nullopt when it is gone.
class StoredType : public ResourceType {
 public:
  // `unstored_attrs`: attributes never written to the inventory (e.g. admin_pass).
  StoredType(std::string name, std::string_view inventory_type, Schema schema,
             std::vector<std::string> unstored_attrs = {});

  std::string_view name() const override { return name_; }
  const Schema& schema() const override { return schema_; }
  Result<hcl::Value> Create(CallContext& ctx, const hcl::Value& planned) const override;
  Result<hcl::Value> Update(CallContext& ctx, const hcl::Value& prior,
                            const hcl::Value& planned) const override;
  Status Delete(CallContext& ctx, const hcl::Value& state) const override;
  Result<std::optional<hcl::Value>> Read(CallContext& ctx,
                                         const hcl::Value& state) const override;

 protected:
  // Checks against the cloud and builds the complete state; then calls Store.
  virtual Result<hcl::Value> CreateNew(CallContext& ctx, const hcl::Value& planned) const = 0;
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
  // The state to report for a stored one (e.g. lists computed from other items).
  virtual Result<hcl::Value> Refresh(CallContext& ctx, const hcl::Value& stored) const {
    return stored;
  }
  // The inventory id of the resource a state describes (default: its "id").
  virtual std::string ItemId(const CallContext& ctx, const hcl::Value& state) const;
  // The inventory item's name (fault rules match it; default: the "name" attribute).
  virtual std::string ItemName(const hcl::Value& state) const;
  // The item this one belongs to (a subnet's VPC), so siblings can be listed with
  // Inventory::ListChildren instead of a scan; default: none.
  virtual std::string ParentId(const hcl::Value& state) const { return ""; }
  // The message for an inventory id that is taken (default: a generic one).
  virtual std::string TakenMessage(const hcl::Value& state) const;

  // Stores the complete `state` with the context's idempotency key as client token, waits until
  // it is ready and returns the state. `extras` are bookkeeping fields ("_ports") stored beside
  // it, their keys starting with '_'. `held` (a check-then-store lock, e.g. AddressLock()) is
  // released once the item is stored, before waiting.
  Result<hcl::Value> Store(CallContext& ctx, const hcl::Value& state,
                           std::chrono::seconds real_duration, boost::json::object extras = {},
                           std::unique_lock<std::mutex> held = {}) const;
  // Replaces the stored state of an existing item (its bookkeeping fields are kept, `extras`
  // added) and waits `real_duration` (scaled) for the change.
  Result<hcl::Value> Save(CallContext& ctx, const hcl::Value& state,
                          const boost::json::object& extras = {},
                          std::chrono::seconds real_duration = std::chrono::seconds(0)) const;
  const std::string& inventory_type() const { return inventory_type_; }
  hcl::Type state_type() const { return state_type_; }

 private:
  // The stored state with the unstored attributes taken from `secrets`, through Refresh.
  Result<hcl::Value> Decode(CallContext& ctx, const cloud::InventoryItem& item,
                            const hcl::Value& secrets) const;
  Result<boost::json::object> Encode(const hcl::Value& state) const;

  std::string name_;
  std::string inventory_type_;
  Schema schema_;
  hcl::Type state_type_;
  std::vector<std::string> unstored_;
};

}  // namespace fw::providers
