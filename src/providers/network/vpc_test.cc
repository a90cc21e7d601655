// huaweicloud_vpc against a LocalCloud.
#include "providers/network/network_test_util.h"

namespace fw::providers::network {
namespace {

class VpcTest : public NetworkTest {};

TEST_F(VpcTest, CreateFillsComputedAttributes) {
  hcl::Value vpc = MustCreate("huaweicloud_vpc",
                              "name = \"main\"\ncidr = \"192.168.0.0/16\"\n"
                              "tags = { env = \"test\" }\n");
  EXPECT_TRUE(IsUuid(S(vpc, "id"))) << S(vpc, "id");
  EXPECT_EQ(S(vpc, "status"), "OK");
  EXPECT_EQ(S(vpc, "region"), "cn-north-4");
  EXPECT_EQ(S(vpc, "enterprise_project_id"), "0");
  EXPECT_EQ(vpc.Get("tags")->Get("env")->AsString(), "test");
  EXPECT_TRUE(vpc.IsWhollyKnown());
  EXPECT_EQ(Count("vpc.vpc"), 1u);
}

TEST_F(VpcTest, RefusesInvalidCidrs) {
  auto bad = h_.Create(R("huaweicloud_vpc"), "name = \"v\"\ncidr = \"192.168.0.1/16\"\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("Invalid value for cidr"), std::string::npos)
      << bad.status().message();
  auto public_range = h_.Create(R("huaweicloud_vpc"), "name = \"v\"\ncidr = \"8.8.0.0/16\"\n");
  ASSERT_FALSE(public_range.ok());
  EXPECT_NE(public_range.status().message().find("10.0.0.0/8"), std::string::npos);
  auto bad_name = h_.Create(R("huaweicloud_vpc"), "name = \"a b\"\ncidr = \"10.0.0.0/16\"\n");
  EXPECT_FALSE(bad_name.ok());
  EXPECT_EQ(Count("vpc.vpc"), 0u);
}

TEST_F(VpcTest, UpdatesInPlaceAndKeepsSubnetsInsideTheCidr) {
  hcl::Value vpc = MustCreate("huaweicloud_vpc", "name = \"a\"\ncidr = \"192.168.0.0/16\"\n");
  Subnet(S(vpc, "id"), "192.168.1.0/24", "192.168.1.1");
  auto renamed = h_.Update(R("huaweicloud_vpc"), vpc,
                           "name = \"b\"\ncidr = \"192.168.0.0/16\"\ndescription = \"d\"\n");
  ASSERT_TRUE(renamed.ok()) << renamed.status().message();
  EXPECT_EQ(S(*renamed, "name"), "b");
  EXPECT_EQ(S(*renamed, "id"), S(vpc, "id"));
  auto read = h_.Read(R("huaweicloud_vpc"), vpc);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ(S(**read, "description"), "d");
  auto shrink = h_.Update(R("huaweicloud_vpc"), *renamed,
                          "name = \"b\"\ncidr = \"192.168.2.0/24\"\n");
  ASSERT_FALSE(shrink.ok());
  EXPECT_NE(shrink.status().message().find("192.168.1.0/24"), std::string::npos);
}

TEST_F(VpcTest, DeleteIsRefusedWhileSubnetsExist) {
  hcl::Value vpc = MustCreate("huaweicloud_vpc", "name = \"a\"\ncidr = \"10.0.0.0/16\"\n");
  hcl::Value subnet = Subnet(S(vpc, "id"), "10.0.0.0/24", "10.0.0.1");
  Status refused = h_.Delete(R("huaweicloud_vpc"), vpc);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("subnets"), std::string::npos) << refused.message();
  ASSERT_TRUE(h_.Delete(R("huaweicloud_vpc_subnet"), subnet).ok());
  ASSERT_TRUE(h_.Delete(R("huaweicloud_vpc"), vpc).ok());
  auto read = h_.Read(R("huaweicloud_vpc"), vpc);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
  EXPECT_TRUE(h_.Delete(R("huaweicloud_vpc"), vpc).ok());  // already gone
}

TEST_F(VpcTest, CreateWithTheSameKeyReturnsTheSameVpc) {
  const std::string cfg = "name = \"a\"\ncidr = \"10.0.0.0/16\"\n";
  hcl::Value first = MustCreate("huaweicloud_vpc", cfg, "deploy-1/huaweicloud_vpc.a");
  hcl::Value again = MustCreate("huaweicloud_vpc", cfg, "deploy-1/huaweicloud_vpc.a");
  EXPECT_EQ(S(first, "id"), S(again, "id"));
  EXPECT_EQ(Count("vpc.vpc"), 1u);
}

TEST_F(VpcTest, FaultRuleFailsCreateAndCreatesNothing) {
  FailNext("vpc", "vpc");
  auto r = h_.Create(R("huaweicloud_vpc"), "name = \"a\"\ncidr = \"10.0.0.0/16\"\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().service_code(), "SYS.0500");
  EXPECT_EQ(Count("vpc.vpc"), 0u);
}

}  // namespace
}  // namespace fw::providers::network
