#include "engine/diff.h"

namespace fw::engine {
namespace {

using hcl::Value;

const Value& GetOrNull(const Value& obj, const std::string& name) {
  static const Value kNull;
  if (obj.IsNull() || !obj.IsKnown() || !obj.type().IsObject()) return kNull;
  const Value* v = obj.Get(name);
  return v ? *v : kNull;
}

void ForceNewPaths(const providers::Block& schema, const Value& prior, const Value& planned,
                   const std::string& prefix, std::vector<std::string>* out) {
  for (const providers::Attr& a : schema.attributes) {
    if (!a.force_new) continue;
    if (ValuesDiffer(GetOrNull(prior, a.name), GetOrNull(planned, a.name))) {
      out->push_back(prefix + a.name);
    }
  }
  for (const providers::NestedBlock& b : schema.blocks) {
    const Value& pb = GetOrNull(prior, b.name);
    const Value& nb = GetOrNull(planned, b.name);
    if (!ValuesDiffer(pb, nb)) continue;
    if (b.force_new) {
      out->push_back(prefix + b.name);
      continue;
    }
    if (b.nesting == providers::Nesting::kSingle) {
      ForceNewPaths(*b.block, pb, nb, prefix + b.name + ".", out);
    } else if (b.nesting == providers::Nesting::kList && nb.IsKnown() && !nb.IsNull()) {
      const size_t pn = pb.IsKnown() && !pb.IsNull() ? pb.Length() : 0;
      for (size_t i = 0; i < nb.Length(); ++i) {
        ForceNewPaths(*b.block, i < pn ? pb.Elements()[i] : Value(), nb.Elements()[i],
                      prefix + b.name + "." + std::to_string(i) + ".", out);
      }
    }
  }
}

Value MarkObject(const providers::Block& schema, const Value& v) {
  if (!v.IsKnown() || v.IsNull() || !v.type().IsObject()) return v;
  bool any = false;
  for (const auto& a : schema.attributes) any = any || a.sensitive;
  if (!any && schema.blocks.empty()) return v;
  std::vector<std::pair<std::string, Value>> attrs;
  const auto& keys = v.Keys();
  const auto& elems = v.Elements();
  attrs.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    Value e = elems[i];
    if (const providers::Attr* a = schema.FindAttribute(keys[i]); a && a->sensitive) {
      e = e.WithMarks(hcl::kSensitive);
    } else if (const providers::NestedBlock* b = schema.FindBlock(keys[i]);
               b && e.IsKnown() && !e.IsNull()) {
      if (b->nesting == providers::Nesting::kSingle) {
        e = MarkObject(*b->block, e);
      } else if (b->nesting == providers::Nesting::kList) {
        std::vector<Value> items;
        for (const Value& item : e.Elements()) items.push_back(MarkObject(*b->block, item));
        e = Value::List(e.type().ElementType(), std::move(items));
      }
    }
    attrs.emplace_back(keys[i], std::move(e));
  }
  return Value::Object(std::move(attrs));
}

}  // namespace

bool ValuesDiffer(const Value& a, const Value& b) {
  if (!b.IsWhollyKnown() || !a.IsWhollyKnown()) return true;
  if (a.IsNull() && b.IsNull()) return false;
  Value eq = a.Equals(b);
  return !(eq.IsKnown() && !eq.IsNull() && eq.Unmark().AsBool());
}

InstanceDiff DiffInstance(const providers::Block& schema, const Value& prior,
                          const Value& planned) {
  InstanceDiff d;
  if (prior.IsNull()) {
    d.action = Action::kCreate;
    return d;
  }
  if (!ValuesDiffer(prior, planned)) return d;
  ForceNewPaths(schema, prior, planned, "", &d.replace_paths);
  d.action = d.replace_paths.empty() ? Action::kUpdate : Action::kDeleteThenCreate;
  return d;
}

Value ApplyIgnoreChanges(const config::Lifecycle& lc, const Value& config, const Value& prior) {
  if (prior.IsNull() || !prior.IsKnown() || !config.IsKnown() || config.IsNull()) return config;
  if (!lc.ignore_all_changes && lc.ignore_changes.empty()) return config;
  std::vector<std::pair<std::string, Value>> attrs;
  const auto& keys = config.Keys();
  const auto& elems = config.Elements();
  for (size_t i = 0; i < keys.size(); ++i) {
    bool ignore = lc.ignore_all_changes;
    for (const hcl::Traversal& t : lc.ignore_changes) {
      if (!t.steps.empty() && t.steps[0].name == std::string_view(keys[i])) ignore = true;
    }
    const Value* pv = prior.Get(keys[i]);
    attrs.emplace_back(keys[i], ignore && pv ? *pv : elems[i]);
  }
  return Value::Object(std::move(attrs));
}

Value MarkSensitive(const providers::Block& schema, const Value& value) {
  return MarkObject(schema, value);
}

}  // namespace fw::engine
