// The provider framework: schemas, default planning, value checks, body decoding (including
// dynamic blocks), IPv4 helpers, and the local cloud's idempotent inventory.
#include <gtest/gtest.h>

#include <filesystem>

#include "base/ids.h"
#include "hcl/parser.h"
#include "providers/common/ipv4.h"
#include "providers/decode_body.h"
#include "providers/local_cloud.h"
#include "providers/provider.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;

Block SampleBlock() {
  Block rule;
  rule.Add(Attr::Required("port", Type::Number()).Check(checks::IntBetween(1, 65535)));
  rule.Add(Attr::Optional("protocol", Type::String()).Default(Value::String("tcp")));
  Block b;
  b.Add(Attr::Required("name", Type::String()).ForceNew().Check(checks::ResourceName(1, 64)));
  b.Add(Attr::Optional("cidr", Type::String()).Check(checks::Cidr()));
  b.Add(Attr::Optional("password", Type::String()).Sensitive());
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::OptionalComputed("description", Type::String()));
  b.AddBlock("rule", Nesting::kList, rule);
  return b;
}

Value Decode(const Block& block, const std::string& src, hcl::Diagnostics& diags,
             const hcl::Scope* scope = nullptr) {
  static std::vector<hcl::ParseResult> keep;  // the AST must outlive the test's values
  keep.push_back(hcl::ParseConfig(src, "main.tf"));
  EXPECT_FALSE(keep.back().diags.HasErrors());
  hcl::EvalContext ctx{scope};
  return DecodeBody(block, *keep.back().file.body, ctx, diags);
}

TEST(SchemaTest, ImpliedTypeHasAttributesAndBlocks) {
  Type t = SampleBlock().ImpliedType();
  ASSERT_TRUE(t.IsObject());
  EXPECT_TRUE(t.FindAttribute("rule")->type.IsList());
  EXPECT_TRUE(t.FindAttribute("id")->type == Type::String());
}

TEST(DecodeBodyTest, AttributesBlocksAndDefaults) {
  hcl::Diagnostics diags;
  Value v = Decode(SampleBlock(),
                   "name = \"net\"\ncidr = \"10.0.0.0/16\"\nrule {\n port = 22\n}\n"
                   "rule {\n port = \"443\"\n protocol = \"udp\"\n}\n",
                   diags);
  ASSERT_FALSE(diags.HasErrors()) << diags[0].summary;
  EXPECT_EQ(v.Get("name")->AsString(), "net");
  EXPECT_TRUE(v.Get("id")->IsNull());
  ASSERT_EQ(v.Get("rule")->Length(), 2u);
  EXPECT_EQ(v.Get("rule")->Elements()[1].Get("port")->AsNumber().ToString(), "443");
}

TEST(DecodeBodyTest, DynamicBlocksExpand) {
  hcl::Diagnostics diags;
  hcl::MapScope scope({{"var", Value::Object({{"ports", Value::Tuple({Value::Int(80),
                                                                       Value::Int(8080)})}})}});
  Value v = Decode(SampleBlock(),
                   "name = \"n\"\ndynamic \"rule\" {\n for_each = var.ports\n iterator = p\n"
                   " content {\n  port = p.value\n }\n}\n",
                   diags, &scope);
  ASSERT_FALSE(diags.HasErrors()) << diags[0].summary << ": " << diags[0].detail;
  ASSERT_EQ(v.Get("rule")->Length(), 2u);
  EXPECT_EQ(v.Get("rule")->Elements()[1].Get("port")->AsNumber().ToString(), "8080");
}

TEST(DecodeBodyTest, ReportsMissingUnsupportedAndComputed) {
  hcl::Diagnostics diags;
  Decode(SampleBlock(), "cidr = \"10.0.0.0/16\"\nbogus = 1\nid = \"x\"\n", diags);
  std::string all;
  for (const auto& d : diags) all += d.summary + "|";
  EXPECT_NE(all.find("Missing required argument"), std::string::npos) << all;
  EXPECT_NE(all.find("Unsupported argument"), std::string::npos) << all;
}

TEST(DecodeBodyTest, SensitiveAttributesAreMarked) {
  hcl::Diagnostics diags;
  Value v = Decode(SampleBlock(), "name = \"n\"\npassword = \"s3cret\"\n", diags);
  EXPECT_TRUE(v.Get("password")->HasMark(hcl::kSensitive));
}

TEST(PlanTest, ComputedUnknownOnCreateAndKeptOnUpdate) {
  Schema s{SampleBlock()};
  hcl::Diagnostics diags;
  Value config = Decode(s.block, "name = \"n\"\n", diags);
  Value planned = PlanFromSchema(s, Value::Null(Type()), config);
  EXPECT_FALSE(planned.Get("id")->IsKnown());
  EXPECT_FALSE(planned.Get("description")->IsKnown());
  Value prior = FillUnknownsFrom(planned, Value::Null(Type()));
  EXPECT_TRUE(prior.Get("id")->IsNull());
  std::vector<std::pair<std::string, Value>> attrs;
  for (size_t i = 0; i < prior.Keys().size(); ++i) {
    attrs.emplace_back(prior.Keys()[i], prior.Keys()[i] == "id" ? Value::String("vpc-1")
                                                                 : prior.Elements()[i]);
  }
  Value updated = PlanFromSchema(s, Value::Object(attrs), config);
  EXPECT_EQ(updated.Get("id")->AsString(), "vpc-1");
}

TEST(ChecksTest, AttributeChecksBecomeDiagnostics) {
  Schema s{SampleBlock()};
  hcl::Diagnostics diags;
  Value config = Decode(s.block, "name = \"bad name!\"\ncidr = \"10.0.0.1/16\"\nrule {\n"
                                 " port = 70000\n}\n", diags);
  hcl::Diagnostics checks;
  CheckAttributes(s, config, "x.y", checks);
  ASSERT_EQ(checks.size(), 3u);
  EXPECT_EQ(checks[0].summary, "Invalid value for name");
  EXPECT_EQ(checks[1].summary, "Invalid value for cidr");
  EXPECT_EQ(checks[2].summary, "Invalid value for rule.0.port");
}

TEST(Ipv4Test, ParsesAndContains) {
  auto vpc = ParseIpv4Cidr("192.168.0.0/16");
  auto sub = ParseIpv4Cidr("192.168.1.0/24");
  ASSERT_TRUE(vpc && sub);
  EXPECT_TRUE(vpc->Contains(*sub));
  EXPECT_FALSE(sub->Contains(*vpc));
  EXPECT_FALSE(ParseIpv4Cidr("192.168.1.1/24"));
  EXPECT_FALSE(ParseIpv4Cidr("300.1.1.0/24"));
  EXPECT_FALSE(ParseIpv4("01.2.3.4"));
  EXPECT_EQ(FormatIpv4(sub->Host(1)), "192.168.1.1");
}

class LocalCloudTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("fw-lc-" + NewHexId32());
    std::filesystem::create_directories(dir_);
    LocalCloudOptions o;
    o.db_path = (dir_ / "cloud.db").string();
    auto c = LocalCloud::Open(o);
    ASSERT_TRUE(c.ok()) << c.status().message();
    cloud_ = std::move(*c);
  }
  void TearDown() override {
    cloud_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<LocalCloud> cloud_;
};

TEST_F(LocalCloudTest, CreateWithClientTokenIsIdempotent) {
  auto project = cloud_->ProjectFor("cn-north-4");
  ASSERT_TRUE(project.ok());
  cloud::NewItem item{NewUuid(), *project, "vpc.vpc", "net", {{"cidr", "10.0.0.0/16"}}, "tok-1"};
  auto a = cloud_->inventory().Create(item);
  item.id = NewUuid();
  auto b = cloud_->inventory().Create(item);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->id, b->id);
  auto list = cloud_->inventory().List(*project, "vpc.vpc");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().body.at("cidr").as_string(), "10.0.0.0/16");
}

TEST_F(LocalCloudTest, FaultRulesFailCreateAndCreateNothing) {
  auto project = cloud_->ProjectFor("cn-north-4");
  cloud::FaultRule rule;
  rule.service = "vpc";
  rule.operation = "create";
  rule.remaining = 1;
  rule.error_code = "VPC.0001";
  cloud_->faults().Add(rule);
  cloud::NewItem item{NewUuid(), *project, "vpc.vpc", "net", {}, ""};
  auto a = cloud_->inventory().Create(item);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().service_code(), "VPC.0001");
  EXPECT_TRUE(cloud_->inventory().List(*project, "vpc.vpc")->empty());
  EXPECT_TRUE(cloud_->inventory().Create(item).ok());  // the rule fired once
}

TEST_F(LocalCloudTest, UpdateConflictsOnStaleVersionAndDeleteIsIdempotent) {
  auto project = cloud_->ProjectFor("cn-north-4");
  auto a = cloud_->inventory().Create({NewUuid(), *project, "evs.volume", "v", {}, ""});
  ASSERT_TRUE(a.ok());
  auto b = cloud_->inventory().Update(*a);
  ASSERT_TRUE(b.ok());
  EXPECT_FALSE(cloud_->inventory().Update(*a).ok());  // stale version
  EXPECT_TRUE(cloud_->inventory().Delete("evs.volume", a->id).ok());
  EXPECT_TRUE(cloud_->inventory().Delete("evs.volume", a->id).ok());
  EXPECT_FALSE(cloud_->inventory().Get("evs.volume", a->id)->has_value());
}

}  // namespace
}  // namespace fw::providers
