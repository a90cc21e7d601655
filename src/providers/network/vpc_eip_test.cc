// huaweicloud_vpc_eip against a LocalCloud.
#include "base/ids.h"
#include "providers/network/network_test_util.h"

namespace fw::providers::network {
namespace {

class EipTest : public NetworkTest {
 protected:
  static std::string Config(const std::string& extra_publicip = "", int size = 10) {
    return "name = \"e\"\npublicip {\n type = \"5_bgp\"\n" + extra_publicip +
           "}\nbandwidth {\n share_type = \"PER\"\n name = \"bw\"\n size = " +
           std::to_string(size) + "\n charge_mode = \"traffic\"\n}\n";
  }
  static std::string Address(const hcl::Value& eip) {
    return S(eip.Get("publicip")->Elements()[0], "ip_address");
  }
};

TEST_F(EipTest, CreateAllocatesUniqueAddresses) {
  hcl::Value a = MustCreate("huaweicloud_vpc_eip", Config());
  hcl::Value b = MustCreate("huaweicloud_vpc_eip", Config());
  EXPECT_TRUE(IsUuid(S(a, "id")));
  EXPECT_EQ(S(a, "status"), "UNBOUND");
  EXPECT_EQ(S(a, "address").rfind("124.70.", 0), 0u) << S(a, "address");
  EXPECT_NE(S(a, "address"), S(b, "address"));
  EXPECT_EQ(Address(a), S(a, "address"));
  EXPECT_TRUE(IsUuid(S(a.Get("bandwidth")->Elements()[0], "id")));
  EXPECT_TRUE(a.IsWhollyKnown());
}

TEST_F(EipTest, RequestedAddressMustBeFreeAndInThePool) {
  hcl::Value a = MustCreate("huaweicloud_vpc_eip", Config(" ip_address = \"124.70.9.9\"\n"));
  EXPECT_EQ(S(a, "address"), "124.70.9.9");
  auto taken = h_.Create(R("huaweicloud_vpc_eip"), Config(" ip_address = \"124.70.9.9\"\n"));
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.status().code(), ErrorCode::kConflict);
  auto outside = h_.Create(R("huaweicloud_vpc_eip"), Config(" ip_address = \"8.8.8.8\"\n"));
  EXPECT_FALSE(outside.ok());
  EXPECT_EQ(Count("vpc.eip"), 1u);
}

TEST_F(EipTest, RefusesInvalidBandwidth) {
  auto big = h_.Create(R("huaweicloud_vpc_eip"), Config("", 3000));
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.status().message().find("bandwidth.0.size"), std::string::npos)
      << big.status().message();
  auto no_size = h_.Create(R("huaweicloud_vpc_eip"),
                           "publicip {\n type = \"5_bgp\"\n}\nbandwidth {\n share_type = \"PER\"\n"
                           " name = \"bw\"\n}\n");
  EXPECT_FALSE(no_size.ok());
  auto no_block = h_.Create(R("huaweicloud_vpc_eip"), "publicip {\n type = \"5_bgp\"\n}\n");
  EXPECT_FALSE(no_block.ok());
  auto bad_type = h_.Create(R("huaweicloud_vpc_eip"),
                            "publicip {\n type = \"9_xyz\"\n}\nbandwidth {\n share_type = \"PER\"\n"
                            " name = \"bw\"\n size = 5\n}\n");
  EXPECT_FALSE(bad_type.ok());
  EXPECT_EQ(Count("vpc.eip"), 0u);
}

TEST_F(EipTest, PlanOnUpdateKeepsTheAddressAndUpdateResizesInPlace) {
  hcl::Value a = MustCreate("huaweicloud_vpc_eip", Config());
  hcl::Diagnostics diags;
  hcl::Value cfg = h_.Decode(R("huaweicloud_vpc_eip").schema(), Config("", 20), diags);
  hcl::Value planned = R("huaweicloud_vpc_eip").Plan(a, cfg);
  EXPECT_EQ(Address(planned), S(a, "address"));  // no change of the force-new ip_address
  auto u = h_.Update(R("huaweicloud_vpc_eip"), a, Config("", 20));
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(u->Get("bandwidth")->Elements()[0].Get("size")->AsNumber().ToInt64(), 20);
  EXPECT_EQ(S(*u, "address"), S(a, "address"));
  auto read = h_.Read(R("huaweicloud_vpc_eip"), a);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->Get("bandwidth")->Elements()[0].Get("size")->AsNumber().ToInt64(), 20);
}

TEST_F(EipTest, RetryKeepsTheAddressAndDeleteFreesIt) {
  hcl::Value a = MustCreate("huaweicloud_vpc_eip", Config(), "d/eip.a");
  hcl::Value again = MustCreate("huaweicloud_vpc_eip", Config(), "d/eip.a");
  EXPECT_EQ(S(a, "id"), S(again, "id"));
  EXPECT_EQ(S(a, "address"), S(again, "address"));
  ASSERT_TRUE(h_.Delete(R("huaweicloud_vpc_eip"), a).ok());
  auto read = h_.Read(R("huaweicloud_vpc_eip"), a);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
  hcl::Value b = MustCreate("huaweicloud_vpc_eip", Config());
  EXPECT_EQ(S(b, "address"), S(a, "address"));  // the lowest free address again
}

TEST_F(EipTest, AnEipBoundToAServerReadsBoundAndCannotBeReleased) {
  hcl::Value a = MustCreate("huaweicloud_vpc_eip", Config());
  // The compute family records the binding in the server's body.
  auto server = h_.cloud().inventory().Create(
      {NewUuid(), h_.project_id(), "ecs.server", "vm", {{"_eip_id", S(a, "id")}}, ""});
  ASSERT_TRUE(server.ok());
  auto read = h_.Read(R("huaweicloud_vpc_eip"), a);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ(S(**read, "status"), "BOUND");
  Status refused = h_.Delete(R("huaweicloud_vpc_eip"), a);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find(server->id), std::string::npos);
  ASSERT_TRUE(h_.cloud().inventory().Delete("ecs.server", server->id).ok());
  EXPECT_TRUE(h_.Delete(R("huaweicloud_vpc_eip"), a).ok());
}

TEST_F(EipTest, FaultRuleFailsCreateAndCreatesNothing) {
  FailNext("vpc", "eip");
  EXPECT_FALSE(h_.Create(R("huaweicloud_vpc_eip"), Config()).ok());
  EXPECT_EQ(Count("vpc.eip"), 0u);
}

}  // namespace
}  // namespace fw::providers::network
