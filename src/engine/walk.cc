// Building the evaluation graph (walk.h).
#include "engine/walk.h"

#include <algorithm>

#include "hcl/ast.h"
#include "hcl/eval/evaluator.h"
#include "hcl/functions/context_functions.h"
#include "providers/decode_body.h"

namespace fw::engine {
namespace {

std::string Prefix(const config::Config& cfg) {
  std::string p = cfg.PathString();
  return p.empty() ? p : p + ".";
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

void AppendRefs(const hcl::Expression* e, std::vector<hcl::Traversal>* out) {
  if (!e) return;
  std::vector<hcl::Traversal> refs = hcl::Variables(*e);
  for (auto& r : refs) out->push_back(std::move(r));
}

}  // namespace

const config::ProviderConfig* FindProviderConfig(const config::Config& cfg,
                                                 const config::Resource& resource,
                                                 const config::Config** where) {
  std::string key = resource.ProviderName();
  if (resource.provider && !resource.provider->alias.empty()) {
    key += "." + resource.provider->alias;
  }
  for (const config::Config* c = &cfg; c; c = c->parent) {
    auto it = c->module->providers.find(key);
    if (it != c->module->providers.end()) {
      if (where) *where = c;
      return &it->second;
    }
  }
  return nullptr;
}

hcl::FunctionRegistry ModuleFunctions(const config::Config& cfg, const EvalPhase& phase) {
  hcl::FunctionRegistry base = hcl::FunctionRegistry::Builtins();
  hcl::FunctionContext context;
  context.files = cfg.files;
  context.clock = phase.clock;
  context.plan_time = phase.planning;
  context.plan_timestamp = phase.plan_timestamp;
  hcl::RegisterContextFunctions(&base, context);
  // templatefile over the same files; templates see the clock and impure functions too.
  return hcl::EvalFunctions(cfg.files, &base);
}

Walk::Walk(const config::Config& config, const providers::Registry& registry,
           const EvalPhase& phase, hcl::Diagnostics& diags)
    : root_(config), registry_(registry) {
  // Terraform's working directory is the root module's: the disk directory for the CLI, "." for
  // an in-memory template (which has no place on the server's disk to show).
  cwd = config.files ? config.files->WorkingDirectory() : ".";
  AddModule(config, -1, phase, diags);
  for (auto& [cfg, nodes] : modules_) AddEdges(*cfg, diags);
  graph_.Dedupe();
  ModuleInstance root;
  root.cfg = &config;
  AddInstance(std::move(root));
}

const ModuleInstance* Walk::AddInstance(ModuleInstance mi) {
  ModuleNodes& m = modules_.at(mi.cfg);
  mi.position = static_cast<int>(m.instances.size());
  instances_.push_back(std::move(mi));
  m.instances.push_back(&instances_.back());
  return &instances_.back();
}

void Walk::PrepareStore(int id) {
  Node& n = nodes_[id];
  size_t count = modules_.at(n.cfg).instances.size();
  switch (n.kind) {
    case NodeKind::kResource: n.resources.assign(count, ResourceSlot{}); break;
    case NodeKind::kModuleCall: n.calls.assign(count, CallSlot{}); break;
    default: n.values.assign(count, hcl::Value::DynamicUnknown()); break;
  }
}

void Walk::AddModule(const config::Config& cfg, int call_node, const EvalPhase& phase,
                     hcl::Diagnostics& diags) {
  ModuleNodes& m = modules_[&cfg];
  m.call_node = call_node;
  m.functions = std::make_unique<hcl::FunctionRegistry>(ModuleFunctions(cfg, phase));
  const std::string prefix = Prefix(cfg);
  auto add = [&](NodeKind kind, std::string name, std::string display) {
    int id = graph_.AddNode();
    nodes_.emplace_back();
    Node& n = nodes_.back();
    n.kind = kind;
    n.cfg = &cfg;
    n.name = std::move(name);
    n.display = prefix + display;
    if (call_node >= 0) graph_.AddEdge(call_node, id);
    return id;
  };
  const config::Module& mod = *cfg.module;
  for (const auto& [name, v] : mod.variables) {
    int id = add(NodeKind::kVariable, name, "var." + name);
    nodes_[id].variable = &v;
    m.variables[name] = id;
  }
  for (const auto& [name, l] : mod.locals) {
    int id = add(NodeKind::kLocal, name, "local." + name);
    nodes_[id].local = &l;
    m.locals[name] = id;
  }
  for (const auto& [name, o] : mod.outputs) {
    int id = add(NodeKind::kOutput, name, "output." + name);
    nodes_[id].output = &o;
    m.outputs[name] = id;
  }
  for (const auto* list : {&mod.managed_resources, &mod.data_resources}) {
    for (const auto& [key, r] : *list) {
      const bool data = r.mode == config::ResourceMode::kData;
      int id = add(NodeKind::kResource, (data ? "data." : "") + key, r.Address());
      Node& n = nodes_[id];
      n.resource = &r;
      n.provider_config = FindProviderConfig(cfg, r, nullptr);
      if (data) {
        n.data_type = registry_.FindDataSource(r.type);
        m.data[key] = id;
        if (!n.data_type) {
          diags.AddError("Invalid data source",
                         "The provider huaweicloud/huaweicloud does not support data source \"" +
                             r.type + "\". Supported data sources: " +
                             JoinNames(registry_.DataSourceNames()) + ".",
                         r.type_range);
        }
      } else {
        n.resource_type = registry_.FindResource(r.type);
        m.managed[key] = id;
        m.names_by_type[r.type].push_back(r.name);
        if (!n.resource_type) {
          diags.AddError("Invalid resource type",
                         "The provider huaweicloud/huaweicloud does not support resource type \"" +
                             r.type + "\". Supported resource types: " +
                             JoinNames(registry_.ResourceNames()) + ".",
                         r.type_range);
        }
      }
    }
  }
  for (const auto& [name, call] : mod.module_calls) {
    int id = add(NodeKind::kModuleCall, name, "module." + name);
    nodes_[id].call = &call;
    m.calls[name] = id;
  }
  for (const auto& [name, child] : cfg.children) {
    auto it = m.calls.find(name);
    if (it != m.calls.end()) AddModule(*child, it->second, phase, diags);
  }
}

void Walk::ReferenceTargets(const config::Config& cfg, const hcl::Traversal& t,
                            std::vector<int>* out) const {
  if (!t.IsAbsolute() || t.steps.size() < 2) return;
  const ModuleNodes& m = modules_.at(&cfg);
  std::string_view root = t.RootName();
  const hcl::TraversalStep& step1 = t.steps[1];
  const std::string s1n(step1.name);
  if (step1.kind != hcl::StepKind::kAttr) return;
  auto find = [&](const std::unordered_map<std::string, int>& map, const std::string& key) {
    auto it = map.find(key);
    if (it != map.end()) out->push_back(it->second);
  };
  if (root == "var") {
    find(m.variables, s1n);
  } else if (root == "local") {
    find(m.locals, s1n);
  } else if (root == "module") {
    find(m.calls, s1n);
    auto child = cfg.children.find(s1n);
    if (child == cfg.children.end()) return;
    const ModuleNodes& cm = modules_.at(child->second.get());
    size_t i = 2;
    if (i < t.steps.size() && t.steps[i].kind == hcl::StepKind::kIndex) ++i;
    if (i < t.steps.size() && t.steps[i].kind == hcl::StepKind::kAttr) {
      find(cm.outputs, std::string(t.steps[i].name));
    } else {
      for (const auto& [name, id] : cm.outputs) out->push_back(id);
    }
  } else if (root == "data") {
    if (t.steps.size() >= 3 && t.steps[2].kind == hcl::StepKind::kAttr) {
      find(m.data, s1n + "." + std::string(t.steps[2].name));
    }
  } else if (root != "count" && root != "each" && root != "path" && root != "terraform" &&
             root != "self") {
    find(m.managed, std::string(root) + "." + s1n);
  }
}

void Walk::AddReferenceEdges(const config::Config& cfg, const std::vector<hcl::Traversal>& refs,
                             int to) {
  std::vector<int> targets;
  for (const hcl::Traversal& t : refs) ReferenceTargets(cfg, t, &targets);
  for (int from : targets) {
    if (from != to) graph_.AddEdge(from, to);
  }
}

void Walk::AddEdges(const config::Config& cfg, hcl::Diagnostics& diags) {
  const ModuleNodes& m = modules_.at(&cfg);
  std::vector<hcl::Traversal> refs;
  for (const auto& [name, id] : m.locals) {
    refs.clear();
    AppendRefs(nodes_[id].local->expr, &refs);
    AddReferenceEdges(cfg, refs, id);
  }
  for (const auto& [name, id] : m.outputs) {
    refs.clear();
    const config::Output& o = *nodes_[id].output;
    AppendRefs(o.value, &refs);
    for (const auto& d : o.depends_on) refs.push_back(d);
    for (const auto& p : o.preconditions) AppendRefs(p.condition, &refs);
    AddReferenceEdges(cfg, refs, id);
  }
  for (const auto& [name, id] : m.calls) {
    refs.clear();
    const config::ModuleCall& c = *nodes_[id].call;
    AppendRefs(c.count, &refs);
    AppendRefs(c.for_each, &refs);
    for (const auto& d : c.depends_on) refs.push_back(d);
    AddReferenceEdges(cfg, refs, id);
    // The child's variables wait for the input expressions (evaluated in this module).
    auto child = cfg.children.find(name);
    if (child == cfg.children.end()) continue;
    const ModuleNodes& cm = modules_.at(child->second.get());
    for (const hcl::AttributeRef& in : c.inputs) {
      auto v = cm.variables.find(in.name);
      if (v == cm.variables.end()) continue;
      refs.clear();
      AppendRefs(in.expr, &refs);
      AddReferenceEdges(cfg, refs, v->second);
    }
  }
  for (const auto* map : {&m.managed, &m.data}) {
    for (const auto& [key, id] : *map) {
      Node& n = nodes_[id];
      const config::Resource& r = *n.resource;
      refs.clear();
      AppendRefs(r.count, &refs);
      AppendRefs(r.for_each, &refs);
      for (const auto& d : r.depends_on) refs.push_back(d);
      for (const hcl::Expression* e : r.lifecycle.replace_triggered_by) AppendRefs(e, &refs);
      const providers::Schema* schema = n.resource_type ? &n.resource_type->schema()
                                        : n.data_type   ? &n.data_type->schema()
                                                        : nullptr;
      if (schema && r.config) {
        for (auto& t : providers::BodyReferences(schema->block, *r.config)) {
          refs.push_back(std::move(t));
        }
      }
      AddReferenceEdges(cfg, refs, id);
      // The provider configuration's references (region = var.region), in its own module.
      const config::Config* where = nullptr;
      const config::ProviderConfig* pc = FindProviderConfig(cfg, r, &where);
      if (pc && pc->config) {
        hcl::Diagnostics ignored;
        refs.clear();
        for (const hcl::AttributeRef& a : pc->config->JustAttributes(ignored)) {
          AppendRefs(a.expr, &refs);
        }
        std::vector<int> targets;
        for (const auto& t : refs) ReferenceTargets(*where, t, &targets);
        for (int from : targets) graph_.AddEdge(from, id);
      }
    }
  }
  (void)diags;
}

void Walk::ComputeResourceDependencies(const std::vector<int>& order) {
  for (int id : order) {
    Node& n = nodes_[id];
    std::sort(n.resource_deps.begin(), n.resource_deps.end());
    n.resource_deps.erase(std::unique(n.resource_deps.begin(), n.resource_deps.end()),
                          n.resource_deps.end());
    for (int d : graph_.Dependents(id)) {
      Node& dn = nodes_[d];
      if (n.kind == NodeKind::kResource) {
        dn.resource_deps.push_back(id);
      } else {
        dn.resource_deps.insert(dn.resource_deps.end(), n.resource_deps.begin(),
                                n.resource_deps.end());
      }
    }
  }
}

std::string Walk::CycleText(const std::vector<int>& cycle) const {
  // Start at the name that sorts first, so the message does not depend on node numbering.
  std::vector<int> c = cycle;
  auto first = std::min_element(c.begin(), c.end(), [&](int a, int b) {
    return nodes_[a].display < nodes_[b].display;
  });
  std::rotate(c.begin(), first, c.end());
  std::string out = "Cycle: ";
  for (size_t i = 0; i < c.size(); ++i) {
    if (i) out += ", ";
    out += nodes_[c[i]].display;
  }
  return out;
}

}  // namespace fw::engine
