// huaweicloud_evs_volume: creation, checks, growth (never shrinking), deletion, idempotency,
// fault rules.
#include "providers/compute/compute_test_support.h"

namespace fw::providers::compute {
namespace {

class EvsVolumeTest : public ComputeTest {
 protected:
  const ResourceType& T() { return Type("huaweicloud_evs_volume"); }
  static std::string Config(int size, const std::string& extra = "") {
    return "name = \"data\"\navailability_zone = \"cn-north-4b\"\nvolume_type = \"SSD\"\n"
           "size = " + std::to_string(size) + "\n" + extra;
  }
};

TEST_F(EvsVolumeTest, CreateFillsComputedAttributes) {
  auto v = h_.Create(T(), Config(100));
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(Str(*v, "id").size(), 36u);
  EXPECT_EQ(Str(*v, "status"), "available");
  EXPECT_EQ(Str(*v, "device_type"), "VBD");
  EXPECT_EQ(Str(*v, "region"), "cn-north-4");
  EXPECT_EQ(Int(*v, "size"), 100);
  EXPECT_EQ(v->Get("attachment")->Length(), 0u);
  EXPECT_FALSE(v->Get("multiattach")->AsBool());
}

TEST_F(EvsVolumeTest, InvalidArgumentsGiveClearErrors) {
  auto small = h_.Create(T(), Config(5));
  ASSERT_FALSE(small.ok());
  EXPECT_NE(small.status().message().find("size"), std::string::npos);
  auto type = h_.Create(T(), "availability_zone = \"cn-north-4a\"\nvolume_type = \"FAST\"\nsize = 10");
  ASSERT_FALSE(type.ok());
  EXPECT_NE(type.status().message().find("volume_type"), std::string::npos);
  auto az = h_.Create(T(), "availability_zone = \"eu-west-0a\"\nvolume_type = \"SAS\"\nsize = 10");
  ASSERT_FALSE(az.ok());
  EXPECT_NE(az.status().message().find("availability zone eu-west-0a"), std::string::npos);
  auto device = h_.Create(T(), Config(10, "device_type = \"NVME\""));
  ASSERT_FALSE(device.ok());
  EXPECT_EQ(Count("evs.volume"), 0u);
}

TEST_F(EvsVolumeTest, GrowsInPlaceButNeverShrinks) {
  auto v = h_.Create(T(), Config(100));
  ASSERT_TRUE(v.ok());
  auto grown = h_.Update(T(), *v, Config(200, "description = \"bigger\""));
  ASSERT_TRUE(grown.ok()) << grown.status().message();
  EXPECT_EQ(Int(*grown, "size"), 200);
  EXPECT_EQ(Str(*grown, "id"), Str(*v, "id"));
  auto shrunk = h_.Update(T(), *grown, Config(50));
  ASSERT_FALSE(shrunk.ok());
  EXPECT_NE(shrunk.status().message().find("cannot shrink"), std::string::npos);
  auto read = h_.Read(T(), *grown);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ(Int(**read, "size"), 200);
}

TEST_F(EvsVolumeTest, DeleteIdempotencyAndFaults) {
  auto a = h_.Create(T(), Config(10), "k1");
  auto b = h_.Create(T(), Config(10), "k1");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(Str(*a, "id"), Str(*b, "id"));
  EXPECT_EQ(Count("evs.volume"), 1u);
  ASSERT_TRUE(h_.Delete(T(), *a).ok());
  auto read = h_.Read(T(), *a);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
  FailNextCreate("evs", "volume");
  EXPECT_FALSE(h_.Create(T(), Config(10)).ok());
  EXPECT_EQ(Count("evs.volume"), 0u);
}

}  // namespace
}  // namespace fw::providers::compute
