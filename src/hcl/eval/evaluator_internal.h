// The evaluator's implementation class, shared by the files that implement its expression
// families (evaluator.cc: core forms; eval_template.cc; eval_iteration.cc: for and splat;
// eval_call.cc: function calls, try, can).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hcl/ast.h"
#include "hcl/eval/evaluator.h"

namespace fw::hcl::eval_internal {

class Evaluator {
 public:
  Evaluator(const EvalContext& ctx, Diagnostics& diags);

  Value Eval(const Expression& e);

 private:
  struct Binding {
    std::string_view name;
    Value value;
  };

  Value Dispatch(const Expression& e);
  Value Literal(const LiteralExpr& e);
  Value ScopeTraversal(const ScopeTraversalExpr& e);
  Value RelativeTraversal(const RelativeTraversalExpr& e);
  Value Conditional(const ConditionalExpr& e);
  Value BinaryOp(const BinaryOpExpr& e);
  Value UnaryOp(const UnaryOpExpr& e);
  Value Tuple(const TupleExpr& e);
  Value Object(const ObjectExpr& e);
  Value IndexOp(const IndexExpr& e);
  // eval_template.cc
  Value Template(const TemplateExpr& e);
  bool AppendTemplatePart(const Expression& part, std::string* out, Marks* marks, bool* unknown);
  // eval_iteration.cc
  Value For(const ForExpr& e);
  Value Splat(const SplatExpr& e);
  // eval_call.cc
  Value Call(const FunctionCallExpr& e);
  Value TryCall(const FunctionCallExpr& e);
  Value CanCall(const FunctionCallExpr& e);

  // Applies traversal steps (from `first`) to `v`; reports errors against each step's range.
  Value ApplySteps(Value v, const Traversal& t, size_t first);
  // Reports a value_ops error "Summary: detail." as a diagnostic.
  void ReportOpError(const Status& st, const Range& subject, const Range* context = nullptr);
  const Value* FindBinding(std::string_view name) const;
  void Error(std::string summary, std::string detail, const Range& subject);

  const EvalContext& ctx_;
  Diagnostics& diags_;
  const FunctionRegistry* functions_;
  int depth_ = 0;
  std::vector<Binding> bindings_;  // for-expression / template-for names, innermost last
  std::vector<Value> anon_;        // splat current elements, innermost last
};

// "Summary: detail" → {"Summary", "Detail"} (detail capitalised); no ": " → {fallback, msg}.
std::pair<std::string, std::string> SplitMessage(const std::string& msg,
                                                 std::string_view fallback_summary);

// The (key, value) pairs a for expression iterates over a known, non-null collection: index and
// element for lists and tuples, key and element for maps and objects, element twice for sets.
// False when the value is not a collection.
bool IterationPairs(const Value& coll, std::vector<std::pair<Value, Value>>* out);

// Terraform's quoted form of a name in messages: "foo".
std::string Quote(std::string_view s);

}  // namespace fw::hcl::eval_internal
