// MakePlan (engine.h): refresh, walk the graph in topological order planning every instance,
// then deletions of what is no longer configured, then the root outputs.
#include <unordered_map>
#include <unordered_set>

#include "engine/cloud_calls.h"
#include "engine/diff.h"
#include "engine/engine.h"
#include "engine/instance_eval.h"
#include "engine/module_scope.h"
#include "engine/node_eval.h"
#include "engine/variables.h"
#include "hcl/ast.h"

namespace fw::engine {
namespace {

using hcl::Value;

const char kPreventDestroyDetail[] =
    " has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. "
    "To avoid this error and continue with the plan, either disable lifecycle.prevent_destroy "
    "or reduce the scope of the plan using the -target flag.";

State Refresh(const State& prior, const providers::Registry& registry, CloudCalls& calls,
              const Target& target, hcl::Diagnostics& diags) {
  State out = prior;
  std::vector<InstanceState*> todo;
  for (auto& [addr, s] : out.instances) {
    if (!s.address.data && registry.FindResource(s.address.type)) todo.push_back(&s);
  }
  std::vector<int> gone(todo.size(), 0);
  std::vector<std::string> errors(todo.size());
  ParallelFor(todo.size(), 10, [&](size_t i) {
    InstanceState& s = *todo[i];
    const providers::ResourceType* type = registry.FindResource(s.address.type);
    const std::string addr = s.address.String();
    auto ctx = calls.Context(s.region.empty() ? target.default_region : s.region, addr, "read");
    if (!ctx.ok()) {
      errors[i] = ctx.status().message();
      return;
    }
    auto read = type->Read(*ctx, s.attributes);
    if (!read.ok()) {
      errors[i] = read.status().message();
    } else if (!read->has_value()) {
      gone[i] = 1;
    } else {
      s.attributes = std::move(**read);
    }
  });
  for (size_t i = 0; i < todo.size(); ++i) {
    if (!errors[i].empty()) {
      diags.AddError("Error refreshing state",
                     todo[i]->address.String() + ": " + errors[i], std::nullopt);
    }
  }
  for (size_t i = 0; i < todo.size(); ++i) {
    if (gone[i]) out.instances.erase(todo[i]->address.String());
  }
  return out;
}

class Planner {
 public:
  Planner(Walk& walk, const State& prior, const Target& target, CloudCalls& calls, Plan& plan,
          hcl::Diagnostics& diags)
      : walk_(walk), prior_(prior), target_(target), calls_(calls), plan_(plan), diags_(diags) {}

  void Visit(int id) {
    if (walk_.node(id).kind != NodeKind::kResource) {
      EvaluateValueNode(walk_, id, plan_.variables, diags_);
      return;
    }
    walk_.PrepareStore(id);
    Node& n = walk_.node(id);
    if (!NodeSchema(n)) return;
    const std::string region = ProviderRegion(walk_, n, target_.default_region);
    const std::string provider = ProviderAddress(walk_.root(), *n.resource);
    for (const ModuleInstance* mi : walk_.module(n.cfg).instances) {
      ExpandResourceSlot(walk_, id, *mi, diags_);
      ResourceSlot& slot = n.resources[mi->position];
      if (!slot.expanded) continue;
      std::vector<std::string> deps = DependencyAddresses(walk_, n, *mi);
      for (size_t i = 0; i < slot.keys.size(); ++i) {
        InstanceAddress addr = MakeAddress(n, *mi, slot.keys[i]);
        std::string addr_text = addr.String();
        configured_.insert(addr_text);
        Value config = DecodeInstance(walk_, n, *mi, slot, i, addr_text, diags_);
        if (n.data_type) {
          slot.values[i] = PlanData(n, std::move(addr), addr_text, config, region, provider, deps);
        } else {
          slot.values[i] = PlanManaged(n, *mi, std::move(addr), addr_text, config, provider, deps);
        }
      }
      slot.whole = WholeResourceValue(slot);
    }
  }

  // Deletions of prior instances that are no longer configured.
  void PlanOrphans() {
    std::unordered_map<std::string, const ModuleInstance*> instances;
    for (const auto* cfg : AllConfigs(walk_.root())) {
      for (const ModuleInstance* mi : walk_.module(cfg).instances) instances[mi->path] = mi;
    }
    for (const auto& [addr, s] : prior_.instances) {
      if (s.address.data || configured_.count(addr)) continue;
      ResourceChange c;
      c.address = s.address;
      c.provider = s.provider;
      c.action = Action::kDelete;
      c.before = s.MarkedAttributes();
      c.dependencies = s.dependencies;
      c.reason = "delete_because_no_resource_config";
      auto mi = instances.find(s.address.module);
      if (mi != instances.end()) {
        const config::Module& mod = *mi->second->cfg->module;
        if (mod.FindResource(config::ResourceMode::kManaged, s.address.type, s.address.name)) {
          c.reason = s.address.key.IsKnown() && s.address.key.type() == hcl::Type::String()
                         ? "delete_because_each_key"
                         : "delete_because_count_index";
        }
      }
      plan_.changes.push_back(std::move(c));
    }
  }

  void PlanOutputs(const State& prior) {
    const ModuleNodes& root = walk_.module(&walk_.root());
    std::unordered_set<std::string> seen;
    for (const auto& [name, id] : root.outputs) {
      const Node& n = walk_.node(id);
      OutputChange oc;
      oc.name = name;
      oc.sensitive = n.output->sensitive;
      oc.after = n.values.empty() ? Value::DynamicUnknown() : n.values[0];
      seen.insert(name);
      auto it = prior.outputs.find(name);
      if (it == prior.outputs.end()) {
        oc.action = Action::kCreate;
      } else {
        oc.before = it->second.sensitive ? it->second.value.WithMarks(hcl::kSensitive)
                                         : it->second.value;
        oc.action = ValuesDiffer(it->second.value, oc.after.UnmarkDeep()) ? Action::kUpdate
                                                                          : Action::kNoOp;
      }
      plan_.outputs.push_back(std::move(oc));
    }
    for (const auto& [name, o] : prior.outputs) {
      if (seen.count(name)) continue;
      OutputChange oc;
      oc.name = name;
      oc.action = Action::kDelete;
      oc.sensitive = o.sensitive;
      oc.before = o.value;
      plan_.outputs.push_back(std::move(oc));
    }
  }

  static std::vector<const config::Config*> AllConfigs(const config::Config& root) {
    std::vector<const config::Config*> out{&root};
    for (size_t i = 0; i < out.size(); ++i) {
      for (const auto& [name, child] : out[i]->children) out.push_back(child.get());
    }
    return out;
  }

 private:
  Value PlanData(const Node& n, InstanceAddress addr, const std::string& addr_text,
                 const Value& config, const std::string& provider_region,
                 const std::string& provider, const std::vector<std::string>& deps) {
    const providers::Schema& schema = n.data_type->schema();
    Value plain = config.UnmarkDeep();
    bool deferred = !plain.IsWhollyKnown();
    for (const std::string& d : deps) deferred = deferred || Pending(d);
    if (!deferred && !diags_.HasErrors()) {
      auto ctx = calls_.Context(InstanceRegion(config, provider_region), addr_text, "read");
      if (!ctx.ok()) {
        diags_.AddError("Error reading data source", addr_text + ": " + ctx.status().message(),
                        n.resource->decl_range);
        return Value::DynamicUnknown();
      }
      auto read = n.data_type->Read(*ctx, plain);
      if (!read.ok()) {
        diags_.AddError("Error reading data source", addr_text + ": " + read.status().message(),
                        n.resource->decl_range);
        return Value::DynamicUnknown();
      }
      return MarkSensitive(schema.block, *read);
    }
    ResourceChange c;
    c.address = std::move(addr);
    c.provider = provider;
    c.action = Action::kRead;
    c.after = MarkSensitive(schema.block, providers::PlanFromSchema(schema, Value(), config));
    c.dependencies = deps;
    Value after = c.after;
    Record(std::move(c));
    return after;
  }

  Value PlanManaged(const Node& n, const ModuleInstance& mi, InstanceAddress addr,
                    const std::string& addr_text, const Value& config,
                    const std::string& provider, const std::vector<std::string>& deps) {
    const providers::ResourceType& type = *n.resource_type;
    const providers::Block& schema = type.schema().block;
    const config::Lifecycle& lc = n.resource->lifecycle;
    const InstanceState* prior = prior_.Find(addr_text);
    Value prior_value = prior ? prior->attributes : Value::Null(schema.ImpliedType());
    std::vector<hcl::PathMarks> marks;
    Value plain = config.UnmarkDeepWithPaths(&marks);
    plain = ApplyIgnoreChanges(lc, plain, prior ? prior->attributes : Value());
    Value planned = type.Plan(prior_value, plain);
    InstanceDiff d = DiffInstance(schema, prior ? prior->attributes : Value(), planned);
    ResourceChange c;
    if (prior && prior->tainted) {
      d.action = Action::kDeleteThenCreate;
      c.reason = "replace_because_tainted";
    } else if (prior && Triggered(n, mi)) {
      d.action = Action::kDeleteThenCreate;
      c.reason = "replace_by_triggers";
    }
    if (d.action == Action::kDeleteThenCreate) {
      planned = type.Plan(Value::Null(schema.ImpliedType()), plain);
      if (lc.create_before_destroy) d.action = Action::kCreateThenDelete;
      if (lc.prevent_destroy) {
        diags_.AddError("Instance cannot be destroyed",
                        "Resource " + addr_text + kPreventDestroyDetail, n.resource->decl_range);
      }
    }
    c.address = std::move(addr);
    c.provider = provider;
    c.action = d.action;
    c.replace_paths = std::move(d.replace_paths);
    c.before = prior ? prior->MarkedAttributes() : Value();
    c.after = MarkSensitive(schema, marks.empty() ? planned : planned.MarkWithPaths(marks));
    c.dependencies = deps;
    Value after = c.after;
    Record(std::move(c));
    return after;
  }

  // True when a resource named by replace_triggered_by has a planned change.
  bool Triggered(const Node& n, const ModuleInstance& mi) {
    for (const hcl::Expression* e : n.resource->lifecycle.replace_triggered_by) {
      for (const hcl::Traversal& t : hcl::Variables(*e)) {
        if (t.steps.size() < 2) continue;
        std::string prefix = mi.path.empty() ? "" : mi.path + ".";
        std::string raddr = prefix + std::string(t.RootName()) + "." + std::string(t.steps[1].name);
        if (t.steps.size() > 2 && t.steps[2].kind == hcl::StepKind::kIndex) {
          hcl::Value key = t.steps[2].key_is_string
                               ? Value::String(std::string(t.steps[2].name))
                               : Value::Int(std::stoll(std::string(t.steps[2].name)));
          if (Changing(raddr + KeyString(key))) return true;
        } else if (Pending(raddr)) {
          return true;
        }
      }
    }
    return false;
  }

  bool Changing(const std::string& instance_addr) const {
    auto it = index_.find(instance_addr);
    if (it == index_.end()) return false;
    Action a = plan_.changes[it->second].action;
    return a != Action::kNoOp && a != Action::kRead;
  }
  // True when some instance of resource `raddr` has a planned change.
  bool Pending(const std::string& raddr) const { return pending_resources_.count(raddr) > 0; }

  void Record(ResourceChange c) {
    std::string addr = c.address.String();
    if (c.action != Action::kNoOp) pending_resources_.insert(c.address.ResourceAddress());
    index_[addr] = plan_.changes.size();
    plan_.changes.push_back(std::move(c));
  }

  Walk& walk_;
  const State& prior_;
  const Target& target_;
  CloudCalls& calls_;
  Plan& plan_;
  hcl::Diagnostics& diags_;
  std::unordered_set<std::string> configured_;
  std::unordered_map<std::string, size_t> index_;
  std::unordered_set<std::string> pending_resources_;
};

void PlanDestroy(const config::Config& config, const State& state, Plan& plan,
                 hcl::Diagnostics& diags) {
  for (const auto& [addr, s] : state.instances) {
    if (s.address.data) continue;
    ResourceChange c;
    c.address = s.address;
    c.provider = s.provider;
    c.action = Action::kDelete;
    c.before = s.MarkedAttributes();
    c.dependencies = s.dependencies;
    plan.changes.push_back(std::move(c));
  }
  for (const auto& [name, o] : state.outputs) {
    OutputChange oc;
    oc.name = name;
    oc.action = Action::kDelete;
    oc.sensitive = o.sensitive;
    oc.before = o.value;
    plan.outputs.push_back(std::move(oc));
  }
  (void)config;
  (void)diags;
}

}  // namespace

PlanResult MakePlan(const config::Config& config, const State& prior, const PlanOptions& options,
                    const Target& target) {
  PlanResult out;
  Plan& plan = out.plan;
  hcl::Diagnostics& diags = out.diags;
  const providers::Registry& registry =
      target.registry ? *target.registry : providers::Registry::Builtin();
  plan.destroy = options.destroy;
  const TargetClock clock(target);
  plan.timestamp = options.timestamp.value_or(clock.Now());
  plan.prior_serial = prior.serial;
  plan.prior_lineage = prior.lineage;
  plan.variables = ResolveRootVariables(*config.module, options, diags);
  CloudCalls calls(target, config.files.get());
  State refreshed = options.refresh ? Refresh(prior, registry, calls, target, diags) : prior;
  if (diags.HasErrors()) return out;
  if (options.destroy) {
    PlanDestroy(config, refreshed, plan, diags);
  } else {
    Walk walk(config, registry,
              EvalPhase{.clock = &clock, .planning = true, .plan_timestamp = plan.timestamp},
              diags);
    if (diags.HasErrors()) return out;
    std::vector<int> order, cycle;
    if (!walk.graph().TopologicalOrder(&order, &cycle)) {
      diags.AddError(walk.CycleText(cycle), "", std::nullopt);
      return out;
    }
    walk.ComputeResourceDependencies(order);
    Planner planner(walk, refreshed, target, calls, plan, diags);
    for (int id : order) planner.Visit(id);
    planner.PlanOrphans();
    planner.PlanOutputs(prior);
  }
  std::sort(plan.changes.begin(), plan.changes.end(),
            [](const ResourceChange& a, const ResourceChange& b) { return a.address < b.address; });
  return out;
}

}  // namespace fw::engine
