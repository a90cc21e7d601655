#include "engine/node_eval.h"

#include "engine/module_scope.h"
#include "engine/state.h"
#include "engine/variables.h"

namespace fw::engine {
namespace {

using hcl::Value;

void EvaluateVariable(Walk& walk, Node& n, const std::map<std::string, Value>& root_variables,
                      hcl::Diagnostics& diags) {
  const config::Variable& v = *n.variable;
  const ModuleNodes& m = walk.module(n.cfg);
  for (const ModuleInstance* mi : m.instances) {
    Value value;
    if (!mi->parent) {
      auto it = root_variables.find(v.name);
      value = it != root_variables.end() ? it->second : Value::DynamicUnknown();
    } else {
      const config::ModuleCall& call = *walk.node(m.call_node).call;
      const hcl::AttributeRef* input = nullptr;
      for (const auto& in : call.inputs) {
        if (in.name == v.name) input = &in;
      }
      if (!input && v.Required()) {
        diags.AddError("Missing required argument",
                       "The argument \"" + v.name + "\" is required, but no definition was found.",
                       call.decl_range);
        value = Value::Unknown(v.type.WithoutOptionalAttributes());
      } else {
        std::optional<Value> given;
        if (input) {
          ModuleScope scope(walk, *mi->parent);
          if (mi->expansion == Expansion::kCount) scope.SetCount(mi->key.AsNumber().ToInt64().value_or(0));
          if (mi->expansion == Expansion::kForEach) scope.SetEach(mi->key, mi->each_value);
          given = hcl::Evaluate(*input->expr, scope.Context(), diags);
        }
        // An unknown input (known after apply) stays unknown of the variable's type.
        if (given && !given->IsKnown()) {
          value = Value::Unknown(v.type.WithoutOptionalAttributes()).WithMarks(given->marks());
          if (v.sensitive) value = value.WithMarks(hcl::kSensitive);
        } else {
          value = FinalizeVariable(v, given ? &*given : nullptr, diags);
        }
      }
      ValidateVariable(v, value, m.functions.get(), diags);
    }
    n.values[mi->position] = value;
  }
}

void EvaluateLocal(Walk& walk, Node& n, hcl::Diagnostics& diags) {
  for (const ModuleInstance* mi : walk.module(n.cfg).instances) {
    ModuleScope scope(walk, *mi);
    n.values[mi->position] = hcl::Evaluate(*n.local->expr, scope.Context(), diags);
  }
}

void EvaluateOutput(Walk& walk, Node& n, hcl::Diagnostics& diags) {
  const config::Output& o = *n.output;
  for (const ModuleInstance* mi : walk.module(n.cfg).instances) {
    ModuleScope scope(walk, *mi);
    Value v = o.value ? hcl::Evaluate(*o.value, scope.Context(), diags) : Value();
    if (!o.sensitive && v.IsSensitiveDeep()) {
      diags.AddError(
          "Output refers to sensitive values",
          "To reduce the risk of accidentally exporting sensitive data that was intended to be "
          "only internal, Terraform requires that any root module output containing sensitive "
          "data be explicitly marked as sensitive, to confirm your intent.\n\nIf you do intend "
          "to export this data, annotate the output value as sensitive by adding the following "
          "argument:\n    sensitive = true",
          o.decl_range);
    }
    if (o.sensitive) v = v.WithMarks(hcl::kSensitive);
    n.values[mi->position] = v;
  }
}

void ExpandModuleCall(Walk& walk, int id, hcl::Diagnostics& diags) {
  Node& n = walk.node(id);
  const config::ModuleCall& call = *n.call;
  auto child_cfg = n.cfg->children.find(n.name);
  std::vector<const ModuleInstance*> parents = walk.module(n.cfg).instances;
  for (const ModuleInstance* mi : parents) {
    CallSlot& slot = walk.node(id).calls[mi->position];
    ModuleScope scope(walk, *mi);
    Expanded e = Expand(call.count, call.for_each, scope.Context(), diags);
    slot.expansion = e.expansion;
    if (!e.ok || child_cfg == n.cfg->children.end()) continue;
    for (size_t i = 0; i < e.keys.size(); ++i) {
      ModuleInstance child;
      child.cfg = child_cfg->second.get();
      child.parent = mi;
      child.key = e.keys[i];
      child.expansion = e.expansion;
      if (e.expansion == Expansion::kForEach) child.each_value = e.each_values[i];
      child.path = ChildPath(*mi, n.name, e.keys[i]);
      slot.by_key[KeyString(e.keys[i])] = slot.children.size();
      slot.children.push_back(walk.AddInstance(std::move(child)));
    }
  }
}

}  // namespace

std::string ChildPath(const ModuleInstance& parent, const std::string& call,
                      const hcl::Value& key) {
  std::string p = parent.path.empty() ? "" : parent.path + ".";
  return p + "module." + call + KeyString(key);
}

void EvaluateValueNode(Walk& walk, int id, const std::map<std::string, Value>& root_variables,
                       hcl::Diagnostics& diags) {
  walk.PrepareStore(id);
  Node& n = walk.node(id);
  switch (n.kind) {
    case NodeKind::kVariable: EvaluateVariable(walk, n, root_variables, diags); break;
    case NodeKind::kLocal: EvaluateLocal(walk, n, diags); break;
    case NodeKind::kOutput: EvaluateOutput(walk, n, diags); break;
    case NodeKind::kModuleCall: ExpandModuleCall(walk, id, diags); break;
    case NodeKind::kResource: break;
  }
}

void ExpandResourceSlot(Walk& walk, int id, const ModuleInstance& instance,
                        hcl::Diagnostics& diags) {
  Node& n = walk.node(id);
  ResourceSlot& slot = n.resources[instance.position];
  ModuleScope scope(walk, instance);
  Expanded e = Expand(n.resource->count, n.resource->for_each, scope.Context(), diags);
  slot.expansion = e.expansion;
  if (!e.ok) return;
  slot.expanded = true;
  slot.keys = std::move(e.keys);
  slot.each_values = std::move(e.each_values);
  slot.values.assign(slot.keys.size(), Value::DynamicUnknown());
  if (slot.expansion != Expansion::kSingle) {
    slot.by_key.reserve(slot.keys.size());
    for (size_t i = 0; i < slot.keys.size(); ++i) slot.by_key[KeyString(slot.keys[i])] = i;
  }
}

std::string ProviderRegion(const Walk& walk, const Node& node, const std::string& fallback) {
  const config::ProviderConfig* pc = node.provider_config;
  if (!pc || !pc->config) return fallback;
  const config::Config* where = nullptr;
  FindProviderConfig(*node.cfg, *node.resource, &where);
  if (!where) return fallback;
  hcl::Diagnostics ignored;
  for (const hcl::AttributeRef& a : pc->config->JustAttributes(ignored)) {
    if (a.name != "region") continue;
    const auto& instances = walk.module(where).instances;
    if (instances.empty()) return fallback;
    ModuleScope scope(walk, *instances.front());
    hcl::Value v = hcl::EvaluateAs(*a.expr, hcl::Type::String(), scope.Context(), ignored);
    if (v.IsKnown() && !v.IsNull()) return v.Unmark().AsString();
  }
  return fallback;
}

}  // namespace fw::engine
