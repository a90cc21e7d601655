// One resource instance's configuration: its address, its body decoded against the type's
// schema in the instance's scope (count.index / each.*), the schema and type checks, its region
// and the resource addresses it depends on.
//
// Thread-safety: reads the walk (completed nodes only); safe from executor workers.
#pragma once

#include <string>
#include <vector>

#include "engine/state.h"
#include "engine/walk.h"

namespace fw::engine {

InstanceAddress MakeAddress(const Node& node, const ModuleInstance& mi, const hcl::Value& key);

// The decoded (marked) configuration of instance `index` of `slot`.
hcl::Value DecodeInstance(const Walk& walk, const Node& node, const ModuleInstance& mi,
                          const ResourceSlot& slot, size_t index, const std::string& address,
                          hcl::Diagnostics& diags);

// The configuration's own `region` when set and known, else `provider_region`.
std::string InstanceRegion(const hcl::Value& config, const std::string& provider_region);

// The resource addresses (with module instance paths) `node` depends on, from instance `mi`.
std::vector<std::string> DependencyAddresses(const Walk& walk, const Node& node,
                                             const ModuleInstance& mi);

// The schema of a resource node (null for an unknown type).
const providers::Schema* NodeSchema(const Node& node);

}  // namespace fw::engine
