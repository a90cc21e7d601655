// The simulated cloud's generic inventory: every resource that has no service of its own (VPCs,
// subnets, security groups, ECS instances, EVS volumes, OBS buckets, RDS/DCS instances, CCE
// clusters...) is a row of the store's cloud_resources table with its fields as JSON. The
// resource types in src/providers/ give the rows their meaning; this class gives them
// idempotent creation, optimistic updates, readiness by clock, and fault rules.
//
// Idempotency: Create with a non-empty client token returns the resource that an earlier call
// with the same (project, type, token) created, so a deployment that crashed after the cloud
// created a resource but before it recorded the fact finds the same resource on retry instead of
// making a second one. Callers derive tokens from what they are doing (deployment id + resource
// address), never from randomness.
//
// Thread-safety: safe from any thread; every method blocks on the store.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "cloud/faults.h"
#include "cloud/provisioning.h"
#include "store/store.h"

namespace fw::cloud {

// One resource of the inventory, decoded.
struct InventoryItem {
  std::string id;
  std::string project_id;
  std::string type;  // "vpc.vpc", "ecs.server", ... (service.kind)
  std::string name;
  boost::json::object body;  // the resource's own fields
  TimePoint created_at;
  TimePoint updated_at;
  // When the operation in progress (create, update) is done; the resource is ready at and after
  // it (see provisioning.h). Stored in the body as "_ready_at" (microseconds since the epoch).
  TimePoint ready_at;
  int64_t version = 0;
  std::string parent_id;  // see NewItem::parent_id
};

struct NewItem {
  std::string id;  // the id in the real cloud's format, chosen by the caller
  std::string project_id;
  std::string type;
  std::string name;
  boost::json::object body;
  std::string client_token;             // empty: not idempotent
  std::chrono::seconds real_duration{};  // how long creation takes in the real cloud
  // The resource this one belongs to (a subnet's VPC id), for ListChildren; "" when none.
  std::string parent_id;
};

class Inventory {
 public:
  Inventory(store::Store& store, const Provisioning& provisioning, FaultInjector& faults);

  // Creates the resource, or returns the one an earlier call with the same client token made.
  // Fault rules are consulted with service and kind taken from `type` ("vpc.vpc" → "vpc",
  // "vpc") and operation "create"; a fired rule fails the call with the rule's code and
  // message and creates nothing.
  Result<InventoryItem> Create(const NewItem& item);
  Result<std::optional<InventoryItem>> Get(const std::string& type, const std::string& id);
  // The resource an earlier Create with this client token made (indexed: no scan).
  Result<std::optional<InventoryItem>> FindByClientToken(const std::string& project_id,
                                                         const std::string& type,
                                                         const std::string& token);
  // Resources of `type` created with `parent_id` (a VPC's subnets), oldest first (indexed).
  Result<std::vector<InventoryItem>> ListChildren(const std::string& type,
                                                  const std::string& parent_id);
  // All resources of a type in a project, oldest first.
  Result<std::vector<InventoryItem>> List(const std::string& project_id, const std::string& type);
  // Replaces name and body; kConflict when someone else updated it since `item` was read.
  // Operation "update" for fault rules. `real_duration` moves ready_at forward.
  Result<InventoryItem> Update(const InventoryItem& item,
                               std::chrono::seconds real_duration = std::chrono::seconds(0));
  // Deletes the resource; deleting one that is already gone is OK (idempotent). Operation
  // "delete" for fault rules.
  Status Delete(const std::string& type, const std::string& id, const std::string& name = "");

  // Fires a fault rule for an operation the caller performs itself.
  Status CheckFault(std::string_view type, std::string_view operation, std::string_view name);

  const Provisioning& provisioning() const { return provisioning_; }
  store::Store& store() { return store_; }

 private:
  // Runs `query` in one read transaction and decodes its rows.
  Result<std::vector<InventoryItem>> ReadAll(
      const std::function<Result<std::vector<store::CloudResourceRecord>>(store::Repositories&)>&
          query);

  store::Store& store_;
  const Provisioning& provisioning_;
  FaultInjector& faults_;
};

}  // namespace fw::cloud
