// Type unification (Terraform's convert.Unify): see convert.h.
#include <algorithm>

#include "hcl/convert.h"

namespace fw::hcl {
namespace {

// Negative when `a` is the more preferred unification target (cty's ordering).
int CompareTypes(const Type& a, const Type& b) {
  if (a.IsDynamic() || b.IsDynamic()) {
    if (!a.IsDynamic()) return -1;
    if (!b.IsDynamic()) return 1;
    return 0;
  }
  if (a.IsPrimitive() && b.IsPrimitive()) {
    bool as = a.kind() == TypeKind::kString, bs = b.kind() == TypeKind::kString;
    if (as || bs) return as == bs ? 0 : (as ? -1 : 1);
  }
  if ((a.IsList() && b.IsList()) || (a.IsSet() && b.IsSet()) || (a.IsMap() && b.IsMap())) {
    return CompareTypes(a.ElementType(), b.ElementType());
  }
  // Lists are preferred to tuples and sets, maps to objects.
  auto rank = [](const Type& t) {
    if (t.IsList()) return 0;
    if (t.IsSet() || t.IsTuple()) return 1;
    return 2;
  };
  if ((a.IsList() || a.IsSet() || a.IsTuple()) && (b.IsList() || b.IsSet() || b.IsTuple()) &&
      rank(a) != rank(b)) {
    return rank(a) < rank(b) ? -1 : 1;
  }
  if (a.IsMap() && b.IsObject()) return -1;
  if (a.IsObject() && b.IsMap()) return 1;
  return 0;
}

std::optional<Type> UnifyGeneral(const std::vector<Type>& types, bool unsafe) {
  std::vector<size_t> order(types.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return CompareTypes(types[x], types[y]) < 0; });
  for (size_t want : order) {
    const Type& target = types[want];
    bool all = std::all_of(types.begin(), types.end(), [&](const Type& t) {
      return t.Equals(target) || (!t.IsDynamic() && CanConvert(t, target, unsafe)) ||
             (t.IsDynamic() && unsafe);
    });
    if (all) return target;
  }
  return std::nullopt;
}

std::optional<Type> UnifyElements(const std::vector<Type>& types, bool unsafe) {
  std::vector<Type> etys;
  for (const Type& t : types) {
    if (t.IsCollection()) {
      etys.push_back(t.ElementType());
    } else if (t.IsTuple()) {
      for (const Type& e : t.TupleElements()) etys.push_back(e);
    } else if (t.IsObject()) {
      for (const ObjectAttribute& a : t.Attributes()) etys.push_back(a.type);
    }
  }
  if (etys.empty()) return Type::Dynamic();
  return UnifyTypes(etys, unsafe);
}

}  // namespace

std::optional<Type> UnifyTypes(const std::vector<Type>& types, bool unsafe) {
  if (types.empty()) return Type::Dynamic();
  size_t maps = 0, lists = 0, sets = 0, objects = 0, tuples = 0, dynamics = 0;
  for (const Type& t : types) {
    maps += t.IsMap();
    lists += t.IsList();
    sets += t.IsSet();
    objects += t.IsObject();
    tuples += t.IsTuple();
    dynamics += t.IsDynamic();
  }
  const size_t n = types.size();
  if (dynamics == n) return Type::Dynamic();
  if (maps > 0 && maps + dynamics == n) {
    if (dynamics) return Type::Dynamic();
    auto e = UnifyElements(types, unsafe);
    if (!e) return std::nullopt;
    return Type::Map(*e);
  }
  if (maps > 0 && maps + objects + dynamics == n && !dynamics) {
    if (auto e = UnifyElements(types, unsafe)) return Type::Map(*e);
  }
  if (lists > 0 && lists + dynamics == n) {
    if (dynamics) return Type::Dynamic();
    auto e = UnifyElements(types, unsafe);
    if (!e) return std::nullopt;
    return Type::List(*e);
  }
  if (lists > 0 && lists + tuples + dynamics == n && !dynamics) {
    if (auto e = UnifyElements(types, unsafe)) return Type::List(*e);
  }
  if (sets > 0 && sets + dynamics == n) {
    if (dynamics) return Type::Dynamic();
    auto e = UnifyElements(types, unsafe);
    if (!e) return std::nullopt;
    return Type::Set(*e);
  }
  if (objects > 0 && objects + dynamics == n) {
    if (dynamics) return Type::Dynamic();
    const auto& first = types[0].Attributes();
    bool same_names = std::all_of(types.begin(), types.end(), [&](const Type& t) {
      const auto& attrs = t.Attributes();
      if (attrs.size() != first.size()) return false;
      for (size_t i = 0; i < attrs.size(); ++i) {
        if (attrs[i].name != first[i].name) return false;
      }
      return true;
    });
    if (same_names) {
      std::vector<std::pair<std::string, Type>> attrs;
      bool ok = true;
      for (size_t i = 0; i < first.size() && ok; ++i) {
        std::vector<Type> across;
        for (const Type& t : types) across.push_back(t.Attributes()[i].type);
        auto u = UnifyTypes(across, unsafe);
        if (!u) return std::nullopt;
        attrs.emplace_back(first[i].name, *u);
      }
      Type result = Type::Object(std::move(attrs));
      if (std::all_of(types.begin(), types.end(),
                      [&](const Type& t) { return CanConvert(t, result, unsafe); })) {
        return result;
      }
    }
    auto e = UnifyElements(types, unsafe);
    if (!e) return std::nullopt;
    return Type::Map(*e);
  }
  if (tuples > 0 && tuples + dynamics == n) {
    if (dynamics) return Type::Dynamic();
    size_t len = types[0].TupleElements().size();
    bool same_len = std::all_of(types.begin(), types.end(),
                                [&](const Type& t) { return t.TupleElements().size() == len; });
    if (same_len) {
      std::vector<Type> elems;
      for (size_t i = 0; i < len; ++i) {
        std::vector<Type> across;
        for (const Type& t : types) across.push_back(t.TupleElements()[i]);
        auto u = UnifyTypes(across, unsafe);
        if (!u) return std::nullopt;
        elems.push_back(*u);
      }
      return Type::Tuple(std::move(elems));
    }
    auto e = UnifyElements(types, unsafe);
    if (!e) return std::nullopt;
    return Type::List(*e);
  }
  if (objects > 0 && tuples > 0) return std::nullopt;
  return UnifyGeneral(types, unsafe);
}

Result<std::vector<Value>> UnifyValues(const std::vector<Value>& values, Type* unified) {
  std::vector<Type> types;
  types.reserve(values.size());
  for (const Value& v : values) types.push_back(v.type());
  auto u = UnifyTypes(types, true);
  if (!u) return InvalidArgument("the values have no common type");
  std::vector<Value> out;
  out.reserve(values.size());
  for (const Value& v : values) {
    FW_ASSIGN_OR_RETURN(Value c, Convert(v, *u));
    out.push_back(std::move(c));
  }
  if (unified) *unified = *u;
  return out;
}

}  // namespace fw::hcl
