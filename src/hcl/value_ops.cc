#include "hcl/value_ops.h"

#include "hcl/convert.h"
#include "hcl/json_text.h"

namespace fw::hcl {
namespace {

const char* Side(int i) { return i == 0 ? "left" : "right"; }

// Converts an operand; `*unknown` is set when it is not known.
Result<Value> Operand(const Value& v, const Type& want, int side, bool* unknown) {
  Value u = v.UnmarkDeep();
  if (u.IsNull()) {
    return InvalidArgument(std::string("Unsuitable value for ") + Side(side) +
                           " operand: argument must not be null.");
  }
  if (!u.IsKnown()) {
    if (!u.type().IsDynamic() && !CanConvert(u.type(), want)) {
      return InvalidArgument(std::string("Unsuitable value for ") + Side(side) +
                             " operand: " + MismatchMessage(u.type(), want) + ".");
    }
    *unknown = true;
    return u;
  }
  Result<Value> c = Convert(u, want);
  if (!c.ok()) {
    return InvalidArgument(std::string("Unsuitable value for ") + Side(side) +
                           " operand: " + c.status().message() + ".");
  }
  return c;
}

Result<Value> Arithmetic(BinaryOp op, const Value& a, const Value& b, Marks marks) {
  const Number& x = a.AsNumber();
  const Number& y = b.AsNumber();
  Result<Number> r = Number();
  switch (op) {
    case BinaryOp::kAdd:
      r = x.Add(y);
      break;
    case BinaryOp::kSubtract:
      r = x.Sub(y);
      break;
    case BinaryOp::kMultiply:
      r = x.Mul(y);
      break;
    case BinaryOp::kDivide:
      r = x.Div(y);
      break;
    default:
      r = x.Mod(y);
      break;
  }
  if (!r.ok()) return r.status();
  return Value::Num(std::move(r).value()).WithMarks(marks);
}

}  // namespace

Result<Value> ApplyBinary(BinaryOp op, const Value& lhs, const Value& rhs) {
  Marks marks = lhs.DeepMarks() | rhs.DeepMarks();
  if (op == BinaryOp::kEqual || op == BinaryOp::kNotEqual) {
    Value a = lhs.UnmarkDeep(), b = rhs.UnmarkDeep();
    // Numbers and strings compare after conversion only when types match; Terraform compares
    // values of different types as unequal, except that a dynamic unknown stays unknown.
    Value eq = a.Equals(b);
    if (!eq.IsKnown()) return Value::Unknown(Type::Bool()).WithMarks(marks);
    bool result = eq.AsBool() == (op == BinaryOp::kEqual);
    return Value::Bool(result).WithMarks(marks);
  }
  bool logic = op == BinaryOp::kAnd || op == BinaryOp::kOr;
  const Type want = logic ? Type::Bool() : Type::Number();
  bool ua = false, ub = false;
  FW_ASSIGN_OR_RETURN(Value a, Operand(lhs, want, 0, &ua));
  FW_ASSIGN_OR_RETURN(Value b, Operand(rhs, want, 1, &ub));
  if (logic) {
    bool decisive = op == BinaryOp::kOr;  // true decides ||, false decides &&
    if ((!ua && a.AsBool() == decisive) || (!ub && b.AsBool() == decisive)) {
      return Value::Bool(decisive).WithMarks(marks);
    }
    if (ua || ub) return Value::Unknown(Type::Bool()).WithMarks(marks);
    return Value::Bool(!decisive).WithMarks(marks);
  }
  bool comparison = op == BinaryOp::kLess || op == BinaryOp::kLessOrEqual ||
                    op == BinaryOp::kGreater || op == BinaryOp::kGreaterOrEqual;
  if (ua || ub) return Value::Unknown(comparison ? Type::Bool() : Type::Number()).WithMarks(marks);
  if (comparison) {
    int c = a.AsNumber().Compare(b.AsNumber());
    bool r = op == BinaryOp::kLess          ? c < 0
             : op == BinaryOp::kLessOrEqual ? c <= 0
             : op == BinaryOp::kGreater     ? c > 0
                                            : c >= 0;
    return Value::Bool(r).WithMarks(marks);
  }
  return Arithmetic(op, a, b, marks);
}

Result<Value> ApplyNegate(const Value& operand) {
  bool unknown = false;
  FW_ASSIGN_OR_RETURN(Value v, Operand(operand, Type::Number(), 0, &unknown));
  Marks marks = operand.DeepMarks();
  if (unknown) return Value::Unknown(Type::Number()).WithMarks(marks);
  return Value::Num(v.AsNumber().Negate()).WithMarks(marks);
}

Result<Value> ApplyNot(const Value& operand) {
  bool unknown = false;
  FW_ASSIGN_OR_RETURN(Value v, Operand(operand, Type::Bool(), 0, &unknown));
  Marks marks = operand.DeepMarks();
  if (unknown) return Value::Unknown(Type::Bool()).WithMarks(marks);
  return Value::Bool(!v.AsBool()).WithMarks(marks);
}

Result<Value> Index(const Value& collection, const Value& key) {
  Marks marks = collection.marks() | key.DeepMarks();
  const Type& t = collection.type();
  if (collection.IsNull()) {
    return InvalidArgument(
        "Attempt to index null value: this value is null, so it does not have "
        "any indices.");
  }
  if (key.IsNull())
    return InvalidArgument("Invalid index: can't use a null value as an indexing key.");
  if (t.IsSet()) {
    return InvalidArgument(
        "Invalid index: elements of a set are identified only by their value and don't have any "
        "separate index or key to select with, so it's only possible to perform operations across "
        "all elements of the set.");
  }
  bool by_number = t.IsList() || t.IsTuple();
  bool by_string = t.IsMap() || t.IsObject();
  if (!by_number && !by_string) {
    if (t.IsDynamic()) return Value::DynamicUnknown().WithMarks(marks);
    return InvalidArgument("Invalid index: this value does not have any indices.");
  }
  Value k = key.UnmarkDeep();
  Result<Value> ck = Convert(k, by_number ? Type::Number() : Type::String());
  if (!ck.ok()) {
    return InvalidArgument(std::string("Invalid index: ") +
                           (by_number ? "a number is required." : "a string is required."));
  }
  k = std::move(ck).value();
  if (!k.IsKnown() || !collection.IsKnown()) {
    Type et = t.IsCollection() ? t.ElementType() : Type::Dynamic();
    if (t.IsTuple() && k.IsKnown()) {
      auto i = k.AsNumber().ToInt64();
      if (i && *i >= 0 && static_cast<size_t>(*i) < t.TupleElements().size()) {
        et = t.TupleElements()[static_cast<size_t>(*i)];
      }
    } else if (t.IsObject() && k.IsKnown()) {
      if (const ObjectAttribute* a = t.FindAttribute(k.AsString())) et = a->type;
    }
    return Value::Unknown(et).WithMarks(marks);
  }
  if (by_number) {
    auto i = k.AsNumber().ToInt64();
    if (!k.AsNumber().IsInteger()) {
      return InvalidArgument(
          "Invalid index: the given key does not identify an element in this "
          "collection value: a whole number is required.");
    }
    if (!i || *i < 0 || static_cast<size_t>(*i) >= collection.Length()) {
      return InvalidArgument(
          "Invalid index: the given key does not identify an element in this "
          "collection value.");
    }
    return collection.Elements()[static_cast<size_t>(*i)].WithMarks(marks);
  }
  const Value* e = collection.Get(k.AsString());
  if (e == nullptr) {
    if (t.IsObject()) {
      std::string q;
      json::AppendString(&q, k.AsString());
      return InvalidArgument("Invalid index: this object does not have an attribute named " + q +
                             ".");
    }
    return InvalidArgument(
        "Invalid index: the given key does not identify an element in this "
        "collection value.");
  }
  return e->WithMarks(marks);
}

Result<Value> GetAttr(const Value& object, std::string_view name) {
  const Type& t = object.type();
  std::string q;
  json::AppendString(&q, name);
  if (object.IsNull()) {
    return InvalidArgument(
        "Attempt to get attribute from null value: this value is null, so it "
        "does not have any attributes.");
  }
  if (t.IsDynamic()) return Value::DynamicUnknown().WithMarks(object.marks());
  if (t.IsMap()) return Index(object, Value::String(std::string(name)));
  if (!t.IsObject()) {
    return InvalidArgument("Unsupported attribute: can't access attributes on a " +
                           t.FriendlyName() + ".");
  }
  const ObjectAttribute* a = t.FindAttribute(name);
  if (a == nullptr) {
    return InvalidArgument("Unsupported attribute: this object does not have an attribute named " +
                           q + ".");
  }
  if (!object.IsKnown()) return Value::Unknown(a->type).WithMarks(object.marks());
  return object.Get(name)->WithMarks(object.marks());
}

}  // namespace fw::hcl
