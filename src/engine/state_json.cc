// State <-> Terraform state v4 JSON (state.h). Instances are grouped into resources by their
// resource address; each instance keeps its region in an extra "formwork_region" key, which
// Terraform's reader ignores.
#include <boost/json.hpp>

#include "base/ids.h"
#include "engine/state.h"
#include "hcl/diagnostics.h"
#include "hcl/value_json.h"
#include "providers/provider.h"

namespace fw::engine {
namespace {

namespace json = boost::json;

void AppendPathStep(std::string& out, const hcl::PathStep& s) {
  switch (s.kind) {
    case hcl::PathStep::Kind::kAttribute:
      out += R"({"type":"get_attr","value":)";
      hcl::AppendJsonString(out, s.name);
      out += "}";
      break;
    case hcl::PathStep::Kind::kIndex:
      out += R"({"type":"index","value":{"value":)" + std::to_string(s.index) +
             R"(,"type":"number"}})";
      break;
    case hcl::PathStep::Kind::kKey:
      out += R"({"type":"index","value":{"value":)";
      hcl::AppendJsonString(out, s.name);
      out += R"(,"type":"string"}})";
      break;
  }
}

std::string EncodeOrNull(const hcl::Value& v, const hcl::Type& type) {
  auto r = hcl::EncodeJson(v, type);
  return r.ok() ? *r : "null";
}

// The type attributes are encoded with: the schema's (so dynamic attributes such as
// terraform_data's input carry their {"value","type"} wrapper, as Terraform writes them and as
// DecodeAttributes reads them), or the value's own for types the registry does not know.
hcl::Type AttributesType(const InstanceState& s) {
  const providers::Registry& registry = providers::Registry::Builtin();
  if (s.address.data) {
    if (const auto* t = registry.FindDataSource(s.address.type)) {
      return t->schema().block.ImpliedType();
    }
  } else if (const auto* t = registry.FindResource(s.address.type)) {
    return t->schema().block.ImpliedType();
  }
  return s.attributes.type();
}

void AppendInstance(std::string& out, const InstanceState& s) {
  out += "{";
  if (!s.address.key.IsNull()) {
    out += R"("index_key":)";
    if (s.address.key.type() == hcl::Type::String()) {
      hcl::AppendJsonString(out, s.address.key.AsString());
    } else {
      out += s.address.key.AsNumber().ToString();
    }
    out += ",";
  }
  out += R"("schema_version":0,)";
  if (s.tainted) out += R"("status":"tainted",)";
  out += R"("attributes":)" + EncodeOrNull(s.attributes, AttributesType(s));
  out += R"(,"sensitive_attributes":[)";
  for (size_t i = 0; i < s.sensitive_paths.size(); ++i) {
    if (i) out += ",";
    out += "[";
    for (size_t j = 0; j < s.sensitive_paths[i].size(); ++j) {
      if (j) out += ",";
      AppendPathStep(out, s.sensitive_paths[i][j]);
    }
    out += "]";
  }
  out += "]";
  if (!s.dependencies.empty()) {
    out += R"(,"dependencies":[)";
    for (size_t i = 0; i < s.dependencies.size(); ++i) {
      if (i) out += ",";
      hcl::AppendJsonString(out, s.dependencies[i]);
    }
    out += "]";
  }
  out += R"(,"formwork_region":)";
  hcl::AppendJsonString(out, s.region);
  out += "}";
}

Result<hcl::Path> PathFromJson(const json::value& v) {
  hcl::Path path;
  if (!v.is_array()) return InvalidArgument("sensitive_attributes: a path must be an array");
  for (const json::value& step : v.as_array()) {
    if (!step.is_object()) return InvalidArgument("sensitive_attributes: bad path step");
    const json::object& o = step.as_object();
    const json::value* type = o.if_contains("type");
    const json::value* value = o.if_contains("value");
    if (!type || !type->is_string() || !value) {
      return InvalidArgument("sensitive_attributes: bad path step");
    }
    hcl::PathStep s;
    if (type->as_string() == "get_attr" && value->is_string()) {
      s.kind = hcl::PathStep::Kind::kAttribute;
      s.name = std::string(value->as_string());
    } else if (type->as_string() == "index" && value->is_object()) {
      const json::value* key = value->as_object().if_contains("value");
      if (key && key->is_string()) {
        s.kind = hcl::PathStep::Kind::kKey;
        s.name = std::string(key->as_string());
      } else if (key && key->is_int64()) {
        s.kind = hcl::PathStep::Kind::kIndex;
        s.index = key->as_int64();
      } else {
        return InvalidArgument("sensitive_attributes: bad index step");
      }
    } else {
      return InvalidArgument("sensitive_attributes: bad path step");
    }
    path.push_back(std::move(s));
  }
  return path;
}

std::string StringOr(const json::object& o, std::string_view key, std::string def = "") {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : def;
}

Result<hcl::Value> DecodeAttributes(const json::value& attrs, bool data, const std::string& type,
                                    const providers::Registry& registry) {
  std::string text = json::serialize(attrs);
  if (data) {
    if (const auto* t = registry.FindDataSource(type)) {
      return hcl::DecodeJson(text, t->schema().block.ImpliedType());
    }
  } else if (const auto* t = registry.FindResource(type)) {
    return hcl::DecodeJson(text, t->schema().block.ImpliedType());
  }
  return hcl::DecodeJsonImplied(text);
}

Result<InstanceState> InstanceFromJson(const json::value& v, const InstanceAddress& base,
                                       const std::string& provider,
                                       const providers::Registry& registry) {
  if (!v.is_object()) return InvalidArgument("state: an instance must be an object");
  const json::object& o = v.as_object();
  InstanceState s;
  s.address = base;
  s.provider = provider;
  if (const json::value* k = o.if_contains("index_key")) {
    if (k->is_string()) {
      s.address.key = hcl::Value::String(std::string(k->as_string()));
    } else if (k->is_int64()) {
      s.address.key = hcl::Value::Int(k->as_int64());
    } else if (k->is_uint64()) {
      s.address.key = hcl::Value::Int(static_cast<int64_t>(k->as_uint64()));
    }
  }
  s.tainted = StringOr(o, "status") == "tainted";
  s.region = StringOr(o, "formwork_region");
  const json::value* attrs = o.if_contains("attributes");
  if (!attrs) return InvalidArgument("state: instance " + s.address.String() + " has no attributes");
  auto decoded = DecodeAttributes(*attrs, base.data, base.type, registry);
  if (!decoded.ok()) {
    return InvalidArgument("state: " + s.address.String() + ": " + decoded.status().message());
  }
  s.attributes = std::move(*decoded);
  if (const json::value* sens = o.if_contains("sensitive_attributes"); sens && sens->is_array()) {
    for (const json::value& p : sens->as_array()) {
      FW_ASSIGN_OR_RETURN(hcl::Path path, PathFromJson(p));
      s.sensitive_paths.push_back(std::move(path));
    }
  }
  if (const json::value* deps = o.if_contains("dependencies"); deps && deps->is_array()) {
    for (const json::value& d : deps->as_array()) {
      if (d.is_string()) s.dependencies.emplace_back(d.as_string());
    }
  }
  return s;
}

}  // namespace

std::string State::ToJson() const {
  std::string out;
  out += R"({"version":4,"terraform_version":"1.5.7","serial":)" + std::to_string(serial);
  out += R"(,"lineage":)";
  hcl::AppendJsonString(out, lineage);
  out += R"(,"outputs":{)";
  bool first = true;
  for (const auto& [name, o] : outputs) {
    if (!first) out += ",";
    first = false;
    hcl::AppendJsonString(out, name);
    out += R"(:{"value":)" + EncodeOrNull(o.value, o.value.type()) + R"(,"type":)" + o.value.type().ToJson();
    if (o.sensitive) out += R"(,"sensitive":true)";
    out += "}";
  }
  out += R"(},"resources":[)";
  // `instances` is ordered by address string, so the instances of one resource are adjacent
  // except where a longer name sorts between keys; group by resource address explicitly.
  std::map<std::string, std::vector<const InstanceState*>> by_resource;
  for (const auto& [addr, s] : instances) by_resource[s.address.ResourceAddress()].push_back(&s);
  first = true;
  for (const auto& [raddr, list] : by_resource) {
    const InstanceState& head = *list.front();
    if (!first) out += ",";
    first = false;
    out += "{";
    if (!head.address.module.empty()) {
      out += R"("module":)";
      hcl::AppendJsonString(out, head.address.module);
      out += ",";
    }
    out += head.address.data ? R"("mode":"data","type":)" : R"("mode":"managed","type":)";
    hcl::AppendJsonString(out, head.address.type);
    out += R"(,"name":)";
    hcl::AppendJsonString(out, head.address.name);
    out += R"(,"provider":)";
    hcl::AppendJsonString(out, head.provider);
    out += R"(,"instances":[)";
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ",";
      AppendInstance(out, *list[i]);
    }
    out += "]}";
  }
  out += "]}\n";
  return out;
}

Result<State> State::FromJson(std::string_view text, const providers::Registry& registry) {
  boost::system::error_code ec;
  json::value root = json::parse(text, ec);
  if (ec || !root.is_object()) return InvalidArgument("state: not a JSON object");
  const json::object& o = root.as_object();
  const json::value* version = o.if_contains("version");
  if (!version || !version->is_int64() || version->as_int64() != 4) {
    return InvalidArgument("state: only state format version 4 is supported");
  }
  State s;
  if (const json::value* serial = o.if_contains("serial"); serial && serial->is_int64()) {
    s.serial = serial->as_int64();
  }
  s.lineage = StringOr(o, "lineage");
  if (const json::value* outs = o.if_contains("outputs"); outs && outs->is_object()) {
    for (const auto& [name, ov] : outs->as_object()) {
      if (!ov.is_object()) continue;
      const json::object& oo = ov.as_object();
      const json::value* type = oo.if_contains("type");
      const json::value* value = oo.if_contains("value");
      if (!type || !value) continue;
      FW_ASSIGN_OR_RETURN(hcl::Type t, hcl::Type::FromJson(json::serialize(*type)));
      FW_ASSIGN_OR_RETURN(hcl::Value v, hcl::DecodeJson(json::serialize(*value), t));
      const json::value* sens = oo.if_contains("sensitive");
      s.outputs[std::string(name)] = {v, sens && sens->is_bool() && sens->as_bool()};
    }
  }
  if (const json::value* res = o.if_contains("resources"); res && res->is_array()) {
    for (const json::value& rv : res->as_array()) {
      if (!rv.is_object()) return InvalidArgument("state: a resource must be an object");
      const json::object& r = rv.as_object();
      InstanceAddress base;
      base.module = StringOr(r, "module");
      base.data = StringOr(r, "mode") == "data";
      base.type = StringOr(r, "type");
      base.name = StringOr(r, "name");
      std::string provider = StringOr(r, "provider");
      const json::value* insts = r.if_contains("instances");
      if (!insts || !insts->is_array()) continue;
      for (const json::value& iv : insts->as_array()) {
        FW_ASSIGN_OR_RETURN(InstanceState is, InstanceFromJson(iv, base, provider, registry));
        std::string key = is.address.String();
        s.instances.emplace(std::move(key), std::move(is));
      }
    }
  }
  return s;
}

}  // namespace fw::engine
