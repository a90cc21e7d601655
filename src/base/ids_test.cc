#include "base/ids.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace fw {
namespace {

TEST(IdsTest, HexId32IsLowercaseHexAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string id = NewHexId32();
    EXPECT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{32}"))) << id;
    EXPECT_TRUE(seen.insert(id).second);
  }
}

TEST(IdsTest, UuidV4Format) {
  std::string u = NewUuid();
  EXPECT_TRUE(std::regex_match(
      u, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
      << u;
}

TEST(IdsTest, RandomBelowStaysInRange) {
  for (int i = 0; i < 1000; ++i) EXPECT_LT(RandomBelow(7), 7u);
  EXPECT_EQ(RandomBelow(1), 0u);
  std::string s = RandomString(20, "ab");
  EXPECT_EQ(s.size(), 20u);
  EXPECT_EQ(s.find_first_not_of("ab"), std::string::npos);
}

}  // namespace
}  // namespace fw
