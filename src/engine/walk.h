// The evaluation graph shared by the planner and the executor: one node per configuration
// object (variable, local, output, module call, resource) of each module of the tree, edges
// from references, depends_on and module nesting, and the values computed while walking it,
// per module instance (count/for_each on module calls make several instances of a module).
//
// Thread-safety: built and expanded by one thread (the walker). During an apply, workers read
// the stores of nodes that are complete (published through the scheduler's mutex) and write
// only their own pre-sized instance slot; nothing else is shared.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/clock.h"
#include "config/model.h"
#include "engine/graph.h"
#include "hcl/diagnostics.h"
#include "hcl/functions/function.h"
#include "hcl/value.h"
#include "providers/provider.h"

namespace fw::engine {

enum class NodeKind { kVariable, kLocal, kOutput, kModuleCall, kResource };

// When an evaluation happens, for the functions whose results are not given by their arguments
// (hcl/functions/context_functions.h), as Terraform's plan and apply: while planning,
// timestamp(), uuid() and bcrypt() are unknown ("known after apply") and every call of
// plantimestamp() gives the plan's time; while applying, timestamp() reads the clock, uuid()
// and bcrypt() compute a new value per call, and plantimestamp() still gives the plan's time.
struct EvalPhase {
  const fw::Clock* clock = nullptr;         // the Target's cloud clock; null: the system clock
  bool planning = false;
  std::optional<TimePoint> plan_timestamp;  // none (validation): the clock's now
};

// The functions one module's expressions see: the built-ins, the file functions and
// templatefile over cfg.files, and the clock and impure functions per `phase`.
hcl::FunctionRegistry ModuleFunctions(const config::Config& cfg, const EvalPhase& phase);

// How count/for_each expanded something.
enum class Expansion { kSingle, kCount, kForEach };

struct ModuleInstance {
  const config::Config* cfg = nullptr;
  std::string path;  // "" for the root, "module.a[0].module.b"
  const ModuleInstance* parent = nullptr;
  int position = 0;  // index among the instances of cfg
  // The module call's count.index / each.key and each.value (null when not expanded).
  hcl::Value key;
  hcl::Value each_value;
  Expansion expansion = Expansion::kSingle;
};

// The instances of one resource in one module instance.
struct ResourceSlot {
  bool expanded = false;  // false: count/for_each unknown or failed
  Expansion expansion = Expansion::kSingle;
  std::vector<hcl::Value> keys;         // instance keys (null for kSingle)
  std::vector<hcl::Value> each_values;  // kForEach only
  std::vector<hcl::Value> values;       // the instance objects (marked); written per instance
  std::unordered_map<std::string, size_t> by_key;  // KeyString(key) -> index
  hcl::Value whole;  // the resource's value as references see it; built when complete
};

// The child instances one module call made in one parent instance.
struct CallSlot {
  Expansion expansion = Expansion::kSingle;
  std::vector<const ModuleInstance*> children;
  std::unordered_map<std::string, size_t> by_key;
};

struct Node {
  NodeKind kind = NodeKind::kLocal;
  const config::Config* cfg = nullptr;
  std::string name;     // variable/local/output/call name, or "type.name" ("data.type.name")
  std::string display;  // for cycles and messages: "module.net.local.a", "output.x"
  const config::Variable* variable = nullptr;
  const config::Local* local = nullptr;
  const config::Output* output = nullptr;
  const config::ModuleCall* call = nullptr;
  const config::Resource* resource = nullptr;
  const providers::ResourceType* resource_type = nullptr;  // managed resources
  const providers::DataSourceType* data_type = nullptr;    // data resources
  const config::ProviderConfig* provider_config = nullptr;  // the resource's provider block

  // Resource nodes this node depends on, directly or through values (set by
  // ComputeResourceDependencies).
  std::vector<int> resource_deps;

  // Values per module instance (by ModuleInstance::position).
  std::vector<hcl::Value> values;       // variables, locals, outputs
  std::vector<ResourceSlot> resources;  // resources
  std::vector<CallSlot> calls;          // module calls
};

// Names of one module's nodes.
struct ModuleNodes {
  std::unordered_map<std::string, int> variables, locals, outputs, calls;
  std::unordered_map<std::string, int> managed;  // "type.name"
  std::unordered_map<std::string, int> data;     // "type.name"
  std::unordered_map<std::string, std::vector<std::string>> names_by_type;  // managed type → names
  int call_node = -1;  // the parent's module call node (-1 for the root)
  std::vector<const ModuleInstance*> instances;
  std::unique_ptr<hcl::FunctionRegistry> functions;
};

class Walk {
 public:
  // Builds the nodes and edges of `config`. Unknown resource types are errors naming them.
  // Expressions are evaluated with the functions of `phase` (ModuleFunctions).
  Walk(const config::Config& config, const providers::Registry& registry, const EvalPhase& phase,
       hcl::Diagnostics& diags);

  const config::Config& root() const { return root_; }
  const providers::Registry& registry() const { return registry_; }
  Graph& graph() { return graph_; }
  Node& node(int id) { return nodes_[id]; }
  const Node& node(int id) const { return nodes_[id]; }
  size_t size() const { return nodes_.size(); }
  ModuleNodes& module(const config::Config* cfg) { return modules_.at(cfg); }
  const ModuleNodes& module(const config::Config* cfg) const { return modules_.at(cfg); }

  // Creates a module instance (the root's is made by the constructor).
  const ModuleInstance* AddInstance(ModuleInstance mi);

  // Sizes the stores of `node` for its module's instances (before evaluating it).
  void PrepareStore(int node);

  // Fills Node::resource_deps along a topological `order`.
  void ComputeResourceDependencies(const std::vector<int>& order);

  // Names the nodes of a cycle: "Cycle: local.a, local.b".
  std::string CycleText(const std::vector<int>& cycle) const;

  std::string cwd;  // path.cwd: the file source's working directory (the root module's)

 private:
  void AddModule(const config::Config& cfg, int call_node, const EvalPhase& phase,
                 hcl::Diagnostics& diags);
  void AddEdges(const config::Config& cfg, hcl::Diagnostics& diags);
  // The node a reference names in `cfg` (-1 when none, e.g. count.index).
  void ReferenceTargets(const config::Config& cfg, const hcl::Traversal& t,
                        std::vector<int>* out) const;
  void AddReferenceEdges(const config::Config& cfg, const std::vector<hcl::Traversal>& refs,
                         int to);

  const config::Config& root_;
  const providers::Registry& registry_;
  Graph graph_;
  std::deque<Node> nodes_;
  std::map<const config::Config*, ModuleNodes> modules_;
  std::deque<ModuleInstance> instances_;
};

// The provider block that configures `resource` in `cfg` (looked up in the module and then its
// ancestors); null when none.
const config::ProviderConfig* FindProviderConfig(const config::Config& cfg,
                                                 const config::Resource& resource,
                                                 const config::Config** where);

}  // namespace fw::engine
