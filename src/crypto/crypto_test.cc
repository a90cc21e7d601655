#include "crypto/crypto.h"

#include <gtest/gtest.h>

namespace fw::crypto {
namespace {

TEST(CryptoTest, Sha256KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("{\"stop\": {\"stopMode\": \"GRACEFULLY\", \"delayTime\": -1}}"),
            "328b4068c6c3b387c2d1096bc84e936351e93f31a6c6b3dafb80e23c1ed4cb95");
}

TEST(CryptoTest, HmacSha256Rfc4231Case2) {
  EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(CryptoTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST(CryptoTest, Base64) {
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64Encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(Base64Encode("foob"), "Zm9vYg==");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  for (std::string data : {std::string(""), std::string("f"), std::string("fo"),
                           std::string("foo"), std::string("\x00\xfb\xff\x10", 4)}) {
    EXPECT_EQ(Base64Decode(Base64Encode(data)), data);
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(data)), data);
  }
  EXPECT_EQ(Base64Decode("Zm9vYg"), "foob");  // padding is optional
  EXPECT_EQ(Base64UrlDecode("-_8"), "\xfb\xff");
  for (const char* bad : {"Zm9vY", "Zm9v!", "-_8=", "Zm9vYg===", "Zg=x", "Zm 9v"}) {
    EXPECT_EQ(Base64Decode(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(Base64Decode("-_8"), std::nullopt);  // the URL alphabet is not the standard one
}

TEST(CryptoTest, PasswordHashRoundTrip) {
  std::string h = HashPassword("s3cret!");
  EXPECT_EQ(h.rfind("pbkdf2-sha256$", 0), 0u);
  EXPECT_EQ(h.find("s3cret"), std::string::npos);
  EXPECT_TRUE(VerifyPassword("s3cret!", h));
  EXPECT_FALSE(VerifyPassword("s3cret?", h));
  EXPECT_FALSE(VerifyPassword("s3cret!", "garbage"));
  EXPECT_FALSE(VerifyPassword("s3cret!", "pbkdf2-sha256$x$00$00"));
  EXPECT_NE(HashPassword("same"), HashPassword("same"));  // salted
}

}  // namespace
}  // namespace fw::crypto
