#include "cloud/faults.h"

#include <gtest/gtest.h>

namespace fw::cloud {
namespace {

TEST(FaultsTest, Glob) {
  EXPECT_TRUE(GlobMatch("*", ""));
  EXPECT_TRUE(GlobMatch("fail-*", "fail-1"));
  EXPECT_FALSE(GlobMatch("fail-*", "ok-1"));
  EXPECT_TRUE(GlobMatch("a?c", "abc"));
  EXPECT_TRUE(GlobMatch("*x*y", "axxbxy"));
  EXPECT_FALSE(GlobMatch("*x*y", "axxbx"));
  EXPECT_TRUE(GlobMatch(std::string(50, '*') + "b", std::string(5000, 'a') + "b"));
}

TEST(FaultsTest, CountedRuleFiresThenDisappears) {
  FaultInjector f;
  auto r = FaultRuleFromJson(boost::json::parse(
      R"({"service":"cdm","operation":"create","name":"fail-*","count":2,"error_code":"Cdm.0036","error_message":"boom"})"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  FaultRule added = f.Add(*r);
  EXPECT_FALSE(added.id.empty());
  EXPECT_FALSE(f.Fire("cdm", "cluster", "create", "ok-1").has_value());
  EXPECT_FALSE(f.Fire("cdm", "cluster", "delete", "fail-1").has_value());
  auto fired = f.Fire("cdm", "cluster", "create", "fail-1");
  ASSERT_TRUE(fired.has_value());
  EXPECT_EQ(fired->error_code, "Cdm.0036");
  EXPECT_TRUE(f.Fire("cdm", "cluster", "create", "fail-2").has_value());
  EXPECT_FALSE(f.Fire("cdm", "cluster", "create", "fail-3").has_value());
  EXPECT_TRUE(f.List().empty());
}

TEST(FaultsTest, BadRulesAreRefused) {
  for (const char* bad : {R"([])", R"({"count":0})", R"({"probability":2})", R"({"nope":1})",
                          R"({"service":1})"}) {
    EXPECT_FALSE(FaultRuleFromJson(boost::json::parse(bad)).ok()) << bad;
  }
  FaultInjector f;
  EXPECT_FALSE(f.LoadJson("{").ok());
  EXPECT_FALSE(f.LoadJson("{}").ok());
  EXPECT_TRUE(f.LoadJson(R"([{"operation":"stop"},{"operation":"start","probability":0}])").ok());
  EXPECT_EQ(f.List().size(), 2u);
  EXPECT_FALSE(f.Fire("cdm", "cluster", "start", "x").has_value());  // probability 0
  EXPECT_TRUE(f.Fire("cdm", "cluster", "stop", "x").has_value());
  EXPECT_TRUE(f.Fire("cdm", "cluster", "stop", "x").has_value());  // no count: always
  EXPECT_TRUE(f.Remove(f.List().front().id));
  f.Clear();
  EXPECT_TRUE(f.List().empty());
}

}  // namespace
}  // namespace fw::cloud
