// Unit tests of the config layer: in-memory loading, module trees, type constraints, tfvars,
// and a property: a reference is reported undeclared exactly when it is not declared.
#include <gtest/gtest.h>

#include <set>

#include "config/dump.h"
#include "config/loader.h"
#include "config/tfvars.h"
#include "config/validate.h"
#include "hcl/eval/evaluator.h"

#if FW_HAVE_RAPIDCHECK
#include <rapidcheck/gtest.h>
#endif

namespace fw::config {
namespace {

hcl::Diagnostics LoadAndValidate(const std::map<std::string, std::string>& files,
                                 LoadResult* out = nullptr) {
  LoadResult r = LoadConfigFromFiles(files);
  if (!r.diags.HasErrors()) ValidateConfig(*r.config, r.diags);
  hcl::Diagnostics d = r.diags;
  if (out) *out = std::move(r);
  return d;
}

TEST(ConfigTest, InMemoryModuleTree) {
  LoadResult r;
  hcl::Diagnostics d = LoadAndValidate(
      {{"main.tf",
        "module \"net\" {\n source = \"./modules/net\"\n cidr = \"10.0.0.0/16\"\n}\n"
        "output \"id\" { value = module.net.vpc_id }\n"},
       {"modules/net/main.tf",
        "variable \"cidr\" { type = string }\n"
        "resource \"huaweicloud_vpc\" \"v\" {\n  cidr = var.cidr\n}\n"
        "output \"vpc_id\" { value = huaweicloud_vpc.v.id }\n"}},
      &r);
  EXPECT_TRUE(d.empty()) << hcl::FormatDiagnostics(d, r.Lookup());
  ASSERT_EQ(r.config->children.size(), 1u);
  const Config& net = *r.config->children.at("net");
  EXPECT_EQ(net.PathString(), "module.net");
  EXPECT_EQ(net.module->dir, "modules/net");
  ASSERT_EQ(net.module->managed_resources.count("huaweicloud_vpc.v"), 1u);
  EXPECT_EQ(net.module->managed_resources.at("huaweicloud_vpc.v").ProviderName(), "huaweicloud");
}

TEST(ConfigTest, ModuleRecursionIsLimited) {
  LoadOptions opts;
  opts.max_module_depth = 3;
  LoadResult r =
      LoadConfigFromFiles({{"main.tf", "module \"self\" {\n source = \"./\"\n}\n"}}, opts);
  ASSERT_TRUE(r.diags.HasErrors());
  bool found = false;
  for (const auto& d : r.diags) found |= d.summary == "Module nesting too deep";
  EXPECT_TRUE(found);
}

TEST(ConfigTest, VariableTypeConstraintsAndDefaults) {
  LoadResult r;
  hcl::Diagnostics d = LoadAndValidate(
      {{"v.tf",
        "variable \"o\" {\n  type = object({ a = string, b = optional(number, 5), "
        "c = optional(list(string)) })\n  default = { a = \"x\" }\n}\n"
        "variable \"t\" {\n  type = tuple([string, number, bool])\n  default = [1, "
        "\"2\", \"true\"]\n}\n"
        "variable \"s\" {\n  type = set(string)\n  default = [\"b\", \"a\", \"b\"]\n}\n"}},
      &r);
  ASSERT_TRUE(d.empty()) << hcl::FormatDiagnostics(d, r.Lookup());
  const Module& m = *r.config->module;
  EXPECT_EQ(m.variables.at("o").default_value->DebugString(),
            "{\"a\" = \"x\", \"b\" = 5, \"c\" = null}");
  EXPECT_EQ(hcl::RenderValue(*m.variables.at("t").default_value),
            "[\"1\", 2, true] :: tuple([string, number, bool])");
  EXPECT_EQ(hcl::RenderValue(*m.variables.at("s").default_value), "[\"a\", \"b\"] :: set(string)");
}

TEST(ConfigTest, TfvarsNativeAndJson) {
  TfvarsResult r = ParseTfvars("region = \"cn-north-4\"\ncount = 3\ntags = { env = \"dev\" }\n",
                               "terraform.tfvars");
  ASSERT_FALSE(r.diags.HasErrors());
  EXPECT_EQ(r.values.at("region").AsString(), "cn-north-4");
  EXPECT_EQ(r.values.at("count").AsNumber(), hcl::Number(3));
  EXPECT_EQ(r.values.at("tags").Get("env")->AsString(), "dev");

  TfvarsResult j = ParseTfvars(R"({"sizes": [1, 2], "name": "x"})", "vars.tfvars.json");
  ASSERT_FALSE(j.diags.HasErrors());
  EXPECT_EQ(j.values.at("sizes").Length(), 2u);

  TfvarsResult bad = ParseTfvars("a = var.x\nb = upper(\"x\")\n", "bad.tfvars");
  ASSERT_EQ(bad.diags.size(), 2u);
  EXPECT_EQ(bad.diags[0].summary, "Variables not allowed");
  EXPECT_EQ(bad.diags[1].summary, "Function calls not allowed");
}

TEST(ConfigTest, EmptyInputIsReported) {
  LoadResult r = LoadConfigFromFiles({});
  ASSERT_TRUE(r.diags.HasErrors());
  EXPECT_EQ(r.diags[0].summary, "No configuration files");
}

#if FW_HAVE_RAPIDCHECK
RC_GTEST_PROP(ConfigProperty, UndeclaredExactlyWhenNotDeclared, ()) {
  const std::vector<std::string> pool = {"a", "b", "c", "region", "size", "name"};
  auto declared_mask =
      *rc::gen::container<std::vector<bool>>(pool.size(), rc::gen::arbitrary<bool>());
  auto referenced_mask =
      *rc::gen::container<std::vector<bool>>(pool.size(), rc::gen::arbitrary<bool>());
  std::set<std::string> declared, referenced;
  for (size_t i = 0; i < pool.size(); ++i) {
    if (declared_mask[i]) declared.insert(pool[i]);
    if (referenced_mask[i]) referenced.insert(pool[i]);
  }
  std::string src;
  for (const std::string& v : declared) src += "variable \"" + v + "\" {}\n";
  src += "locals {\n";
  for (const std::string& v : referenced) src += "  l_" + v + " = var." + v + "\n";
  src += "}\n";
  hcl::Diagnostics d = LoadAndValidate({{"main.tf", src}});
  size_t expected = 0;
  for (const std::string& v : referenced) expected += declared.count(v) ? 0 : 1;
  size_t got = 0;
  for (const auto& diag : d) got += diag.summary == "Reference to undeclared input variable";
  RC_ASSERT(got == expected);
  RC_ASSERT(d.size() == expected);
}
#endif

}  // namespace
}  // namespace fw::config
