// Terraform's set functions: setintersection, setproduct, setsubtract, setunion.
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
using functions_internal::WithCtyUnknowns;

// setproduct builds at most this many elements (a bound on the work of one call; Terraform has
// none).
constexpr uint64_t kMaxProductElements = 100000;

enum class SetOp { kUnion, kIntersection, kSubtract };

Parameter SetParam(std::string name) {
  return Parameter{
      .name = std::move(name), .type = Type::Set(Type::Dynamic()), .allow_dynamic = true};
}

Result<Type> SetOperationType(const std::vector<Value>& args) {
  std::vector<Type> etys;
  for (const Value& a : args) {
    const Type& ety = a.type().ElementType();
    if (a.IsKnown() && !a.IsNull() && a.Length() == 0 && ety.IsDynamic()) continue;
    etys.push_back(ety);
  }
  if (etys.empty()) return Type::Set(Type::Dynamic());
  std::optional<Type> u = UnifyTypes(etys);
  if (!u) return InvalidArgument("given sets must all have compatible element types");
  return Type::Set(*u);
}

// Membership by raw equality (hash-indexed).
class ValueIndex {
 public:
  explicit ValueIndex(const std::vector<Value>& values) {
    for (size_t i = 0; i < values.size(); ++i) index_.emplace(values[i].Hash(), &values[i]);
  }
  bool Contains(const Value& v) const {
    auto [lo, hi] = index_.equal_range(v.Hash());
    for (auto it = lo; it != hi; ++it) {
      if (it->second->RawEquals(v)) return true;
    }
    return false;
  }

 private:
  std::unordered_multimap<size_t, const Value*> index_;
};

ImplFn SetOperation(SetOp op) {
  return [op](const std::vector<Value>& args, const Type& ret) -> Result<Value> {
    const std::string first_name = op == SetOp::kSubtract ? "a" : "first_set";
    std::vector<Value> acc;
    for (size_t i = 0; i < args.size(); ++i) {
      auto c = Convert(args[i], ret);
      if (!c.ok()) {
        std::string name = i == 0 ? first_name : (op == SetOp::kSubtract ? "b" : "other_sets");
        return ArgError(name, c.status().message());
      }
      if (op != SetOp::kUnion && !c->IsWhollyKnown()) return Value::Unknown(ret);
      const std::vector<Value>& elems = c->Elements();
      if (i == 0) {
        acc = elems;
        continue;
      }
      if (op == SetOp::kUnion) {
        acc.insert(acc.end(), elems.begin(), elems.end());
        continue;
      }
      ValueIndex other(elems);
      std::vector<Value> kept;
      for (Value& v : acc) {
        if (other.Contains(v) == (op == SetOp::kIntersection)) kept.push_back(std::move(v));
      }
      acc = std::move(kept);
    }
    return Value::Set(ret.ElementType(), std::move(acc));
  };
}

Result<Type> SetProductType(const std::vector<Value>& args) {
  if (args.size() < 2) return InvalidArgument("at least two arguments are required");
  size_t lists = 0;
  std::vector<Type> etys;
  for (const Value& a : args) {
    const Type& t = a.type();
    if (t.IsSet()) {
      etys.push_back(t.ElementType());
    } else if (t.IsList()) {
      etys.push_back(t.ElementType());
      ++lists;
    } else if (t.IsTuple()) {
      ++lists;
      if (t.TupleElements().empty()) {
        etys.push_back(Type::Dynamic());
        continue;
      }
      std::optional<Type> u = UnifyTypes(t.TupleElements());
      if (!u) return ArgError("sets", "all elements must be of the same type");
      etys.push_back(*u);
    } else {
      return ArgError("sets", "a set or a list is required");
    }
  }
  Type tuple = Type::Tuple(std::move(etys));
  return lists == args.size() ? Type::List(tuple) : Type::Set(tuple);
}

Result<Value> SetProduct(const std::vector<Value>& args, const Type& ret) {
  const Type& ety = ret.ElementType();
  Marks marks = kNoMarks;
  std::vector<Value> seqs;
  bool unknown_length = false;
  uint64_t total = 1;
  for (const Value& a : args) {
    marks |= a.marks();
    Value v = a.Unmark();
    if (!v.IsKnown() || (v.type().IsSet() && !v.IsWhollyKnown())) {
      unknown_length = true;
    } else {
      uint64_t len = v.Length();
      total = (len != 0 && total > kMaxProductElements / len + 1) ? kMaxProductElements + 1
                                                                  : total * len;
    }
    seqs.push_back(std::move(v));
  }
  if (unknown_length) return Value::Unknown(ret).WithMarks(marks);
  if (total == 0) {
    return (ret.IsList() ? Value::List(ety, {}) : Value::Set(ety, {})).WithMarks(marks);
  }
  if (total > kMaxProductElements) {
    return InvalidArgument("the product would have more than " +
                           std::to_string(kMaxProductElements) + " elements");
  }
  const std::vector<Type>& sub = ety.TupleElements();
  std::vector<size_t> pos(seqs.size(), 0);
  std::vector<Value> product;
  product.reserve(total);
  for (uint64_t n = 0; n < total; ++n) {
    std::vector<Value> tuple;
    for (size_t j = 0; j < seqs.size(); ++j) {
      const Value& e = seqs[j].Elements()[pos[j]];
      if (e.type().Equals(sub[j])) {
        tuple.push_back(e);
      } else {
        FW_ASSIGN_OR_RETURN(Value c, Convert(e, sub[j]));
        tuple.push_back(std::move(c));
      }
    }
    product.push_back(Value::Tuple(std::move(tuple)));
    for (size_t j = seqs.size(); j-- > 0;) {
      if (++pos[j] < seqs[j].Length()) break;
      pos[j] = 0;
    }
  }
  if (ret.IsList()) return Value::List(ety, std::move(product)).WithMarks(marks);
  return Value::Set(ety, std::move(product)).WithMarks(marks);
}

FunctionSpec SetOperationSpec(std::string name, std::string description, SetOp op) {
  FunctionSpec spec{
      .name = std::move(name),
      .description = std::move(description),
      .params = {SetParam("first_set")},
      .variadic = SetParam("other_sets"),
      .return_type = SetOperationType,
      .impl = SetOperation(op),
  };
  if (op == SetOp::kSubtract) {
    spec.params = {SetParam("a"), SetParam("b")};
    spec.variadic = std::nullopt;
  }
  return spec;
}

}  // namespace

void RegisterCollectionSetFunctions(FunctionRegistry* registry) {
  auto add = [registry](FunctionSpec spec) {
    registry->Register(WithCtyUnknowns(std::move(spec)));
  };
  add(SetOperationSpec("setunion",
                       "Returns the union of all given sets: a set containing every distinct "
                       "element of the given sets.",
                       SetOp::kUnion));
  add(SetOperationSpec("setintersection",
                       "Returns the intersection of all given sets: the elements present in "
                       "every one of them.",
                       SetOp::kIntersection));
  add(SetOperationSpec("setsubtract",
                       "Returns the relative complement of the two given sets: the elements "
                       "of the first that are not in the second.",
                       SetOp::kSubtract));
  add(FunctionSpec{
      .name = "setproduct",
      .description = "Calculates the cartesian product of two or more sets.",
      .params = {},
      .variadic =
          Parameter{
              .name = "sets", .type = Type::Dynamic(), .allow_unknown = true, .allow_marked = true},
      .return_type = SetProductType,
      .impl = SetProduct,
  });
}

}  // namespace fw::hcl
