#include "providers/database/value_access.h"

#include "providers/provider.h"

namespace fw::providers::database {

using hcl::Type;
using hcl::Value;

bool Has(const Value& obj, std::string_view attr) {
  if (!obj.IsKnown() || obj.IsNull() || !obj.type().IsObject()) return false;
  const Value* v = obj.Get(attr);
  return v && v->IsKnown() && !v->IsNull();
}

std::string GetString(const Value& obj, std::string_view attr) {
  if (!Has(obj, attr)) return "";
  const Value* v = obj.Get(attr);
  return v->type() == Type::String() ? v->AsString() : "";
}

std::optional<int64_t> GetInt(const Value& obj, std::string_view attr) {
  if (!Has(obj, attr)) return std::nullopt;
  const Value* v = obj.Get(attr);
  if (v->type() != Type::Number()) return std::nullopt;
  return v->AsNumber().ToInt64();
}

std::optional<double> GetNumber(const Value& obj, std::string_view attr) {
  if (!Has(obj, attr)) return std::nullopt;
  const Value* v = obj.Get(attr);
  if (v->type() != Type::Number()) return std::nullopt;
  return v->AsNumber().ToDouble();
}

bool GetBool(const Value& obj, std::string_view attr, bool fallback) {
  if (!Has(obj, attr)) return fallback;
  const Value* v = obj.Get(attr);
  return v->type() == Type::Bool() ? v->AsBool() : fallback;
}

std::vector<std::string> GetStrings(const Value& obj, std::string_view attr) {
  std::vector<std::string> out;
  if (!Has(obj, attr)) return out;
  for (const Value& e : obj.Get(attr)->Elements()) {
    if (e.IsKnown() && !e.IsNull() && e.type() == Type::String()) out.push_back(e.AsString());
  }
  return out;
}

const Value* FirstBlock(const Value& obj, std::string_view attr) {
  if (!Has(obj, attr)) return nullptr;
  const Value* v = obj.Get(attr);
  if (v->type().IsObject()) return v;
  if (v->Length() == 0) return nullptr;
  const Value& first = v->Elements().front();
  return first.IsKnown() && !first.IsNull() ? &first : nullptr;
}

Value WithAttributes(const Value& obj,
                     const std::vector<std::pair<std::string, Value>>& changes) {
  std::vector<std::pair<std::string, Value>> attrs;
  const auto& keys = obj.Keys();
  const auto& elems = obj.Elements();
  for (size_t i = 0; i < keys.size(); ++i) {
    bool replaced = false;
    for (const auto& [name, value] : changes) {
      if (name == keys[i]) replaced = true;
    }
    if (!replaced) attrs.emplace_back(keys[i], elems[i]);
  }
  for (const auto& change : changes) attrs.push_back(change);
  return Value::Object(std::move(attrs));
}

Value WithFirstBlock(const Value& obj, std::string_view attr,
                     const std::vector<std::pair<std::string, Value>>& changes) {
  const Value* first = FirstBlock(obj, attr);
  if (!first) return obj;
  const Value& list = *obj.Get(attr);
  std::vector<Value> elems = list.Elements();
  elems[0] = WithAttributes(elems[0], changes);
  const Type element_type = elems[0].type();
  Value updated = Value::List(element_type, std::move(elems));
  return WithAttributes(obj, {{std::string(attr), updated}});
}

Value PlanNestedComputed(const Value& planned, const Value& prior, std::string_view block,
                         const std::vector<std::string>& attrs) {
  const Value* elem = FirstBlock(planned, block);
  if (!elem) return planned;
  const Value* prior_elem = FirstBlock(prior, block);
  std::vector<std::pair<std::string, Value>> changes;
  for (const auto& name : attrs) {
    const Value* v = elem->Get(name);
    if (!v || !v->IsKnown() || !v->IsNull()) continue;
    const Value* pv = prior_elem ? prior_elem->Get(name) : nullptr;
    changes.emplace_back(name, pv && !pv->IsNull() ? *pv : Value::Unknown(v->type()));
  }
  return changes.empty() ? planned : WithFirstBlock(planned, block, changes);
}

Value NoUnknowns(const Value& v) { return FillUnknownsFrom(v, Value::Null(Type())); }

Value StringList(const std::vector<std::string>& items) {
  std::vector<Value> elems;
  elems.reserve(items.size());
  for (const auto& s : items) elems.push_back(Value::String(s));
  return Value::List(Type::String(), std::move(elems));
}

Value StringOr(const Value& obj, std::string_view attr, std::string fallback) {
  std::string s = GetString(obj, attr);
  return Value::String(s.empty() ? std::move(fallback) : std::move(s));
}

Value Number(double v) {
  auto n = hcl::Number::FromDouble(v);
  return n.ok() ? Value::Num(*n) : Value::Int(static_cast<int64_t>(v));
}

}  // namespace fw::providers::database
