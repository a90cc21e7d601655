// Unit tests of the config layer: in-memory loading, module trees, type constraints, tfvars,
// and a property: a reference is reported undeclared exactly when it is not declared.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "base/ids.h"
#include "config/dump.h"
#include "config/loader.h"
#include "config/tfvars.h"
#include "config/validate.h"
#include "config/version.h"
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

// The Config knows where its files came from: a template's files (all of them, .tf or not) and
// nothing else, shared by the module tree; the disk under the root directory for LoadConfig.
TEST(ConfigTest, ConfigCarriesItsFileSource) {
  LoadResult r = LoadConfigFromFiles(
      {{"main.tf", "module \"app\" {\n source = \"./modules/app/\"\n}\n"},
       {"modules/app/main.tf", "output \"x\" { value = 1 }\n"},
       {"modules/app/init.sh", "#!/bin/sh\n"}});
  ASSERT_FALSE(r.diags.HasErrors()) << hcl::FormatDiagnostics(r.diags, r.Lookup());
  ASSERT_NE(r.config->files, nullptr);
  const Config& app = *r.config->children.at("app");
  EXPECT_EQ(app.files, r.config->files);
  EXPECT_EQ(r.config->DirFromRoot(), ".");
  EXPECT_EQ(app.DirFromRoot(), "modules/app");
  EXPECT_EQ(*r.config->files->ReadPath(app.DirFromRoot() + "/init.sh", 100), "#!/bin/sh\n");
  EXPECT_EQ(r.config->files->ReadPath("/etc/hostname", 100).status().code(),
            ErrorCode::kPermissionDenied);
  // Validation evaluates with the same source: a literal path outside the template fails.
  hcl::Diagnostics d = LoadAndValidate(
      {{"main.tf", "output \"x\" { value = file(\"/etc/hostname\") }\n"}});
  ASSERT_TRUE(d.HasErrors());
  EXPECT_NE(d.begin()->detail.find("no file exists at \"/etc/hostname\""), std::string::npos)
      << d.begin()->detail;

  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("fw-config-" + NewHexId32());
  fs::create_directories(dir / "modules" / "app");
  std::ofstream(dir / "main.tf") << "module \"app\" {\n source = \"./modules/app\"\n}\n";
  std::ofstream(dir / "modules" / "app" / "main.tf") << "output \"x\" { value = 1 }\n";
  std::ofstream(dir / "modules" / "app" / "data.txt") << "from disk";
  LoadResult disk = LoadConfig(dir.string() + "/");
  ASSERT_FALSE(disk.diags.HasErrors()) << hcl::FormatDiagnostics(disk.diags, disk.Lookup());
  ASSERT_NE(disk.config->files, nullptr);
  EXPECT_EQ(disk.config->files->WorkingDirectory(), dir.string());
  const Config& disk_app = *disk.config->children.at("app");
  EXPECT_EQ(disk_app.DirFromRoot(), "modules/app");
  EXPECT_EQ(*disk.config->files->ReadPath(disk_app.DirFromRoot() + "/data.txt", 100), "from disk");
  fs::remove_all(dir);
}

// Override files: arguments replace the original's one by one; nested block types replace
// all of the original's blocks of that type (a dynamic block counts as its type); lifecycle
// merges per argument; provider configurations merge by name and alias.
TEST(ConfigTest, OverrideFilesMergeIntoTheirBlocks) {
  LoadResult r;
  hcl::Diagnostics d = LoadAndValidate(
      {{"main.tf",
        "provider \"huaweicloud\" {\n  region = \"cn-north-4\"\n  alias = \"b\"\n}\n"
        "resource \"huaweicloud_compute_instance\" \"web\" {\n"
        "  name = \"web\"\n  flavor = \"s6\"\n"
        "  network {\n    uuid = \"a\"\n  }\n  network {\n    uuid = \"b\"\n  }\n"
        "  dynamic \"disk\" {\n    for_each = [1]\n    content {\n      size = 10\n    }\n  }\n"
        "  tag {\n    k = \"v\"\n  }\n}\n"},
       {"web_override.tf",
        "provider \"huaweicloud\" {\n  region = \"cn-east-3\"\n  alias = \"b\"\n}\n"
        "resource \"huaweicloud_compute_instance\" \"web\" {\n"
        "  flavor = \"c7\"\n  network {\n    uuid = \"c\"\n  }\n  disk {\n    size = 20\n  }\n}\n"}},
      &r);
  ASSERT_FALSE(d.HasErrors()) << hcl::FormatDiagnostics(d, r.Lookup());
  const Module& m = *r.config->module;
  const Resource& web = m.managed_resources.at("huaweicloud_compute_instance.web");
  hcl::BodySchema schema{{{"name"}, {"flavor"}},
                         {{"network", {}}, {"disk", {}}, {"tag", {}}, {"dynamic", {"type"}}}};
  hcl::Diagnostics cd;
  hcl::BodyContent c = web.config->Content(schema, cd);
  ASSERT_FALSE(cd.HasErrors()) << hcl::FormatDiagnostics(cd, r.Lookup());
  auto str = [](const hcl::Expression* e) {
    hcl::Diagnostics ed;
    return hcl::Evaluate(*e, hcl::EvalContext{}, ed).AsString();
  };
  ASSERT_NE(c.Attribute("name"), nullptr);
  EXPECT_EQ(str(c.Attribute("name")->expr), "web");
  EXPECT_EQ(str(c.Attribute("flavor")->expr), "c7");
  std::vector<std::string> blocks;
  for (const hcl::BlockRef& b : c.blocks) {
    std::string text = b.type;
    if (b.type == "network") {
      hcl::Diagnostics bd;
      text += "=" + str(b.body->JustAttributes(bd).at(0).expr);
    }
    blocks.push_back(text);
  }
  // The base's two networks and its dynamic "disk" are gone; tag is untouched.
  EXPECT_EQ(blocks, (std::vector<std::string>{"tag", "network=c", "disk"}));
  const ProviderConfig& p = m.providers.at("huaweicloud.b");
  hcl::Diagnostics pd;
  std::vector<hcl::AttributeRef> attrs = p.config->JustAttributes(pd);
  ASSERT_EQ(attrs.size(), 1u);
  EXPECT_EQ(str(attrs[0].expr), "cn-east-3");
}

TEST(ConfigTest, VersionConstraints) {
  auto allows = [](const std::string& constraint, const std::string& version) {
    Result<std::vector<VersionConstraint>> c = ParseVersionConstraints(constraint);
    EXPECT_TRUE(c.ok()) << constraint;
    std::optional<Version> v = ParseVersion(version);
    EXPECT_TRUE(v.has_value()) << version;
    return c.ok() && v && AllowsVersion(*c, *v);
  };
  EXPECT_TRUE(allows(">= 1.3, < 2.0", "1.5.7"));
  EXPECT_FALSE(allows(">= 1.6", "1.5.7"));
  EXPECT_TRUE(allows("1.5.7", "1.5.7"));
  EXPECT_TRUE(allows("= 1.5", "1.5.0"));
  EXPECT_FALSE(allows("!= 1.5.7", "1.5.7"));
  EXPECT_TRUE(allows("> 1.5.6", "1.5.7"));
  EXPECT_TRUE(allows("<= 1.5.7", "1.5.7"));
  EXPECT_FALSE(allows("< 1.5.7", "1.5.7"));
  EXPECT_TRUE(allows("~> 1.5", "1.9.0"));
  EXPECT_FALSE(allows("~> 1.5", "2.0.0"));
  EXPECT_TRUE(allows("~> 1.5.0", "1.5.7"));
  EXPECT_FALSE(allows("~> 1.5.0", "1.6.0"));
  EXPECT_FALSE(allows("~> 1.5.8", "1.5.7"));
  EXPECT_TRUE(allows("~> 1", "1.9.9"));
  EXPECT_FALSE(allows(">= 1.6.0-beta1", "1.5.7"));
  EXPECT_TRUE(allows("> 1.6.0-beta1", "1.6.0"));
  EXPECT_TRUE(allows("< 1.6.0-beta.10", "1.6.0-beta.9"));
  for (const char* bad : {"", ">=", "=> 1.0", "1.x", ">= 1.0 <2", "1.2.3.4", "~>", ">= 1,", "abc"}) {
    EXPECT_FALSE(ParseVersionConstraints(bad).ok()) << bad;
  }
  EXPECT_EQ(TerraformVersion().ToString(), std::string(kTerraformVersion));
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
