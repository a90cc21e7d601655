// huaweicloud_cce_cluster, huaweicloud_cce_node and huaweicloud_cce_node_pool against the local
// cloud: a cluster with nodes and pools, and the rules that bind them.
#include <gtest/gtest.h>

#include "providers/database/database_test_support.h"

namespace fw::providers::database {
namespace {

class CceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    net_ = MakeTestNetwork(h_);
    cluster_type_ = DatabaseRegistry().FindResource("huaweicloud_cce_cluster");
    node_type_ = DatabaseRegistry().FindResource("huaweicloud_cce_node");
    pool_type_ = DatabaseRegistry().FindResource("huaweicloud_cce_node_pool");
    ASSERT_TRUE(cluster_type_ && node_type_ && pool_type_);
  }

  std::string ClusterConfig(const std::string& extra = "", const std::string& name = "k8s-main") {
    return Fill(R"(
      name                   = ")" + name + R"("
      flavor_id              = "cce.s1.small"
      vpc_id                 = "{vpc}"
      subnet_id              = "{subnet}"
      container_network_type = "overlay_l2"
    )" + extra, net_);
  }

  std::string NodeConfig(const std::string& cluster_id, const std::string& extra = "") {
    return R"(
      cluster_id        = ")" + cluster_id + R"("
      name              = "worker-1"
      flavor_id         = "s6.large.2"
      availability_zone = "cn-north-4a"
      key_pair          = "my-key"
      root_volume {
        size       = 40
        volumetype = "SSD"
      }
      data_volumes {
        size       = 100
        volumetype = "SSD"
      }
    )" + extra;
  }

  std::string PoolConfig(const std::string& cluster_id, int count,
                         const std::string& name = "pool-a") {
    return R"(
      cluster_id         = ")" + cluster_id + R"("
      name               = ")" + name + R"("
      flavor_id          = "s6.large.2"
      initial_node_count = )" + std::to_string(count) + R"(
      password           = "Node@Pass123"
      root_volume {
        size       = 40
        volumetype = "SSD"
      }
      data_volumes {
        size       = 100
        volumetype = "SSD"
      }
    )";
  }

  hcl::Value MakeCluster() {
    auto c = h_.Create(*cluster_type_, ClusterConfig());
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? *c : hcl::Value();
  }

  ProviderHarness h_;
  TestNetwork net_;
  const ResourceType* cluster_type_ = nullptr;
  const ResourceType* node_type_ = nullptr;
  const ResourceType* pool_type_ = nullptr;
};

TEST_F(CceTest, ClusterCreateFillsComputedAttributes) {
  auto c = h_.Create(*cluster_type_, ClusterConfig("eip = \"121.36.0.10\"\n"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(h_.Str(*c, "status"), "Available");
  EXPECT_EQ(h_.Str(*c, "id").size(), 36u);
  EXPECT_EQ(h_.Str(*c, "container_network_cidr"), "172.16.0.0/16");
  EXPECT_EQ(h_.Str(*c, "service_network_cidr"), "10.247.0.0/16");
  EXPECT_EQ(h_.Str(*c, "cluster_type"), "VirtualMachine");
  EXPECT_EQ(h_.Str(*c, "authentication_mode"), "rbac");
  EXPECT_FALSE(h_.Str(*c, "security_group_id").empty());
  ASSERT_EQ(c->Get("certificate_clusters")->Length(), 2u);
  EXPECT_EQ(h_.Str(c->Get("certificate_clusters")->Elements()[1], "server"),
            "https://121.36.0.10:5443");
  const std::string kube = h_.Str(*c, "kube_config_raw");
  EXPECT_NE(kube.find("\"kind\":\"Config\""), std::string::npos);
  EXPECT_NE(kube.find("https://192.168.1."), std::string::npos) << kube;
  EXPECT_TRUE(c->IsWhollyKnown());
  // The kubeconfig is derived, not stored; Read gives the same one.
  auto item = h_.cloud().inventory().Get("cce.cluster", h_.Str(*c, "id"));
  ASSERT_TRUE(item.ok() && item->has_value());
  EXPECT_TRUE((*item)->body.at("kube_config_raw").is_null());
  auto read = h_.Read(*cluster_type_, *c);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ(h_.Str(**read, "kube_config_raw"), kube);
}

TEST_F(CceTest, ClusterChecksNetworksAndNames) {
  auto overlap = h_.Create(*cluster_type_,
                           ClusterConfig("container_network_cidr = \"192.168.128.0/17\"\n"));
  ASSERT_FALSE(overlap.ok());
  EXPECT_NE(overlap.status().message().find("overlaps the VPC"), std::string::npos)
      << overlap.status().message();

  auto eni = h_.Create(*cluster_type_, Fill(R"(
      name                   = "k8s-eni"
      flavor_id              = "cce.s1.small"
      vpc_id                 = "{vpc}"
      subnet_id              = "{subnet}"
      container_network_type = "eni"
    )", net_));
  ASSERT_FALSE(eni.ok());
  EXPECT_NE(eni.status().message().find("eni_subnet_id is required"), std::string::npos);

  auto bad_name = h_.Create(*cluster_type_, ClusterConfig("", "K8s_Main"));
  ASSERT_FALSE(bad_name.ok());

  MakeCluster();
  auto dup = h_.Create(*cluster_type_, ClusterConfig());
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), ErrorCode::kAlreadyExists);
}

TEST_F(CceTest, ClusterDescriptionAndEipChangeInPlace) {
  hcl::Value c = MakeCluster();
  auto updated = h_.Update(*cluster_type_, c,
                           ClusterConfig("description = \"prod\"\neip = \"121.36.0.11\"\n"));
  ASSERT_TRUE(updated.ok()) << updated.status().message();
  EXPECT_EQ(h_.Str(*updated, "id"), h_.Str(c, "id"));
  EXPECT_EQ(h_.Str(*updated, "description"), "prod");
  EXPECT_EQ(updated->Get("certificate_clusters")->Length(), 2u);
  EXPECT_EQ(h_.Str(*updated, "security_group_id"), h_.Str(c, "security_group_id"));
}

TEST_F(CceTest, NodeGoesIntoTheClusterSubnet) {
  hcl::Value c = MakeCluster();
  auto node = h_.Create(*node_type_, NodeConfig(h_.Str(c, "id")));
  ASSERT_TRUE(node.ok()) << node.status().message();
  EXPECT_EQ(h_.Str(*node, "status"), "Active");
  EXPECT_TRUE(InCidr(h_.Str(*node, "private_ip"), "192.168.1.0/24"));
  EXPECT_EQ(h_.Str(*node, "subnet_id"), net_.subnet_id);
  EXPECT_EQ(h_.Str(*node, "server_id").size(), 36u);
  EXPECT_EQ(h_.Str(*node, "os"), "EulerOS 2.9");
  EXPECT_TRUE(node->IsWhollyKnown());

  auto renamed = h_.Update(*node_type_, *node,
                           NodeConfig(h_.Str(c, "id")) + "tags = { env = \"prod\" }\n");
  ASSERT_TRUE(renamed.ok()) << renamed.status().message();
  EXPECT_EQ(h_.Str(*renamed->Get("tags"), "env"), "prod");
  EXPECT_EQ(h_.Str(*renamed, "private_ip"), h_.Str(*node, "private_ip"));
}

TEST_F(CceTest, NodeChecks) {
  hcl::Value c = MakeCluster();
  auto both = h_.Create(*node_type_,
                        NodeConfig(h_.Str(c, "id"), "password = \"Node@Pass123\"\n"));
  ASSERT_FALSE(both.ok());
  EXPECT_NE(both.status().message().find("exactly one of key_pair and password"),
            std::string::npos);
  auto no_cluster = h_.Create(*node_type_, NodeConfig("3c4d9f2e-0000-4000-8000-000000000000"));
  ASSERT_FALSE(no_cluster.ok());
  EXPECT_EQ(no_cluster.status().code(), ErrorCode::kNotFound);
  std::string bad_zone = NodeConfig(h_.Str(c, "id"));
  bad_zone.replace(bad_zone.find("cn-north-4a"), 11, "cn-north-9a");
  auto zone = h_.Create(*node_type_, bad_zone);
  ASSERT_FALSE(zone.ok());
  EXPECT_NE(zone.status().message().find("not an availability zone"), std::string::npos);
}

TEST_F(CceTest, ClusterDeleteWaitsForNodesAndPools) {
  hcl::Value c = MakeCluster();
  const std::string id = h_.Str(c, "id");
  auto node = h_.Create(*node_type_, NodeConfig(id));
  auto pool = h_.Create(*pool_type_, PoolConfig(id, 2));
  ASSERT_TRUE(node.ok() && pool.ok()) << pool.status().message();

  Status refused = h_.Delete(*cluster_type_, c);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("1 node(s) and 1 node pool(s)"), std::string::npos)
      << refused.message();
  ASSERT_TRUE(h_.Delete(*node_type_, *node).ok());
  ASSERT_TRUE(h_.Delete(*pool_type_, *pool).ok());
  EXPECT_FALSE(h_.Read(*node_type_, *node)->has_value());
  EXPECT_FALSE(h_.Read(*pool_type_, *pool)->has_value());
  ASSERT_TRUE(h_.Delete(*cluster_type_, c).ok());
  EXPECT_FALSE(h_.Read(*cluster_type_, c)->has_value());
}

TEST_F(CceTest, NodePoolScalesInPlace) {
  hcl::Value c = MakeCluster();
  auto pool = h_.Create(*pool_type_, PoolConfig(h_.Str(c, "id"), 2));
  ASSERT_TRUE(pool.ok()) << pool.status().message();
  EXPECT_EQ(IntOf(*pool, "current_node_count"), 2);
  EXPECT_EQ(h_.Str(*pool, "availability_zone"), "random");
  EXPECT_EQ(h_.Str(*pool, "type"), "vm");
  EXPECT_FALSE(h_.Str(*pool, "status").empty());
  EXPECT_TRUE(pool->IsWhollyKnown());

  auto scaled = h_.Update(*pool_type_, *pool, PoolConfig(h_.Str(c, "id"), 5));
  ASSERT_TRUE(scaled.ok()) << scaled.status().message();
  EXPECT_EQ(h_.Str(*scaled, "id"), h_.Str(*pool, "id"));
  EXPECT_EQ(IntOf(*scaled, "current_node_count"), 5);

  // A small cluster takes at most 50 nodes.
  auto too_many = h_.Update(*pool_type_, *scaled, PoolConfig(h_.Str(c, "id"), 51));
  ASSERT_FALSE(too_many.ok());
  EXPECT_NE(too_many.status().message().find("allows 50"), std::string::npos)
      << too_many.status().message();

  auto dup = h_.Create(*pool_type_, PoolConfig(h_.Str(c, "id"), 1));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), ErrorCode::kAlreadyExists);

  auto bounds = h_.Create(*pool_type_, PoolConfig(h_.Str(c, "id"), 1, "pool-b") +
                                           "min_node_count = 5\nmax_node_count = 2\n");
  ASSERT_FALSE(bounds.ok());
  EXPECT_NE(bounds.status().message().find("greater than max_node_count"), std::string::npos);
}

TEST_F(CceTest, IdempotentCreateAndFaultRules) {
  auto a = h_.Create(*cluster_type_, ClusterConfig(), "dep/cluster");
  auto b = h_.Create(*cluster_type_, ClusterConfig(), "dep/cluster");
  ASSERT_TRUE(a.ok() && b.ok()) << b.status().message();
  EXPECT_EQ(h_.Str(*a, "id"), h_.Str(*b, "id"));
  EXPECT_EQ(h_.Str(*a, "kube_config_raw"), h_.Str(*b, "kube_config_raw"));

  auto n1 = h_.Create(*node_type_, NodeConfig(h_.Str(*a, "id")), "dep/node");
  auto n2 = h_.Create(*node_type_, NodeConfig(h_.Str(*a, "id")), "dep/node");
  ASSERT_TRUE(n1.ok() && n2.ok());
  EXPECT_EQ(h_.Str(*n1, "id"), h_.Str(*n2, "id"));
  auto p1 = h_.Create(*pool_type_, PoolConfig(h_.Str(*a, "id"), 1), "dep/pool");
  auto p2 = h_.Create(*pool_type_, PoolConfig(h_.Str(*a, "id"), 1), "dep/pool");
  ASSERT_TRUE(p1.ok() && p2.ok()) << p2.status().message();
  EXPECT_EQ(h_.Str(*p1, "id"), h_.Str(*p2, "id"));

  cloud::FaultRule rule;
  rule.service = "cce";
  rule.operation = "create";
  rule.error_code = "CCE.01500001";
  h_.cloud().faults().Add(rule);
  auto failed = h_.Create(*cluster_type_, ClusterConfig("", "k8s-other"));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().service_code(), "CCE.01500001");
  EXPECT_EQ(h_.cloud().inventory().List(h_.project_id(), "cce.cluster")->size(), 1u);
  auto failed_node = h_.Create(*node_type_, NodeConfig(h_.Str(*a, "id")));
  ASSERT_FALSE(failed_node.ok());
  EXPECT_EQ(h_.cloud().inventory().List(h_.project_id(), "cce.node")->size(), 1u);
}

}  // namespace
}  // namespace fw::providers::database
