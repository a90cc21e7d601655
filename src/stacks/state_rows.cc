#include "stacks/state_rows.h"

#include <boost/json.hpp>
#include <map>

#include "hcl/value_json.h"
#include "providers/provider.h"

namespace fw::stacks {
namespace {

namespace json = boost::json;

Result<json::object> ParseObject(std::string_view text, std::string_view what) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return Internal("cannot read the " + std::string(what));
  return v.as_object();
}

std::string StringOf(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

std::string KeyText(const hcl::Value& key) {
  if (key.IsNull() || !key.IsKnown()) return "";
  if (key.type().kind() == hcl::TypeKind::kString) return key.AsString();
  if (key.type().kind() == hcl::TypeKind::kNumber) return key.AsNumber().ToString();
  return "";
}

std::string DisplayValue(const hcl::Value& value) {
  if (value.IsSensitiveDeep()) return "<sensitive>";
  if (!value.IsWhollyKnown()) return "(known after apply)";
  if (value.IsNull()) return "";
  hcl::Value plain = value.UnmarkDeep();
  if (plain.type().kind() == hcl::TypeKind::kString) return plain.AsString();
  auto text = hcl::EncodeJsonPlain(plain, false);
  return text.ok() ? *text : "";
}

Result<store::StackResourceRecord> RowFromInstance(const std::string& stack_id,
                                                   const engine::InstanceState& instance) {
  engine::State one;
  one.lineage = "row";
  one.instances[instance.address.String()] = instance;
  FW_ASSIGN_OR_RETURN(json::object doc, ParseObject(one.ToJson(), "state document"));
  const json::value* resources = doc.if_contains("resources");
  if (!resources || !resources->is_array() || resources->as_array().empty()) {
    return Internal("the engine wrote no resource for " + instance.address.String());
  }
  const json::object& resource = resources->as_array()[0].as_object();
  const json::value* instances = resource.if_contains("instances");
  if (!instances || !instances->is_array() || instances->as_array().empty()) {
    return Internal("the engine wrote no instance for " + instance.address.String());
  }
  store::StackResourceRecord row;
  row.stack_id = stack_id;
  row.address = instance.address.String();
  row.module = instance.address.module;
  row.mode = instance.address.data ? "data" : "managed";
  row.type = instance.address.type;
  row.name = instance.address.name;
  if (!instance.address.key.IsNull()) {
    auto key = hcl::EncodeJsonPlain(instance.address.key, false);
    if (key.ok()) row.index_key_json = *key;
  }
  row.physical_id = instance.Id();
  if (const hcl::Value* name = instance.attributes.IsKnown() && !instance.attributes.IsNull()
                                   ? instance.attributes.Get("name")
                                   : nullptr;
      name && name->IsKnown() && !name->IsNull() &&
      name->type().kind() == hcl::TypeKind::kString) {
    row.physical_name = name->AsString();
  }
  row.provider = instance.provider;
  row.region = instance.region;
  row.attributes_json = json::serialize(instances->as_array()[0]);
  row.sensitive_paths_json = "[]";
  json::array deps;
  for (const std::string& d : instance.dependencies) deps.push_back(json::string(d));
  row.dependencies_json = json::serialize(deps);
  row.tainted = instance.tainted;
  row.in_state = true;
  return row;
}

Result<engine::State> StateFromRows(const std::vector<store::StackResourceRecord>& rows,
                                    const store::StackRecord& stack) {
  // Group instances into v4 resources: (module, mode, type, name) keeps them together.
  std::map<std::tuple<std::string, std::string, std::string, std::string>, json::object> groups;
  for (const store::StackResourceRecord& row : rows) {
    if (!row.in_state) continue;
    auto key = std::make_tuple(row.module, row.mode, row.type, row.name);
    json::object& resource = groups[key];
    if (resource.empty()) {
      if (!row.module.empty()) resource["module"] = row.module;
      resource["mode"] = row.mode;
      resource["type"] = row.type;
      resource["name"] = row.name;
      resource["provider"] = row.provider;
      resource["instances"] = json::array();
    }
    FW_ASSIGN_OR_RETURN(json::object instance,
                        ParseObject(row.attributes_json, "recorded state of " + row.address));
    resource["instances"].as_array().push_back(std::move(instance));
  }
  json::object doc;
  doc["version"] = 4;
  doc["terraform_version"] = "1.5.7";
  doc["serial"] = stack.state_serial;
  doc["lineage"] = stack.state_lineage;
  json::object outputs;
  if (!stack.outputs_json.empty()) {
    FW_ASSIGN_OR_RETURN(json::object stored, ParseObject(stack.outputs_json, "outputs"));
    for (auto& [name, value] : stored) {
      if (!value.is_object()) continue;
      json::object o = value.as_object();
      o.erase("description");
      outputs[name] = std::move(o);
    }
  }
  doc["outputs"] = std::move(outputs);
  json::array resources;
  for (auto& [key, resource] : groups) resources.push_back(std::move(resource));
  doc["resources"] = std::move(resources);
  FW_ASSIGN_OR_RETURN(engine::State state,
                      engine::State::FromJson(json::serialize(doc),
                                              providers::Registry::Builtin()));
  // Regions are not part of the v4 format: take them from the rows.
  for (const store::StackResourceRecord& row : rows) {
    auto it = state.instances.find(row.address);
    if (it != state.instances.end() && it->second.region.empty()) it->second.region = row.region;
  }
  return state;
}

Result<std::string> OutputsToJson(const engine::State& state,
                                  const std::map<std::string, std::string>& descriptions) {
  engine::State only;
  only.lineage = state.lineage;
  only.outputs = state.outputs;
  FW_ASSIGN_OR_RETURN(json::object doc, ParseObject(only.ToJson(), "state document"));
  json::object out;
  if (const json::value* outputs = doc.if_contains("outputs"); outputs && outputs->is_object()) {
    out = outputs->as_object();
  }
  for (auto& [name, value] : out) {
    if (!value.is_object()) continue;
    auto it = descriptions.find(std::string(name));
    value.as_object()["description"] = it == descriptions.end() ? "" : it->second;
  }
  return json::serialize(out);
}

}  // namespace fw::stacks
