#include "providers/utility/local_resource.h"

namespace fw::providers::utility {

using hcl::Value;

Status LocalResource::Delete(CallContext&, const Value&) const { return Status::Ok(); }

Result<std::optional<Value>> LocalResource::Read(CallContext&, const Value& state) const {
  return std::optional<Value>(state);
}

namespace {
const Value* Known(const Value& v, std::string_view name) {
  if (!v.IsKnown() || v.IsNull() || !v.type().IsObject()) return nullptr;
  const Value* a = v.Get(name);
  if (!a || !a->IsKnown() || a->IsNull()) return nullptr;
  return a;
}
}  // namespace

bool BoolAttr(const Value& v, std::string_view name, bool fallback) {
  const Value* a = Known(v, name);
  return a && a->type() == hcl::Type::Bool() ? a->AsBool() : fallback;
}

int64_t IntAttr(const Value& v, std::string_view name, int64_t fallback) {
  const Value* a = Known(v, name);
  if (!a || a->type() != hcl::Type::Number()) return fallback;
  auto i = a->AsNumber().ToInt64();
  return i ? *i : fallback;
}

std::string StringAttr(const Value& v, std::string_view name, std::string fallback) {
  const Value* a = Known(v, name);
  return a && a->type() == hcl::Type::String() ? a->AsString() : fallback;
}

bool IsSet(const Value& v, std::string_view name) { return Known(v, name) != nullptr; }

bool IsKnownOrUnset(const Value& v, std::string_view name) {
  if (!v.IsKnown()) return false;
  if (v.IsNull() || !v.type().IsObject()) return true;
  const Value* a = v.Get(name);
  return !a || a->IsWhollyKnown();
}

Value WithAttributes(const Value& object, std::vector<std::pair<std::string, Value>> changes) {
  std::vector<std::pair<std::string, Value>> attrs;
  const auto& keys = object.Keys();
  const auto& elems = object.Elements();
  attrs.reserve(keys.size() + changes.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    bool replaced = false;
    for (const auto& c : changes) replaced = replaced || c.first == keys[i];
    if (!replaced) attrs.emplace_back(keys[i], elems[i]);
  }
  for (auto& c : changes) attrs.push_back(std::move(c));
  return Value::Object(std::move(attrs));
}

Attr KeepersAttr(std::string name, std::string description) {
  return Attr::Optional(std::move(name), hcl::Type::Map(hcl::Type::String()))
      .ForceNew()
      .Describe(std::move(description));
}

}  // namespace fw::providers::utility
