// huaweicloud_sfs_turbo: mount address in the subnet, references, growth, deletion,
// idempotency, fault rules.
#include "providers/compute/compute_test_support.h"

namespace fw::providers::compute {
namespace {

class SfsTurboTest : public ComputeTest {
 protected:
  void SetUp() override {
    vpc_ = AddVpc();
    subnet_ = AddSubnet(vpc_);
    sg_ = AddSecgroup();
  }
  const ResourceType& T() { return Type("huaweicloud_sfs_turbo"); }
  std::string Config(int size, const std::string& name = "share-1") {
    return "name = \"" + name + "\"\nsize = " + std::to_string(size) +
           "\navailability_zone = \"cn-north-4a\"\nvpc_id = \"" + vpc_ + "\"\nsubnet_id = \"" +
           subnet_ + "\"\nsecurity_group_id = \"" + sg_ + "\"\n";
  }
  std::string vpc_, subnet_, sg_;
};

TEST_F(SfsTurboTest, CreateFillsComputedAttributes) {
  auto t = h_.Create(T(), Config(500));
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(Str(*t, "id").size(), 36u);
  EXPECT_EQ(Str(*t, "status"), "200");
  EXPECT_EQ(Str(*t, "export_location"), "192.168.1.2:/");
  EXPECT_EQ(Str(*t, "available_capacity"), "500.00");
  EXPECT_EQ(Str(*t, "share_proto"), "NFS");
  EXPECT_EQ(Str(*t, "share_type"), "STANDARD");
  // A server made next gets another address of the subnet.
  auto vm = h_.Create(Type("huaweicloud_compute_instance"),
                      "name = \"vm\"\nimage_name = \"CentOS 7.9 64bit\"\nflavor_id = \"s6.small.1\"\n"
                      "network {\n uuid = \"" + subnet_ + "\"\n}\n");
  ASSERT_TRUE(vm.ok()) << vm.status().message();
  EXPECT_EQ(Str(*vm, "access_ip_v4"), "192.168.1.3");
}

TEST_F(SfsTurboTest, InvalidArgumentsGiveClearErrors) {
  auto small = h_.Create(T(), Config(400));
  ASSERT_FALSE(small.ok());
  EXPECT_NE(small.status().message().find("size"), std::string::npos);
  std::string other_vpc = AddVpc("10.0.0.0/16");
  std::string cfg = Config(500);
  cfg.replace(cfg.find(vpc_), vpc_.size(), other_vpc);
  auto wrong_vpc = h_.Create(T(), cfg);
  ASSERT_FALSE(wrong_vpc.ok());
  EXPECT_NE(wrong_vpc.status().message().find("does not belong to VPC"), std::string::npos);
  std::string no_sg = Config(500);
  no_sg.replace(no_sg.find(sg_), sg_.size(), "missing-sg");
  auto sg = h_.Create(T(), no_sg);
  ASSERT_FALSE(sg.ok());
  EXPECT_NE(sg.status().message().find("security group missing-sg"), std::string::npos);
  EXPECT_EQ(Count("sfs.turbo"), 0u);
}

TEST_F(SfsTurboTest, GrowsInPlaceButNeverShrinks) {
  auto t = h_.Create(T(), Config(500));
  ASSERT_TRUE(t.ok());
  hcl::Diagnostics diags;
  hcl::Value planned = T().Plan(*t, h_.Decode(T().schema(), Config(800), diags));
  EXPECT_FALSE(planned.Get("available_capacity")->IsKnown());
  auto grown = h_.Update(T(), *t, Config(800));
  ASSERT_TRUE(grown.ok()) << grown.status().message();
  EXPECT_EQ(Int(*grown, "size"), 800);
  EXPECT_EQ(Str(*grown, "available_capacity"), "800.00");
  EXPECT_EQ(Str(*grown, "export_location"), Str(*t, "export_location"));
  auto shrunk = h_.Update(T(), *grown, Config(600));
  ASSERT_FALSE(shrunk.ok());
  EXPECT_NE(shrunk.status().message().find("cannot shrink"), std::string::npos);
}

TEST_F(SfsTurboTest, DeleteIdempotencyAndFaults) {
  auto a = h_.Create(T(), Config(500), "k1");
  auto b = h_.Create(T(), Config(500), "k1");
  ASSERT_TRUE(a.ok() && b.ok()) << b.status().message();
  EXPECT_EQ(Str(*a, "id"), Str(*b, "id"));
  EXPECT_EQ(Count("sfs.turbo"), 1u);
  ASSERT_TRUE(h_.Delete(T(), *a).ok());
  auto read = h_.Read(T(), *a);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
  FailNextCreate("sfs", "turbo");
  EXPECT_FALSE(h_.Create(T(), Config(500)).ok());
  EXPECT_EQ(Count("sfs.turbo"), 0u);
}

}  // namespace
}  // namespace fw::providers::compute
