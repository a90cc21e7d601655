// huaweicloud_cdm_cluster through the simulated CDM service.
#include <gtest/gtest.h>

#include "cloud/cdm/catalog.h"
#include "providers/database/database_test_support.h"

namespace fw::providers::database {
namespace {

class CdmClusterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    net_ = MakeTestNetwork(h_);
    type_ = DatabaseRegistry().FindResource("huaweicloud_cdm_cluster");
    ASSERT_NE(type_, nullptr);
  }

  std::string Config(const std::string& name = "cdm-main", const std::string& extra = "") {
    return Fill(R"(
      name              = ")" + name + R"("
      availability_zone = "cn-north-4a"
      flavor_id         = ")" + cloud::cdm::Flavors()[1].id + R"("
      vpc_id            = "{vpc}"
      subnet_id         = "{subnet}"
      security_group_id = "{sg}"
      version           = "2.9.3.300"
      email             = ["ops@example.com"]
    )" + extra, net_);
  }

  ProviderHarness h_;
  TestNetwork net_;
  const ResourceType* type_ = nullptr;
};

TEST_F(CdmClusterTest, CreatedClusterIsVisibleThroughTheCdmService) {
  auto c = h_.Create(*type_, Config());
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(h_.Str(*c, "status"), "200");
  EXPECT_EQ(h_.Str(*c, "region"), "cn-north-4");
  EXPECT_FALSE(h_.Str(*c, "created").empty());
  ASSERT_EQ(c->Get("instances")->Length(), 1u);
  const hcl::Value& node = c->Get("instances")->Elements()[0];
  EXPECT_EQ(h_.Str(node, "type"), "cdm");
  EXPECT_FALSE(h_.Str(node, "private_ip").empty());
  EXPECT_TRUE(c->IsWhollyKnown());

  auto cluster = h_.cloud().cdm().Get(h_.project_id(), h_.Str(*c, "id"));
  ASSERT_TRUE(cluster.ok()) << cluster.status().message();
  EXPECT_EQ(cluster->spec.name, "cdm-main");
  EXPECT_EQ(cluster->spec.email, "ops@example.com");
  EXPECT_EQ(cluster->nodes[0].nic.subnet_id, net_.subnet_id);
  EXPECT_EQ(cluster->nodes[0].id, h_.Str(node, "id"));
}

TEST_F(CdmClusterTest, InvalidArgumentsAreRefused) {
  std::string bad_flavor = Config();
  bad_flavor.replace(bad_flavor.find(cloud::cdm::Flavors()[1].id), 36, "no-such-flavor");
  auto flavor = h_.Create(*type_, bad_flavor);
  ASSERT_FALSE(flavor.ok());
  EXPECT_NE(flavor.status().message().find("not a CDM flavor"), std::string::npos);

  auto schedule = h_.Create(*type_, Config("cdm-main", "schedule_boot_time = \"08:00:00\"\n"));
  ASSERT_FALSE(schedule.ok());
  EXPECT_NE(schedule.status().message().find("set together"), std::string::npos);

  std::string bad_zone = Config();
  bad_zone.replace(bad_zone.find("cn-north-4a"), 11, "cn-north-9a");
  auto zone = h_.Create(*type_, bad_zone);
  ASSERT_FALSE(zone.ok());
  EXPECT_EQ(zone.status().service_code(), "Cdm.0014");
  EXPECT_TRUE(h_.cloud().cdm().List(h_.project_id())->empty());
}

TEST_F(CdmClusterTest, DeleteRemovesTheCluster) {
  auto c = h_.Create(*type_, Config());
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_TRUE(h_.Delete(*type_, *c).ok());
  auto read = h_.Read(*type_, *c);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_FALSE(read->has_value());
  EXPECT_TRUE(h_.cloud().cdm().List(h_.project_id())->empty());
  EXPECT_TRUE(h_.Delete(*type_, *c).ok());
}

TEST_F(CdmClusterTest, CreateWithTheSameKeyReturnsTheSameCluster) {
  auto a = h_.Create(*type_, Config(), "dep/cdm");
  auto b = h_.Create(*type_, Config(), "dep/cdm");
  ASSERT_TRUE(a.ok() && b.ok()) << b.status().message();
  EXPECT_EQ(h_.Str(*a, "id"), h_.Str(*b, "id"));
  EXPECT_EQ(h_.cloud().cdm().List(h_.project_id())->size(), 1u);
}

TEST_F(CdmClusterTest, FaultRuleFailsCreateAndLeavesNoCluster) {
  cloud::FaultRule rule;
  rule.service = "cdm";
  rule.type = "cluster";
  rule.operation = "create";
  rule.remaining = 1;
  rule.error_code = "Cdm.0100";
  rule.error_message = "Insufficient resources.";
  h_.cloud().faults().Add(rule);
  auto c = h_.Create(*type_, Config());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().service_code(), "Cdm.0100");
  EXPECT_NE(c.status().message().find("303"), std::string::npos) << c.status().message();
  EXPECT_TRUE(h_.cloud().cdm().List(h_.project_id())->empty());
  // The rule fired once: a new attempt (new key) succeeds.
  EXPECT_TRUE(h_.Create(*type_, Config()).ok());
}

}  // namespace
}  // namespace fw::providers::database
