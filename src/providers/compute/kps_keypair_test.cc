// huaweicloud_kps_keypair: generated and imported keys, names unique per project, key_file
// refused, deletion, idempotent creation, fault rules.
#include "providers/compute/compute_test_support.h"

namespace fw::providers::compute {
namespace {

class KpsKeypairTest : public ComputeTest {
 protected:
  const ResourceType& T() { return Type("huaweicloud_kps_keypair"); }
};

TEST_F(KpsKeypairTest, GeneratesAKeyPairWhenNoPublicKeyIsGiven) {
  auto kp = h_.Create(T(), "name = \"deploy\"");
  ASSERT_TRUE(kp.ok()) << kp.status().message();
  EXPECT_EQ(Str(*kp, "id"), "deploy");
  EXPECT_EQ(Str(*kp, "public_key").substr(0, 12), "ssh-rsa AAAA");
  EXPECT_EQ(Str(*kp, "fingerprint").substr(0, 7), "SHA256:");
  EXPECT_NE(Str(*kp, "private_key").find("BEGIN RSA PRIVATE KEY"), std::string::npos);
  EXPECT_EQ(Str(*kp, "scope"), "user");
  EXPECT_FALSE(Str(*kp, "created_at").empty());
  EXPECT_TRUE(T().schema().block.FindAttribute("private_key")->sensitive);

  // Importing the same public key gives the same fingerprint and no private key.
  auto imported = h_.Create(T(), "name = \"imported\"\npublic_key = \"" + Str(*kp, "public_key") + "\"");
  ASSERT_TRUE(imported.ok()) << imported.status().message();
  EXPECT_EQ(Str(*imported, "fingerprint"), Str(*kp, "fingerprint"));
  EXPECT_EQ(Str(*imported, "private_key"), "");
}

TEST_F(KpsKeypairTest, InvalidArgumentsGiveClearErrors) {
  auto bad_key = h_.Create(T(), "name = \"k\"\npublic_key = \"ssh-rsa not-base64!\"");
  ASSERT_FALSE(bad_key.ok());
  EXPECT_NE(bad_key.status().message().find("not a valid OpenSSH public key"), std::string::npos);
  auto key_file = h_.Create(T(), "name = \"k\"\nkey_file = \"k.pem\"");
  ASSERT_FALSE(key_file.ok());
  EXPECT_NE(key_file.status().message().find("key_file"), std::string::npos);
  auto bad_name = h_.Create(T(), "name = \"no spaces\"");
  ASSERT_FALSE(bad_name.ok());
  ASSERT_TRUE(h_.Create(T(), "name = \"dup\"").ok());
  auto dup = h_.Create(T(), "name = \"dup\"");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("already exists"), std::string::npos);
  EXPECT_EQ(Count("kps.keypair"), 1u);
}

TEST_F(KpsKeypairTest, DescriptionUpdatesInPlaceAndDeleteRemoves) {
  auto kp = h_.Create(T(), "name = \"k\"");
  ASSERT_TRUE(kp.ok());
  auto updated = h_.Update(T(), *kp, "name = \"k\"\ndescription = \"ops key\"");
  ASSERT_TRUE(updated.ok()) << updated.status().message();
  EXPECT_EQ(Str(*updated, "description"), "ops key");
  EXPECT_EQ(Str(*updated, "fingerprint"), Str(*kp, "fingerprint"));
  ASSERT_TRUE(h_.Delete(T(), *updated).ok());
  auto read = h_.Read(T(), *updated);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
  EXPECT_TRUE(h_.Create(T(), "name = \"k\"").ok());  // the name is free again
}

TEST_F(KpsKeypairTest, IdempotentCreateAndFaults) {
  auto a = h_.Create(T(), "name = \"k\"", "idem-1");
  auto b = h_.Create(T(), "name = \"k\"", "idem-1");
  ASSERT_TRUE(a.ok() && b.ok()) << b.status().message();
  EXPECT_EQ(Str(*a, "fingerprint"), Str(*b, "fingerprint"));
  EXPECT_EQ(Str(*a, "private_key"), Str(*b, "private_key"));
  FailNextCreate("kps", "keypair");
  EXPECT_FALSE(h_.Create(T(), "name = \"other\"").ok());
  EXPECT_EQ(Count("kps.keypair"), 1u);
}

}  // namespace
}  // namespace fw::providers::compute
