// The data sources huaweicloud_rds_flavors and huaweicloud_dcs_flavors.
#include <gtest/gtest.h>

#include "providers/database/database_test_support.h"

namespace fw::providers::database {
namespace {

TEST(RdsFlavorsTest, FiltersByEngineModeAndSize) {
  ProviderHarness h;
  const DataSourceType* ds = DatabaseRegistry().FindDataSource("huaweicloud_rds_flavors");
  ASSERT_NE(ds, nullptr);
  auto v = h.ReadData(*ds, R"(
    db_type       = "MySQL"
    db_version    = "8.0"
    instance_mode = "ha"
    vcpus         = 4
    memory        = 8
  )");
  ASSERT_TRUE(v.ok()) << v.status().message();
  ASSERT_EQ(v->Get("flavors")->Length(), 1u);
  const hcl::Value& f = v->Get("flavors")->Elements()[0];
  EXPECT_EQ(h.Str(f, "name"), "rds.mysql.n1.xlarge.2.ha");
  EXPECT_EQ(h.Str(f, "mode"), "ha");
  EXPECT_EQ(f.Get("availability_zones")->Length(), 3u);
  EXPECT_TRUE(v->IsWhollyKnown());

  auto all_pg = h.ReadData(*ds, "db_type = \"PostgreSQL\"\n");
  ASSERT_TRUE(all_pg.ok());
  EXPECT_GT(all_pg->Get("flavors")->Length(), 10u);
  for (const auto& e : all_pg->Get("flavors")->Elements()) {
    EXPECT_TRUE(h.Str(e, "id").starts_with("rds.pg.")) << h.Str(e, "id");
  }

  auto bad = h.ReadData(*ds, "db_type = \"MySQL\"\ndb_version = \"4.1\"\n");
  EXPECT_FALSE(bad.ok());
}

TEST(DcsFlavorsTest, FiltersByCapacityAndMode) {
  ProviderHarness h;
  const DataSourceType* ds = DatabaseRegistry().FindDataSource("huaweicloud_dcs_flavors");
  ASSERT_NE(ds, nullptr);
  auto v = h.ReadData(*ds, "capacity = 2\n");
  ASSERT_TRUE(v.ok()) << v.status().message();
  ASSERT_EQ(v->Get("flavors")->Length(), 2u);  // single and master/standby
  auto ha = h.ReadData(*ds, "capacity = 0.5\ncache_mode = \"ha\"\nengine_version = \"6.0\"\n");
  ASSERT_TRUE(ha.ok()) << ha.status().message();
  ASSERT_EQ(ha->Get("flavors")->Length(), 1u);
  const hcl::Value& f = ha->Get("flavors")->Elements()[0];
  EXPECT_EQ(h.Str(f, "name"), "redis.ha.xu1.tiny.r2.512");
  EXPECT_EQ(h.Str(f, "engine_versions"), "4.0;5.0;6.0");
  EXPECT_EQ(f.Get("capacity")->AsNumber().ToString(), "0.5");
  auto none = h.ReadData(*ds, "capacity = 3\n");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->Get("flavors")->Length(), 0u);
}

TEST(DatabaseRegistryTest, EveryTypeIsRegistered) {
  const Registry& r = DatabaseRegistry();
  for (const char* name : {"huaweicloud_rds_instance", "huaweicloud_dcs_instance",
                           "huaweicloud_cce_cluster", "huaweicloud_cce_node",
                           "huaweicloud_cce_node_pool", "huaweicloud_cdm_cluster"}) {
    EXPECT_NE(r.FindResource(name), nullptr) << name;
  }
  EXPECT_NE(r.FindDataSource("huaweicloud_rds_flavors"), nullptr);
  EXPECT_NE(r.FindDataSource("huaweicloud_dcs_flavors"), nullptr);
}

}  // namespace
}  // namespace fw::providers::database
