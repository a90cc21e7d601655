// The evaluator's entry points and its core expression forms: literals, traversals,
// conditionals, operators, constructors and indexing. Templates, iteration and calls live in
// eval_template.cc, eval_iteration.cc and eval_call.cc.
#include "hcl/eval/evaluator.h"

#include <map>

#include "hcl/body.h"
#include "hcl/convert.h"
#include "hcl/eval/evaluator_internal.h"
#include "hcl/value_ops.h"

namespace fw::hcl {

std::optional<Value> MapScope::Root(std::string_view name) const {
  auto it = roots_.find(name);
  if (it == roots_.end()) return std::nullopt;
  return it->second;
}

namespace eval_internal {

std::string Quote(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

std::pair<std::string, std::string> SplitMessage(const std::string& msg,
                                                 std::string_view fallback_summary) {
  size_t colon = msg.find(": ");
  if (colon == std::string::npos || colon > 60) return {std::string(fallback_summary), msg};
  std::string detail = msg.substr(colon + 2);
  if (!detail.empty() && detail[0] >= 'a' && detail[0] <= 'z') detail[0] -= 'a' - 'A';
  return {msg.substr(0, colon), detail};
}

Evaluator::Evaluator(const EvalContext& ctx, Diagnostics& diags)
    : ctx_(ctx),
      diags_(diags),
      functions_(ctx.functions ? ctx.functions : &FunctionRegistry::Builtins()) {}

void Evaluator::Error(std::string summary, std::string detail, const Range& subject) {
  diags_.AddError(std::move(summary), std::move(detail), subject);
}

Value Evaluator::Eval(const Expression& e) {
  if (depth_ >= ctx_.max_depth) {
    Error("Expression too complex",
          "This expression is nested more than " + std::to_string(ctx_.max_depth) + " levels deep.",
          e.range());
    return Value::DynamicUnknown();
  }
  ++depth_;
  Value v = Dispatch(e);
  --depth_;
  return v;
}

Value Evaluator::Dispatch(const Expression& e) {
  switch (e.kind()) {
    case ExprKind::kLiteral:
      return Literal(e.As<LiteralExpr>());
    case ExprKind::kTemplate:
      return Template(e.As<TemplateExpr>());
    case ExprKind::kTemplateWrap:
      return Eval(*e.As<TemplateWrapExpr>().wrapped);
    case ExprKind::kTemplateIf:
    case ExprKind::kTemplateFor: {
      // Directives only occur inside templates; evaluate a lone one as a one-part template.
      std::string out;
      Marks marks = kNoMarks;
      bool unknown = false;
      if (!AppendTemplatePart(e, &out, &marks, &unknown)) return Value::DynamicUnknown();
      if (unknown) return Value::Unknown(Type::String()).WithMarks(marks);
      return Value::String(std::move(out)).WithMarks(marks);
    }
    case ExprKind::kScopeTraversal:
      return ScopeTraversal(e.As<ScopeTraversalExpr>());
    case ExprKind::kRelativeTraversal:
      return RelativeTraversal(e.As<RelativeTraversalExpr>());
    case ExprKind::kFunctionCall:
      return Call(e.As<FunctionCallExpr>());
    case ExprKind::kConditional:
      return Conditional(e.As<ConditionalExpr>());
    case ExprKind::kBinaryOp:
      return BinaryOp(e.As<BinaryOpExpr>());
    case ExprKind::kUnaryOp:
      return UnaryOp(e.As<UnaryOpExpr>());
    case ExprKind::kTuple:
      return Tuple(e.As<TupleExpr>());
    case ExprKind::kObject:
      return Object(e.As<ObjectExpr>());
    case ExprKind::kFor:
      return For(e.As<ForExpr>());
    case ExprKind::kSplat:
      return Splat(e.As<SplatExpr>());
    case ExprKind::kAnonSymbol:
      if (anon_.empty()) {
        Error("Invalid expression", "A splat symbol is only valid inside a splat expression.",
              e.range());
        return Value::DynamicUnknown();
      }
      return anon_.back();
    case ExprKind::kIndex:
      return IndexOp(e.As<IndexExpr>());
    case ExprKind::kParens:
      return Eval(*e.As<ParensExpr>().inner);
    case ExprKind::kInvalid:
      return Value::DynamicUnknown();
  }
  return Value::DynamicUnknown();
}

Value Evaluator::Literal(const LiteralExpr& e) {
  switch (e.literal_kind) {
    case LiteralKind::kNull:
      return Value();
    case LiteralKind::kBool:
      return Value::Bool(e.bool_value());
    case LiteralKind::kString:
      return Value::String(std::string(e.text));
    case LiteralKind::kNumber: {
      Result<Number> n = Number::ParseLiteral(e.text);
      if (!n.ok()) {
        Error("Invalid number literal",
              "Failed to recognize the value of this number literal: " + n.status().message() + ".",
              e.range());
        return Value::DynamicUnknown();
      }
      return Value::Num(std::move(n).value());
    }
  }
  return Value();
}

const Value* Evaluator::FindBinding(std::string_view name) const {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
    if (it->name == name) return &it->value;
  }
  return nullptr;
}

Value Evaluator::ScopeTraversal(const ScopeTraversalExpr& e) {
  const Traversal& t = e.traversal;
  if (t.empty()) return Value::DynamicUnknown();
  std::string_view root = t.steps[0].name;
  if (const Value* bound = FindBinding(root)) return ApplySteps(*bound, t, 1);
  if (ctx_.scope != nullptr) {
    Value v;
    size_t n = ctx_.scope->Resolve(t, &v);
    if (n > 0) return ApplySteps(std::move(v), t, n);
    if (std::optional<Value> r = ctx_.scope->Root(root)) return ApplySteps(std::move(*r), t, 1);
  }
  Error("Unknown variable", "There is no variable named " + Quote(root) + ".", t.steps[0].range);
  return Value::DynamicUnknown();
}

Value Evaluator::RelativeTraversal(const RelativeTraversalExpr& e) {
  Value src = Eval(*e.source);
  return ApplySteps(std::move(src), e.traversal, 0);
}

void Evaluator::ReportOpError(const Status& st, const Range& subject, const Range* context) {
  auto [summary, detail] = SplitMessage(st.message(), "Invalid operation");
  Diagnostic d;
  d.summary = std::move(summary);
  d.detail = std::move(detail);
  d.subject = subject;
  if (context != nullptr) d.context = *context;
  diags_.Add(std::move(d));
}

Value Evaluator::ApplySteps(Value v, const Traversal& t, size_t first) {
  for (size_t i = first; i < t.steps.size(); ++i) {
    const TraversalStep& step = t.steps[i];
    Result<Value> r = Value();
    switch (step.kind) {
      case StepKind::kRoot:
      case StepKind::kAttr:
        r = GetAttr(v, step.name);
        if (!r.ok() && v.type().IsObject() &&
            r.status().message().rfind("Unsupported attribute", 0) == 0) {
          std::vector<std::string_view> names;
          for (const ObjectAttribute& a : v.type().Attributes()) names.push_back(a.name);
          Error("Unsupported attribute",
                "This object does not have an attribute named " + Quote(step.name) + "." +
                    SuggestName(step.name, names),
                step.range);
          return Value::DynamicUnknown();
        }
        break;
      case StepKind::kIndex: {
        Value key = Value::String(std::string(step.name));
        if (!step.key_is_string) {
          Result<Number> n = Number::ParseLiteral(step.name);
          if (!n.ok()) {
            Error("Invalid index", "The index is not a valid number.", step.range);
            return Value::DynamicUnknown();
          }
          key = Value::Num(std::move(n).value());
        }
        r = Index(v, key);
        break;
      }
      case StepKind::kSplat: {
        // A splat inside a static traversal: the remaining steps apply to every element.
        Value src = v.Unmark();
        Marks marks = v.marks();
        if (src.IsNull()) return Value::EmptyTuple().WithMarks(marks);
        if (!src.IsKnown()) return Value::DynamicUnknown().WithMarks(marks);
        std::vector<Value> each;
        if (src.type().IsList() || src.type().IsSet() || src.type().IsTuple()) {
          for (const Value& el : src.Elements()) each.push_back(ApplySteps(el, t, i + 1));
        } else {
          each.push_back(ApplySteps(src, t, i + 1));
        }
        return Value::Tuple(std::move(each)).WithMarks(marks);
      }
    }
    if (!r.ok()) {
      ReportOpError(r.status(), step.range);
      return Value::DynamicUnknown();
    }
    v = std::move(r).value();
  }
  return v;
}

Value Evaluator::Conditional(const ConditionalExpr& e) {
  Value cond = Eval(*e.condition);
  Diagnostics saved;
  std::swap(saved, diags_);
  Value t = Eval(*e.true_result);
  Diagnostics true_diags;
  std::swap(true_diags, diags_);
  Value f = Eval(*e.false_result);
  Diagnostics false_diags;
  std::swap(false_diags, diags_);
  std::swap(saved, diags_);

  Type result_type = Type::Dynamic();
  bool t_dyn_null = t.IsNull() && t.type().IsDynamic();
  bool f_dyn_null = f.IsNull() && f.type().IsDynamic();
  if (t_dyn_null) {
    result_type = f.type();
  } else if (f_dyn_null) {
    result_type = t.type();
  } else {
    std::optional<Type> u = UnifyTypes({t.type(), f.type()});
    if (!u) {
      diags_.Append(std::move(true_diags));
      diags_.Append(std::move(false_diags));
      Diagnostic d;
      d.summary = "Inconsistent conditional result types";
      d.detail =
          "The true and false result expressions must have consistent types. The 'true' "
          "value is " +
          t.type().FriendlyName() + ", but the 'false' value is " + f.type().FriendlyName() + ".";
      d.subject = Span(e.true_result->range(), e.false_result->range());
      d.context = e.range();
      diags_.Add(std::move(d));
      return Value::DynamicUnknown();
    }
    result_type = *u;
  }

  Marks cond_marks = cond.DeepMarks();
  Value c = cond.UnmarkDeep();
  if (c.IsNull()) {
    Error("Null condition", "The condition value is null. Conditions must either be true or false.",
          e.condition->range());
    return Value::DynamicUnknown();
  }
  if (!c.IsKnown()) {
    diags_.Append(std::move(true_diags));
    diags_.Append(std::move(false_diags));
    return Value::Unknown(result_type).WithMarks(cond_marks);
  }
  Result<Value> cb = Convert(c, Type::Bool());
  if (!cb.ok()) {
    Error("Incorrect condition type", "The condition expression must be of type bool.",
          e.condition->range());
    return Value::DynamicUnknown();
  }
  if (!cb->IsKnown()) return Value::Unknown(result_type).WithMarks(cond_marks);
  bool which = cb->AsBool();
  diags_.Append(which ? std::move(true_diags) : std::move(false_diags));
  const Value& chosen = which ? t : f;
  Result<Value> conv = Convert(chosen, result_type);
  if (!conv.ok()) {
    Error("Inconsistent conditional result types",
          "The " + std::string(which ? "true" : "false") +
              " result value has the wrong type: " + conv.status().message() + ".",
          which ? e.true_result->range() : e.false_result->range());
    return Value::DynamicUnknown();
  }
  return conv->WithMarks(cond_marks);
}

namespace {

// The AST's operator → the value layer's.
hcl::BinaryOp ValueOp(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::kOr: return hcl::BinaryOp::kOr;
    case BinaryOperator::kAnd: return hcl::BinaryOp::kAnd;
    case BinaryOperator::kEqual: return hcl::BinaryOp::kEqual;
    case BinaryOperator::kNotEqual: return hcl::BinaryOp::kNotEqual;
    case BinaryOperator::kLess: return hcl::BinaryOp::kLess;
    case BinaryOperator::kLessEqual: return hcl::BinaryOp::kLessOrEqual;
    case BinaryOperator::kGreater: return hcl::BinaryOp::kGreater;
    case BinaryOperator::kGreaterEqual: return hcl::BinaryOp::kGreaterOrEqual;
    case BinaryOperator::kAdd: return hcl::BinaryOp::kAdd;
    case BinaryOperator::kSubtract: return hcl::BinaryOp::kSubtract;
    case BinaryOperator::kMultiply: return hcl::BinaryOp::kMultiply;
    case BinaryOperator::kDivide: return hcl::BinaryOp::kDivide;
    case BinaryOperator::kModulo: return hcl::BinaryOp::kModulo;
  }
  return hcl::BinaryOp::kAdd;
}

}  // namespace

Value Evaluator::BinaryOp(const BinaryOpExpr& e) {
  Value lhs = Eval(*e.lhs);
  Value rhs = Eval(*e.rhs);
  Result<Value> r = ApplyBinary(ValueOp(e.op), lhs, rhs);
  if (r.ok()) return std::move(r).value();
  const std::string& msg = r.status().message();
  if (msg.rfind("Unsuitable value for ", 0) == 0) {
    bool left = msg.rfind("Unsuitable value for left", 0) == 0;
    Diagnostic d;
    d.summary = "Invalid operand";
    d.detail = msg;
    d.subject = left ? e.lhs->range() : e.rhs->range();
    d.context = e.range();
    diags_.Add(std::move(d));
  } else {
    Error("Operation failed", "Error during operation: " + msg + ".", e.range());
  }
  return Value::DynamicUnknown();
}

Value Evaluator::UnaryOp(const UnaryOpExpr& e) {
  Value v = Eval(*e.operand);
  Result<Value> r = e.op == UnaryOp::kNot ? ApplyNot(v) : ApplyNegate(v);
  if (r.ok()) return std::move(r).value();
  const std::string& msg = r.status().message();
  if (msg.rfind("Unsuitable value for ", 0) == 0) {
    std::string detail = "Unsuitable value for unary operand" +
                         msg.substr(std::string("Unsuitable value for left operand").size());
    Diagnostic d;
    d.summary = "Invalid operand";
    d.detail = detail;
    d.subject = e.operand->range();
    d.context = e.range();
    diags_.Add(std::move(d));
  } else {
    Error("Operation failed", "Error during operation: " + msg + ".", e.range());
  }
  return Value::DynamicUnknown();
}

Value Evaluator::Tuple(const TupleExpr& e) {
  std::vector<Value> elements;
  elements.reserve(e.elements.size());
  for (const ExprPtr& el : e.elements) elements.push_back(Eval(*el));
  return Value::Tuple(std::move(elements));
}

Value Evaluator::Object(const ObjectExpr& e) {
  std::map<std::string, Value> attrs;
  Marks marks = kNoMarks;
  bool unknown_key = false;
  bool failed = false;
  for (const ObjectItem& item : e.items) {
    std::string key;
    if (item.bare_key && item.key->kind() == ExprKind::kLiteral) {
      key = item.key->As<LiteralExpr>().text;
    } else {
      Value k = Eval(*item.key);
      Marks km = kNoMarks;
      k = k.UnmarkDeep(&km);
      marks |= km;
      if (k.IsNull()) {
        Error("Null value as key", "Can't use a null value as a key.", item.key->range());
        failed = true;
      } else if (!k.IsKnown()) {
        unknown_key = true;
      } else {
        Result<Value> ks = Convert(k, Type::String());
        if (!ks.ok()) {
          Error("Incorrect key type",
                "Can't use this value as a key: " + ks.status().message() + ".", item.key->range());
          failed = true;
        } else {
          key = ks->AsString();
        }
      }
    }
    Value v = Eval(*item.value);
    if (!failed && !unknown_key) attrs.insert_or_assign(std::move(key), std::move(v));
  }
  if (failed) return Value::DynamicUnknown();
  if (unknown_key) return Value::DynamicUnknown().WithMarks(marks);
  std::vector<std::pair<std::string, Value>> list(std::make_move_iterator(attrs.begin()),
                                                  std::make_move_iterator(attrs.end()));
  return Value::Object(std::move(list)).WithMarks(marks);
}

Value Evaluator::IndexOp(const IndexExpr& e) {
  Value coll = Eval(*e.collection);
  Value key = Eval(*e.key);
  Result<Value> r = Index(coll, key);
  if (!r.ok()) {
    ReportOpError(r.status(), e.bracket_range, &e.range());
    return Value::DynamicUnknown();
  }
  return std::move(r).value();
}

}  // namespace eval_internal

Value Evaluate(const Expression& expr, const EvalContext& ctx, Diagnostics& diags) {
  eval_internal::Evaluator ev(ctx, diags);
  return ev.Eval(expr);
}

Value EvaluateAs(const Expression& expr, const Type& type, const EvalContext& ctx,
                 Diagnostics& diags) {
  size_t before = diags.size();
  Value v = Evaluate(expr, ctx, diags);
  bool had_error = false;
  for (size_t i = before; i < diags.size(); ++i) {
    had_error |= diags[i].severity == Severity::kError;
  }
  if (had_error) return Value::Unknown(type.WithoutOptionalAttributes());
  Result<Value> c = Convert(v, type);
  if (!c.ok()) {
    diags.AddError("Incorrect value type",
                   "Invalid expression value: " + c.status().message() + ".", expr.range());
    return Value::Unknown(type.WithoutOptionalAttributes());
  }
  return std::move(c).value();
}

std::string RenderValue(const Value& value) {
  return value.DebugString() + " :: " + value.type().ToTypeExpr();
}

}  // namespace fw::hcl
