#include "hcl/convert.h"

#include <algorithm>
#include <cctype>

#include "hcl/json_text.h"

namespace fw::hcl {
namespace {

std::string Quote(std::string_view s) {
  std::string out;
  json::AppendString(&out, s);
  return out;
}

bool PrimitiveConvertible(const Type& in, const Type& out, bool unsafe) {
  if (in.kind() == out.kind()) return true;
  if (out.kind() == TypeKind::kString) return true;   // number/bool -> string: safe
  if (in.kind() == TypeKind::kString) return unsafe;  // string -> number/bool: unsafe
  return false;                                       // number <-> bool: never
}

// Where `out` has dynamic parts, the concrete parts of `in` (for unknown/null passthrough).
Type DynamicReplace(const Type& in, const Type& out) {
  if (out.IsDynamic()) return in;
  if (!out.HasDynamic()) return out;
  if (out.IsCollection()) {
    Type ety = out.ElementType();
    if (in.IsCollection()) {
      ety = DynamicReplace(in.ElementType(), ety);
    } else if (in.IsTuple() || in.IsObject()) {
      std::vector<Type> elems = in.TupleElements();
      for (const ObjectAttribute& a : in.Attributes()) elems.push_back(a.type);
      if (auto u = UnifyTypes(elems); u && !elems.empty()) ety = DynamicReplace(*u, ety);
    }
    if (out.IsList()) return Type::List(ety);
    if (out.IsSet()) return Type::Set(ety);
    return Type::Map(ety);
  }
  if (out.IsObject() && in.IsObject()) {
    std::vector<std::pair<std::string, Type>> attrs;
    for (const ObjectAttribute& a : out.Attributes()) {
      const ObjectAttribute* ia = in.FindAttribute(a.name);
      attrs.emplace_back(a.name, ia ? DynamicReplace(ia->type, a.type) : a.type);
    }
    return Type::Object(std::move(attrs));
  }
  if (out.IsTuple() && in.IsTuple() && in.TupleElements().size() == out.TupleElements().size()) {
    std::vector<Type> elems;
    for (size_t i = 0; i < out.TupleElements().size(); ++i) {
      elems.push_back(DynamicReplace(in.TupleElements()[i], out.TupleElements()[i]));
    }
    return Type::Tuple(std::move(elems));
  }
  return out;
}

Status PathError(const Path& path, const std::string& message) {
  if (path.empty()) return InvalidArgument(message);
  return InvalidArgument(PathToString(path) + ": " + message);
}

class Converter {
 public:
  explicit Converter(bool unsafe) : unsafe_(unsafe) {}

  Result<Value> Run(const Value& in, const Type& want, Path* path) {
    if (in.IsMarked()) {
      FW_ASSIGN_OR_RETURN(Value v, Run(in.Unmark(), want, path));
      return v.WithMarks(in.marks());
    }
    if (want.IsDynamic()) return in;
    const Type& it = in.type();
    if (it.Equals(want) && !want.HasOptionalAttributes()) return in;
    if (!CanConvert(it, want, unsafe_)) return PathError(*path, MismatchMessage(it, want));
    if (!in.IsKnown()) return Value::Unknown(DynamicReplace(it, want.WithoutOptionalAttributes()));
    if (in.IsNull()) return Value::Null(DynamicReplace(it, want.WithoutOptionalAttributes()));
    if (want.IsPrimitive()) return Primitive(in, want, *path);
    switch (want.kind()) {
      case TypeKind::kList:
      case TypeKind::kSet:
        return ToSequence(in, want, path);
      case TypeKind::kMap:
        return ToMap(in, want, path);
      case TypeKind::kTuple:
        return ToTuple(in, want, path);
      case TypeKind::kObject:
        return ToObject(in, want, path);
      default:
        return PathError(*path, MismatchMessage(it, want));
    }
  }

 private:
  Result<Value> Primitive(const Value& in, const Type& want, const Path& path) {
    switch (want.kind()) {
      case TypeKind::kString:
        if (in.type().kind() == TypeKind::kNumber) return Value::String(in.AsNumber().ToString());
        return Value::String(in.AsBool() ? "true" : "false");
      case TypeKind::kNumber: {
        auto n = Number::ParseString(in.AsString());
        if (!n.ok()) return PathError(path, "a number is required");
        return Value::Num(std::move(n).value());
      }
      case TypeKind::kBool: {
        const std::string& s = in.AsString();
        if (s == "true" || s == "1") return Value::True();
        if (s == "false" || s == "0") return Value::False();
        std::string lower = s;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower == "true" || lower == "false") {
          return PathError(
              path, "a bool is required; to convert from string, use lowercase \"" + lower + "\"");
        }
        return PathError(path, "a bool is required");
      }
      default:
        return PathError(path, MismatchMessage(in.type(), want));
    }
  }

  // Converts each element to `ety`; when `ety` has dynamic parts the results are unified.
  Result<std::vector<Value>> Elements(const Value& in, const Type& ety, Path* path,
                                      const char* noun) {
    const auto& elems = in.Elements();
    bool keyed = in.type().IsMap() || in.type().IsObject();
    std::vector<Value> out;
    out.reserve(elems.size());
    for (size_t i = 0; i < elems.size(); ++i) {
      PathStep step;
      if (keyed) {
        step.kind = PathStep::Kind::kKey;
        step.name = in.Keys()[i];
      } else {
        step.index = static_cast<int64_t>(i);
      }
      path->push_back(std::move(step));
      auto r = Run(elems[i], ety, path);
      path->pop_back();
      if (!r.ok()) return r.status();
      out.push_back(std::move(r).value());
    }
    if (ety.HasDynamic() && !out.empty()) {
      bool same = std::all_of(out.begin(), out.end(),
                              [&](const Value& v) { return v.type().Equals(out.front().type()); });
      if (!same) {
        Type unified;
        auto u = UnifyValues(out, &unified);
        if (!u.ok()) {
          return PathError(*path, std::string("all ") + noun + " elements must have the same type");
        }
        out = std::move(u).value();
      }
    }
    return out;
  }

  Type ResultElementType(const std::vector<Value>& elems, const Type& ety) {
    if (!elems.empty()) return elems.front().type();
    return ety.WithoutOptionalAttributes();
  }

  Result<Value> ToSequence(const Value& in, const Type& want, Path* path) {
    const Type& ety = want.ElementType();
    const char* noun = want.IsList() ? "list" : "set";
    FW_ASSIGN_OR_RETURN(std::vector<Value> elems, Elements(in, ety, path, noun));
    Type rty = ResultElementType(elems, ety);
    if (want.IsList()) return Value::List(std::move(rty), std::move(elems));
    return Value::Set(std::move(rty), std::move(elems));
  }

  Result<Value> ToMap(const Value& in, const Type& want, Path* path) {
    const Type& ety = want.ElementType();
    FW_ASSIGN_OR_RETURN(std::vector<Value> elems, Elements(in, ety, path, "map"));
    Type rty = ResultElementType(elems, ety);
    std::vector<std::pair<std::string, Value>> entries;
    entries.reserve(elems.size());
    for (size_t i = 0; i < elems.size(); ++i)
      entries.emplace_back(in.Keys()[i], std::move(elems[i]));
    return Value::Map(std::move(rty), std::move(entries));
  }

  Result<Value> ToTuple(const Value& in, const Type& want, Path* path) {
    const auto& elems = in.Elements();
    const auto& etys = want.TupleElements();
    std::vector<Value> out;
    out.reserve(elems.size());
    for (size_t i = 0; i < elems.size() && i < etys.size(); ++i) {
      path->push_back(PathStep{PathStep::Kind::kIndex, {}, static_cast<int64_t>(i)});
      auto r = Run(elems[i], etys[i], path);
      path->pop_back();
      if (!r.ok()) return r.status();
      out.push_back(std::move(r).value());
    }
    return Value::Tuple(std::move(out));
  }

  Result<Value> ToObject(const Value& in, const Type& want, Path* path) {
    std::vector<std::pair<std::string, Value>> attrs;
    attrs.reserve(want.Attributes().size());
    for (const ObjectAttribute& a : want.Attributes()) {
      const Value* v = in.Get(a.name);
      PathStep::Kind kind = in.type().IsMap() ? PathStep::Kind::kKey : PathStep::Kind::kAttribute;
      path->push_back(PathStep{kind, a.name, 0});
      Result<Value> r = Value();
      if (v != nullptr && !(v->IsNull() && a.optional && a.default_value)) {
        r = Run(*v, a.type, path);
      } else if (a.optional && a.default_value) {
        r = Run(*a.default_value, a.type, path);
      } else if (a.optional) {
        r = Value::Null(a.type.WithoutOptionalAttributes());
      } else {
        path->pop_back();
        if (in.type().IsMap()) {
          return PathError(*path, "map has no element for required attribute " + Quote(a.name));
        }
        return PathError(*path, "attribute " + Quote(a.name) + " is required");
      }
      path->pop_back();
      if (!r.ok()) return r.status();
      attrs.emplace_back(a.name, std::move(r).value());
    }
    return Value::Object(std::move(attrs));
  }

  bool unsafe_;
};

std::string JoinQuoted(const std::vector<std::string>& names) {
  if (names.size() == 1) return "attribute " + Quote(names[0]) + " is required";
  if (names.size() == 2) {
    return "attributes " + Quote(names[0]) + " and " + Quote(names[1]) + " are required";
  }
  std::string s = "attributes ";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i == names.size() - 1) s += "and ";
    s += Quote(names[i]);
    if (i + 1 < names.size()) s += ", ";
  }
  return s + " are required";
}

}  // namespace

bool CanConvert(const Type& in, const Type& out, bool unsafe) {
  if (out.IsDynamic()) return true;
  if (in.IsDynamic()) return true;  // checked when the value is known
  if (in.Equals(out)) return true;
  if (in.IsPrimitive() && out.IsPrimitive()) return PrimitiveConvertible(in, out, unsafe);
  switch (out.kind()) {
    case TypeKind::kList:
    case TypeKind::kSet:
      if (in.IsList() || in.IsSet()) {
        if (out.IsSet() && in.IsList() && !unsafe) return false;
        return CanConvert(in.ElementType(), out.ElementType(), unsafe);
      }
      if (in.IsTuple()) {
        const auto& elems = in.TupleElements();
        if (out.ElementType().IsDynamic()) return elems.empty() || UnifyTypes(elems, unsafe);
        return std::all_of(elems.begin(), elems.end(),
                           [&](const Type& t) { return CanConvert(t, out.ElementType(), unsafe); });
      }
      return false;
    case TypeKind::kMap:
      if (in.IsMap()) return CanConvert(in.ElementType(), out.ElementType(), unsafe);
      if (in.IsObject()) {
        std::vector<Type> atys;
        for (const ObjectAttribute& a : in.Attributes()) atys.push_back(a.type);
        if (out.ElementType().IsDynamic()) return atys.empty() || UnifyTypes(atys, unsafe);
        return std::all_of(atys.begin(), atys.end(),
                           [&](const Type& t) { return CanConvert(t, out.ElementType(), unsafe); });
      }
      return false;
    case TypeKind::kTuple: {
      if (!in.IsTuple()) return false;
      const auto& a = in.TupleElements();
      const auto& b = out.TupleElements();
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!CanConvert(a[i], b[i], unsafe)) return false;
      }
      return true;
    }
    case TypeKind::kObject:
      if (in.IsObject()) {
        for (const ObjectAttribute& a : out.Attributes()) {
          const ObjectAttribute* ia = in.FindAttribute(a.name);
          if (ia == nullptr) {
            if (!a.optional) return false;
            continue;
          }
          if (!CanConvert(ia->type, a.type, unsafe)) return false;
        }
        return true;
      }
      if (in.IsMap() && unsafe) {
        for (const ObjectAttribute& a : out.Attributes()) {
          if (!CanConvert(in.ElementType(), a.type, unsafe)) return false;
        }
        return true;
      }
      return false;
    default:
      return false;
  }
}

std::string MismatchMessage(const Type& got, const Type& want) {
  if (got.IsObject() && want.IsObject()) {
    std::vector<std::string> missing;
    std::string mismatch;
    for (const ObjectAttribute& a : want.Attributes()) {
      const ObjectAttribute* ga = got.FindAttribute(a.name);
      if (ga == nullptr) {
        if (!a.optional) missing.push_back(a.name);
        continue;
      }
      if (mismatch.empty() && !CanConvert(ga->type, a.type)) {
        mismatch = "attribute " + Quote(a.name) + ": " + MismatchMessage(ga->type, a.type);
      }
    }
    if (!missing.empty()) return JoinQuoted(missing);
    if (!mismatch.empty()) return mismatch;
    return "incorrect object attributes";
  }
  const Type& wety = want.ElementType();
  if (got.IsTuple() && want.IsList() && wety.IsDynamic()) {
    return "all list elements must have the same type";
  }
  if (got.IsTuple() && want.IsSet() && wety.IsDynamic()) {
    return "all set elements must have the same type";
  }
  if (got.IsObject() && want.IsMap() && wety.IsDynamic()) {
    return "all map elements must have the same type";
  }
  if ((got.IsTuple() || got.IsObject()) && want.IsCollection()) {
    if (got.IsTuple() && want.IsMap()) return want.FriendlyNameForConstraint() + " required";
    if (got.IsObject() && !want.IsMap()) return want.FriendlyNameForConstraint() + " required";
    if (got.IsTuple()) {
      const auto& elems = got.TupleElements();
      for (size_t i = 0; i < elems.size(); ++i) {
        if (!CanConvert(elems[i], wety)) {
          return "element " + std::to_string(i) + ": " + MismatchMessage(elems[i], wety);
        }
      }
    } else {
      for (const ObjectAttribute& a : got.Attributes()) {
        if (!CanConvert(a.type, wety)) {
          return "element " + Quote(a.name) + ": " + MismatchMessage(a.type, wety);
        }
      }
    }
    return "all elements must be " + wety.FriendlyNameForConstraint();
  }
  if (got.IsCollection() && want.IsCollection()) {
    if (got.IsMap() != want.IsMap()) return want.FriendlyNameForConstraint() + " required";
    std::string noun = want.IsList() ? "list element type"
                                     : (want.IsSet() ? "set element type" : "map element type");
    return "incorrect " + noun + ": " + MismatchMessage(got.ElementType(), wety);
  }
  bool confusing = true;
  if (got.IsPrimitive() != want.IsPrimitive())
    confusing = false;
  else if (want.kind() == TypeKind::kString)
    confusing = false;
  else if ((want.kind() == TypeKind::kBool && got.kind() == TypeKind::kNumber) ||
           (want.kind() == TypeKind::kNumber && got.kind() == TypeKind::kBool)) {
    confusing = false;
  } else if ((got.IsTuple() && want.IsObject()) || (got.IsObject() && want.IsTuple())) {
    confusing = false;
  }
  if (!confusing) return want.FriendlyName() + " required, but have " + got.FriendlyName();
  return want.FriendlyNameForConstraint() + " required";
}

Result<Value> Convert(const Value& value, const Type& want) {
  if (value.type().Equals(want) && !want.HasOptionalAttributes()) return value;
  Path path;
  return Converter(true).Run(value, want, &path);
}

Result<Value> ConvertSafe(const Value& value, const Type& want) {
  if (value.type().Equals(want) && !want.HasOptionalAttributes()) return value;
  Path path;
  return Converter(false).Run(value, want, &path);
}

}  // namespace fw::hcl
