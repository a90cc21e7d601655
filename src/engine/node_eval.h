// Evaluation of the nodes that are the same in planning and applying: variables, locals,
// outputs and module calls (for every instance of their module), and the expansion of a
// resource into its instances in one module instance.
//
// Thread-safety: called by the walker thread only; writes the node's own store.
#pragma once

#include <map>
#include <string>

#include "engine/expand.h"
#include "engine/walk.h"

namespace fw::engine {

// Evaluates a variable, local, output or module call node (all instances of its module).
// `root_variables` gives the root module's resolved variables.
void EvaluateValueNode(Walk& walk, int node,
                       const std::map<std::string, hcl::Value>& root_variables,
                       hcl::Diagnostics& diags);

// Evaluates count/for_each of resource `node` in `instance` into its slot (keys, sized values).
void ExpandResourceSlot(Walk& walk, int node, const ModuleInstance& instance,
                        hcl::Diagnostics& diags);

// The module path of a child instance: "module.a[0]".
std::string ChildPath(const ModuleInstance& parent, const std::string& call,
                      const hcl::Value& key);

// The region of a resource's instances when the configuration does not set `region`: the
// provider block's `region` (evaluated in its module's first instance), else `fallback`.
std::string ProviderRegion(const Walk& walk, const Node& node, const std::string& fallback);

}  // namespace fw::engine
