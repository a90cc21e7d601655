// huaweicloud_dcs_instance against the local cloud.
#include <gtest/gtest.h>

#include <regex>

#include "providers/database/database_test_support.h"

namespace fw::providers::database {
namespace {

class DcsInstanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    net_ = MakeTestNetwork(h_);
    type_ = DatabaseRegistry().FindResource("huaweicloud_dcs_instance");
    ASSERT_NE(type_, nullptr);
  }

  std::string Config(const std::string& capacity = "2",
                     const std::string& flavor = "redis.ha.xu1.large.r2.2",
                     const std::string& extra = "") {
    return Fill(R"(
      name               = "cache-main"
      engine             = "Redis"
      engine_version     = "5.0"
      capacity           = )" + capacity + R"(
      flavor             = ")" + flavor + R"("
      vpc_id             = "{vpc}"
      subnet_id          = "{subnet}"
      availability_zones = ["cn-north-4a", "cn-north-4b"]
      password           = "Redis_Pass1"
      whitelists {
        group_name = "app"
        ip_address = ["192.168.1.0/24", "10.0.0.5"]
      }
      backup_policy {
        backup_at = [1, 3]
        begin_at  = "00:00-01:00"
        save_days = 3
      }
    )" + extra, net_);
  }

  ProviderHarness h_;
  TestNetwork net_;
  const ResourceType* type_ = nullptr;
};

TEST_F(DcsInstanceTest, CreateFillsComputedAttributes) {
  auto dcs = h_.Create(*type_, Config());
  ASSERT_TRUE(dcs.ok()) << dcs.status().message();
  const std::string id = h_.Str(*dcs, "id");
  EXPECT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")));
  EXPECT_EQ(h_.Str(*dcs, "status"), "RUNNING");
  EXPECT_EQ(IntOf(*dcs, "port"), 6379);
  EXPECT_TRUE(InCidr(h_.Str(*dcs, "private_ip"), "192.168.1.0/24")) << h_.Str(*dcs, "private_ip");
  EXPECT_EQ(h_.Str(*dcs, "domain_name"), "redis-" + id + ".dcs.huaweicloud.com");
  EXPECT_EQ(IntOf(*dcs, "max_memory"), 2048);
  EXPECT_EQ(h_.Str(*dcs, "cache_mode"), "ha");
  EXPECT_EQ(h_.Str(*dcs, "maintain_begin"), "02:00:00");
  EXPECT_EQ(h_.Str(Attr0(*dcs, "backup_policy"), "backup_type"), "auto");
  EXPECT_EQ(h_.Str(*dcs, "region"), "cn-north-4");
  EXPECT_TRUE(dcs->IsWhollyKnown());
  auto item = h_.cloud().inventory().Get("dcs.instance", id);
  ASSERT_TRUE(item.ok() && item->has_value());
  EXPECT_EQ(boost::json::serialize((*item)->body).find("Redis_Pass1"), std::string::npos);
}

TEST_F(DcsInstanceTest, FixedPrivateIpMustBeInTheSubnetAndFree) {
  auto outside = h_.Create(*type_, Config("2", "redis.ha.xu1.large.r2.2",
                                          "private_ip = \"10.9.9.9\"\n"));
  ASSERT_FALSE(outside.ok());
  EXPECT_NE(outside.status().message().find("not in subnet"), std::string::npos);
  auto fixed = h_.Create(*type_, Config("2", "redis.ha.xu1.large.r2.2",
                                        "private_ip = \"192.168.1.50\"\n"));
  ASSERT_TRUE(fixed.ok()) << fixed.status().message();
  EXPECT_EQ(h_.Str(*fixed, "private_ip"), "192.168.1.50");
  auto taken = h_.Create(*type_, Config("2", "redis.ha.xu1.large.r2.2",
                                        "private_ip = \"192.168.1.50\"\n"));
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.status().code(), ErrorCode::kAlreadyExists);

  // Addresses other families record in "_ports" are taken too, and ours are recorded there.
  auto item = h_.cloud().inventory().Get("dcs.instance", h_.Str(*fixed, "id"));
  ASSERT_TRUE(item.ok() && item->has_value());
  EXPECT_EQ((*item)->body.at("_ports").as_array()[0].as_object().at("ip").as_string(),
            "192.168.1.50");
  boost::json::object port{{"subnet_id", net_.subnet_id}, {"ip", "192.168.1.60"}};
  ASSERT_TRUE(h_.cloud()
                  .inventory()
                  .Create({NewUuid(), h_.project_id(), "ecs.server", "vm",
                           {{"_ports", boost::json::array{port}}}, ""})
                  .ok());
  auto ecs_taken = h_.Create(*type_, Config("2", "redis.ha.xu1.large.r2.2",
                                            "private_ip = \"192.168.1.60\"\n"));
  ASSERT_FALSE(ecs_taken.ok());
  EXPECT_EQ(ecs_taken.status().code(), ErrorCode::kAlreadyExists);
}

TEST_F(DcsInstanceTest, InvalidArgumentsAreRefusedClearly) {
  auto capacity = h_.Create(*type_, Config("4"));
  ASSERT_FALSE(capacity.ok());
  EXPECT_NE(capacity.status().message().find("does not match flavor"), std::string::npos)
      << capacity.status().message();

  auto flavor = h_.Create(*type_, Config("2", "redis.ha.nope"));
  ASSERT_FALSE(flavor.ok());
  EXPECT_NE(flavor.status().message().find("not a DCS flavor"), std::string::npos);

  auto window = h_.Create(*type_, Config("2", "redis.ha.xu1.large.r2.2",
                                         "maintain_begin = \"03:00:00\"\n"
                                         "maintain_end = \"07:00:00\"\n"));
  ASSERT_FALSE(window.ok());
  EXPECT_NE(window.status().message().find("maintain_begin"), std::string::npos);

  std::string bad_whitelist = Config();
  bad_whitelist.replace(bad_whitelist.find("10.0.0.5"), 8, "10.0.0.x");
  auto whitelist = h_.Create(*type_, bad_whitelist);
  ASSERT_FALSE(whitelist.ok());
  EXPECT_NE(whitelist.status().message().find("10.0.0.x"), std::string::npos);
}

TEST_F(DcsInstanceTest, CapacityGrowsInPlace) {
  auto dcs = h_.Create(*type_, Config());
  ASSERT_TRUE(dcs.ok()) << dcs.status().message();
  auto bigger = h_.Update(*type_, *dcs, Config("4", "redis.ha.xu1.large.r2.4"));
  ASSERT_TRUE(bigger.ok()) << bigger.status().message();
  EXPECT_EQ(h_.Str(*bigger, "id"), h_.Str(*dcs, "id"));
  EXPECT_EQ(IntOf(*bigger, "max_memory"), 4096);
  EXPECT_EQ(h_.Str(*bigger, "private_ip"), h_.Str(*dcs, "private_ip"));
  auto read = h_.Read(*type_, *bigger);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ(h_.Str(**read, "flavor"), "redis.ha.xu1.large.r2.4");
}

TEST_F(DcsInstanceTest, DeleteIdempotencyAndFaults) {
  auto a = h_.Create(*type_, Config(), "k1");
  auto b = h_.Create(*type_, Config(), "k1");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(h_.Str(*a, "id"), h_.Str(*b, "id"));
  ASSERT_TRUE(h_.Delete(*type_, *a).ok());
  auto read = h_.Read(*type_, *a);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());

  cloud::FaultRule rule;
  rule.service = "dcs";
  rule.type = "instance";
  rule.operation = "create";
  rule.error_code = "DCS.4010";
  h_.cloud().faults().Add(rule);
  auto failed = h_.Create(*type_, Config());
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().service_code(), "DCS.4010");
  EXPECT_TRUE(h_.cloud().inventory().List(h_.project_id(), "dcs.instance")->empty());
}

}  // namespace
}  // namespace fw::providers::database
