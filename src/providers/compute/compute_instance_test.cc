// huaweicloud_compute_instance against a LocalCloud: computed attributes, address allocation,
// references, in-place updates, deletion, idempotent creation and fault rules.
#include "providers/compute/compute_test_support.h"
#include "providers/compute/image_catalog.h"

namespace fw::providers::compute {
namespace {

class ComputeInstanceTest : public ComputeTest {
 protected:
  void SetUp() override {
    vpc_ = AddVpc();
    subnet_ = AddSubnet(vpc_);
    sg_ = AddSecgroup();
  }
  std::string Config(const std::string& extra = "", const std::string& name = "web") {
    return "name = \"" + name + "\"\nimage_name = \"Ubuntu 22.04 server 64bit\"\n"
           "flavor_id = \"s6.small.1\"\nsecurity_group_ids = [\"" + sg_ + "\"]\n"
           "admin_pass = \"Secr3t!Pass\"\n" + extra + "\nnetwork {\n  uuid = \"" + subnet_ +
           "\"\n}\n";
  }
  const ResourceType& T() { return Type("huaweicloud_compute_instance"); }

  std::string vpc_, subnet_, sg_;
};

TEST_F(ComputeInstanceTest, CreateFillsComputedAttributes) {
  auto vm = h_.Create(T(), Config("tags = { env = \"test\" }"));
  ASSERT_TRUE(vm.ok()) << vm.status().message();
  EXPECT_EQ(Str(*vm, "id").size(), 36u);
  EXPECT_EQ(Str(*vm, "status"), "ACTIVE");
  EXPECT_EQ(Str(*vm, "region"), "cn-north-4");
  EXPECT_EQ(Str(*vm, "availability_zone"), "cn-north-4a");
  EXPECT_EQ(Str(*vm, "image_id"), StableUuid("ims-public-image:Ubuntu 22.04 server 64bit"));
  EXPECT_EQ(Str(*vm, "flavor_name"), "s6.small.1");
  EXPECT_EQ(Str(*vm, "access_ip_v4"), "192.168.1.2");
  const hcl::Value& nic = vm->Get("network")->Elements()[0];
  EXPECT_EQ(Str(nic, "fixed_ip_v4"), "192.168.1.2");
  EXPECT_EQ(Str(nic, "mac").substr(0, 9), "fa:16:3e:");
  EXPECT_EQ(Int(*vm, "system_disk_size"), 40);
  EXPECT_EQ(Str(*vm, "system_disk_type"), "GPSSD");
  EXPECT_EQ(vm->Get("volume_attached")->Length(), 1u);
  EXPECT_EQ(Str(*vm, "created_at").back(), 'Z');
  EXPECT_EQ(Str(*vm, "admin_pass"), "Secr3t!Pass");
  // The password is not kept in the cloud's inventory.
  auto item = h_.cloud().inventory().Get("ecs.server", Str(*vm, "id"));
  ASSERT_TRUE(item.ok() && item->has_value());
  EXPECT_EQ(boost::json::serialize((*item)->body).find("Secr3t"), std::string::npos);
}

TEST_F(ComputeInstanceTest, AddressesAreUniqueWithinTheSubnet) {
  auto a = h_.Create(T(), Config());
  auto b = h_.Create(T(), Config("", "web2"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(Str(*a, "access_ip_v4"), Str(*b, "access_ip_v4"));
  auto fixed = h_.Create(T(), "name = \"f\"\nimage_name = \"CentOS 7.9 64bit\"\n"
                              "flavor_name = \"s6.large.2\"\nnetwork {\n uuid = \"" + subnet_ +
                              "\"\n fixed_ip_v4 = \"192.168.1.50\"\n}\n");
  ASSERT_TRUE(fixed.ok()) << fixed.status().message();
  EXPECT_EQ(Str(*fixed, "access_ip_v4"), "192.168.1.50");
  auto taken = h_.Create(T(), "name = \"g\"\nimage_name = \"CentOS 7.9 64bit\"\n"
                              "flavor_name = \"s6.large.2\"\nnetwork {\n uuid = \"" + subnet_ +
                              "\"\n fixed_ip_v4 = \"192.168.1.50\"\n}\n");
  ASSERT_FALSE(taken.ok());
  EXPECT_NE(taken.status().message().find("already in use"), std::string::npos);
  auto outside = h_.Create(T(), "name = \"o\"\nimage_name = \"CentOS 7.9 64bit\"\n"
                                "flavor_name = \"s6.large.2\"\nnetwork {\n uuid = \"" + subnet_ +
                                "\"\n fixed_ip_v4 = \"10.0.0.5\"\n}\n");
  ASSERT_FALSE(outside.ok());
  EXPECT_NE(outside.status().message().find("not a usable address"), std::string::npos);
}

TEST_F(ComputeInstanceTest, InvalidArgumentsGiveClearErrors) {
  auto flavor = h_.Create(T(), "name = \"x\"\nimage_name = \"CentOS 7.9 64bit\"\n"
                               "flavor_id = \"s6.huge.9\"\nnetwork {\n uuid = \"" + subnet_ + "\"\n}\n");
  ASSERT_FALSE(flavor.ok());
  EXPECT_NE(flavor.status().message().find("s6.huge.9"), std::string::npos);

  auto image = h_.Create(T(), "name = \"x\"\nimage_name = \"Plan 9\"\n"
                              "flavor_id = \"s6.small.1\"\nnetwork {\n uuid = \"" + subnet_ + "\"\n}\n");
  ASSERT_FALSE(image.ok());
  EXPECT_NE(image.status().message().find("Plan 9"), std::string::npos);

  auto no_image = h_.Create(T(), "name = \"x\"\nflavor_id = \"s6.small.1\"\n"
                                 "network {\n uuid = \"" + subnet_ + "\"\n}\n");
  ASSERT_FALSE(no_image.ok());
  EXPECT_NE(no_image.status().message().find("image_id or image_name"), std::string::npos);

  auto subnet = h_.Create(T(), "name = \"x\"\nimage_name = \"CentOS 7.9 64bit\"\n"
                               "flavor_id = \"s6.small.1\"\nnetwork {\n uuid = \"nope\"\n}\n");
  ASSERT_FALSE(subnet.ok());
  EXPECT_NE(subnet.status().message().find("subnet nope does not exist"), std::string::npos);

  auto sg = h_.Create(T(), "name = \"x\"\nimage_name = \"CentOS 7.9 64bit\"\n"
                           "flavor_id = \"s6.small.1\"\nsecurity_group_ids = [\"missing\"]\n"
                           "network {\n uuid = \"" + subnet_ + "\"\n}\n");
  ASSERT_FALSE(sg.ok());
  EXPECT_NE(sg.status().message().find("security group missing"), std::string::npos);

  auto pass = h_.Create(T(), "name = \"x\"\nimage_name = \"CentOS 7.9 64bit\"\n"
                             "flavor_id = \"s6.small.1\"\nadmin_pass = \"weakpass\"\n"
                             "network {\n uuid = \"" + subnet_ + "\"\n}\n");
  ASSERT_FALSE(pass.ok());
  EXPECT_NE(pass.status().message().find("admin_pass"), std::string::npos);
  EXPECT_EQ(pass.status().message().find("weakpass"), std::string::npos);

  auto windows = h_.Create(T(), "name = \"w\"\nimage_name = \"Windows Server 2019 Datacenter 64bit\"\n"
                                "flavor_id = \"s6.small.1\"\nnetwork {\n uuid = \"" + subnet_ + "\"\n}\n");
  ASSERT_FALSE(windows.ok());
  EXPECT_NE(windows.status().message().find("memory"), std::string::npos);

  auto keypair = h_.Create(T(), Config("key_pair = \"absent\""));
  ASSERT_FALSE(keypair.ok());
  EXPECT_NE(keypair.status().message().find("key pair absent"), std::string::npos);
  EXPECT_EQ(Count("ecs.server"), 0u);
}

TEST_F(ComputeInstanceTest, UpdatesInPlace) {
  auto vm = h_.Create(T(), Config());
  ASSERT_TRUE(vm.ok()) << vm.status().message();
  std::string cfg = Config("tags = { env = \"prod\" }\nflavor_name = \"c7.large.2\"", "web-renamed");
  // flavor_id was given before; now only flavor_name.
  size_t pos = cfg.find("flavor_id = \"s6.small.1\"\n");
  cfg.erase(pos, std::string("flavor_id = \"s6.small.1\"\n").size());
  auto updated = h_.Update(T(), *vm, cfg);
  ASSERT_TRUE(updated.ok()) << updated.status().message();
  EXPECT_EQ(Str(*updated, "id"), Str(*vm, "id"));
  EXPECT_EQ(Str(*updated, "name"), "web-renamed");
  EXPECT_EQ(Str(*updated, "flavor_id"), "c7.large.2");
  EXPECT_EQ(Str(*updated, "flavor_name"), "c7.large.2");
  EXPECT_EQ(updated->Get("tags")->Get("env")->AsString(), "prod");
  EXPECT_EQ(Str(*updated, "access_ip_v4"), Str(*vm, "access_ip_v4"));
  auto read = h_.Read(T(), *updated);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ(Str(**read, "name"), "web-renamed");
  EXPECT_EQ(Str(**read, "admin_pass"), "Secr3t!Pass");

  auto shrink = h_.Update(T(), *updated, cfg + "system_disk_size = 20\n");
  ASSERT_FALSE(shrink.ok());
  EXPECT_NE(shrink.status().message().find("cannot shrink"), std::string::npos);
  auto grow = h_.Update(T(), *updated, cfg + "system_disk_size = 80\n");
  ASSERT_TRUE(grow.ok()) << grow.status().message();
  EXPECT_EQ(Int(grow->Get("volume_attached")->Elements()[0], "size"), 80);
}

TEST_F(ComputeInstanceTest, PlanOfAnUnchangedConfigurationIsThePriorState) {
  auto vm = h_.Create(T(), Config());
  ASSERT_TRUE(vm.ok());
  hcl::Diagnostics diags;
  hcl::Value config = h_.Decode(T().schema(), Config(), diags);
  ASSERT_FALSE(diags.HasErrors());
  hcl::Value planned = T().Plan(*vm, config);
  EXPECT_TRUE(planned.UnmarkDeep().RawEquals(vm->UnmarkDeep()))
      << planned.DebugString() << "\n" << vm->DebugString();
}

TEST_F(ComputeInstanceTest, DeleteThenReadIsGone) {
  auto vm = h_.Create(T(), Config());
  ASSERT_TRUE(vm.ok());
  ASSERT_TRUE(h_.Delete(T(), *vm).ok());
  auto read = h_.Read(T(), *vm);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
  EXPECT_TRUE(h_.Delete(T(), *vm).ok());  // idempotent
  // Its address is free again.
  auto again = h_.Create(T(), Config());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Str(*again, "access_ip_v4"), "192.168.1.2");
}

TEST_F(ComputeInstanceTest, CreateWithTheSameKeyIsIdempotent) {
  auto b = h_.Create(T(), Config(), "same-key");
  auto c = h_.Create(T(), Config(), "same-key");
  ASSERT_TRUE(b.ok() && c.ok()) << c.status().message();
  EXPECT_EQ(Str(*b, "id"), Str(*c, "id"));
  EXPECT_EQ(Str(*b, "access_ip_v4"), Str(*c, "access_ip_v4"));
  EXPECT_EQ(Str(*c, "admin_pass"), "Secr3t!Pass");
  EXPECT_EQ(Count("ecs.server"), 1u);
}

TEST_F(ComputeInstanceTest, FaultRuleFailsCreateAndCreatesNothing) {
  FailNextCreate("ecs", "server");
  auto vm = h_.Create(T(), Config());
  ASSERT_FALSE(vm.ok());
  EXPECT_EQ(vm.status().service_code(), "Test.0001");
  EXPECT_EQ(Count("ecs.server"), 0u);
  EXPECT_TRUE(h_.Create(T(), Config()).ok());
}

TEST_F(ComputeInstanceTest, EipAndKeyPairReferences) {
  std::string eip = AddItem(kEipType, "eip", {{"address", "100.85.1.2"}});
  auto kp = h_.Create(Type("huaweicloud_kps_keypair"), "name = \"kp\"");
  ASSERT_TRUE(kp.ok()) << kp.status().message();
  auto vm = h_.Create(T(), Config("eip_id = \"" + eip + "\"\nkey_pair = \"kp\""));
  ASSERT_TRUE(vm.ok()) << vm.status().message();
  EXPECT_EQ(Str(*vm, "public_ip"), "100.85.1.2");
  auto second = h_.Create(T(), Config("eip_id = \"" + eip + "\"", "web2"));
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("already bound"), std::string::npos);
}

TEST_F(ComputeInstanceTest, AddressesRecordedByOtherFamiliesAreTaken) {
  boost::json::array ports{boost::json::object{{"subnet_id", subnet_}, {"ip", "192.168.1.2"}}};
  AddItem("rds.instance", "db", {{"_ports", ports}});
  auto vm = h_.Create(T(), Config());
  ASSERT_TRUE(vm.ok()) << vm.status().message();
  EXPECT_EQ(Str(*vm, "access_ip_v4"), "192.168.1.3");
}

}  // namespace
}  // namespace fw::providers::compute
