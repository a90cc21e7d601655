#include "hcl/value_json.h"

#include "hcl/convert.h"
#include "hcl/json_text.h"

namespace fw::hcl {
namespace {

using json::JsonValue;
using JK = json::JsonValue::Kind;

Status Err(const Path& path, const std::string& msg) {
  if (path.empty()) return InvalidArgument(msg);
  return InvalidArgument(PathToString(path) + ": " + msg);
}

Status Encode(const Value& v, const Type& type, bool plain, bool escape_html, Path* path,
              std::string* out) {
  if (!v.IsKnown()) return Err(*path, "value is not known");
  if (!plain && type.IsDynamic()) {
    // A null without a type has nothing to wrap (it decodes back to the same).
    if (v.IsNull() && v.type().IsDynamic()) {
      *out += "null";
      return Status::Ok();
    }
    // Wrap with the concrete type so that decoding restores it.
    *out += "{\"value\":";
    FW_RETURN_IF_ERROR(Encode(v, v.type(), false, escape_html, path, out));
    *out += ",\"type\":" + v.type().ToJson() + "}";
    return Status::Ok();
  }
  if (v.IsNull()) {
    *out += "null";
    return Status::Ok();
  }
  const Type& vt = v.type();
  switch (vt.kind()) {
    case TypeKind::kString:
      json::AppendString(out, v.AsString(), escape_html);
      return Status::Ok();
    case TypeKind::kNumber:
      if (v.AsNumber().IsInfinite()) return Err(*path, "value must be finite");
      *out += v.AsNumber().ToString();
      return Status::Ok();
    case TypeKind::kBool:
      *out += v.AsBool() ? "true" : "false";
      return Status::Ok();
    case TypeKind::kDynamic:
      return Err(*path, "value has no concrete type");
    default:
      break;
  }
  const auto& elems = v.Elements();
  bool keyed = vt.IsMap() || vt.IsObject();
  *out += keyed ? '{' : '[';
  for (size_t i = 0; i < elems.size(); ++i) {
    if (i) *out += ',';
    Type ety;
    PathStep step;
    if (vt.IsObject()) {
      const ObjectAttribute* a = type.FindAttribute(v.Keys()[i]);
      ety = (a && !plain) ? a->type : elems[i].type();
      step = {PathStep::Kind::kAttribute, v.Keys()[i], 0};
    } else if (vt.IsTuple()) {
      ety = (!plain && i < type.TupleElements().size()) ? type.TupleElements()[i] : elems[i].type();
      step.index = static_cast<int64_t>(i);
    } else {
      ety = plain ? elems[i].type() : type.ElementType();
      if (vt.IsMap()) {
        step = {PathStep::Kind::kKey, v.Keys()[i], 0};
      } else {
        step.index = static_cast<int64_t>(i);
      }
    }
    if (keyed) {
      json::AppendString(out, v.Keys()[i], escape_html);
      *out += ':';
    }
    path->push_back(std::move(step));
    Status s = Encode(elems[i].Unmark(), ety, plain, escape_html, path, out);
    path->pop_back();
    FW_RETURN_IF_ERROR(s);
  }
  *out += keyed ? '}' : ']';
  return Status::Ok();
}

Result<Value> Decode(const JsonValue& j, const Type& type, Path* path) {
  if (type.IsDynamic()) {
    if (j.kind == JK::kNull) return Value::Null(Type::Dynamic());
    if (j.kind != JK::kObject) return Err(*path, "missing type wrapper for dynamic value");
    const JsonValue* jv = nullptr;
    const JsonValue* jt = nullptr;
    for (const auto& [k, m] : j.members) {
      if (k == "value") jv = &m;
      if (k == "type") jt = &m;
    }
    if (!jv || !jt) return Err(*path, "dynamic value must have \"value\" and \"type\"");
    std::string type_text;
    // Re-encode the type spec via its parser: types are small.
    struct Local {
      static void Write(const JsonValue& x, std::string* o) {
        switch (x.kind) {
          case JK::kString:
            json::AppendString(o, x.text);
            break;
          case JK::kArray:
            *o += '[';
            for (size_t i = 0; i < x.items.size(); ++i) {
              if (i) *o += ',';
              Write(x.items[i], o);
            }
            *o += ']';
            break;
          case JK::kObject:
            *o += '{';
            for (size_t i = 0; i < x.members.size(); ++i) {
              if (i) *o += ',';
              json::AppendString(o, x.members[i].first);
              *o += ':';
              Write(x.members[i].second, o);
            }
            *o += '}';
            break;
          default:
            *o += "null";
        }
      }
    };
    Local::Write(*jt, &type_text);
    auto t = Type::FromJson(type_text);
    if (!t.ok()) return Err(*path, t.status().message());
    if (t->IsDynamic()) return Err(*path, "dynamic value has dynamic type");
    return Decode(*jv, *t, path);
  }
  if (j.kind == JK::kNull) return Value::Null(type.WithoutOptionalAttributes());
  switch (type.kind()) {
    case TypeKind::kString:
      if (j.kind == JK::kString) return Value::String(j.text);
      if (j.kind == JK::kNumber) return Value::String(j.text);
      if (j.kind == JK::kBool) return Value::String(j.boolean ? "true" : "false");
      return Err(*path, "string required");
    case TypeKind::kNumber: {
      if (j.kind != JK::kNumber && j.kind != JK::kString) return Err(*path, "number required");
      auto n = Number::ParseString(j.text);
      if (!n.ok()) return Err(*path, "a number is required");
      return Value::Num(std::move(n).value());
    }
    case TypeKind::kBool:
      if (j.kind == JK::kBool) return Value::Bool(j.boolean);
      if (j.kind == JK::kString && (j.text == "true" || j.text == "false")) {
        return Value::Bool(j.text == "true");
      }
      return Err(*path, "bool required");
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple: {
      if (j.kind != JK::kArray) return Err(*path, type.FriendlyName() + " required");
      if (type.IsTuple() && j.items.size() != type.TupleElements().size()) {
        return Err(*path, "tuple required with " + std::to_string(type.TupleElements().size()) +
                              " elements");
      }
      std::vector<Value> elems;
      elems.reserve(j.items.size());
      for (size_t i = 0; i < j.items.size(); ++i) {
        path->push_back(PathStep{PathStep::Kind::kIndex, {}, static_cast<int64_t>(i)});
        auto r =
            Decode(j.items[i], type.IsTuple() ? type.TupleElements()[i] : type.ElementType(), path);
        path->pop_back();
        if (!r.ok()) return r.status();
        elems.push_back(std::move(r).value());
      }
      if (type.IsTuple()) return Value::Tuple(std::move(elems));
      Type ety = type.ElementType().WithoutOptionalAttributes();
      if (ety.HasDynamic() && !elems.empty()) {
        FW_ASSIGN_OR_RETURN(elems, UnifyValues(elems, &ety));
      }
      if (type.IsList()) return Value::List(ety, std::move(elems));
      return Value::Set(ety, std::move(elems));
    }
    case TypeKind::kMap:
    case TypeKind::kObject: {
      if (j.kind != JK::kObject) return Err(*path, type.FriendlyName() + " required");
      std::vector<std::pair<std::string, Value>> entries;
      for (const auto& [k, m] : j.members) {
        Type ety = type.ElementType();
        if (type.IsObject()) {
          const ObjectAttribute* a = type.FindAttribute(k);
          if (!a) return Err(*path, "unsupported attribute \"" + k + "\"");
          ety = a->type;
        }
        path->push_back(
            PathStep{type.IsMap() ? PathStep::Kind::kKey : PathStep::Kind::kAttribute, k, 0});
        auto r = Decode(m, ety, path);
        path->pop_back();
        if (!r.ok()) return r.status();
        entries.emplace_back(k, std::move(r).value());
      }
      if (type.IsMap()) {
        Type ety = type.ElementType().WithoutOptionalAttributes();
        if (ety.HasDynamic() && !entries.empty()) {
          std::vector<Value> vals;
          for (auto& e : entries) vals.push_back(e.second);
          FW_ASSIGN_OR_RETURN(vals, UnifyValues(vals, &ety));
          for (size_t i = 0; i < vals.size(); ++i) entries[i].second = std::move(vals[i]);
        }
        return Value::Map(ety, std::move(entries));
      }
      // Attributes absent from the JSON are null.
      for (const ObjectAttribute& a : type.Attributes()) {
        bool present = false;
        for (const auto& e : entries) present |= e.first == a.name;
        if (!present) entries.emplace_back(a.name, Value::Null(a.type.WithoutOptionalAttributes()));
      }
      return Value::Object(std::move(entries));
    }
    default:
      return Err(*path, "unsupported type");
  }
}

Result<Value> DecodeImplied(const JsonValue& j) {
  switch (j.kind) {
    case JK::kNull:
      return Value::Null(Type::Dynamic());
    case JK::kBool:
      return Value::Bool(j.boolean);
    case JK::kString:
      return Value::String(j.text);
    case JK::kNumber: {
      FW_ASSIGN_OR_RETURN(Number n, Number::ParseString(j.text));
      return Value::Num(std::move(n));
    }
    case JK::kArray: {
      std::vector<Value> elems;
      elems.reserve(j.items.size());
      for (const JsonValue& item : j.items) {
        FW_ASSIGN_OR_RETURN(Value v, DecodeImplied(item));
        elems.push_back(std::move(v));
      }
      return Value::Tuple(std::move(elems));
    }
    case JK::kObject: {
      std::vector<std::pair<std::string, Value>> attrs;
      attrs.reserve(j.members.size());
      for (const auto& [k, m] : j.members) {
        FW_ASSIGN_OR_RETURN(Value v, DecodeImplied(m));
        attrs.emplace_back(k, std::move(v));
      }
      return Value::Object(std::move(attrs));  // a repeated key: the last one wins
    }
  }
  return InvalidArgument("invalid JSON");
}

}  // namespace

Result<std::string> EncodeJson(const Value& value, const Type& type) {
  std::string out;
  Path path;
  FW_RETURN_IF_ERROR(Encode(value.Unmark(), type, false, false, &path, &out));
  return out;
}

Result<Value> DecodeJson(std::string_view text, const Type& type) {
  FW_ASSIGN_OR_RETURN(JsonValue j, json::Parse(text));
  Path path;
  return Decode(j, type, &path);
}

Result<std::string> EncodeJsonPlain(const Value& value, bool escape_html) {
  std::string out;
  Path path;
  FW_RETURN_IF_ERROR(Encode(value.Unmark(), value.type(), true, escape_html, &path, &out));
  return out;
}

Result<Value> DecodeJsonImplied(std::string_view text) {
  FW_ASSIGN_OR_RETURN(JsonValue j, json::Parse(text));
  return DecodeImplied(j);
}

Result<Type> ImpliedTypeOfJson(std::string_view text) {
  FW_ASSIGN_OR_RETURN(Value v, DecodeJsonImplied(text));
  return v.type();
}

}  // namespace fw::hcl
