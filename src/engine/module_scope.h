// The hcl::Scope of one module instance: var, local, module, data, resource types, count,
// each, path and terraform, read from the walk's stores. Resolve looks up
// `type.name[key]`, `var.x`, `local.x`, `module.m.out` directly, so a reference costs a hash
// lookup, never the construction of every instance of a type.
//
// Thread-safety: const and read-only; reads only stores of completed nodes.
#pragma once

#include "engine/walk.h"
#include "hcl/eval/evaluator.h"
#include "hcl/eval/scope.h"

namespace fw::engine {

class ModuleScope final : public hcl::Scope {
 public:
  ModuleScope(const Walk& walk, const ModuleInstance& instance)
      : walk_(walk), instance_(instance), nodes_(walk.module(instance.cfg)) {}

  // count.index or each.key/each.value of the instance being evaluated.
  void SetCount(int64_t index) { count_ = hcl::Value::Int(index); }
  void SetEach(hcl::Value key, hcl::Value value) {
    each_key_ = std::move(key);
    each_value_ = std::move(value);
  }

  std::optional<hcl::Value> Root(std::string_view name) const override;
  size_t Resolve(const hcl::Traversal& traversal, hcl::Value* out) const override;

  hcl::EvalContext Context() const { return hcl::EvalContext{this, nodes_.functions.get()}; }

 private:
  const hcl::Value* NodeValue(const std::unordered_map<std::string, int>& map,
                              const std::string& name) const;
  const ResourceSlot* Slot(const std::unordered_map<std::string, int>& map,
                           const std::string& key) const;
  // Resolves `<slot>[key]` from step `i` of `t` (or the whole value).
  size_t ResolveResource(const ResourceSlot& slot, const hcl::Traversal& t, size_t i,
                         hcl::Value* out) const;
  std::optional<hcl::Value> ModuleValue(const std::string& call) const;
  hcl::Value ChildOutputs(const ModuleInstance& child) const;

  const Walk& walk_;
  const ModuleInstance& instance_;
  const ModuleNodes& nodes_;
  std::optional<hcl::Value> count_;
  std::optional<hcl::Value> each_key_;
  std::optional<hcl::Value> each_value_;
};

// The whole value of a resource slot as references see it: the object (no count/for_each), a
// tuple (count) or an object by key (for_each); unknown when it could not be expanded.
hcl::Value WholeResourceValue(const ResourceSlot& slot);

}  // namespace fw::engine
