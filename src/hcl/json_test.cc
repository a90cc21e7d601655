#include <gtest/gtest.h>

#include "hcl/ast_dump.h"
#include "hcl/json_body.h"
#include "hcl/static_analysis.h"

namespace fw::hcl {
namespace {

const char* kDoc = R"({
  "//": "comment",
  "resource": {
    "aws_instance": {
      "a": {"ami": "ami-${var.x}", "depends_on": ["aws_vpc.main"]},
      "b": [{"ami": "1"}, {"ami": "2"}]
    }
  },
  "locals": {"n": 1, "t": "${1 + 2}"},
  "variable": {"v": {"type": "string"}}
})";

TEST(JsonTest, BlocksNeedTheSchema) {
  JsonFileResult r = ParseJsonConfig(kDoc, "main.tf.json");
  ASSERT_TRUE(r.file);
  ASSERT_FALSE(r.diags.HasErrors());
  BodySchema top{{},
                 {{"resource", {"type", "name"}}, {"locals", {}}, {"variable", {"name"}}}};
  Diagnostics diags;
  BodyContent c = r.file->body().Content(top, diags);
  ASSERT_FALSE(diags.HasErrors()) << DiagnosticsToJson(diags);
  ASSERT_EQ(c.blocks.size(), 5u);  // a, b×2, locals, variable
  EXPECT_EQ(c.blocks[0].labels, (std::vector<std::string>{"aws_instance", "a"}));
  EXPECT_EQ(c.blocks[2].labels, (std::vector<std::string>{"aws_instance", "b"}));

  BodyContent a = c.blocks[0].body->Content(BodySchema{{{"ami"}, {"depends_on"}}, {}}, diags);
  ASSERT_EQ(a.attributes.size(), 2u);
  EXPECT_EQ(DumpExpression(*a.attributes[0].expr), "(template (string \"ami-\") (ref var.x))");
  auto deps = ExprList(*a.Attribute("depends_on")->expr, diags);
  ASSERT_TRUE(deps.has_value());
  auto t = AbsTraversalForExpr(*(*deps)[0], diags);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->ToString(), "aws_vpc.main");
  EXPECT_EQ(t->steps[1].range.start.column, 59);

  std::vector<AttributeRef> locals = c.blocks[3].body->JustAttributes(diags);
  ASSERT_EQ(locals.size(), 2u);
  EXPECT_EQ(DumpExpression(*locals[1].expr), "(wrap (+ (number 1) (number 2)))");
  // The interpolation's range points into the JSON file.
  EXPECT_EQ(locals[1].expr->As<TemplateWrapExpr>().wrapped->range().start.line, 9);

  BodyContent v = c.blocks[4].body->Content(BodySchema{{{"type"}}, {}}, diags);
  EXPECT_EQ(ExprAsKeyword(*v.Attribute("type")->expr), "string");
  EXPECT_FALSE(diags.HasErrors()) << DiagnosticsToJson(diags);
}

TEST(JsonTest, UnknownPropertiesAreReported) {
  JsonFileResult r = ParseJsonConfig(R"({"resourc": {}})", "m.tf.json");
  ASSERT_TRUE(r.file);
  Diagnostics diags;
  r.file->body().Content(BodySchema{{}, {{"resource", {"type", "name"}}}}, diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].summary, "Extraneous JSON object property");
  EXPECT_NE(diags[0].detail.find("Did you mean \"resource\"?"), std::string::npos);
}

TEST(JsonTest, TemplateErrorsSurfaceWhenRead) {
  JsonFileResult r = ParseJsonConfig(R"({"a": "${", "b": "ok"})", "m.tf.json");
  ASSERT_TRUE(r.file);
  EXPECT_FALSE(r.diags.HasErrors());
  Diagnostics diags;
  r.file->body().JustAttributes(diags);
  EXPECT_TRUE(diags.HasErrors());
}

TEST(JsonTest, DeepJsonIsADiagnostic) {
  std::string deep(100000, '[');
  JsonFileResult r = ParseJsonConfig(deep, "d.tf.json");
  ASSERT_TRUE(r.diags.HasErrors());
  EXPECT_EQ(r.diags[0].summary, "Nesting too deep");
}

TEST(JsonTest, ParseJsonExpression) {
  ExprResult r = ParseJsonExpression(R"({"a": [1, "x", null]})", "v.json");
  ASSERT_FALSE(r.diags.HasErrors());
  EXPECT_EQ(DumpExpression(*r.expr),
            "(object ((template (string \"a\")) (tuple (number 1) (template (string \"x\")) "
            "(null))))");
}

}  // namespace
}  // namespace fw::hcl
