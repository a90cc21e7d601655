// How the database family keeps a resource in the simulated cloud's inventory: the resource's
// state (minus sensitive attributes, which the real APIs never return) is the item's body, one
// JSON field per attribute, so other parts of Formwork can read "status", "vpc_id"... directly.
// Fields whose names start with '_' are private to the type (e.g. an allocated address).
//
// Also the steps every inventory-backed type shares: find an item of the caller's project,
// create one idempotently under the call's client token, wait for it to be ready.
//
// Thread-safety: pure functions over thread-safe cloud services.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <optional>
#include <string>

#include "base/status.h"
#include "cloud/inventory.h"
#include "hcl/value.h"
#include "providers/provider.h"
#include "providers/schema.h"

namespace fw::providers::database {

// The body of an inventory item holding `state` (sensitive attributes removed).
Result<boost::json::object> StateToBody(const Schema& schema, const hcl::Value& state);
// The state held in `body`, with sensitive attributes copied from `prior` (the last state
// Terraform knew, or the planned value on create).
Result<hcl::Value> StateFromBody(const Schema& schema, const boost::json::object& body,
                                 const hcl::Value& prior);

// Copies `from`'s private fields (names starting with '_') that `to` lacks: an update keeps
// what the type recorded at creation.
void KeepPrivateFields(const boost::json::object& from, boost::json::object& to);

// The item of `type` with `id` when it exists in the caller's project; nullopt otherwise.
Result<std::optional<cloud::InventoryItem>> FindInProject(const CallContext& ctx,
                                                          const std::string& type,
                                                          const std::string& id);
// As FindInProject, but a missing item is kNotFound "<what> <id> does not exist ...".
Result<cloud::InventoryItem> RequireInProject(const CallContext& ctx, const std::string& type,
                                              const std::string& id, std::string_view what);

// True when an earlier attempt of this call (same idempotency key) already created the item:
// the caller then skips its checks (the item would conflict with itself) and lets Create
// return it.
Result<bool> AlreadyCreated(const CallContext& ctx, const std::string& type);

// Creates the item in the caller's project with the call's idempotency key as client token.
Result<cloud::InventoryItem> CreateItem(const CallContext& ctx, const std::string& type,
                                        const std::string& id, const std::string& name,
                                        boost::json::object body,
                                        std::chrono::seconds real_duration);

// Whether the item's running operation (create, resize) is still in progress.
bool InProgress(const CallContext& ctx, const cloud::InventoryItem& item);

}  // namespace fw::providers::database
