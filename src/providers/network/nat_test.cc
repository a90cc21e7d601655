// huaweicloud_nat_gateway and huaweicloud_nat_snat_rule against a LocalCloud.
#include "providers/network/network_test_util.h"

namespace fw::providers::network {
namespace {

class NatTest : public NetworkTest {
 protected:
  void SetUp() override {
    vpc_ = Vpc("192.168.0.0/16");
    subnet_ = S(Subnet(vpc_, "192.168.1.0/24", "192.168.1.1"), "id");
  }
  std::string GatewayConfig(const std::string& subnet, const std::string& spec = "1") {
    return "name = \"nat\"\nspec = \"" + spec + "\"\nvpc_id = \"" + vpc_ +
           "\"\nsubnet_id = \"" + subnet + "\"\n";
  }
  hcl::Value Eip() {
    return MustCreate("huaweicloud_vpc_eip",
                      "publicip {\n type = \"5_bgp\"\n}\nbandwidth {\n share_type = \"PER\"\n"
                      " name = \"bw\"\n size = 5\n}\n");
  }
  std::string vpc_;
  std::string subnet_;
};

TEST_F(NatTest, GatewayCreateUpdateDelete) {
  hcl::Value g = MustCreate("huaweicloud_nat_gateway", GatewayConfig(subnet_));
  EXPECT_TRUE(IsUuid(S(g, "id")));
  EXPECT_EQ(S(g, "status"), "ACTIVE");
  auto u = h_.Update(R("huaweicloud_nat_gateway"), g, GatewayConfig(subnet_, "3"));
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(S(*u, "spec"), "3");
  ASSERT_TRUE(h_.Delete(R("huaweicloud_nat_gateway"), *u).ok());
  auto read = h_.Read(R("huaweicloud_nat_gateway"), *u);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
}

TEST_F(NatTest, GatewayRefusesBadSpecAndForeignSubnet) {
  EXPECT_FALSE(h_.Create(R("huaweicloud_nat_gateway"), GatewayConfig(subnet_, "5")).ok());
  std::string other_vpc = Vpc("10.0.0.0/16", "other");
  std::string other_subnet = S(Subnet(other_vpc, "10.0.1.0/24", "10.0.1.1"), "id");
  auto foreign = h_.Create(R("huaweicloud_nat_gateway"), GatewayConfig(other_subnet));
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.status().message().find("does not belong"), std::string::npos);
  EXPECT_EQ(Count("nat.gateway"), 0u);
}

TEST_F(NatTest, SnatRuleUsesTheEipAndBlocksDeletes) {
  hcl::Value g = MustCreate("huaweicloud_nat_gateway", GatewayConfig(subnet_));
  hcl::Value eip = Eip();
  hcl::Value rule = MustCreate("huaweicloud_nat_snat_rule",
                               "nat_gateway_id = \"" + S(g, "id") + "\"\nfloating_ip_id = \"" +
                                   S(eip, "id") + "\"\nsubnet_id = \"" + subnet_ + "\"\n");
  EXPECT_EQ(S(rule, "floating_ip_address"), S(eip, "address"));
  EXPECT_EQ(S(rule, "status"), "ACTIVE");
  EXPECT_EQ(rule.Get("source_type")->AsNumber().ToInt64(), 0);
  auto bound = h_.Read(R("huaweicloud_vpc_eip"), eip);
  ASSERT_TRUE(bound.ok() && bound->has_value());
  EXPECT_EQ(S(**bound, "status"), "BOUND");
  EXPECT_FALSE(h_.Delete(R("huaweicloud_nat_gateway"), g).ok());
  EXPECT_FALSE(h_.Delete(R("huaweicloud_vpc_eip"), eip).ok());
  ASSERT_TRUE(h_.Delete(R("huaweicloud_nat_snat_rule"), rule).ok());
  EXPECT_TRUE(h_.Delete(R("huaweicloud_vpc_eip"), eip).ok());
  EXPECT_TRUE(h_.Delete(R("huaweicloud_nat_gateway"), g).ok());
}

TEST_F(NatTest, SnatRuleUpdatesItsEipsInPlace) {
  hcl::Value g = MustCreate("huaweicloud_nat_gateway", GatewayConfig(subnet_));
  hcl::Value e1 = Eip();
  hcl::Value e2 = Eip();
  const std::string base = "nat_gateway_id = \"" + S(g, "id") + "\"\nsource_type = 1\n"
                           "cidr = \"172.16.0.0/24\"\n";
  hcl::Value rule = MustCreate("huaweicloud_nat_snat_rule",
                               base + "floating_ip_id = \"" + S(e1, "id") + "\"\n");
  auto u = h_.Update(R("huaweicloud_nat_snat_rule"), rule,
                     base + "floating_ip_id = \"" + S(e1, "id") + "," + S(e2, "id") + "\"\n");
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(S(*u, "floating_ip_address"), S(e1, "address") + "," + S(e2, "address"));
}

TEST_F(NatTest, SnatRuleRefusesBadReferencesAndCombinations) {
  hcl::Value g = MustCreate("huaweicloud_nat_gateway", GatewayConfig(subnet_));
  hcl::Value eip = Eip();
  const std::string gw = "nat_gateway_id = \"" + S(g, "id") + "\"\n";
  auto both = h_.Create(R("huaweicloud_nat_snat_rule"),
                        gw + "floating_ip_id = \"" + S(eip, "id") + "\"\nsubnet_id = \"" +
                            subnet_ + "\"\ncidr = \"10.0.0.0/24\"\n");
  EXPECT_FALSE(both.ok());
  auto no_eip = h_.Create(R("huaweicloud_nat_snat_rule"),
                          gw + "floating_ip_id = \"" + std::string(36, 'e') +
                              "\"\nsubnet_id = \"" + subnet_ + "\"\n");
  ASSERT_FALSE(no_eip.ok());
  EXPECT_EQ(no_eip.status().code(), ErrorCode::kNotFound);
  auto no_gateway = h_.Create(R("huaweicloud_nat_snat_rule"),
                              "nat_gateway_id = \"nope\"\nfloating_ip_id = \"" + S(eip, "id") +
                                  "\"\nsubnet_id = \"" + subnet_ + "\"\n");
  EXPECT_FALSE(no_gateway.ok());
  EXPECT_EQ(Count("nat.snat_rule"), 0u);
}

TEST_F(NatTest, IdempotentCreateAndFaults) {
  hcl::Value a = MustCreate("huaweicloud_nat_gateway", GatewayConfig(subnet_), "d/nat.a");
  hcl::Value b = MustCreate("huaweicloud_nat_gateway", GatewayConfig(subnet_), "d/nat.a");
  EXPECT_EQ(S(a, "id"), S(b, "id"));
  EXPECT_EQ(Count("nat.gateway"), 1u);
  hcl::Value eip = Eip();
  FailNext("nat", "snat_rule");
  EXPECT_FALSE(h_.Create(R("huaweicloud_nat_snat_rule"),
                         "nat_gateway_id = \"" + S(a, "id") + "\"\nfloating_ip_id = \"" +
                             S(eip, "id") + "\"\nsubnet_id = \"" + subnet_ + "\"\n")
                   .ok());
  EXPECT_EQ(Count("nat.snat_rule"), 0u);
  FailNext("nat", "gateway");
  EXPECT_FALSE(h_.Create(R("huaweicloud_nat_gateway"), GatewayConfig(subnet_)).ok());
  EXPECT_EQ(Count("nat.gateway"), 1u);
}

}  // namespace
}  // namespace fw::providers::network
