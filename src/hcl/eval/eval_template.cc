// Templates: literal text, interpolations, and the %{if} / %{for} directives.
#include "hcl/convert.h"
#include "hcl/eval/evaluator_internal.h"

namespace fw::hcl::eval_internal {

Value Evaluator::Template(const TemplateExpr& e) {
  std::string out;
  Marks marks = kNoMarks;
  bool unknown = false;
  bool ok = true;
  for (const ExprPtr& part : e.parts) ok &= AppendTemplatePart(*part, &out, &marks, &unknown);
  if (!ok) return Value::DynamicUnknown();
  if (unknown) return Value::Unknown(Type::String()).WithMarks(marks);
  return Value::String(std::move(out)).WithMarks(marks);
}

bool Evaluator::AppendTemplatePart(const Expression& part, std::string* out, Marks* marks,
                                   bool* unknown) {
  if (part.kind() == ExprKind::kLiteral &&
      part.As<LiteralExpr>().literal_kind == LiteralKind::kString) {
    out->append(part.As<LiteralExpr>().text);
    return true;
  }
  if (part.kind() == ExprKind::kTemplateIf) {
    const auto& d = part.As<TemplateIfExpr>();
    Value cond = Eval(*d.condition);
    Marks cm = kNoMarks;
    cond = cond.UnmarkDeep(&cm);
    *marks |= cm;
    if (cond.IsNull()) {
      Error("Null condition",
            "The condition value is null. Conditions must either be true or false.",
            d.condition->range());
      return false;
    }
    Result<Value> cb = Convert(cond, Type::Bool());
    if (!cb.ok()) {
      Error("Incorrect condition type", "The condition expression must be of type bool.",
            d.condition->range());
      return false;
    }
    if (!cb->IsKnown()) {
      // Still evaluate both branches for their errors; the text is unknown anyway.
      std::string ignored;
      bool ok = AppendTemplatePart(*d.then_template, &ignored, marks, unknown);
      if (d.else_template) ok &= AppendTemplatePart(*d.else_template, &ignored, marks, unknown);
      *unknown = true;
      return ok;
    }
    const ExprPtr& branch = cb->AsBool() ? d.then_template : d.else_template;
    if (!branch) return true;
    return AppendTemplatePart(*branch, out, marks, unknown);
  }
  if (part.kind() == ExprKind::kTemplate) {
    bool ok = true;
    for (const ExprPtr& p : part.As<TemplateExpr>().parts) {
      ok &= AppendTemplatePart(*p, out, marks, unknown);
    }
    return ok;
  }
  if (part.kind() == ExprKind::kTemplateFor) {
    const auto& d = part.As<TemplateForExpr>();
    Value coll = Eval(*d.collection);
    *marks |= coll.marks();
    coll = coll.Unmark();
    if (coll.IsNull()) {
      Error("Iteration over null value",
            "A null value cannot be used as the collection in a 'for' directive.",
            d.collection->range());
      return false;
    }
    if (!coll.IsKnown()) {
      *unknown = true;
      return true;
    }
    std::vector<std::pair<Value, Value>> pairs;
    if (!IterationPairs(coll, &pairs)) {
      Error("Iteration over non-iterable value",
            "A value of type " + coll.type().FriendlyName() +
                " cannot be used as the collection in a 'for' directive.",
            d.collection->range());
      return false;
    }
    bool ok = true;
    for (auto& [k, v] : pairs) {
      size_t mark = bindings_.size();
      if (!d.key_var.empty()) bindings_.push_back({d.key_var, k});
      bindings_.push_back({d.value_var, v});
      ok &= AppendTemplatePart(*d.body, out, marks, unknown);
      bindings_.resize(mark);
      if (!ok) break;
    }
    return ok;
  }
  Value v = Eval(part);
  Marks vm = kNoMarks;
  v = v.UnmarkDeep(&vm);
  *marks |= vm;
  if (v.IsNull()) {
    Error("Invalid template interpolation value",
          "The expression result is null. Cannot include a null value in a string template.",
          part.range());
    return false;
  }
  if (!v.IsKnown()) {
    if (!v.type().IsDynamic() && !CanConvert(v.type(), Type::String())) {
      Error("Invalid template interpolation value",
            "Cannot include the given value in a string template: string required.", part.range());
      return false;
    }
    *unknown = true;
    return true;
  }
  Result<Value> s = Convert(v, Type::String());
  if (!s.ok()) {
    Error("Invalid template interpolation value",
          "Cannot include the given value in a string template: " + s.status().message() + ".",
          part.range());
    return false;
  }
  if (!s->IsKnown()) {
    *unknown = true;
    return true;
  }
  out->append(s->AsString());
  return true;
}

}  // namespace fw::hcl::eval_internal
