#include "hcl/ast.h"

#include <set>

namespace fw::hcl {

std::string_view ExprKindName(ExprKind kind) {
  switch (kind) {
    case ExprKind::kLiteral: return "literal";
    case ExprKind::kTemplate: return "template";
    case ExprKind::kTemplateWrap: return "template_wrap";
    case ExprKind::kTemplateIf: return "template_if";
    case ExprKind::kTemplateFor: return "template_for";
    case ExprKind::kScopeTraversal: return "scope_traversal";
    case ExprKind::kRelativeTraversal: return "relative_traversal";
    case ExprKind::kFunctionCall: return "call";
    case ExprKind::kConditional: return "conditional";
    case ExprKind::kBinaryOp: return "binary";
    case ExprKind::kUnaryOp: return "unary";
    case ExprKind::kTuple: return "tuple";
    case ExprKind::kObject: return "object";
    case ExprKind::kFor: return "for";
    case ExprKind::kSplat: return "splat";
    case ExprKind::kAnonSymbol: return "anon";
    case ExprKind::kIndex: return "index";
    case ExprKind::kParens: return "parens";
    case ExprKind::kInvalid: return "invalid";
  }
  return "?";
}

std::string_view BinaryOpSymbol(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::kOr: return "||";
    case BinaryOperator::kAnd: return "&&";
    case BinaryOperator::kEqual: return "==";
    case BinaryOperator::kNotEqual: return "!=";
    case BinaryOperator::kLess: return "<";
    case BinaryOperator::kLessEqual: return "<=";
    case BinaryOperator::kGreater: return ">";
    case BinaryOperator::kGreaterEqual: return ">=";
    case BinaryOperator::kAdd: return "+";
    case BinaryOperator::kSubtract: return "-";
    case BinaryOperator::kMultiply: return "*";
    case BinaryOperator::kDivide: return "/";
    case BinaryOperator::kModulo: return "%";
  }
  return "?";
}

Range Traversal::range() const {
  if (steps.empty()) return Range{};
  return Span(steps.front().range, steps.back().range);
}

std::string Traversal::ToString() const {
  std::string out;
  for (const TraversalStep& s : steps) {
    switch (s.kind) {
      case StepKind::kRoot: out += s.name; break;
      case StepKind::kAttr:
        out += '.';
        out += s.name;
        break;
      case StepKind::kIndex:
        if (s.legacy_index) {
          out += '.';
          out += s.name;
          break;
        }
        out += s.key_is_string ? "[\"" : "[";
        out += s.name;
        out += s.key_is_string ? "\"]" : "]";
        break;
      case StepKind::kSplat: out += "[*]"; break;
    }
  }
  return out;
}

Range Block::DefRange() const {
  Range r = type_range;
  if (!labels.empty()) r = Span(r, labels.back().range);
  return r;
}

void ForEachChild(const Expression& e, const std::function<void(const Expression&)>& fn) {
  auto visit = [&](const ExprPtr& p) {
    if (p) fn(*p);
  };
  switch (e.kind()) {
    case ExprKind::kLiteral:
    case ExprKind::kScopeTraversal:
    case ExprKind::kAnonSymbol:
    case ExprKind::kInvalid: return;
    case ExprKind::kTemplate:
      for (const auto& p : e.As<TemplateExpr>().parts) visit(p);
      return;
    case ExprKind::kTemplateWrap: return visit(e.As<TemplateWrapExpr>().wrapped);
    case ExprKind::kTemplateIf: {
      const auto& x = e.As<TemplateIfExpr>();
      visit(x.condition);
      visit(x.then_template);
      visit(x.else_template);
      return;
    }
    case ExprKind::kTemplateFor: {
      const auto& x = e.As<TemplateForExpr>();
      visit(x.collection);
      visit(x.body);
      return;
    }
    case ExprKind::kRelativeTraversal: return visit(e.As<RelativeTraversalExpr>().source);
    case ExprKind::kFunctionCall:
      for (const auto& p : e.As<FunctionCallExpr>().args) visit(p);
      return;
    case ExprKind::kConditional: {
      const auto& x = e.As<ConditionalExpr>();
      visit(x.condition);
      visit(x.true_result);
      visit(x.false_result);
      return;
    }
    case ExprKind::kBinaryOp:
      visit(e.As<BinaryOpExpr>().lhs);
      visit(e.As<BinaryOpExpr>().rhs);
      return;
    case ExprKind::kUnaryOp: return visit(e.As<UnaryOpExpr>().operand);
    case ExprKind::kTuple:
      for (const auto& p : e.As<TupleExpr>().elements) visit(p);
      return;
    case ExprKind::kObject:
      for (const auto& item : e.As<ObjectExpr>().items) {
        visit(item.key);
        visit(item.value);
      }
      return;
    case ExprKind::kFor: {
      const auto& x = e.As<ForExpr>();
      visit(x.collection);
      visit(x.key_expr);
      visit(x.value_expr);
      visit(x.condition);
      return;
    }
    case ExprKind::kSplat:
      visit(e.As<SplatExpr>().source);
      visit(e.As<SplatExpr>().each);
      return;
    case ExprKind::kIndex:
      visit(e.As<IndexExpr>().collection);
      visit(e.As<IndexExpr>().key);
      return;
    case ExprKind::kParens: return visit(e.As<ParensExpr>().inner);
  }
}

namespace {

// Collects traversals, skipping names bound by enclosing for expressions / directives.
class VariableCollector {
 public:
  void Visit(const Expression& e) {
    switch (e.kind()) {
      case ExprKind::kScopeTraversal: {
        const Traversal& t = e.As<ScopeTraversalExpr>().traversal;
        if (!IsBound(t.RootName())) out.push_back(t);
        return;
      }
      case ExprKind::kFor: {
        const auto& f = e.As<ForExpr>();
        Visit(*f.collection);
        Bind(f.key_var, f.value_var);
        for (const Expression* c : {f.key_expr, f.value_expr, f.condition}) {
          if (c) Visit(*c);
        }
        Unbind(f.key_var, f.value_var);
        return;
      }
      case ExprKind::kTemplateFor: {
        const auto& f = e.As<TemplateForExpr>();
        Visit(*f.collection);
        Bind(f.key_var, f.value_var);
        Visit(*f.body);
        Unbind(f.key_var, f.value_var);
        return;
      }
      case ExprKind::kObject:
        for (const auto& item : e.As<ObjectExpr>().items) {
          if (!item.bare_key) Visit(*item.key);
          Visit(*item.value);
        }
        return;
      default: ForEachChild(e, [this](const Expression& c) { Visit(c); });
    }
  }

  std::vector<Traversal> out;

 private:
  bool IsBound(std::string_view name) const {
    for (std::string_view b : bound_) {
      if (b == name) return true;
    }
    return false;
  }
  void Bind(std::string_view k, std::string_view v) {
    if (!k.empty()) bound_.push_back(k);
    if (!v.empty()) bound_.push_back(v);
  }
  void Unbind(std::string_view k, std::string_view v) {
    if (!v.empty()) bound_.pop_back();
    if (!k.empty()) bound_.pop_back();
  }
  std::vector<std::string_view> bound_;  // a stack: names of the enclosing for expressions
};

void CollectBody(const Body& body, VariableCollector& c) {
  for (const Body::Item& item : body.items) {
    if (item.attribute != nullptr) {
      c.Visit(*item.attribute->expr);
    } else if (item.block->body) {
      CollectBody(*item.block->body, c);
    }
  }
}

}  // namespace

std::vector<Traversal> Variables(const Expression& expr) {
  VariableCollector c;
  c.Visit(expr);
  return std::move(c.out);
}

std::vector<Traversal> BodyVariables(const Body& body) {
  VariableCollector c;
  CollectBody(body, c);
  return std::move(c.out);
}

}  // namespace fw::hcl
