#include "hcl/static_analysis.h"

#include "hcl/json_parser.h"
#include "hcl/parser.h"

namespace fw::hcl {
namespace {

const JsonValue* JsonString(const Expression& e) {
  const JsonValue* v = e.json_origin();
  return v != nullptr && v->kind == JsonKind::kString ? v : nullptr;
}

}  // namespace

const Expression& UnwrapExpr(const Expression& expr) {
  const Expression* e = &expr;
  for (;;) {
    if (e->kind() == ExprKind::kParens) {
      e = e->As<ParensExpr>().inner;
    } else if (e->kind() == ExprKind::kTemplateWrap) {
      e = e->As<TemplateWrapExpr>().wrapped;
    } else {
      return *e;
    }
  }
}

std::optional<std::string> ExprAsKeyword(const Expression& expr) {
  if (const JsonValue* v = JsonString(expr)) {
    Diagnostics ignored;
    TraversalResult r = ParseTraversal(v->text, expr.range().file, expr.range().start);
    if (r.diags.HasErrors() || r.traversal.steps.size() != 1) return std::nullopt;
    return std::string(r.traversal.steps[0].name);
  }
  if (expr.kind() == ExprKind::kScopeTraversal) {
    const Traversal& t = expr.As<ScopeTraversalExpr>().traversal;
    if (t.steps.size() == 1) return std::string(t.steps[0].name);
    return std::nullopt;
  }
  if (expr.kind() == ExprKind::kLiteral) {
    const auto& l = expr.As<LiteralExpr>();
    if (l.literal_kind == LiteralKind::kBool || l.literal_kind == LiteralKind::kNull) {
      return std::string(l.text);
    }
  }
  return std::nullopt;
}

std::optional<Traversal> AbsTraversalForExpr(const Expression& expr, Diagnostics& diags) {
  if (const JsonValue* v = JsonString(expr)) {
    Pos start = expr.range().start;
    if (v->verbatim) {
      ++start.column;
      ++start.byte;
    }
    TraversalResult r = ParseTraversal(v->text, expr.range().file, start);
    if (!r.diags.HasErrors()) return std::move(r.traversal);
    diags.Append(std::move(r.diags));
    return std::nullopt;
  }
  if (expr.kind() == ExprKind::kScopeTraversal) return expr.As<ScopeTraversalExpr>().traversal;
  if (expr.kind() == ExprKind::kLiteral) {
    const auto& l = expr.As<LiteralExpr>();
    if (l.literal_kind == LiteralKind::kBool || l.literal_kind == LiteralKind::kNull) {
      Traversal t;
      t.steps.push_back(TraversalStep{StepKind::kRoot, false, false, l.text, l.range()});
      return t;
    }
  }
  diags.AddError("Invalid expression",
                 "A single static variable reference is required: only attribute access and "
                 "indexing with constant keys. No calculations, function calls, template "
                 "expressions, etc are allowed here.",
                 expr.range());
  return std::nullopt;
}

std::optional<std::vector<const Expression*>> ExprList(const Expression& expr,
                                                       Diagnostics& diags) {
  const Expression& e = expr.kind() == ExprKind::kParens ? UnwrapExpr(expr) : expr;
  if (e.kind() != ExprKind::kTuple) {
    diags.AddError("Invalid expression", "A static list expression is required.", expr.range());
    return std::nullopt;
  }
  std::vector<const Expression*> out;
  for (const auto& el : e.As<TupleExpr>().elements) out.push_back(el);
  return out;
}

std::optional<std::vector<std::pair<const Expression*, const Expression*>>> ExprMap(
    const Expression& expr, Diagnostics& diags) {
  const Expression& e = expr.kind() == ExprKind::kParens ? UnwrapExpr(expr) : expr;
  if (e.kind() != ExprKind::kObject) {
    diags.AddError("Invalid expression", "A static map expression is required.", expr.range());
    return std::nullopt;
  }
  std::vector<std::pair<const Expression*, const Expression*>> out;
  for (const auto& item : e.As<ObjectExpr>().items) {
    out.emplace_back(item.key, item.value);
  }
  return out;
}

}  // namespace fw::hcl
