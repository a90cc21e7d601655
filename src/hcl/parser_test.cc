#include "hcl/parser.h"

#include <gtest/gtest.h>

#include "hcl/ast_dump.h"
#include "hcl/static_analysis.h"

namespace fw::hcl {
namespace {

std::string Expr(std::string_view src) {
  ExprResult r = ParseExpression(src, "e.hcl");
  EXPECT_FALSE(r.diags.HasErrors()) << src << ": " << DiagnosticsToJson(r.diags);
  return DumpExpression(*r.expr);
}

TEST(ParserTest, ExpressionsIgnoreNewlinesInBrackets) {
  EXPECT_EQ(Expr("f(\n a,\n b...\n)"), "(call f (ref a) (ref b) ...)");
  EXPECT_EQ(Expr("[\n1,\n2\n]"), "(tuple (number 1) (number 2))");
}

TEST(ParserTest, ObjectKeysKeepTheirForm) {
  ExprResult r = ParseExpression("{a = 1, (b) = 2, \"c\" = 3}", "e.hcl");
  const auto& obj = r.expr->As<ObjectExpr>();
  ASSERT_EQ(obj.items.size(), 3u);
  EXPECT_TRUE(obj.items[0].bare_key);
  EXPECT_FALSE(obj.items[1].bare_key);
  EXPECT_EQ(obj.items[1].key->kind(), ExprKind::kParens);
  EXPECT_FALSE(obj.items[2].bare_key);
}

TEST(ParserTest, VariablesSkipForBindingsAndBareKeys) {
  ExprResult r = ParseExpression(
      "{k = [for i, v in var.list : v + local.x if i > 0], (var.key) = \"${data.a.b[0].c}\","
      " s = aws_instance.web[*].id}",
      "e.hcl");
  ASSERT_FALSE(r.diags.HasErrors());
  std::vector<std::string> names;
  for (const Traversal& t : Variables(*r.expr)) names.push_back(t.ToString());
  EXPECT_EQ(names, (std::vector<std::string>{"var.list", "local.x", "var.key", "data.a.b[0].c",
                                             "aws_instance.web"}));
}

TEST(ParserTest, RangesAreByteAccurate) {
  ExprResult r = ParseExpression("a + foo.bar", "e.hcl", Pos{3, 5, 100});
  const auto& bin = r.expr->As<BinaryOpExpr>();
  EXPECT_EQ(bin.rhs->range().start.byte, 104u);
  EXPECT_EQ(bin.rhs->range().end.byte, 111u);
  EXPECT_EQ(bin.rhs->range().start.line, 3);
  EXPECT_EQ(bin.rhs->range().start.column, 9);
  EXPECT_EQ(bin.rhs->range().filename(), "e.hcl");
}

TEST(ParserTest, DeepNestingIsADiagnosticNotACrash) {
  for (const std::string& open : {"[", "(", "{a=", "!", "-", "\"${", "f("}) {
    std::string src = "x = ";
    for (int i = 0; i < 200000; ++i) src += open;
    ParseResult r = ParseConfig(src, "deep.tf");
    ASSERT_TRUE(r.diags.HasErrors()) << open;
    bool found = false;
    for (const Diagnostic& d : r.diags) found |= d.summary == "Nesting too deep";
    EXPECT_TRUE(found) << open;
  }
  std::string chain = "x = 1";
  for (int i = 0; i < 200000; ++i) chain += "+1";
  EXPECT_TRUE(ParseConfig(chain, "chain.tf").diags.HasErrors());
  std::string blocks;
  for (int i = 0; i < 100000; ++i) blocks += "a {\n";
  EXPECT_TRUE(ParseConfig(blocks, "blocks.tf").diags.HasErrors());
}

TEST(ParserTest, SizeLimit) {
  ParseOptions opts;
  opts.max_bytes = 4;
  ParseResult r = ParseConfig("a = 12345", "big.tf", opts);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].summary, "Input too large");
}

TEST(ParserTest, StandaloneTemplate) {
  ExprResult r = ParseTemplate("Hello ${name}! %{ if x }y%{ endif }\n}", "t.tmpl");
  ASSERT_FALSE(r.diags.HasErrors());
  EXPECT_EQ(DumpExpression(*r.expr),
            "(template (string \"Hello \") (ref name) (string \"! \") (%if (ref x) (template "
            "(string \"y\"))) (string \"\\n}\"))");
  EXPECT_EQ(DumpExpression(*ParseTemplate("${true}", "t").expr), "(wrap (bool true))");
}

TEST(ParserTest, TraversalParsing) {
  TraversalResult r = ParseTraversal("aws_instance.foo[0][\"k\"].id", "t");
  ASSERT_FALSE(r.diags.HasErrors());
  EXPECT_EQ(r.traversal.ToString(), "aws_instance.foo[0][\"k\"].id");
  EXPECT_TRUE(ParseTraversal("a + b", "t").diags.HasErrors());
  EXPECT_TRUE(ParseTraversal("f(x)", "t").diags.HasErrors());
}

TEST(ParserTest, StaticAnalysis) {
  Diagnostics diags;
  ExprResult kw = ParseExpression("string", "t");
  EXPECT_EQ(ExprAsKeyword(*kw.expr), "string");
  EXPECT_FALSE(ExprAsKeyword(*ParseExpression("a.b", "t").expr).has_value());
  ExprResult list = ParseExpression("[aws_vpc.a, module.m]", "t");
  auto items = ExprList(*list.expr, diags);
  ASSERT_TRUE(items.has_value());
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ(AbsTraversalForExpr(*(*items)[0], diags)->ToString(), "aws_vpc.a");
  EXPECT_FALSE(AbsTraversalForExpr(*ParseExpression("f(x)", "t").expr, diags).has_value());
  EXPECT_TRUE(diags.HasErrors());
}

TEST(ParserTest, ContentWithSchema) {
  ParseResult r = ParseConfig(
      "resource \"a\" \"b\" {\n  count = 1\n  x = 2\n  lifecycle {}\n}\nbogus {}\n", "m.tf");
  ASSERT_FALSE(r.diags.HasErrors());
  BodySchema top{{}, {{"resource", {"type", "name"}}}};
  Diagnostics diags;
  BodyContent c = r.file.body->Content(top, diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].summary, "Unsupported block type");
  ASSERT_EQ(c.blocks.size(), 1u);
  EXPECT_EQ(c.blocks[0].labels, (std::vector<std::string>{"a", "b"}));
  BodySchema meta{{{"count"}, {"for_each"}}, {{"lifecycle", {}}}};
  std::unique_ptr<AnyBody> rest;
  Diagnostics d2;
  BodyContent m = c.blocks[0].body->PartialContent(meta, d2, &rest);
  EXPECT_FALSE(d2.HasErrors());
  ASSERT_NE(m.Attribute("count"), nullptr);
  EXPECT_EQ(m.blocks.size(), 1u);
  std::vector<AttributeRef> attrs = rest->JustAttributes(d2);
  ASSERT_EQ(attrs.size(), 1u);
  EXPECT_EQ(attrs[0].name, "x");
  EXPECT_FALSE(d2.HasErrors());
  Diagnostics d3;
  c.blocks[0].body->Content(BodySchema{{{"must", true}}, {}}, d3);
  EXPECT_TRUE(d3.HasErrors());
}

TEST(ParserTest, DiagnosticFormats) {
  ParseResult r = ParseConfig("a = \n", "m.tf");
  ASSERT_EQ(r.diags.size(), 1u);
  std::string text = FormatDiagnostics(r.diags, *r.file.source);
  EXPECT_NE(text.find("Error: Invalid expression"), std::string::npos);
  EXPECT_NE(text.find("on m.tf line 1, column 5:"), std::string::npos);
  EXPECT_NE(text.find("   1: a = "), std::string::npos);
  EXPECT_EQ(DiagnosticToJson(r.diags[0]),
            "{\"severity\":\"error\",\"summary\":\"Invalid expression\",\"detail\":\"Expected the "
            "start of an expression, but found a newline.\",\"range\":{\"filename\":\"m.tf\","
            "\"start\":{\"line\":1,\"column\":5,\"byte\":4},\"end\":{\"line\":2,\"column\":1,"
            "\"byte\":5}}}");
}

}  // namespace
}  // namespace fw::hcl
