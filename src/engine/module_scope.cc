#include "engine/module_scope.h"

#include "engine/state.h"

namespace fw::engine {
namespace {

// The KeyString of a constant index step, or "" when it is not one.
std::string StepKey(const hcl::TraversalStep& s) {
  if (s.kind != hcl::StepKind::kIndex) return "";
  if (s.key_is_string) return KeyString(hcl::Value::String(std::string(s.name)));
  return "[" + std::string(s.name) + "]";
}

}  // namespace

hcl::Value WholeResourceValue(const ResourceSlot& slot) {
  if (!slot.expanded) return hcl::Value::DynamicUnknown();
  switch (slot.expansion) {
    case Expansion::kSingle:
      return slot.values.empty() ? hcl::Value::DynamicUnknown() : slot.values[0];
    case Expansion::kCount:
      return hcl::Value::Tuple(slot.values);
    case Expansion::kForEach: {
      std::vector<std::pair<std::string, hcl::Value>> attrs;
      attrs.reserve(slot.values.size());
      for (size_t i = 0; i < slot.values.size(); ++i) {
        attrs.emplace_back(slot.keys[i].AsString(), slot.values[i]);
      }
      return hcl::Value::Object(std::move(attrs));
    }
  }
  return hcl::Value::DynamicUnknown();
}

const hcl::Value* ModuleScope::NodeValue(const std::unordered_map<std::string, int>& map,
                                         const std::string& name) const {
  auto it = map.find(name);
  if (it == map.end()) return nullptr;
  const Node& n = walk_.node(it->second);
  if (static_cast<size_t>(instance_.position) >= n.values.size()) return nullptr;
  return &n.values[instance_.position];
}

const ResourceSlot* ModuleScope::Slot(const std::unordered_map<std::string, int>& map,
                                      const std::string& key) const {
  auto it = map.find(key);
  if (it == map.end()) return nullptr;
  const Node& n = walk_.node(it->second);
  if (static_cast<size_t>(instance_.position) >= n.resources.size()) return nullptr;
  return &n.resources[instance_.position];
}

size_t ModuleScope::ResolveResource(const ResourceSlot& slot, const hcl::Traversal& t, size_t i,
                                    hcl::Value* out) const {
  if (slot.expanded && slot.expansion != Expansion::kSingle && i < t.steps.size()) {
    std::string key = StepKey(t.steps[i]);
    if (!key.empty()) {
      auto it = slot.by_key.find(key);
      if (it == slot.by_key.end()) return 0;  // the evaluator reports the bad index
      *out = slot.values[it->second];
      return i + 1;
    }
  }
  *out = slot.whole;
  return i;
}

size_t ModuleScope::Resolve(const hcl::Traversal& t, hcl::Value* out) const {
  if (!t.IsAbsolute() || t.steps.size() < 2 || t.steps[1].kind != hcl::StepKind::kAttr) return 0;
  std::string_view root = t.RootName();
  const std::string s1(t.steps[1].name);
  if (root == "var") {
    const hcl::Value* v = NodeValue(nodes_.variables, s1);
    if (!v) return 0;
    *out = *v;
    return 2;
  }
  if (root == "local") {
    const hcl::Value* v = NodeValue(nodes_.locals, s1);
    if (!v) return 0;
    *out = *v;
    return 2;
  }
  if (root == "data") {
    if (t.steps.size() < 3 || t.steps[2].kind != hcl::StepKind::kAttr) return 0;
    const ResourceSlot* slot = Slot(nodes_.data, s1 + "." + std::string(t.steps[2].name));
    return slot ? ResolveResource(*slot, t, 3, out) : 0;
  }
  if (root == "module") {
    auto it = nodes_.calls.find(s1);
    if (it == nodes_.calls.end()) return 0;
    const Node& n = walk_.node(it->second);
    if (static_cast<size_t>(instance_.position) >= n.calls.size()) return 0;
    const CallSlot& call = n.calls[instance_.position];
    size_t i = 2;
    const ModuleInstance* child = nullptr;
    if (call.expansion == Expansion::kSingle) {
      if (call.children.empty()) return 0;
      child = call.children[0];
    } else {
      if (i >= t.steps.size()) return 0;
      std::string key = StepKey(t.steps[i]);
      auto k = call.by_key.find(key);
      if (key.empty() || k == call.by_key.end()) return 0;
      child = call.children[k->second];
      ++i;
    }
    if (i < t.steps.size() && t.steps[i].kind == hcl::StepKind::kAttr) {
      const ModuleNodes& cm = walk_.module(child->cfg);
      auto o = cm.outputs.find(std::string(t.steps[i].name));
      if (o == cm.outputs.end()) return 0;
      const Node& on = walk_.node(o->second);
      if (static_cast<size_t>(child->position) >= on.values.size()) return 0;
      *out = on.values[child->position];
      return i + 1;
    }
    *out = ChildOutputs(*child);
    return i;
  }
  if (root == "count" || root == "each" || root == "path" || root == "terraform" ||
      root == "self") {
    return 0;
  }
  const ResourceSlot* slot = Slot(nodes_.managed, std::string(root) + "." + s1);
  return slot ? ResolveResource(*slot, t, 2, out) : 0;
}

hcl::Value ModuleScope::ChildOutputs(const ModuleInstance& child) const {
  const ModuleNodes& cm = walk_.module(child.cfg);
  std::vector<std::pair<std::string, hcl::Value>> attrs;
  for (const auto& [name, id] : cm.outputs) {
    const Node& on = walk_.node(id);
    attrs.emplace_back(name, static_cast<size_t>(child.position) < on.values.size()
                                 ? on.values[child.position]
                                 : hcl::Value::DynamicUnknown());
  }
  return hcl::Value::Object(std::move(attrs));
}

std::optional<hcl::Value> ModuleScope::ModuleValue(const std::string& name) const {
  auto it = nodes_.calls.find(name);
  if (it == nodes_.calls.end()) return std::nullopt;
  const Node& n = walk_.node(it->second);
  if (static_cast<size_t>(instance_.position) >= n.calls.size()) {
    return hcl::Value::DynamicUnknown();
  }
  const CallSlot& call = n.calls[instance_.position];
  switch (call.expansion) {
    case Expansion::kSingle:
      return call.children.empty() ? hcl::Value::DynamicUnknown()
                                   : ChildOutputs(*call.children[0]);
    case Expansion::kCount: {
      std::vector<hcl::Value> elems;
      for (const ModuleInstance* c : call.children) elems.push_back(ChildOutputs(*c));
      return hcl::Value::Tuple(std::move(elems));
    }
    case Expansion::kForEach: {
      std::vector<std::pair<std::string, hcl::Value>> attrs;
      for (const ModuleInstance* c : call.children) {
        attrs.emplace_back(c->key.AsString(), ChildOutputs(*c));
      }
      return hcl::Value::Object(std::move(attrs));
    }
  }
  return std::nullopt;
}

std::optional<hcl::Value> ModuleScope::Root(std::string_view name) const {
  using V = hcl::Value;
  auto named = [&](const std::unordered_map<std::string, int>& map) {
    std::vector<std::pair<std::string, V>> attrs;
    for (const auto& [n, id] : map) {
      const hcl::Value* v = NodeValue(map, n);
      attrs.emplace_back(n, v ? *v : V::DynamicUnknown());
    }
    return V::Object(std::move(attrs));
  };
  if (name == "var") return named(nodes_.variables);
  if (name == "local") return named(nodes_.locals);
  if (name == "count") {
    if (!count_) return std::nullopt;
    return V::Object({{"index", *count_}});
  }
  if (name == "each") {
    if (!each_key_) return std::nullopt;
    return V::Object({{"key", *each_key_}, {"value", *each_value_}});
  }
  if (name == "path") {
    // Relative to the root module's directory, which relative file paths resolve against.
    return V::Object({{"module", V::String(instance_.cfg->DirFromRoot())},
                      {"root", V::String(".")},
                      {"cwd", V::String(walk_.cwd)}});
  }
  if (name == "terraform") return V::Object({{"workspace", V::String("default")}});
  if (name == "module") {
    std::vector<std::pair<std::string, V>> attrs;
    for (const auto& [n, id] : nodes_.calls) attrs.emplace_back(n, *ModuleValue(n));
    return V::Object(std::move(attrs));
  }
  if (name == "data") {
    std::map<std::string, std::vector<std::pair<std::string, V>>> by_type;
    for (const auto& [key, id] : nodes_.data) {
      size_t dot = key.find('.');
      const ResourceSlot* slot = Slot(nodes_.data, key);
      by_type[key.substr(0, dot)].emplace_back(key.substr(dot + 1),
                                               slot ? slot->whole : V::DynamicUnknown());
    }
    std::vector<std::pair<std::string, V>> types;
    for (auto& [t, names] : by_type) types.emplace_back(t, V::Object(std::move(names)));
    return V::Object(std::move(types));
  }
  auto it = nodes_.names_by_type.find(std::string(name));
  if (it == nodes_.names_by_type.end()) return std::nullopt;
  std::vector<std::pair<std::string, V>> attrs;
  for (const std::string& n : it->second) {
    const ResourceSlot* slot = Slot(nodes_.managed, std::string(name) + "." + n);
    attrs.emplace_back(n, slot ? slot->whole : V::DynamicUnknown());
  }
  return V::Object(std::move(attrs));
}

}  // namespace fw::engine
