// huaweicloud_rds_instance against the local cloud: computed attributes, checks, in-place
// changes, deletion, idempotent creation and fault rules.
#include <gtest/gtest.h>

#include <regex>

#include "providers/database/database_test_support.h"

namespace fw::providers::database {
namespace {

class RdsInstanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    net_ = MakeTestNetwork(h_);
    type_ = DatabaseRegistry().FindResource("huaweicloud_rds_instance");
    ASSERT_NE(type_, nullptr);
  }

  std::string Config(const std::string& name = "mysql-main",
                     const std::string& flavor = "rds.mysql.n1.large.2", int size = 40,
                     const std::string& password = "Str0ng!Pass") {
    return Fill(R"(
      name              = ")" + name + R"("
      flavor            = ")" + flavor + R"("
      vpc_id            = "{vpc}"
      subnet_id         = "{subnet}"
      security_group_id = "{sg}"
      availability_zone = ["cn-north-4a"]
      db {
        type     = "MySQL"
        version  = "8.0"
        password = ")" + password + R"("
      }
      volume {
        type = "CLOUDSSD"
        size = )" + std::to_string(size) + R"(
      }
      backup_strategy {
        start_time = "08:00-09:00"
        keep_days  = 7
      }
    )", net_);
  }

  ProviderHarness h_;
  TestNetwork net_;
  const ResourceType* type_ = nullptr;
};

TEST_F(RdsInstanceTest, CreateFillsComputedAttributes) {
  auto rds = h_.Create(*type_, Config());
  ASSERT_TRUE(rds.ok()) << rds.status().message();
  EXPECT_TRUE(std::regex_match(h_.Str(*rds, "id"), std::regex("[0-9a-f]{32}in01")))
      << h_.Str(*rds, "id");
  EXPECT_EQ(h_.Str(*rds, "status"), "ACTIVE");
  EXPECT_EQ(h_.Str(*rds, "region"), "cn-north-4");
  EXPECT_FALSE(h_.Str(*rds, "created").empty());
  ASSERT_EQ(rds->Get("private_ips")->Length(), 1u);
  EXPECT_TRUE(InCidr(rds->Get("private_ips")->Elements()[0].AsString(), "192.168.1.0/24"));
  EXPECT_EQ(IntOf(Attr0(*rds, "db"), "port"), 3306);
  EXPECT_EQ(h_.Str(Attr0(*rds, "db"), "user_name"), "root");
  EXPECT_EQ(h_.Str(Attr0(*rds, "backup_strategy"), "period"), "1,2,3,4,5,6,7");
  ASSERT_EQ(rds->Get("nodes")->Length(), 1u);
  EXPECT_EQ(h_.Str(Attr0(*rds, "nodes"), "role"), "master");
  EXPECT_TRUE(rds->IsWhollyKnown());

  // The password is not kept by the cloud, but Read keeps the one Terraform knows.
  auto item = h_.cloud().inventory().Get("rds.instance", h_.Str(*rds, "id"));
  ASSERT_TRUE(item.ok() && item->has_value());
  EXPECT_EQ(boost::json::serialize((*item)->body).find("Str0ng!Pass"), std::string::npos);
  EXPECT_EQ((*item)->body.at("status").as_string(), "ACTIVE");
  auto read = h_.Read(*type_, *rds);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ(h_.Str(Attr0(**read, "db"), "password"), "Str0ng!Pass");
  EXPECT_EQ(h_.Str(**read, "id"), h_.Str(*rds, "id"));
}

TEST_F(RdsInstanceTest, PostgresPrimaryStandbyHasTwoNodes) {
  auto rds = h_.Create(*type_, Fill(R"(
      name              = "pg-ha"
      flavor            = "rds.pg.n1.xlarge.4.ha"
      vpc_id            = "{vpc}"
      subnet_id         = "{subnet}"
      security_group_id = "{sg}"
      availability_zone = ["cn-north-4a", "cn-north-4b"]
      db {
        type     = "PostgreSQL"
        version  = "14"
        password = "Pg_secret42"
      }
      volume {
        type = "ULTRAHIGH"
        size = 100
      }
    )", net_));
  ASSERT_TRUE(rds.ok()) << rds.status().message();
  EXPECT_TRUE(h_.Str(*rds, "id").ends_with("in03"));
  EXPECT_EQ(h_.Str(*rds, "ha_replication_mode"), "async");
  EXPECT_EQ(IntOf(Attr0(*rds, "db"), "port"), 5432);
  ASSERT_EQ(rds->Get("nodes")->Length(), 2u);
  EXPECT_EQ(h_.Str(rds->Get("nodes")->Elements()[1], "role"), "slave");
  EXPECT_EQ(h_.Str(rds->Get("nodes")->Elements()[1], "availability_zone"), "cn-north-4b");
}

TEST_F(RdsInstanceTest, InvalidArgumentsAreRefusedClearly) {
  auto weak = h_.Create(*type_, Config("mysql-a", "rds.mysql.n1.large.2", 40, "weakpass"));
  ASSERT_FALSE(weak.ok());
  EXPECT_NE(weak.status().message().find("password must be 8 to 32"), std::string::npos)
      << weak.status().message();
  EXPECT_EQ(weak.status().message().find("weakpass"), std::string::npos);  // never echoed

  auto size = h_.Create(*type_, Config("mysql-a", "rds.mysql.n1.large.2", 45));
  ASSERT_FALSE(size.ok());
  EXPECT_NE(size.status().message().find("multiple of 10"), std::string::npos);

  auto engine = h_.Create(*type_, Config("mysql-a", "rds.pg.n1.large.2"));
  ASSERT_FALSE(engine.ok());
  EXPECT_NE(engine.status().message().find("is a PostgreSQL flavor"), std::string::npos)
      << engine.status().message();

  auto unknown = h_.Create(*type_, Config("mysql-a", "rds.mysql.n9.huge.2"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("not an RDS flavor"), std::string::npos);

  auto ha_one_zone = h_.Create(*type_, Config("mysql-a", "rds.mysql.n1.large.2.ha"));
  ASSERT_FALSE(ha_one_zone.ok());
  EXPECT_NE(ha_one_zone.status().message().find("two availability zones"), std::string::npos);

  auto name = h_.Create(*type_, Config("1bad"));
  ASSERT_FALSE(name.ok());
  EXPECT_NE(name.status().message().find("start with a letter"), std::string::npos);
}

TEST_F(RdsInstanceTest, NetworkReferencesAreChecked) {
  TestNetwork other = MakeTestNetwork(h_, "10.0.0.0/16", "10.0.1.0/24");
  std::string config = Config();
  config.replace(config.find(net_.subnet_id), net_.subnet_id.size(), other.subnet_id);
  auto wrong_vpc = h_.Create(*type_, config);
  ASSERT_FALSE(wrong_vpc.ok());
  EXPECT_NE(wrong_vpc.status().message().find("does not belong to VPC"), std::string::npos)
      << wrong_vpc.status().message();

  config = Config();
  config.replace(config.find(net_.secgroup_id), net_.secgroup_id.size(), "no-such-group");
  auto no_group = h_.Create(*type_, config);
  ASSERT_FALSE(no_group.ok());
  EXPECT_EQ(no_group.status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(h_.cloud().inventory().List(h_.project_id(), "rds.instance")->empty());
}

TEST_F(RdsInstanceTest, NamesAreUniqueInTheProject) {
  ASSERT_TRUE(h_.Create(*type_, Config("mysql-dup")).ok());
  auto again = h_.Create(*type_, Config("mysql-dup"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), ErrorCode::kAlreadyExists);
}

TEST_F(RdsInstanceTest, FlavorVolumeAndNameChangeInPlace) {
  auto rds = h_.Create(*type_, Config());
  ASSERT_TRUE(rds.ok()) << rds.status().message();
  auto updated = h_.Update(*type_, *rds, Config("mysql-renamed", "rds.mysql.n1.xlarge.2", 100));
  ASSERT_TRUE(updated.ok()) << updated.status().message();
  EXPECT_EQ(h_.Str(*updated, "id"), h_.Str(*rds, "id"));
  EXPECT_EQ(h_.Str(*updated, "flavor"), "rds.mysql.n1.xlarge.2");
  EXPECT_EQ(IntOf(Attr0(*updated, "volume"), "size"), 100);
  EXPECT_EQ(h_.Str(Attr0(*updated, "db"), "user_name"), "root");
  EXPECT_EQ(h_.Str(*updated, "created"), h_.Str(*rds, "created"));
  auto item = h_.cloud().inventory().Get("rds.instance", h_.Str(*rds, "id"));
  EXPECT_EQ((*item)->name, "mysql-renamed");

  auto shrink = h_.Update(*type_, *updated, Config("mysql-renamed", "rds.mysql.n1.xlarge.2", 50));
  ASSERT_FALSE(shrink.ok());
  EXPECT_NE(shrink.status().message().find("can only grow"), std::string::npos);

  auto to_ha = h_.Update(*type_, *updated, Config("mysql-renamed", "rds.mysql.n1.xlarge.2.ha", 100));
  EXPECT_FALSE(to_ha.ok());
}

TEST_F(RdsInstanceTest, PlanKeepsNestedAttributesTheCloudFilled) {
  auto rds = h_.Create(*type_, Config());
  ASSERT_TRUE(rds.ok()) << rds.status().message();
  hcl::Diagnostics diags;
  hcl::Value config = h_.Decode(type_->schema(), Config(), diags);
  ASSERT_FALSE(diags.HasErrors());
  hcl::Value again = type_->Plan(*rds, config);
  EXPECT_EQ(IntOf(Attr0(again, "db"), "port"), 3306);
  EXPECT_EQ(h_.Str(Attr0(again, "db"), "user_name"), "root");
  EXPECT_EQ(h_.Str(Attr0(again, "backup_strategy"), "period"), "1,2,3,4,5,6,7");
  hcl::Value fresh = type_->Plan(hcl::Value::Null(hcl::Type()), config);
  EXPECT_FALSE(Attr0(fresh, "db").Get("port")->IsKnown());
  EXPECT_FALSE(fresh.Get("id")->IsKnown());
}

TEST_F(RdsInstanceTest, DeleteThenReadIsGone) {
  auto rds = h_.Create(*type_, Config());
  ASSERT_TRUE(rds.ok());
  ASSERT_TRUE(h_.Delete(*type_, *rds).ok());
  auto read = h_.Read(*type_, *rds);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
  EXPECT_TRUE(h_.Delete(*type_, *rds).ok());  // already gone
}

TEST_F(RdsInstanceTest, CreateWithTheSameKeyReturnsTheSameInstance) {
  auto a = h_.Create(*type_, Config(), "deploy-1/huaweicloud_rds_instance.db");
  auto b = h_.Create(*type_, Config(), "deploy-1/huaweicloud_rds_instance.db");
  ASSERT_TRUE(a.ok() && b.ok()) << b.status().message();
  EXPECT_EQ(h_.Str(*a, "id"), h_.Str(*b, "id"));
  EXPECT_EQ(a->Get("private_ips")->Elements()[0].AsString(),
            b->Get("private_ips")->Elements()[0].AsString());
  EXPECT_EQ(h_.cloud().inventory().List(h_.project_id(), "rds.instance")->size(), 1u);
}

TEST_F(RdsInstanceTest, FaultRuleFailsCreateAndCreatesNothing) {
  cloud::FaultRule rule;
  rule.service = "rds";
  rule.type = "instance";
  rule.operation = "create";
  rule.remaining = 1;
  rule.error_code = "DBS.280343";
  rule.error_message = "Insufficient resources.";
  h_.cloud().faults().Add(rule);
  auto rds = h_.Create(*type_, Config());
  ASSERT_FALSE(rds.ok());
  EXPECT_EQ(rds.status().service_code(), "DBS.280343");
  EXPECT_TRUE(h_.cloud().inventory().List(h_.project_id(), "rds.instance")->empty());
}

}  // namespace
}  // namespace fw::providers::database
