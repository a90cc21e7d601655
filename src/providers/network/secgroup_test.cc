// huaweicloud_networking_secgroup and huaweicloud_networking_secgroup_rule against a LocalCloud.
#include "providers/network/network_test_util.h"

namespace fw::providers::network {
namespace {

class SecgroupTest : public NetworkTest {
 protected:
  hcl::Value Group(const std::string& extra = "") {
    return MustCreate("huaweicloud_networking_secgroup", "name = \"web\"\n" + extra);
  }
  Result<hcl::Value> Rule(const std::string& group_id, const std::string& body) {
    return h_.Create(R("huaweicloud_networking_secgroup_rule"),
                     "security_group_id = \"" + group_id + "\"\n" + body);
  }
};

TEST_F(SecgroupTest, NewGroupHasTheDefaultRules) {
  hcl::Value g = Group();
  EXPECT_TRUE(IsUuid(S(g, "id")));
  const hcl::Value* rules = g.Get("rules");
  ASSERT_EQ(rules->Length(), 4u);
  int ingress_from_self = 0, egress = 0;
  for (const auto& r : rules->Elements()) {
    if (S(r, "direction") == "ingress" && S(r, "remote_group_id") == S(g, "id")) {
      ++ingress_from_self;
    }
    if (S(r, "direction") == "egress") ++egress;
  }
  EXPECT_EQ(ingress_from_self, 2);
  EXPECT_EQ(egress, 2);
  EXPECT_TRUE(g.IsWhollyKnown());
}

TEST_F(SecgroupTest, DeleteDefaultRulesLeavesTheGroupEmpty) {
  hcl::Value g = Group("delete_default_rules = true\n");
  EXPECT_EQ(g.Get("rules")->Length(), 0u);
  EXPECT_EQ(Count("vpc.secgroup_rule"), 0u);
}

TEST_F(SecgroupTest, RulesAppearInTheGroupAndComputePorts) {
  hcl::Value g = Group("delete_default_rules = true\n");
  auto ssh = Rule(S(g, "id"),
                  "direction = \"ingress\"\nethertype = \"IPv4\"\nprotocol = \"tcp\"\n"
                  "port_range_min = 22\nport_range_max = 22\nremote_ip_prefix = \"0.0.0.0/0\"\n");
  ASSERT_TRUE(ssh.ok()) << ssh.status().message();
  EXPECT_EQ(S(*ssh, "ports"), "22");
  EXPECT_EQ(S(*ssh, "action"), "allow");
  EXPECT_EQ(ssh->Get("priority")->AsNumber().ToInt64(), 1);
  auto web = Rule(S(g, "id"), "direction = \"ingress\"\nethertype = \"IPv4\"\n"
                              "protocol = \"tcp\"\nports = \"8000-8080\"\n");
  ASSERT_TRUE(web.ok()) << web.status().message();
  EXPECT_EQ(web->Get("port_range_min")->AsNumber().ToInt64(), 8000);
  EXPECT_EQ(web->Get("port_range_max")->AsNumber().ToInt64(), 8080);
  auto read = h_.Read(R("huaweicloud_networking_secgroup"), g);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->Get("rules")->Length(), 2u);
}

TEST_F(SecgroupTest, RefusesInvalidRules) {
  hcl::Value g = Group();
  auto range = Rule(S(g, "id"), "direction = \"ingress\"\nethertype = \"IPv4\"\n"
                                "protocol = \"tcp\"\nport_range_min = 90\nport_range_max = 80\n");
  ASSERT_FALSE(range.ok());
  EXPECT_NE(range.status().message().find("port_range_min"), std::string::npos);
  auto big = Rule(S(g, "id"), "direction = \"ingress\"\nethertype = \"IPv4\"\n"
                              "protocol = \"tcp\"\nport_range_min = 70000\n");
  EXPECT_FALSE(big.ok());
  auto icmp_ports = Rule(S(g, "id"), "direction = \"ingress\"\nethertype = \"IPv4\"\n"
                                     "protocol = \"icmp\"\nports = \"80\"\n");
  EXPECT_FALSE(icmp_ports.ok());
  auto cidr = Rule(S(g, "id"), "direction = \"ingress\"\nethertype = \"IPv4\"\n"
                               "remote_ip_prefix = \"10.0.0.1/8\"\n");
  EXPECT_FALSE(cidr.ok());
  auto dir = Rule(S(g, "id"), "direction = \"inbound\"\nethertype = \"IPv4\"\n");
  EXPECT_FALSE(dir.ok());
  auto no_group = Rule(std::string(36, 'a'), "direction = \"ingress\"\nethertype = \"IPv4\"\n");
  ASSERT_FALSE(no_group.ok());
  EXPECT_EQ(no_group.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Count("vpc.secgroup_rule"), 4u);  // the defaults only
}

TEST_F(SecgroupTest, DuplicateRuleIsRefusedButARetryIsNot) {
  hcl::Value g = Group("delete_default_rules = true\n");
  const std::string body = "security_group_id = \"" + S(g, "id") +
                           "\"\ndirection = \"ingress\"\nethertype = \"IPv4\"\n"
                           "protocol = \"udp\"\nports = \"53\"\n";
  auto a = h_.Create(R("huaweicloud_networking_secgroup_rule"), body, "d/rule.dns");
  auto retry = h_.Create(R("huaweicloud_networking_secgroup_rule"), body, "d/rule.dns");
  ASSERT_TRUE(a.ok() && retry.ok()) << retry.status().message();
  EXPECT_EQ(S(*a, "id"), S(*retry, "id"));
  auto dup = h_.Create(R("huaweicloud_networking_secgroup_rule"), body, "d/rule.dns2");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), ErrorCode::kAlreadyExists);
}

TEST_F(SecgroupTest, RetryOfAGroupGivesTheSameGroupAndRules) {
  hcl::Value a = MustCreate("huaweicloud_networking_secgroup", "name = \"g\"\n", "d/sg.g");
  hcl::Value b = MustCreate("huaweicloud_networking_secgroup", "name = \"g\"\n", "d/sg.g");
  EXPECT_EQ(S(a, "id"), S(b, "id"));
  EXPECT_EQ(Count("vpc.secgroup"), 1u);
  EXPECT_EQ(Count("vpc.secgroup_rule"), 4u);
}

TEST_F(SecgroupTest, UpdateRenamesAndDeleteRemovesRules) {
  hcl::Value g = Group();
  auto u = h_.Update(R("huaweicloud_networking_secgroup"), g,
                     "name = \"web2\"\ndescription = \"front\"\n");
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(S(*u, "name"), "web2");
  EXPECT_EQ(u->Get("rules")->Length(), 4u);
  ASSERT_TRUE(h_.Delete(R("huaweicloud_networking_secgroup"), *u).ok());
  EXPECT_EQ(Count("vpc.secgroup_rule"), 0u);
  auto read = h_.Read(R("huaweicloud_networking_secgroup"), *u);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
}

TEST_F(SecgroupTest, FaultRulesFailCreateAndCreateNothing) {
  FailNext("vpc", "secgroup");
  auto r = h_.Create(R("huaweicloud_networking_secgroup"), "name = \"g\"\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Count("vpc.secgroup"), 0u);
  hcl::Value g = Group("delete_default_rules = true\n");
  FailNext("vpc", "secgroup_rule");
  auto rule = Rule(S(g, "id"), "direction = \"egress\"\nethertype = \"IPv6\"\n");
  ASSERT_FALSE(rule.ok());
  EXPECT_EQ(Count("vpc.secgroup_rule"), 0u);
}

}  // namespace
}  // namespace fw::providers::network
