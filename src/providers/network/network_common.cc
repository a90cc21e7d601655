#include "providers/network/network_common.h"

#include "hcl/value_json.h"

namespace fw::providers::network {

using hcl::Type;
using hcl::Value;

bool TagsMatch(const boost::json::object& body, const Value& wanted) {
  if (!wanted.IsKnown() || wanted.IsNull()) return true;
  const boost::json::value* tags = body.if_contains("tags");
  for (size_t i = 0; i < wanted.Keys().size(); ++i) {
    const boost::json::value* v =
        tags && tags->is_object() ? tags->as_object().if_contains(wanted.Keys()[i]) : nullptr;
    if (!v || !v->is_string() || v->as_string() != wanted.Elements()[i].AsString()) return false;
  }
  return true;
}

std::string DataSourceId(const std::vector<std::string>& parts) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const auto& p : parts) {
    for (unsigned char c : p) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 60; i >= 0; i -= 4) out += kHex[(h >> i) & 0xf];
  return out;
}

namespace {

Value PlanBlockElement(const Block& block, const Value* prior, const Value& config) {
  if (!config.IsKnown() || config.IsNull() || !config.type().IsObject()) return config;
  std::vector<std::pair<std::string, Value>> out;
  for (const Attr& a : block.attributes) {
    const Value* cv = config.Get(a.name);
    if (cv && (!cv->IsNull() || !cv->IsKnown())) {
      out.emplace_back(a.name, *cv);
    } else if (a.computed) {
      const Value* pv = prior && prior->IsKnown() && !prior->IsNull() ? prior->Get(a.name)
                                                                       : nullptr;
      out.emplace_back(a.name, pv && !pv->IsNull() ? *pv : Value::Unknown(a.type));
    } else if (a.default_value) {
      out.emplace_back(a.name, *a.default_value);
    } else {
      out.emplace_back(a.name, Value::Null(a.type));
    }
  }
  for (const NestedBlock& b : block.blocks) {
    const Value* cv = config.Get(b.name);
    out.emplace_back(b.name, cv ? *cv : Value::Null(Type()));
  }
  return Value::Object(std::move(out));
}

}  // namespace

Value PlanWithNestedBlocks(const Schema& schema, const Value& prior, const Value& config) {
  Value planned = PlanFromSchema(schema, prior, config);
  if (!planned.IsKnown() || planned.IsNull()) return planned;
  const bool has_prior = prior.IsKnown() && !prior.IsNull();
  std::vector<std::pair<std::string, Value>> blocks;
  for (const NestedBlock& b : schema.block.blocks) {
    const Value* cv = planned.Get(b.name);
    if (!cv || !cv->IsKnown() || cv->IsNull()) continue;
    const Value* pv = has_prior ? prior.Get(b.name) : nullptr;
    if (b.nesting == Nesting::kSingle) {
      blocks.emplace_back(b.name, PlanBlockElement(*b.block, pv, *cv));
      continue;
    }
    std::vector<Value> elems;
    for (size_t i = 0; i < cv->Length(); ++i) {
      const Value* pe = pv && pv->IsKnown() && !pv->IsNull() && i < pv->Length()
                            ? &pv->Elements()[i]
                            : nullptr;
      elems.push_back(PlanBlockElement(*b.block, pe, cv->Elements()[i]));
    }
    Type et = b.block->ImpliedType();
    blocks.emplace_back(b.name, b.nesting == Nesting::kSet ? Value::Set(et, std::move(elems))
                                                           : Value::List(et, std::move(elems)));
  }
  return WithAttrs(planned, std::move(blocks));
}

Attr RegionAttr() { return Attr::OptionalComputed("region", Type::String()).ForceNew(); }

Attr TagsAttr() { return Attr::Optional("tags", Type::Map(Type::String())); }

Attr EnterpriseProjectAttr() {
  return Attr::OptionalComputed("enterprise_project_id", Type::String()).ForceNew();
}

ValueCheck NoAngleBrackets(size_t max_len) {
  return [max_len](const Value& v) -> std::string {
    const std::string& s = v.AsString();
    if (s.size() > max_len) {
      return "expected length to be in the range (0 - " + std::to_string(max_len) + "), got " +
             std::to_string(s.size());
    }
    if (s.find_first_of("<>") != std::string::npos) {
      return "angle brackets (< and >) are not allowed";
    }
    return "";
  };
}

}  // namespace fw::providers::network
