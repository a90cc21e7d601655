#include "engine/instance_eval.h"

#include "engine/module_scope.h"
#include "providers/decode_body.h"

namespace fw::engine {

InstanceAddress MakeAddress(const Node& node, const ModuleInstance& mi, const hcl::Value& key) {
  InstanceAddress a;
  a.module = mi.path;
  a.data = node.resource->mode == config::ResourceMode::kData;
  a.type = node.resource->type;
  a.name = node.resource->name;
  a.key = key;
  return a;
}

const providers::Schema* NodeSchema(const Node& node) {
  if (node.resource_type) return &node.resource_type->schema();
  if (node.data_type) return &node.data_type->schema();
  return nullptr;
}

hcl::Value DecodeInstance(const Walk& walk, const Node& node, const ModuleInstance& mi,
                          const ResourceSlot& slot, size_t index, const std::string& address,
                          hcl::Diagnostics& diags) {
  const providers::Schema* schema = NodeSchema(node);
  if (!schema) return hcl::Value::DynamicUnknown();
  ModuleScope scope(walk, mi);
  if (slot.expansion == Expansion::kCount) {
    scope.SetCount(slot.keys[index].AsNumber().ToInt64().value_or(0));
  } else if (slot.expansion == Expansion::kForEach) {
    scope.SetEach(slot.keys[index], slot.each_values[index]);
  }
  hcl::Value config;
  if (node.resource->config) {
    config = providers::DecodeBody(schema->block, *node.resource->config, scope.Context(), diags);
  } else {
    config = hcl::Value::Null(schema->block.ImpliedType());
  }
  providers::CheckAttributes(*schema, config, address, diags);
  if (node.resource_type) node.resource_type->ValidateConfig(config, address, diags);
  return config;
}

std::string InstanceRegion(const hcl::Value& config, const std::string& provider_region) {
  if (config.IsKnown() && !config.IsNull() && config.type().IsObject()) {
    const hcl::Value* r = config.Get("region");
    if (r && r->IsKnown() && !r->IsNull() && r->type() == hcl::Type::String()) {
      return r->Unmark().AsString();
    }
  }
  return provider_region;
}

std::vector<std::string> DependencyAddresses(const Walk& walk, const Node& node,
                                             const ModuleInstance& mi) {
  std::vector<std::string> out;
  for (int d : node.resource_deps) {
    const Node& dn = walk.node(d);
    const std::string local = dn.resource->Address();
    if (dn.cfg == node.cfg) {
      out.push_back(mi.path.empty() ? local : mi.path + "." + local);
      continue;
    }
    for (const ModuleInstance* other : walk.module(dn.cfg).instances) {
      out.push_back(other->path.empty() ? local : other->path + "." + local);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace fw::engine
