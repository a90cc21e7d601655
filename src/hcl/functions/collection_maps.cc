// Terraform's map functions: keys, lookup, matchkeys, merge, transpose, values, zipmap.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "hcl/convert.h"
#include "hcl/functions/function.h"
#include "hcl/functions/string_common.h"

namespace fw::hcl {
namespace {

using functions_internal::ArgError;
using functions_internal::Param;
using functions_internal::WithCtyUnknowns;

Parameter Marked(std::string name, Type type) {
  return Parameter{.name = std::move(name), .type = std::move(type), .allow_marked = true};
}

// Go's %q of a string (for messages).
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

Result<Type> KeysType(const std::vector<Value>& args) {
  const Type& t = args[0].type();
  if (t.IsMap()) return Type::List(Type::String());
  if (t.IsObject()) return Type::Tuple(std::vector<Type>(t.Attributes().size(), Type::String()));
  return ArgError("inputMap", "must have map or object type");
}

Result<Value> Keys(const std::vector<Value>& args, const Type& ret) {
  Marks marks = args[0].marks();
  Value m = args[0].Unmark();
  std::vector<Value> keys;
  if (m.type().IsObject()) {
    for (const ObjectAttribute& a : m.type().Attributes()) keys.push_back(Value::String(a.name));
    return Value::Tuple(std::move(keys)).WithMarks(marks);
  }
  if (!m.IsKnown()) return Value::Unknown(ret).WithMarks(marks);
  for (const std::string& k : m.Keys()) keys.push_back(Value::String(k));
  return Value::List(Type::String(), std::move(keys)).WithMarks(marks);
}

Result<Type> ValuesType(const std::vector<Value>& args) {
  const Type& t = args[0].type();
  if (t.IsMap()) return Type::List(t.ElementType());
  if (t.IsObject()) {
    std::vector<Type> tys;
    for (const ObjectAttribute& a : t.Attributes()) tys.push_back(a.type);
    return Type::Tuple(std::move(tys));
  }
  return InvalidArgument("values() requires a map as the first argument");
}

Result<Value> Values(const std::vector<Value>& args, const Type& ret) {
  Marks marks = args[0].marks();
  Value m = args[0].Unmark();
  std::vector<Value> vals = m.Elements();
  if (ret.IsTuple()) return Value::Tuple(std::move(vals)).WithMarks(marks);
  return Value::List(ret.ElementType(), std::move(vals)).WithMarks(marks);
}

Result<Type> LookupType(const std::vector<Value>& args) {
  if (args.size() > 3) {
    return InvalidArgument("lookup() takes two or three arguments, got " +
                           std::to_string(args.size()));
  }
  const Type& t = args[0].type();
  if (t.IsObject()) {
    if (!args[1].IsKnown()) return Type::Dynamic();
    const std::string& key = args[1].AsString();
    if (const ObjectAttribute* a = t.FindAttribute(key)) return a->type;
    if (args.size() == 3) return args[2].type();
    return ArgError("inputMap", "the given object has no attribute " + Quote(key));
  }
  if (t.IsMap()) {
    if (args.size() == 3 && !Convert(args[2].UnmarkDeep(), t.ElementType()).ok()) {
      return ArgError("default", "the default value must have the same type as the map elements");
    }
    return t.ElementType();
  }
  return ArgError("inputMap", "lookup() requires a map as the first argument");
}

Result<Value> Lookup(const std::vector<Value>& args, const Type& ret) {
  Marks marks = args[0].marks() | args[1].marks();
  Value map = args[0].Unmark();
  Value key = args[1].Unmark();
  if (!map.IsKnown() || !key.IsKnown()) return Value::Unknown(ret).WithMarks(marks);
  const std::string& k = key.AsString();
  if (const Value* v = map.Get(k)) return v->WithMarks(marks);
  if (args.size() == 3) {
    auto d = Convert(args[2], ret);
    if (!d.ok()) return d.status();
    return d->WithMarks(marks);
  }
  std::string shown = (args[1].marks() & kSensitive) ? "(sensitive value)" : Quote(k);
  return InvalidArgument("lookup failed to find key " + shown);
}

Result<Type> MatchkeysType(const std::vector<Value>& args) {
  if (!UnifyTypes({args[1].type(), args[2].type()})) {
    return InvalidArgument("keys and searchset must be of the same type");
  }
  return args[0].type();
}

Result<Value> Matchkeys(const std::vector<Value>& args, const Type& ret) {
  const Type& ety = ret.ElementType();
  if (args[0].Length() != args[1].Length()) {
    return InvalidArgument("length of keys and values should be equal");
  }
  std::optional<Type> ty = UnifyTypes({args[1].type(), args[2].type()});
  FW_ASSIGN_OR_RETURN(Value keys, Convert(args[1], *ty));
  FW_ASSIGN_OR_RETURN(Value search, Convert(args[2], *ty));
  if (search.Length() == 0) return Value::List(ety, {});
  if (!args[0].IsWhollyKnown() || !keys.IsWhollyKnown()) return Value::Unknown(ret);
  std::vector<Value> out;
  const std::vector<Value>& vals = args[0].Elements();
  for (size_t i = 0; i < keys.Elements().size(); ++i) {
    for (const Value& s : search.Elements()) {
      Value eq = keys.Elements()[i].Equals(s);
      if (!eq.IsKnown()) return Value::List(ety, {});
      if (eq.AsBool()) {
        out.push_back(vals[i]);
        break;
      }
    }
  }
  return Value::List(ety, std::move(out));
}

Result<Type> MergeType(const std::vector<Value>& args) {
  if (args.empty()) return Type::EmptyObject();
  std::map<std::string, Type> attrs;
  std::optional<Type> first;
  bool matching = true;
  bool attrs_known = true;
  for (const Value& arg : args) {
    Type t = arg.type();
    if (t.IsDynamic()) return Type::Dynamic();
    if (!t.IsMap() && !t.IsObject()) {
      return InvalidArgument("arguments must be maps or objects, got " + Quote(t.FriendlyName()));
    }
    if (t.IsObject()) {
      if (arg.IsNull()) t = Type::EmptyObject();
      for (const ObjectAttribute& a : t.Attributes()) attrs.insert_or_assign(a.name, a.type);
    } else if (!arg.IsNull()) {
      if (arg.IsKnown()) {
        for (const std::string& k : arg.Keys()) attrs.insert_or_assign(k, t.ElementType());
      } else {
        attrs_known = false;
      }
    }
    if (!first) {
      first = t;
    } else if (matching && !t.Equals(*first)) {
      matching = false;
    }
  }
  if (matching) return *first;
  if (!attrs_known) return Type::Dynamic();
  return Type::Object(std::vector<std::pair<std::string, Type>>(attrs.begin(), attrs.end()));
}

Result<Value> Merge(const std::vector<Value>& args, const Type& ret) {
  std::map<std::string, Value> out;
  Marks marks = kNoMarks;
  for (const Value& arg : args) {
    if (arg.IsNull()) continue;
    marks |= arg.marks();
    Value m = arg.Unmark();
    for (size_t i = 0; i < m.Keys().size(); ++i) {
      out.insert_or_assign(m.Keys()[i], m.Elements()[i]);
    }
  }
  std::vector<std::pair<std::string, Value>> entries(out.begin(), out.end());
  if (ret.IsMap()) return Value::Map(ret.ElementType(), std::move(entries)).WithMarks(marks);
  return Value::Object(std::move(entries)).WithMarks(marks);
}

Result<Value> Transpose(const std::vector<Value>& args, const Type& ret) {
  const Value& in = args[0];
  if (!in.IsWhollyKnown()) return Value::Unknown(ret);
  std::map<std::string, std::vector<std::string>> tmp;
  for (size_t i = 0; i < in.Keys().size(); ++i) {
    const Value& list = in.Elements()[i];
    if (list.IsNull()) return InvalidArgument("input must not contain null list");
    for (const Value& v : list.Elements()) {
      if (v.IsNull()) return InvalidArgument("input list must not contain null string");
      std::vector<std::string>& keys = tmp[v.AsString()];
      keys.insert(std::upper_bound(keys.begin(), keys.end(), in.Keys()[i]), in.Keys()[i]);
    }
  }
  std::vector<std::pair<std::string, Value>> out;
  for (auto& [k, keys] : tmp) {
    std::vector<Value> vals;
    for (std::string& s : keys) vals.push_back(Value::String(std::move(s)));
    out.push_back({k, Value::List(Type::String(), std::move(vals))});
  }
  return Value::Map(Type::List(Type::String()), std::move(out));
}

Result<Type> ZipmapType(const std::vector<Value>& args) {
  const Type& vt = args[1].type();
  if (vt.IsList()) return Type::Map(vt.ElementType());
  if (vt.IsTuple()) {
    if (!args[0].IsWhollyKnown()) return Type::Dynamic();
    const std::vector<Value>& keys = args[0].Unmark().Elements();
    const std::vector<Type>& vtys = vt.TupleElements();
    if (keys.size() != vtys.size()) {
      return InvalidArgument("number of keys (" + std::to_string(keys.size()) +
                             ") does not match number of values (" + std::to_string(vtys.size()) +
                             ")");
    }
    std::map<std::string, Type> attrs;
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i].IsNull()) {
        return InvalidArgument("keys list has null value at index " + std::to_string(i));
      }
      attrs.insert_or_assign(keys[i].AsString(), vtys[i]);
    }
    return Type::Object(std::vector<std::pair<std::string, Type>>(attrs.begin(), attrs.end()));
  }
  return InvalidArgument("values argument must be a list or tuple value");
}

Result<Value> Zipmap(const std::vector<Value>& args, const Type& ret) {
  Marks marks = args[0].marks() | args[1].marks();
  Value keys = args[0].Unmark();
  Value values = args[1].Unmark();
  if (!keys.IsWhollyKnown()) return Value::Unknown(ret).WithMarks(marks);
  if (!values.IsKnown()) return Value::Unknown(ret).WithMarks(marks);
  if (keys.Length() != values.Length()) {
    return InvalidArgument("number of keys (" + std::to_string(keys.Length()) +
                           ") does not match number of values (" + std::to_string(values.Length()) +
                           ")");
  }
  std::map<std::string, Value> out;
  for (size_t i = 0; i < keys.Length(); ++i) {
    const Value& k = keys.Elements()[i];
    if (k.IsNull())
      return InvalidArgument("keys list has null value at index " + std::to_string(i));
    marks |= k.marks();
    out.insert_or_assign(k.AsString(), values.Elements()[i]);
  }
  std::vector<std::pair<std::string, Value>> entries(out.begin(), out.end());
  if (ret.IsMap()) return Value::Map(ret.ElementType(), std::move(entries)).WithMarks(marks);
  return Value::Object(std::move(entries)).WithMarks(marks);
}

}  // namespace

void RegisterCollectionMapFunctions(FunctionRegistry* registry) {
  auto add = [registry](FunctionSpec spec) {
    registry->Register(WithCtyUnknowns(std::move(spec)));
  };
  add(FunctionSpec{
      .name = "keys",
      .description = "Takes a map and returns a sorted list of the map keys.",
      .params = {Parameter{.name = "inputMap",
                           .type = Type::Dynamic(),
                           .allow_unknown = true,
                           .allow_marked = true}},
      .variadic = std::nullopt,
      .return_type = KeysType,
      .impl = Keys,
  });
  add(FunctionSpec{
      .name = "values",
      .description = "Returns a list of the map values, in the order of the sorted keys.",
      .params = {Marked("mapping", Type::Dynamic())},
      .variadic = std::nullopt,
      .return_type = ValuesType,
      .impl = Values,
  });
  add(FunctionSpec{
      .name = "lookup",
      .description = "Retrieves the value of a single element from a map, given its key. If "
                     "the given key does not exist, the given default value is returned "
                     "instead.",
      .params = {Parameter{.name = "inputMap",
                           .type = Type::Dynamic(),
                           .allow_unknown = true,
                           .allow_marked = true},
                 Parameter{.name = "key",
                           .type = Type::String(),
                           .allow_unknown = true,
                           .allow_marked = true}},
      .variadic = Parameter{.name = "default",
                            .type = Type::Dynamic(),
                            .allow_null = true,
                            .allow_unknown = true,
                            .allow_dynamic = true,
                            .allow_marked = true},
      .return_type = LookupType,
      .impl = Lookup,
  });
  Parameter any_list = Param("values", Type::List(Type::Dynamic()));
  add(FunctionSpec{
      .name = "matchkeys",
      .description = "Constructs a new list by taking a subset of elements from one list whose "
                     "indexes match the corresponding indexes of values in another list.",
      .params = {any_list, Param("keys", Type::List(Type::Dynamic())),
                 Param("searchset", Type::List(Type::Dynamic()))},
      .variadic = std::nullopt,
      .return_type = MatchkeysType,
      .impl = Matchkeys,
  });
  add(FunctionSpec{
      .name = "merge",
      .description = "Merges all of the elements from the given maps into a single map, or the "
                     "attributes from given objects into a single object.",
      .params = {},
      .variadic = Parameter{.name = "maps",
                            .type = Type::Dynamic(),
                            .allow_null = true,
                            .allow_dynamic = true,
                            .allow_marked = true},
      .return_type = MergeType,
      .impl = Merge,
  });
  add(FunctionSpec{
      .name = "transpose",
      .description = "Takes a map of lists of strings and swaps the keys and values to produce "
                     "a new map of lists of strings.",
      .params = {Param("values", Type::Map(Type::List(Type::String())))},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::Map(Type::List(Type::String()))),
      .impl = Transpose,
  });
  add(FunctionSpec{
      .name = "zipmap",
      .description = "Constructs a map from a list of keys and a corresponding list of values.",
      .params = {Marked("keys", Type::List(Type::String())), Marked("values", Type::Dynamic())},
      .variadic = std::nullopt,
      .return_type = ZipmapType,
      .impl = Zipmap,
  });
}

}  // namespace fw::hcl
