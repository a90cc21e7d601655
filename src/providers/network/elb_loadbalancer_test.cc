// huaweicloud_elb_loadbalancer against a LocalCloud.
#include "base/ids.h"
#include "providers/network/network_test_util.h"

namespace fw::providers::network {
namespace {

class ElbTest : public NetworkTest {
 protected:
  void SetUp() override {
    vpc_ = Vpc("192.168.0.0/16");
    subnet_ = Subnet(vpc_, "192.168.1.0/24", "192.168.1.1");
  }
  std::string Config(const std::string& extra = "", const std::string& name = "lb") {
    return "name = \"" + name + "\"\nvpc_id = \"" + vpc_ + "\"\nipv4_subnet_id = \"" +
           S(subnet_, "ipv4_subnet_id") + "\"\navailability_zone = [\"cn-north-4a\"]\n" + extra;
  }
  std::string vpc_;
  hcl::Value subnet_;
};

TEST_F(ElbTest, CreateAllocatesAddressesInTheSubnet) {
  hcl::Value a = MustCreate("huaweicloud_elb_loadbalancer", Config());
  hcl::Value b = MustCreate("huaweicloud_elb_loadbalancer", Config("", "lb2"));
  EXPECT_TRUE(IsUuid(S(a, "id")));
  EXPECT_TRUE(IsUuid(S(a, "ipv4_port_id")));
  EXPECT_EQ(S(a, "ipv4_address"), "192.168.1.2");  // .1 is the gateway
  EXPECT_EQ(S(b, "ipv4_address"), "192.168.1.3");
  EXPECT_EQ(S(a, "vpc_id"), vpc_);
  EXPECT_TRUE(a.IsWhollyKnown());
}

TEST_F(ElbTest, RequestedAddressMustBeAFreeHostOfTheSubnet) {
  hcl::Value a = MustCreate("huaweicloud_elb_loadbalancer",
                            Config("ipv4_address = \"192.168.1.100\"\n"));
  EXPECT_EQ(S(a, "ipv4_address"), "192.168.1.100");
  auto taken = h_.Create(R("huaweicloud_elb_loadbalancer"),
                         Config("ipv4_address = \"192.168.1.100\"\n", "b"));
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.status().code(), ErrorCode::kConflict);
  auto outside = h_.Create(R("huaweicloud_elb_loadbalancer"),
                           Config("ipv4_address = \"192.168.2.5\"\n", "c"));
  EXPECT_FALSE(outside.ok());
  EXPECT_EQ(Count("elb.loadbalancer"), 1u);
}

TEST_F(ElbTest, SharesTakenAddressesWithOtherFamiliesThroughPorts) {
  // A server of the compute family holding 192.168.1.2 records it in "_ports".
  boost::json::object server_body = {
      {"_ports", boost::json::array{boost::json::object{{"subnet_id", S(subnet_, "id")},
                                                        {"ip", "192.168.1.2"}}}}};
  auto server = h_.cloud().inventory().Create(
      {NewUuid(), h_.project_id(), "ecs.server", "vm", server_body, ""});
  ASSERT_TRUE(server.ok());
  hcl::Value a = MustCreate("huaweicloud_elb_loadbalancer", Config());
  EXPECT_EQ(S(a, "ipv4_address"), "192.168.1.3");
  auto item = h_.cloud().inventory().Get("elb.loadbalancer", S(a, "id"));
  ASSERT_TRUE(item.ok() && item->has_value());
  const auto& port = (*item)->body.at("_ports").as_array().at(0).as_object();
  EXPECT_EQ(port.at("ip").as_string(), "192.168.1.3");
  EXPECT_EQ(port.at("subnet_id").as_string(), S(subnet_, "id"));
  auto reserved = h_.Create(R("huaweicloud_elb_loadbalancer"),
                            Config("ipv4_address = \"192.168.1.254\"\n", "r"));
  EXPECT_FALSE(reserved.ok());
  // The subnet cannot go while the server's port is in it.
  ASSERT_TRUE(h_.Delete(R("huaweicloud_elb_loadbalancer"), a).ok());
  Status refused = h_.Delete(R("huaweicloud_vpc_subnet"), subnet_);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find((*server).id), std::string::npos) << refused.message();
}

TEST_F(ElbTest, RefusesBadZonesAndTheWrongSubnetId) {
  auto zone = h_.Create(R("huaweicloud_elb_loadbalancer"),
                        "name = \"lb\"\nipv4_subnet_id = \"" + S(subnet_, "ipv4_subnet_id") +
                            "\"\navailability_zone = [\"mars-1a\"]\n");
  ASSERT_FALSE(zone.ok());
  EXPECT_NE(zone.status().message().find("mars-1a"), std::string::npos);
  // The subnet's `id` is not its ipv4_subnet_id: the real API refuses it too.
  auto wrong = h_.Create(R("huaweicloud_elb_loadbalancer"),
                         "name = \"lb\"\nipv4_subnet_id = \"" + S(subnet_, "id") +
                             "\"\navailability_zone = [\"cn-north-4a\"]\n");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Count("elb.loadbalancer"), 0u);
}

TEST_F(ElbTest, UpdatesInPlaceAndHoldsItsSubnet) {
  hcl::Value a = MustCreate("huaweicloud_elb_loadbalancer", Config());
  auto u = h_.Update(R("huaweicloud_elb_loadbalancer"), a,
                     Config("description = \"front\"\ncross_vpc_backend = true\n", "renamed"));
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(S(*u, "name"), "renamed");
  EXPECT_EQ(S(*u, "ipv4_address"), S(a, "ipv4_address"));
  EXPECT_TRUE(u->Get("cross_vpc_backend")->AsBool());
  EXPECT_FALSE(h_.Delete(R("huaweicloud_vpc_subnet"), subnet_).ok());
  ASSERT_TRUE(h_.Delete(R("huaweicloud_elb_loadbalancer"), *u).ok());
  auto read = h_.Read(R("huaweicloud_elb_loadbalancer"), *u);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
  EXPECT_TRUE(h_.Delete(R("huaweicloud_vpc_subnet"), subnet_).ok());
}

TEST_F(ElbTest, IdempotentCreateAndFaults) {
  hcl::Value a = MustCreate("huaweicloud_elb_loadbalancer", Config(), "d/lb");
  hcl::Value b = MustCreate("huaweicloud_elb_loadbalancer", Config(), "d/lb");
  EXPECT_EQ(S(a, "id"), S(b, "id"));
  EXPECT_EQ(S(a, "ipv4_address"), S(b, "ipv4_address"));
  FailNext("elb", "loadbalancer");
  EXPECT_FALSE(h_.Create(R("huaweicloud_elb_loadbalancer"), Config("", "x")).ok());
  EXPECT_EQ(Count("elb.loadbalancer"), 1u);
}

}  // namespace
}  // namespace fw::providers::network
