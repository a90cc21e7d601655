// Unit tests of the evaluator: ranges of diagnostics, the depth limit, the scope shortcut,
// EvaluateAs, JSON-syntax expressions, unknown/mark propagation properties.
#include "hcl/eval/evaluator.h"

#include <gtest/gtest.h>

#include "hcl/json_body.h"
#include "hcl/parser.h"

namespace fw::hcl {
namespace {

Value Eval(std::string_view text, const Scope* scope, Diagnostics* diags) {
  ExprResult parsed = ParseExpression(text, "t.tf");
  EXPECT_FALSE(parsed.diags.HasErrors()) << text;
  EvalContext ctx{scope};
  return Evaluate(*parsed.expr, ctx, *diags);
}

TEST(EvaluatorTest, UnknownVariableNamesTheRoot) {
  Diagnostics diags;
  Value v = Eval("1 + foo.bar", nullptr, &diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].summary, "Unknown variable");
  EXPECT_EQ(diags[0].detail, "There is no variable named \"foo\".");
  EXPECT_EQ(diags[0].subject->start.column, 5);
  EXPECT_EQ(diags[0].subject->end.column, 8);
  EXPECT_FALSE(v.IsKnown());
}

TEST(EvaluatorTest, FunctionArgumentErrorPointsAtTheArgument) {
  Diagnostics diags;
  Eval("upper([1])", nullptr, &diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].summary, "Invalid function argument");
  EXPECT_EQ(diags[0].detail,
            "Invalid value for \"str\" parameter: string required, but have tuple.");
  EXPECT_EQ(diags[0].subject->start.column, 7);
  EXPECT_EQ(diags[0].subject->end.column, 10);
}

TEST(EvaluatorTest, UnsupportedAttributeSuggests) {
  MapScope scope;
  scope.Set("var", Value::Object({{"region", Value::String("cn-north-4")}}));
  Diagnostics diags;
  Eval("var.regoin", &scope, &diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].summary, "Unsupported attribute");
  EXPECT_NE(diags[0].detail.find("Did you mean \"region\"?"), std::string::npos) << diags[0].detail;
}

TEST(EvaluatorTest, DepthLimitIsADiagnostic) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "[";
  text += "1";
  for (int i = 0; i < 100; ++i) text += "]";
  ExprResult parsed = ParseExpression(text, "t.tf");
  ASSERT_FALSE(parsed.diags.HasErrors());
  EvalContext ctx;
  ctx.max_depth = 50;
  Diagnostics diags;
  Evaluate(*parsed.expr, ctx, diags);
  ASSERT_TRUE(diags.HasErrors());
  EXPECT_EQ(diags[0].summary, "Expression too complex");
  ctx.max_depth = 256;
  Diagnostics ok;
  Evaluate(*parsed.expr, ctx, ok);
  EXPECT_FALSE(ok.HasErrors());
}

class CountingScope : public Scope {
 public:
  std::optional<Value> Root(std::string_view name) const override {
    if (name == "count") return Value::Object({{"index", Value::Int(7)}});
    return std::nullopt;
  }
  size_t Resolve(const Traversal& t, Value* out) const override {
    if (t.RootName() == "huaweicloud_vpc" && t.steps.size() >= 2) {
      ++resolved;
      *out = Value::Object({{"id", Value::String("vpc-" + std::string(t.steps[1].name))}});
      return 2;
    }
    return 0;
  }
  mutable int resolved = 0;
};

TEST(EvaluatorTest, ScopeResolveShortcut) {
  CountingScope scope;
  Diagnostics diags;
  Value v = Eval("\"${huaweicloud_vpc.main.id}-${count.index}\"", &scope, &diags);
  EXPECT_FALSE(diags.HasErrors());
  EXPECT_EQ(v.AsString(), "vpc-main-7");
  EXPECT_EQ(scope.resolved, 1);
}

TEST(EvaluatorTest, EvaluateAsConverts) {
  ExprResult parsed = ParseExpression("[1, \"2\"]", "t.tf");
  Diagnostics diags;
  Value v = EvaluateAs(*parsed.expr, Type::List(Type::String()), EvalContext{}, diags);
  EXPECT_FALSE(diags.HasErrors());
  EXPECT_EQ(RenderValue(v), "[\"1\", \"2\"] :: list(string)");
  Diagnostics bad;
  EvaluateAs(*parsed.expr, Type::Bool(), EvalContext{}, bad);
  ASSERT_TRUE(bad.HasErrors());
  EXPECT_EQ(bad[0].summary, "Incorrect value type");
}

TEST(EvaluatorTest, JsonSyntaxStringsAreTemplates) {
  ExprResult parsed = ParseJsonExpression(R"({"a": "${var.x}-1", "b": [1, true]})", "t.tf.json");
  ASSERT_FALSE(parsed.diags.HasErrors());
  MapScope scope;
  scope.Set("var", Value::Object({{"x", Value::Int(5)}}));
  Diagnostics diags;
  Value v = Evaluate(*parsed.expr, EvalContext{&scope}, diags);
  EXPECT_FALSE(diags.HasErrors());
  EXPECT_EQ(RenderValue(v),
            "{\"a\" = \"5-1\", \"b\" = [1, true]} :: object({a=string, b=tuple([number, bool])})");
}

TEST(EvaluatorTest, ErrorsInBothBranchesOfUnknownConditionAreReported) {
  MapScope scope;
  scope.Set("u", Value::Unknown(Type::Bool()));
  Diagnostics diags;
  Eval("u ? nope1 : nope2", &scope, &diags);
  EXPECT_EQ(diags.size(), 2u);
}

}  // namespace
}  // namespace fw::hcl
