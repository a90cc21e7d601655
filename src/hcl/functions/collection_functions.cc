// Terraform's collection functions, general part: length, alltrue, anytrue, coalesce,
// coalescelist, compact, contains, distinct, index, one, range, sort, sum. Sequence functions
// are in collection_sequences.cc, map functions in collection_maps.cc, set functions in
// collection_sets.cc.
#include <algorithm>
#include <string>
#include <unordered_map>
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

// range() produces at most this many elements, as Terraform.
constexpr size_t kMaxRangeElements = 1024;

Parameter AnyParam(std::string name) {
  return Parameter{.name = std::move(name), .type = Type::Dynamic()};
}

Result<Type> LengthType(const std::vector<Value>& args) {
  const Type& t = args[0].type();
  if (t.IsDynamic() || t.IsCollection() || t.IsStructural() || t.kind() == TypeKind::kString) {
    return Type::Number();
  }
  return ArgError("value", "argument must be a string, a collection type, or a structural type.");
}

Result<Value> Length(const std::vector<Value>& args, const Type&) {
  const Value& v = args[0];
  const Type& t = v.type();
  // Structural types know their length even when the value is unknown.
  if (t.IsTuple()) return Value::Int(static_cast<int64_t>(t.TupleElements().size()));
  if (t.IsObject()) return Value::Int(static_cast<int64_t>(t.Attributes().size()));
  if (!v.IsKnown()) return Value::Unknown(Type::Number());
  if (t.kind() == TypeKind::kString) {
    return Value::Int(functions_internal::GraphemeCount(v.AsString()));
  }
  // A set with unknown elements may shrink when they become known.
  if (t.IsSet() && !v.IsWhollyKnown()) return Value::Unknown(Type::Number());
  return Value::Int(static_cast<int64_t>(v.Length()));
}

Result<Value> AllTrue(const std::vector<Value>& args, const Type&) {
  for (const Value& v : args[0].Elements()) {
    if (!v.IsKnown()) return Value::Unknown(Type::Bool());
    if (v.IsNull() || !v.AsBool()) return Value::False();
  }
  return Value::True();
}

Result<Value> AnyTrue(const std::vector<Value>& args, const Type&) {
  bool unknown = false;
  for (const Value& v : args[0].Elements()) {
    if (!v.IsKnown()) {
      unknown = true;
      continue;
    }
    if (!v.IsNull() && v.AsBool()) return Value::True();
  }
  return unknown ? Value::Unknown(Type::Bool()) : Value::False();
}

Result<Type> CoalesceType(const std::vector<Value>& args) {
  std::vector<Type> types;
  for (const Value& a : args) types.push_back(a.type());
  auto u = types.empty() ? std::nullopt : UnifyTypes(types);
  if (!u) return InvalidArgument("all arguments must have the same type");
  return *u;
}

Result<Value> Coalesce(const std::vector<Value>& args, const Type& ret) {
  for (const Value& a : args) {
    auto c = Convert(a, ret);
    Value v = c.ok() ? *c : a;
    if (!v.IsKnown()) return Value::Unknown(ret);
    if (v.IsNull()) continue;
    if (ret.kind() == TypeKind::kString && v.AsString().empty()) continue;
    return v;
  }
  return InvalidArgument("no non-null, non-empty-string arguments");
}

Result<Type> CoalesceListType(const std::vector<Value>& args) {
  if (args.empty()) return InvalidArgument("at least one argument is required");
  for (const Value& a : args) {
    if (!a.IsKnown()) return Type::Dynamic();
    if (!a.type().IsList() && !a.type().IsTuple()) {
      return InvalidArgument("coalescelist arguments must be lists or tuples");
    }
  }
  for (const Value& a : args) {
    if (!a.type().Equals(args[0].type())) return Type::Dynamic();
  }
  return args[0].type();
}

Result<Value> CoalesceList(const std::vector<Value>& args, const Type& ret) {
  for (const Value& a : args) {
    if (!a.IsKnown()) return Value::Unknown(ret);
    if (a.IsNull()) continue;
    if (a.Length() > 0) return a;
  }
  return InvalidArgument("no non-null arguments");
}

Result<Value> Compact(const std::vector<Value>& args, const Type& ret) {
  if (!args[0].IsWhollyKnown()) return Value::Unknown(ret);
  std::vector<Value> out;
  for (const Value& v : args[0].Elements()) {
    if (v.IsNull() || v.AsString().empty()) continue;
    out.push_back(v);
  }
  return Value::List(Type::String(), std::move(out));
}

Result<Value> Contains(const std::vector<Value>& args, const Type&) {
  const Type& t = args[0].type();
  if (!t.IsList() && !t.IsTuple() && !t.IsSet()) {
    return InvalidArgument("argument must be list, tuple, or set");
  }
  if (args[0].Length() == 0) return Value::False();
  if (!args[1].IsKnown()) return Value::Unknown(Type::Bool());
  bool unknown = false;
  for (const Value& e : args[0].Elements()) {
    Value eq = args[1].Equals(e);
    if (!eq.IsKnown()) {
      unknown = true;
      continue;
    }
    if (eq.AsBool()) return Value::True();
  }
  return unknown ? Value::Unknown(Type::Bool()) : Value::False();
}

Result<Value> Distinct(const std::vector<Value>& args, const Type& ret) {
  const Value& list = args[0];
  if (!list.IsWhollyKnown()) return Value::Unknown(ret);
  std::unordered_multimap<size_t, size_t> seen;  // hash -> index in out
  std::vector<Value> out;
  for (const Value& v : list.Elements()) {
    size_t h = v.Hash();
    bool dup = false;
    auto [lo, hi] = seen.equal_range(h);
    for (auto it = lo; it != hi && !dup; ++it) dup = out[it->second].RawEquals(v);
    if (dup) continue;
    seen.emplace(h, out.size());
    out.push_back(v);
  }
  return Value::List(ret.ElementType(), std::move(out));
}

Result<Value> IndexOf(const std::vector<Value>& args, const Type&) {
  const Type& t = args[0].type();
  if (!t.IsList() && !t.IsTuple()) return InvalidArgument("argument must be a list or tuple");
  const std::vector<Value>& elems = args[0].Elements();
  if (elems.empty()) return InvalidArgument("cannot search an empty list");
  for (size_t i = 0; i < elems.size(); ++i) {
    Value eq = elems[i].Equals(args[1]);
    if (!eq.IsKnown()) return Value::Unknown(Type::Number());
    if (eq.AsBool()) return Value::Int(static_cast<int64_t>(i));
  }
  return InvalidArgument("item not found");
}

constexpr char kOneError[] = "must be a list, set, or tuple value with either zero or one elements";

Result<Type> OneType(const std::vector<Value>& args) {
  const Type& t = args[0].type();
  if (t.IsList() || t.IsSet()) return t.ElementType();
  if (t.IsTuple()) {
    if (t.TupleElements().empty()) return Type::Dynamic();
    if (t.TupleElements().size() == 1) return t.TupleElements()[0];
  }
  return ArgError("list", kOneError);
}

Result<Value> One(const std::vector<Value>& args, const Type& ret) {
  const Value& v = args[0];
  if (v.type().IsSet() && !v.IsWhollyKnown()) return Value::Unknown(ret);
  if (v.Length() == 0) return Value::Null(ret);
  if (v.Length() == 1) return v.Elements()[0];
  return ArgError("list", kOneError);
}

Result<Value> Sum(const std::vector<Value>& args, const Type&) {
  const Value& v = args[0];
  const Type& t = v.type();
  if (!t.IsCollection() && !t.IsStructural()) return ArgError("list", "cannot sum noniterable");
  if (v.Length() == 0) return ArgError("list", "cannot sum an empty list");
  if (!t.IsList() && !t.IsSet() && !t.IsTuple()) {
    return ArgError("list", "argument must be list, set, or tuple. Received " + t.FriendlyName());
  }
  if (!v.IsWhollyKnown()) return Value::Unknown(Type::Number());
  Number total;
  bool first = true;
  for (const Value& e : v.Elements()) {
    auto n = e.IsNull() ? Result<Value>(InvalidArgument("null")) : Convert(e, Type::Number());
    if (!n.ok()) {
      return ArgError("list", "argument must be list, set, or tuple of number values");
    }
    if (first) {
      total = n->AsNumber();
      first = false;
      continue;
    }
    auto s = total.Add(n->AsNumber());
    if (!s.ok()) return InvalidArgument("can't compute sum of opposing infinities");
    total = *s;
  }
  return Value::Num(total);
}

Result<Value> Sort(const std::vector<Value>& args, const Type& ret) {
  const Value& list = args[0];
  if (!list.IsWhollyKnown()) return Value::Unknown(ret);
  std::vector<std::string> strs;
  const std::vector<Value>& elems = list.Elements();
  for (size_t i = 0; i < elems.size(); ++i) {
    if (elems[i].IsNull()) {
      return InvalidArgument("given list element " + std::to_string(i) +
                             " is null; a null string cannot be sorted");
    }
    strs.push_back(elems[i].AsString());
  }
  std::sort(strs.begin(), strs.end());
  std::vector<Value> out;
  for (std::string& s : strs) out.push_back(Value::String(std::move(s)));
  return Value::List(Type::String(), std::move(out));
}

Result<Value> Range(const std::vector<Value>& args, const Type&) {
  Number start, end, step;
  switch (args.size()) {
    case 1:
      end = args[0].AsNumber();
      step = Number(end.Sign() < 0 ? -1 : 1);
      break;
    case 2:
      start = args[0].AsNumber();
      end = args[1].AsNumber();
      step = Number(end < start ? -1 : 1);
      break;
    case 3:
      start = args[0].AsNumber();
      end = args[1].AsNumber();
      step = args[2].AsNumber();
      break;
    default:
      return InvalidArgument("must have one, two, or three arguments");
  }
  if (step.IsZero()) return ArgError("params", "step must not be zero");
  bool down = step.Sign() < 0;
  if (down && end > start) {
    return ArgError("params", "end must be less than start when step is negative");
  }
  if (!down && end < start) {
    return ArgError("params", "end must be greater than start when step is positive");
  }
  std::vector<Value> vals;
  Number num = start;
  while (down ? num > end : num < end) {
    if (vals.size() >= kMaxRangeElements) {
      return InvalidArgument(
          "more than 1024 values were generated; either decrease the difference between start "
          "and end or use a smaller step");
    }
    vals.push_back(Value::Num(num));
    FW_ASSIGN_OR_RETURN(num, num.Add(step));
  }
  return Value::List(Type::Number(), std::move(vals));
}

}  // namespace

void RegisterCollectionFunctions(FunctionRegistry* registry) {
  auto add = [registry](FunctionSpec spec) {
    registry->Register(WithCtyUnknowns(std::move(spec)));
  };
  add(FunctionSpec{
      .name = "length",
      .description = "Returns the total number of elements in a collection, or characters in a "
                     "string.",
      .params = {Parameter{
          .name = "value", .type = Type::Dynamic(), .allow_unknown = true, .allow_dynamic = true}},
      .variadic = std::nullopt,
      .return_type = LengthType,
      .impl = Length,
  });
  Parameter bools = Param("list", Type::List(Type::Bool()));
  add(FunctionSpec{
      .name = "alltrue",
      .description = "Returns true if all elements in a given collection are true or \"true\".",
      .params = {bools},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::Bool()),
      .impl = AllTrue,
  });
  add(FunctionSpec{
      .name = "anytrue",
      .description = "Returns true if any element in a given collection is true or \"true\".",
      .params = {bools},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::Bool()),
      .impl = AnyTrue,
  });
  Parameter vals{.name = "vals",
                 .type = Type::Dynamic(),
                 .allow_null = true,
                 .allow_unknown = true,
                 .allow_dynamic = true};
  add(FunctionSpec{
      .name = "coalesce",
      .description = "Returns the first of the given arguments that isn't null, or raises an "
                     "error if there are no non-null arguments.",
      .params = {},
      .variadic = vals,
      .return_type = CoalesceType,
      .impl = Coalesce,
  });
  add(FunctionSpec{
      .name = "coalescelist",
      .description = "Returns the first of the given sequences that has a length greater than "
                     "zero.",
      .params = {},
      .variadic = vals,
      .return_type = CoalesceListType,
      .impl = CoalesceList,
  });
  add(FunctionSpec{
      .name = "compact",
      .description = "Removes all empty string elements from the given list of strings.",
      .params = {Param("list", Type::List(Type::String()))},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::List(Type::String())),
      .impl = Compact,
  });
  add(FunctionSpec{
      .name = "contains",
      .description = "Returns true if the given value is a value in the given list, tuple, or "
                     "set, or false otherwise.",
      .params = {AnyParam("list"),
                 Parameter{.name = "value", .type = Type::Dynamic(), .allow_null = true}},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::Bool()),
      .impl = Contains,
  });
  add(FunctionSpec{
      .name = "distinct",
      .description = "Removes any duplicate values from the given list, preserving the order "
                     "of remaining elements.",
      .params = {Param("list", Type::List(Type::Dynamic()))},
      .variadic = std::nullopt,
      .return_type = [](const std::vector<Value>& args) -> Result<Type> { return args[0].type(); },
      .impl = Distinct,
  });
  add(FunctionSpec{
      .name = "index",
      .description = "Finds the element index for a given value in a list.",
      .params = {AnyParam("list"), AnyParam("value")},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::Number()),
      .impl = IndexOf,
  });
  add(FunctionSpec{
      .name = "one",
      .description = "Returns either the first element of a one-element list, or null if "
                     "given a zero-element list.",
      .params = {AnyParam("list")},
      .variadic = std::nullopt,
      .return_type = OneType,
      .impl = One,
  });
  add(FunctionSpec{
      .name = "sum",
      .description = "Returns the total sum of the elements of the given list.",
      .params = {AnyParam("list")},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::Number()),
      .impl = Sum,
  });
  add(FunctionSpec{
      .name = "sort",
      .description = "Applies a lexicographic sort to the elements of the given list.",
      .params = {Parameter{
          .name = "list", .type = Type::List(Type::String()), .allow_unknown = true}},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::List(Type::String())),
      .impl = Sort,
  });
  add(FunctionSpec{
      .name = "range",
      .description = "Returns a list of numbers spread evenly over a particular range.",
      .params = {},
      .variadic = Param("params", Type::Number()),
      .return_type = StaticReturnType(Type::List(Type::Number())),
      .impl = Range,
  });
  RegisterCollectionSequenceFunctions(registry);
  RegisterCollectionMapFunctions(registry);
  RegisterCollectionSetFunctions(registry);
}

}  // namespace fw::hcl
