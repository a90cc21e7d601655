// The network family's data sources against a LocalCloud.
#include "cloud/cdm/catalog.h"
#include "providers/network/network_test_util.h"

namespace fw::providers::network {
namespace {

class NetworkDataTest : public NetworkTest {};

TEST_F(NetworkDataTest, AvailabilityZonesAreTheCatalogsZones) {
  auto azs = h_.ReadData(D("huaweicloud_availability_zones"), "");
  ASSERT_TRUE(azs.ok()) << azs.status().message();
  std::vector<std::string> names;
  for (const auto& n : azs->Get("names")->Elements()) names.push_back(n.AsString());
  EXPECT_EQ(names, cloud::cdm::AvailabilityZones("cn-north-4"));
  EXPECT_FALSE(names.empty());
  EXPECT_EQ(S(*azs, "region"), "cn-north-4");
}

TEST_F(NetworkDataTest, VpcsFilterByNameAndTags) {
  MustCreate("huaweicloud_vpc", "name = \"a\"\ncidr = \"10.0.0.0/16\"\ntags = { env = \"p\" }\n");
  MustCreate("huaweicloud_vpc", "name = \"b\"\ncidr = \"10.1.0.0/16\"\n");
  auto all = h_.ReadData(D("huaweicloud_vpcs"), "");
  ASSERT_TRUE(all.ok()) << all.status().message();
  EXPECT_EQ(all->Get("vpcs")->Length(), 2u);
  auto by_name = h_.ReadData(D("huaweicloud_vpcs"), "name = \"b\"\n");
  ASSERT_TRUE(by_name.ok());
  ASSERT_EQ(by_name->Get("vpcs")->Length(), 1u);
  EXPECT_EQ(S(by_name->Get("vpcs")->Elements()[0], "cidr"), "10.1.0.0/16");
  EXPECT_EQ(S(by_name->Get("vpcs")->Elements()[0], "status"), "OK");
  auto by_tag = h_.ReadData(D("huaweicloud_vpcs"), "tags = { env = \"p\" }\n");
  ASSERT_TRUE(by_tag.ok());
  ASSERT_EQ(by_tag->Get("vpcs")->Length(), 1u);
  EXPECT_EQ(S(by_tag->Get("vpcs")->Elements()[0], "name"), "a");
}

TEST_F(NetworkDataTest, VpcFindsExactlyOne) {
  std::string id = Vpc("10.0.0.0/16", "one");
  Vpc("10.1.0.0/16", "two");
  auto one = h_.ReadData(D("huaweicloud_vpc"), "name = \"one\"\n");
  ASSERT_TRUE(one.ok()) << one.status().message();
  EXPECT_EQ(S(*one, "id"), id);
  EXPECT_EQ(S(*one, "cidr"), "10.0.0.0/16");
  auto none = h_.ReadData(D("huaweicloud_vpc"), "name = \"zero\"\n");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("no results"), std::string::npos);
  EXPECT_FALSE(h_.ReadData(D("huaweicloud_vpc"), "").ok());  // two match
}

TEST_F(NetworkDataTest, SubnetsFilterByVpc) {
  std::string a = Vpc("10.0.0.0/16", "a");
  std::string b = Vpc("10.1.0.0/16", "b");
  Subnet(a, "10.0.1.0/24", "10.0.1.1");
  Subnet(a, "10.0.2.0/24", "10.0.2.1");
  hcl::Value sb = Subnet(b, "10.1.1.0/24", "10.1.1.1");
  auto in_a = h_.ReadData(D("huaweicloud_vpc_subnets"), "vpc_id = \"" + a + "\"\n");
  ASSERT_TRUE(in_a.ok()) << in_a.status().message();
  EXPECT_EQ(in_a->Get("subnets")->Length(), 2u);
  auto in_b = h_.ReadData(D("huaweicloud_vpc_subnets"), "vpc_id = \"" + b + "\"\n");
  ASSERT_TRUE(in_b.ok());
  ASSERT_EQ(in_b->Get("subnets")->Length(), 1u);
  EXPECT_EQ(S(in_b->Get("subnets")->Elements()[0], "ipv4_subnet_id"), S(sb, "ipv4_subnet_id"));
}

}  // namespace
}  // namespace fw::providers::network
