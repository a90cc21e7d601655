// huaweicloud_vpc_subnet against a LocalCloud.
#include "providers/network/network_test_util.h"

namespace fw::providers::network {
namespace {

class SubnetTest : public NetworkTest {};

TEST_F(SubnetTest, CreateFillsComputedAttributes) {
  std::string vpc = Vpc();
  hcl::Value s = MustCreate("huaweicloud_vpc_subnet",
                            "name = \"s\"\ncidr = \"192.168.1.0/24\"\ngateway_ip = \"192.168.1.1\"\n"
                            "vpc_id = \"" + vpc + "\"\navailability_zone = \"cn-north-4a\"\n");
  EXPECT_TRUE(IsUuid(S(s, "id")));
  EXPECT_TRUE(IsUuid(S(s, "ipv4_subnet_id")));
  EXPECT_NE(S(s, "id"), S(s, "ipv4_subnet_id"));
  EXPECT_EQ(S(s, "subnet_id"), S(s, "ipv4_subnet_id"));
  EXPECT_EQ(S(s, "status"), "ACTIVE");
  EXPECT_EQ(S(s, "primary_dns"), "100.125.1.250");
  EXPECT_EQ(s.Get("dns_list")->Length(), 2u);
  EXPECT_TRUE(s.Get("dhcp_enable")->AsBool());
  EXPECT_EQ(S(s, "ipv6_cidr"), "");
  EXPECT_TRUE(s.IsWhollyKnown());
}

TEST_F(SubnetTest, RefusesCidrsOutsideTheVpcOrOverlapping) {
  std::string vpc = Vpc("192.168.0.0/16");
  auto outside = h_.Create(R("huaweicloud_vpc_subnet"),
                           "name = \"s\"\ncidr = \"10.0.1.0/24\"\ngateway_ip = \"10.0.1.1\"\n"
                           "vpc_id = \"" + vpc + "\"\n");
  ASSERT_FALSE(outside.ok());
  EXPECT_NE(outside.status().message().find("not inside"), std::string::npos);
  Subnet(vpc, "192.168.0.0/24", "192.168.0.1");
  auto overlap = h_.Create(R("huaweicloud_vpc_subnet"),
                           "name = \"s2\"\ncidr = \"192.168.0.128/25\"\n"
                           "gateway_ip = \"192.168.0.129\"\nvpc_id = \"" + vpc + "\"\n");
  ASSERT_FALSE(overlap.ok());
  EXPECT_NE(overlap.status().message().find("overlaps"), std::string::npos);
  EXPECT_EQ(Count("vpc.subnet"), 1u);
}

TEST_F(SubnetTest, RefusesBadGatewaysAndUnknownVpcs) {
  std::string vpc = Vpc();
  for (const char* gw : {"192.168.1.0", "192.168.1.255", "192.168.2.1"}) {
    auto r = h_.Create(R("huaweicloud_vpc_subnet"),
                       std::string("name = \"s\"\ncidr = \"192.168.1.0/24\"\ngateway_ip = \"") +
                           gw + "\"\nvpc_id = \"" + vpc + "\"\n");
    ASSERT_FALSE(r.ok()) << gw;
    EXPECT_NE(r.status().message().find("gateway"), std::string::npos) << r.status().message();
  }
  auto unknown = h_.Create(R("huaweicloud_vpc_subnet"),
                           "name = \"s\"\ncidr = \"192.168.1.0/24\"\n"
                           "gateway_ip = \"192.168.1.1\"\nvpc_id = \"" + std::string(36, 'f') +
                               "\"\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), ErrorCode::kNotFound);
  auto mask = h_.Create(R("huaweicloud_vpc_subnet"),
                        "name = \"s\"\ncidr = \"192.168.1.0/29\"\n"
                        "gateway_ip = \"192.168.1.1\"\nvpc_id = \"" + vpc + "\"\n");
  EXPECT_FALSE(mask.ok());
}

TEST_F(SubnetTest, AVpcOfAnotherProjectIsNotFound) {
  auto other = h_.cloud().Context("cn-south-1", "huaweicloud_vpc.other", "k-other");
  ASSERT_TRUE(other.ok());
  hcl::Diagnostics diags;
  hcl::Value cfg = h_.Decode(R("huaweicloud_vpc").schema(),
                             "name = \"o\"\ncidr = \"10.0.0.0/16\"\n", diags);
  auto vpc = R("huaweicloud_vpc").Create(*other, R("huaweicloud_vpc").Plan(hcl::Value(), cfg));
  ASSERT_TRUE(vpc.ok()) << vpc.status().message();
  EXPECT_EQ(S(*vpc, "region"), "cn-south-1");
  auto r = h_.Create(R("huaweicloud_vpc_subnet"),
                     "name = \"s\"\ncidr = \"10.0.1.0/24\"\ngateway_ip = \"10.0.1.1\"\n"
                     "vpc_id = \"" + S(*vpc, "id") + "\"\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNotFound);
}

TEST_F(SubnetTest, RetryWithTheSameKeyFindsTheFirstSubnet) {
  std::string vpc = Vpc();
  const std::string cfg = "name = \"s\"\ncidr = \"192.168.1.0/24\"\n"
                          "gateway_ip = \"192.168.1.1\"\nvpc_id = \"" + vpc + "\"\n";
  hcl::Value a = MustCreate("huaweicloud_vpc_subnet", cfg, "d/huaweicloud_vpc_subnet.s");
  hcl::Value b = MustCreate("huaweicloud_vpc_subnet", cfg, "d/huaweicloud_vpc_subnet.s");
  EXPECT_EQ(S(a, "id"), S(b, "id"));
  EXPECT_EQ(S(a, "ipv4_subnet_id"), S(b, "ipv4_subnet_id"));
  EXPECT_EQ(Count("vpc.subnet"), 1u);
}

TEST_F(SubnetTest, UpdatesNameAndDnsInPlaceAndDeletes) {
  std::string vpc = Vpc();
  hcl::Value s = Subnet(vpc, "192.168.1.0/24", "192.168.1.1");
  auto u = h_.Update(R("huaweicloud_vpc_subnet"), s,
                     "name = \"renamed\"\ncidr = \"192.168.1.0/24\"\ngateway_ip = \"192.168.1.1\"\n"
                     "vpc_id = \"" + vpc + "\"\nprimary_dns = \"8.8.8.8\"\n"
                     "dns_list = [\"8.8.8.8\", \"1.1.1.1\"]\nipv6_enable = true\n");
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(S(*u, "name"), "renamed");
  EXPECT_EQ(S(*u, "primary_dns"), "8.8.8.8");
  EXPECT_EQ(S(*u, "id"), S(s, "id"));
  EXPECT_NE(S(*u, "ipv6_cidr"), "");
  ASSERT_TRUE(h_.Delete(R("huaweicloud_vpc_subnet"), *u).ok());
  auto read = h_.Read(R("huaweicloud_vpc_subnet"), *u);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
}

TEST_F(SubnetTest, FaultRuleFailsCreateAndCreatesNothing) {
  std::string vpc = Vpc();
  FailNext("vpc", "subnet");
  auto r = h_.Create(R("huaweicloud_vpc_subnet"),
                     "name = \"s\"\ncidr = \"192.168.1.0/24\"\ngateway_ip = \"192.168.1.1\"\n"
                     "vpc_id = \"" + vpc + "\"\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Count("vpc.subnet"), 0u);
}

}  // namespace
}  // namespace fw::providers::network
