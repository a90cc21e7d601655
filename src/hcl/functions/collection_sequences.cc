// Terraform's sequence functions: chunklist, concat, element, flatten, reverse, slice. These
// handle marks themselves, as cty does: marks on the arguments mark the result, marks on
// elements stay on those elements.
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
using functions_internal::ToInt;
using functions_internal::WithCtyUnknowns;

Parameter Marked(std::string name, Type type) {
  return Parameter{.name = std::move(name), .type = std::move(type), .allow_marked = true};
}

Result<Value> Chunklist(const std::vector<Value>& args, const Type& ret) {
  Value list = args[0].Unmark();
  Value size_v = args[1].Unmark();
  Marks marks = args[0].marks() | args[1].marks();
  auto size_r = ToInt(size_v.AsNumber());
  if (!size_r.ok()) return InvalidArgument("invalid size: " + size_r.status().message());
  int64_t size = *size_r;
  if (size < 0) return InvalidArgument("the size argument must be positive");
  const Type& list_type = ret.ElementType();
  const std::vector<Value>& elems = list.Elements();
  if (elems.empty()) return Value::List(list_type, {}).WithMarks(marks);
  if (size == 0) return Value::List(list_type, {list}).WithMarks(marks);
  std::vector<Value> out;
  std::vector<Value> chunk;
  for (size_t i = 0; i < elems.size(); ++i) {
    chunk.push_back(elems[i]);
    if ((i + 1) % static_cast<uint64_t>(size) == 0 || i + 1 == elems.size()) {
      out.push_back(Value::List(list_type.ElementType(), std::move(chunk)));
      chunk.clear();
    }
  }
  return Value::List(list_type, std::move(out)).WithMarks(marks);
}

Result<Type> ConcatType(const std::vector<Value>& args) {
  if (args.empty()) return InvalidArgument("at least one argument is required");
  if (args[0].type().IsList()) {
    std::vector<Type> types;
    for (const Value& a : args) {
      if (!a.type().IsList()) break;
      types.push_back(a.type());
    }
    if (types.size() == args.size()) {
      if (auto u = UnifyTypes(types)) return *u;
    }
  }
  std::vector<Type> etys;
  for (const Value& a : args) {
    const Type& t = a.type();
    if (t.IsTuple()) {
      etys.insert(etys.end(), t.TupleElements().begin(), t.TupleElements().end());
    } else if (t.IsList()) {
      if (!a.IsKnown()) return Type::Dynamic();
      etys.insert(etys.end(), a.Length(), t.ElementType());
    } else {
      return ArgError("seqs", "all arguments must be lists or tuples; got " + t.FriendlyName());
    }
  }
  return Type::Tuple(std::move(etys));
}

Result<Value> Concat(const std::vector<Value>& args, const Type& ret) {
  Marks marks = kNoMarks;
  std::vector<Value> vals;
  for (const Value& arg : args) {
    Value seq = arg;
    if (ret.IsList()) {
      auto c = Convert(arg, ret);
      if (!c.ok()) return ArgError("seqs", c.status().message());
      seq = *c;
    }
    marks |= seq.marks();
    seq = seq.Unmark();
    const std::vector<Value>& elems = seq.Elements();
    vals.insert(vals.end(), elems.begin(), elems.end());
  }
  if (ret.IsList()) return Value::List(ret.ElementType(), std::move(vals)).WithMarks(marks);
  return Value::Tuple(std::move(vals)).WithMarks(marks);
}

// Go's modulo wrap of an index into [0, len).
int64_t Wrap(int64_t index, int64_t len) {
  index %= len;
  return index < 0 ? index + len : index;
}

Result<Type> ElementType(const std::vector<Value>& args) {
  const Type& t = args[0].type();
  if (t.IsList()) return t.ElementType();
  if (t.IsTuple()) {
    if (!args[1].IsKnown()) return Type::Dynamic();
    auto index = ToInt(args[1].AsNumber());
    if (!index.ok()) return InvalidArgument("invalid index: " + index.status().message());
    const std::vector<Type>& etys = t.TupleElements();
    if (etys.empty()) return InvalidArgument("cannot use element function with an empty list");
    return etys[static_cast<size_t>(Wrap(*index, static_cast<int64_t>(etys.size())))];
  }
  return InvalidArgument("cannot read elements from " + t.FriendlyName());
}

Result<Value> Element(const std::vector<Value>& args, const Type& ret) {
  auto index = ToInt(args[1].AsNumber());
  if (!index.ok()) return InvalidArgument("invalid index: " + index.status().message());
  Marks marks = args[0].marks();
  Value input = args[0].Unmark();
  const std::vector<Value>& elems = input.Elements();
  if (elems.empty()) return InvalidArgument("cannot use element function with an empty list");
  if (!input.IsKnown()) return Value::Unknown(ret).WithMarks(marks);
  return elems[static_cast<size_t>(Wrap(*index, static_cast<int64_t>(elems.size())))].WithMarks(
      marks);
}

// Appends the leaves of `v` to `out`; false when some nested sequence is unknown.
bool Flatten(const Value& v, std::vector<Value>* out, Marks* marks) {
  *marks |= v.marks();
  Value list = v.Unmark();
  if (list.type().IsSet() && !list.IsWhollyKnown()) return false;
  bool known = true;
  for (const Value& e : list.Elements()) {
    if (!e.IsKnown() && e.type().IsDynamic()) known = false;
    const Type& t = e.type();
    if (!e.IsNull() && (t.IsList() || t.IsSet() || t.IsTuple())) {
      if (!e.IsKnown()) {
        known = false;
        *marks |= e.marks();
        continue;
      }
      if (!Flatten(e, out, marks)) known = false;
    } else {
      out->push_back(e);
    }
  }
  return known;
}

Result<Type> FlattenType(const std::vector<Value>& args) {
  if (!args[0].IsWhollyKnown()) return Type::Dynamic();
  const Type& t = args[0].type();
  if (!t.IsList() && !t.IsSet() && !t.IsTuple()) {
    return InvalidArgument("can only flatten lists, sets and tuples");
  }
  std::vector<Value> out;
  Marks marks = kNoMarks;
  if (!Flatten(args[0], &out, &marks)) return Type::Dynamic();
  std::vector<Type> types;
  for (const Value& v : out) types.push_back(v.type());
  return Type::Tuple(std::move(types));
}

Result<Value> FlattenImpl(const std::vector<Value>& args, const Type& ret) {
  std::vector<Value> out;
  Marks marks = kNoMarks;
  if (ret.IsDynamic() || !Flatten(args[0], &out, &marks)) {
    return Value::Unknown(ret).WithMarks(marks | args[0].DeepMarks());
  }
  return Value::Tuple(std::move(out)).WithMarks(marks);
}

Result<Type> ReverseType(const std::vector<Value>& args) {
  const Type& t = args[0].type();
  if (t.IsTuple()) {
    std::vector<Type> tys(t.TupleElements().rbegin(), t.TupleElements().rend());
    return Type::Tuple(std::move(tys));
  }
  if (t.IsList() || t.IsSet()) return Type::List(t.ElementType());
  return ArgError("list", "can only reverse list or tuple values, not " + t.FriendlyName());
}

Result<Value> Reverse(const std::vector<Value>& args, const Type& ret) {
  Marks marks = args[0].marks();
  Value in = args[0].Unmark();
  std::vector<Value> out(in.Elements().rbegin(), in.Elements().rend());
  if (ret.IsTuple()) return Value::Tuple(std::move(out)).WithMarks(marks);
  return Value::List(ret.ElementType(), std::move(out)).WithMarks(marks);
}

struct SliceIndexes {
  int64_t start = 0, end = 0;
  bool known = false;
};

Result<SliceIndexes> GetSliceIndexes(const std::vector<Value>& args) {
  SliceIndexes r;
  const Value& list = args[0];
  bool length_known = list.type().IsTuple() || list.IsKnown();
  int64_t length = list.type().IsTuple()
                       ? static_cast<int64_t>(list.type().TupleElements().size())
                       : (list.IsKnown() ? static_cast<int64_t>(list.Length()) : 0);
  bool start_known = false, end_known = false;
  if (args[1].IsKnown()) {
    auto s = ToInt(args[1].AsNumber());
    if (!s.ok()) return ArgError("start_index", "invalid start index: " + s.status().message());
    r.start = *s;
    if (r.start < 0) return ArgError("start_index", "start index must not be less than zero");
    if (length_known && r.start > length) {
      return ArgError("start_index", "start index must not be greater than the length of the list");
    }
    start_known = true;
  }
  if (args[2].IsKnown()) {
    auto e = ToInt(args[2].AsNumber());
    if (!e.ok()) return ArgError("end_index", "invalid end index: " + e.status().message());
    r.end = *e;
    if (r.end < 0) return ArgError("end_index", "end index must not be less than zero");
    if (length_known && r.end > length) {
      return ArgError("end_index", "end index must not be greater than the length of the list");
    }
    end_known = true;
  }
  if (start_known && end_known && r.start > r.end) {
    return ArgError("start_index", "start index must not be greater than end index");
  }
  r.known = start_known && end_known;
  return r;
}

Result<Type> SliceType(const std::vector<Value>& args) {
  const Type& t = args[0].type();
  if (t.IsSet()) {
    return ArgError("list",
                    "cannot slice a set, because its elements do not have indices; explicitly "
                    "convert to a list if the ordering of the result is not important");
  }
  if (!t.IsList() && !t.IsTuple()) return ArgError("list", "must be a list or tuple value");
  FW_ASSIGN_OR_RETURN(SliceIndexes idx, GetSliceIndexes(args));
  if (t.IsList()) return t;
  if (!idx.known) return Type::Dynamic();
  const std::vector<Type>& etys = t.TupleElements();
  return Type::Tuple(std::vector<Type>(etys.begin() + idx.start, etys.begin() + idx.end));
}

Result<Value> Slice(const std::vector<Value>& args, const Type& ret) {
  Marks marks = args[0].marks();
  if (ret.IsDynamic()) return Value::DynamicUnknown().WithMarks(marks);
  FW_ASSIGN_OR_RETURN(SliceIndexes idx, GetSliceIndexes(args));
  const std::vector<Value>& elems = args[0].Unmark().Elements();
  std::vector<Value> out(elems.begin() + idx.start, elems.begin() + idx.end);
  if (ret.IsTuple()) return Value::Tuple(std::move(out)).WithMarks(marks);
  return Value::List(ret.ElementType(), std::move(out)).WithMarks(marks);
}

}  // namespace

void RegisterCollectionSequenceFunctions(FunctionRegistry* registry) {
  auto add = [registry](FunctionSpec spec) {
    registry->Register(WithCtyUnknowns(std::move(spec)));
  };
  add(FunctionSpec{
      .name = "chunklist",
      .description = "Splits a single list into fixed-size chunks, returning a list of lists.",
      .params = {Marked("list", Type::List(Type::Dynamic())), Marked("size", Type::Number())},
      .variadic = std::nullopt,
      .return_type = [](const std::vector<Value>& args) -> Result<Type> {
        return Type::List(args[0].type());
      },
      .impl = Chunklist,
  });
  add(FunctionSpec{
      .name = "concat",
      .description = "Concatenates together all of the given lists or tuples into a single "
                     "sequence, preserving the input order.",
      .params = {},
      .variadic = Marked("seqs", Type::Dynamic()),
      .return_type = ConcatType,
      .impl = Concat,
  });
  add(FunctionSpec{
      .name = "element",
      .description = "Retrieves a single element from a list.",
      .params = {Marked("list", Type::Dynamic()), Param("index", Type::Number())},
      .variadic = std::nullopt,
      .return_type = ElementType,
      .impl = Element,
  });
  add(FunctionSpec{
      .name = "flatten",
      .description = "Transforms a list, set, or tuple value into a tuple by replacing any "
                     "given elements that are themselves sequences with a flattened tuple of "
                     "all of the nested elements concatenated together.",
      .params = {Marked("list", Type::Dynamic())},
      .variadic = std::nullopt,
      .return_type = FlattenType,
      .impl = FlattenImpl,
  });
  add(FunctionSpec{
      .name = "reverse",
      .description = "Returns the given list with its elements in reverse order.",
      .params = {Marked("list", Type::Dynamic())},
      .variadic = std::nullopt,
      .return_type = ReverseType,
      .impl = Reverse,
  });
  add(FunctionSpec{
      .name = "slice",
      .description = "Extracts a subslice of the given list or tuple value.",
      .params = {Marked("list", Type::Dynamic()), Param("start_index", Type::Number()),
                 Param("end_index", Type::Number())},
      .variadic = std::nullopt,
      .return_type = SliceType,
      .impl = Slice,
  });
}

}  // namespace fw::hcl
