// Iteration: for expressions ([for …] and {for …}) and splats (x[*].y, x.*.y).
#include <map>

#include "hcl/convert.h"
#include "hcl/eval/evaluator_internal.h"

namespace fw::hcl::eval_internal {

bool IterationPairs(const Value& coll, std::vector<std::pair<Value, Value>>* out) {
  const Type& t = coll.type();
  const std::vector<Value>& els = coll.Elements();
  out->reserve(els.size());
  if (t.IsList() || t.IsTuple()) {
    for (size_t i = 0; i < els.size(); ++i) out->emplace_back(Value::Int(int64_t(i)), els[i]);
    return true;
  }
  if (t.IsMap() || t.IsObject()) {
    const std::vector<std::string>& keys = coll.Keys();
    for (size_t i = 0; i < els.size(); ++i) out->emplace_back(Value::String(keys[i]), els[i]);
    return true;
  }
  if (t.IsSet()) {
    for (const Value& el : els) out->emplace_back(el, el);
    return true;
  }
  return false;
}

Value Evaluator::For(const ForExpr& e) {
  Value coll = Eval(*e.collection);
  Marks marks = coll.marks();
  coll = coll.Unmark();
  if (coll.IsNull()) {
    Error("Iteration over null value",
          "A null value cannot be used as the collection in a 'for' expression.",
          e.collection->range());
    return Value::DynamicUnknown();
  }
  if (!coll.IsKnown()) return Value::DynamicUnknown().WithMarks(marks);
  std::vector<std::pair<Value, Value>> pairs;
  if (!IterationPairs(coll, &pairs)) {
    Error("Iteration over non-iterable value",
          "A value of type " + coll.type().FriendlyName() +
              " cannot be used as the collection in a 'for' expression.",
          e.collection->range());
    return Value::DynamicUnknown();
  }

  std::vector<Value> tuple;
  std::map<std::string, std::vector<Value>> groups;  // object form, grouping
  std::map<std::string, Value> object;               // object form
  bool unknown = false;
  bool failed = false;
  for (auto& [k, v] : pairs) {
    size_t mark = bindings_.size();
    if (!e.key_var.empty()) bindings_.push_back({e.key_var, k});
    bindings_.push_back({e.value_var, v});
    bool include = true;
    if (e.condition) {
      Value c = Eval(*e.condition);
      Marks cm = kNoMarks;
      c = c.UnmarkDeep(&cm);
      marks |= cm;
      if (c.IsNull()) {
        Error("Condition is null", "The value of the 'if' clause must not be null.",
              e.condition->range());
        failed = true;
        include = false;
      } else if (!c.IsKnown()) {
        unknown = true;
        include = false;
      } else {
        Result<Value> cb = Convert(c, Type::Bool());
        if (!cb.ok()) {
          Error("Invalid 'for' condition",
                "The 'if' clause value is invalid: " + cb.status().message() + ".",
                e.condition->range());
          failed = true;
          include = false;
        } else {
          include = cb->IsKnown() && cb->AsBool();
          unknown |= !cb->IsKnown();
        }
      }
    }
    if (include && !e.is_object()) {
      tuple.push_back(Eval(*e.value_expr));
    } else if (include) {
      Value key = Eval(*e.key_expr);
      Marks km = kNoMarks;
      key = key.UnmarkDeep(&km);
      marks |= km;
      Value val = Eval(*e.value_expr);
      if (key.IsNull()) {
        Error("Invalid object key",
              "Key expression in 'for' expression must not produce a null value.",
              e.key_expr->range());
        failed = true;
      } else if (!key.IsKnown()) {
        unknown = true;
      } else {
        Result<Value> ks = Convert(key, Type::String());
        if (!ks.ok()) {
          Error("Invalid object key",
                "The key expression produced an invalid result: " + ks.status().message() + ".",
                e.key_expr->range());
          failed = true;
        } else if (e.grouping) {
          groups[ks->AsString()].push_back(std::move(val));
        } else if (object.count(ks->AsString()) != 0) {
          Error("Duplicate object key",
                "Two different items produced the key " + Quote(ks->AsString()) +
                    " in this 'for' expression. If duplicates are expected, use the ellipsis "
                    "(...) after the value expression to enable grouping by key.",
                e.key_expr->range());
          failed = true;
        } else {
          object.emplace(ks->AsString(), std::move(val));
        }
      }
    }
    bindings_.resize(mark);
    if (failed) break;
  }
  if (failed) return Value::DynamicUnknown();
  if (unknown) return Value::DynamicUnknown().WithMarks(marks);
  if (!e.is_object()) return Value::Tuple(std::move(tuple)).WithMarks(marks);
  std::vector<std::pair<std::string, Value>> attrs;
  if (e.grouping) {
    for (auto& [k, vs] : groups) attrs.emplace_back(k, Value::Tuple(std::move(vs)));
  } else {
    for (auto& [k, v] : object) attrs.emplace_back(k, std::move(v));
  }
  return Value::Object(std::move(attrs)).WithMarks(marks);
}

Value Evaluator::Splat(const SplatExpr& e) {
  Value src = Eval(*e.source);
  Marks marks = src.marks();
  src = src.Unmark();
  const Type& t = src.type();
  bool is_list = t.IsList() || t.IsSet();
  // The type of each result when the source is a list or set: Each applied to an unknown
  // element (errors of that probe are reported once, by the real elements or here).
  auto element_result_type = [&](bool report) {
    Diagnostics probe;
    if (!report) std::swap(probe, diags_);
    anon_.push_back(Value::Unknown(t.ElementType()));
    Value r = Eval(*e.each);
    anon_.pop_back();
    if (!report) std::swap(probe, diags_);
    return r.type();
  };
  if (src.IsNull()) return Value::EmptyTuple().WithMarks(marks);
  if (!src.IsKnown()) {
    if (is_list) return Value::Unknown(Type::List(element_result_type(true))).WithMarks(marks);
    return Value::DynamicUnknown().WithMarks(marks);
  }
  std::vector<Value> sources;
  if (is_list || t.IsTuple()) {
    sources = src.Elements();
  } else {
    sources.push_back(src);  // a single value is treated as a one-element tuple
  }
  std::vector<Value> results;
  results.reserve(sources.size());
  for (const Value& el : sources) {
    anon_.push_back(el);
    results.push_back(Eval(*e.each));
    anon_.pop_back();
  }
  if (!is_list) return Value::Tuple(std::move(results)).WithMarks(marks);
  if (results.empty()) return Value::List(element_result_type(false), {}).WithMarks(marks);
  Type unified;
  Result<std::vector<Value>> u = UnifyValues(results, &unified);
  if (!u.ok()) return Value::Tuple(std::move(results)).WithMarks(marks);
  return Value::List(unified, std::move(u).value()).WithMarks(marks);
}

}  // namespace fw::hcl::eval_internal
