#include "providers/common/values.h"

#include "providers/provider.h"

namespace fw::providers {

using hcl::Type;
using hcl::Value;

namespace {

const Value* Known(const Value& obj, std::string_view attr) {
  if (!obj.IsKnown() || obj.IsNull() || !obj.type().IsObject()) return nullptr;
  const Value* v = obj.Get(attr);
  if (!v || !v->IsKnown() || v->IsNull()) return nullptr;
  return v;
}

}  // namespace

bool IsSet(const Value& obj, std::string_view attr) { return Known(obj, attr) != nullptr; }

std::string GetString(const Value& obj, std::string_view attr) {
  const Value* v = Known(obj, attr);
  return v && v->type() == Type::String() ? v->AsString() : "";
}

std::optional<int64_t> GetInt(const Value& obj, std::string_view attr) {
  const Value* v = Known(obj, attr);
  if (!v || v->type() != Type::Number()) return std::nullopt;
  return v->AsNumber().ToInt64();
}

std::optional<double> GetNumber(const Value& obj, std::string_view attr) {
  const Value* v = Known(obj, attr);
  if (!v || v->type() != Type::Number()) return std::nullopt;
  return v->AsNumber().ToDouble();
}

bool GetBool(const Value& obj, std::string_view attr, bool fallback) {
  const Value* v = Known(obj, attr);
  return v && v->type() == Type::Bool() ? v->AsBool() : fallback;
}

std::vector<std::string> GetStrings(const Value& obj, std::string_view attr) {
  std::vector<std::string> out;
  const Value* v = Known(obj, attr);
  if (!v || !(v->type().IsList() || v->type().IsSet() || v->type().IsTuple())) return out;
  for (const Value& e : v->Elements()) {
    if (e.IsKnown() && !e.IsNull() && e.type() == Type::String()) out.push_back(e.AsString());
  }
  return out;
}

Value OrElse(const Value& obj, std::string_view attr, Value fallback) {
  const Value* v = Known(obj, attr);
  return v ? *v : fallback;
}

Value StringOr(const Value& obj, std::string_view attr, std::string fallback) {
  std::string s = GetString(obj, attr);
  return Value::String(s.empty() ? std::move(fallback) : std::move(s));
}

const Value* FirstBlock(const Value& obj, std::string_view attr) {
  const Value* v = Known(obj, attr);
  if (!v) return nullptr;
  if (v->type().IsObject()) return v;
  if (v->Length() == 0) return nullptr;
  const Value& first = v->Elements().front();
  return first.IsKnown() && !first.IsNull() ? &first : nullptr;
}

std::string RegionOf(const CallContext& ctx, const Value& planned) {
  std::string r = GetString(planned, "region");
  return r.empty() ? ctx.region : r;
}

Value WithAttrs(const Value& obj, std::vector<std::pair<std::string, Value>> attrs) {
  std::vector<std::pair<std::string, Value>> out;
  if (obj.IsKnown() && !obj.IsNull()) {
    const auto& keys = obj.Keys();
    const auto& elems = obj.Elements();
    for (size_t i = 0; i < keys.size(); ++i) {
      bool replaced = false;
      for (const auto& a : attrs) replaced = replaced || a.first == keys[i];
      if (!replaced) out.emplace_back(keys[i], elems[i]);
    }
  }
  for (auto& a : attrs) out.push_back(std::move(a));
  return Value::Object(std::move(out));
}

Value WithFirstBlock(const Value& obj, std::string_view attr,
                     std::vector<std::pair<std::string, Value>> changes) {
  const Value* first = FirstBlock(obj, attr);
  if (!first) return obj;
  const Value& list = *obj.Get(attr);
  std::vector<Value> elems = list.Elements();
  elems[0] = WithAttrs(elems[0], std::move(changes));
  const Type element_type = elems[0].type();
  Value updated = Value::List(element_type, std::move(elems));
  return WithAttrs(obj, {{std::string(attr), updated}});
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
  return changes.empty() ? planned : WithFirstBlock(planned, block, std::move(changes));
}

Value NoUnknowns(const Value& v) { return FillUnknownsFrom(v, Value::Null(Type())); }

Value StringList(const std::vector<std::string>& items) {
  std::vector<Value> elems;
  elems.reserve(items.size());
  for (const auto& s : items) elems.push_back(Value::String(s));
  return Value::List(Type::String(), std::move(elems));
}

Value Number(double v) {
  auto n = hcl::Number::FromDouble(v);
  return n.ok() ? Value::Num(*n) : Value::Int(static_cast<int64_t>(v));
}

std::string BodyString(const boost::json::object& body, std::string_view key) {
  const boost::json::value* v = body.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

Value BodyStringMap(const boost::json::object& body, std::string_view key) {
  std::vector<std::pair<std::string, Value>> entries;
  const boost::json::value* v = body.if_contains(key);
  if (v && v->is_object()) {
    for (const auto& [k, e] : v->as_object()) {
      if (e.is_string()) {
        entries.emplace_back(std::string(k), Value::String(std::string(e.as_string())));
      }
    }
  }
  return Value::Map(Type::String(), std::move(entries));
}

}  // namespace fw::providers
