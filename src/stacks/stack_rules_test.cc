// The pure rules: status machine, names, event filter, pagination, download tokens.
#include <gtest/gtest.h>

#include "stacks/download_access.h"
#include "stacks/download_tokens.h"
#include "stacks/event_filter.h"
#include "stacks/names.h"
#include "stacks/pagination.h"
#include "stacks/stack_status.h"

namespace fw::stacks {
namespace {

TEST(StackStatusTest, MatrixFollowsTheSpec) {
  for (StackStatus s : {StackStatus::kDeploymentInProgress, StackStatus::kRollbackInProgress,
                        StackStatus::kDeletionInProgress}) {
    EXPECT_EQ(CheckAllowed(s, StackOperation::kDeploy).service_code(), "RF.10012519");
    EXPECT_EQ(CheckAllowed(s, StackOperation::kDelete).service_code(), "RF.10012544");
    EXPECT_EQ(CheckAllowed(s, StackOperation::kApplyPlan).service_code(), "RF.10012542");
    EXPECT_EQ(CheckAllowed(s, StackOperation::kUpdate).code(), ErrorCode::kPermissionDenied);
  }
  EXPECT_TRUE(CheckAllowed(StackStatus::kDeploymentFailed, StackOperation::kContinueDeploy).ok());
  EXPECT_EQ(CheckAllowed(StackStatus::kRollbackFailed, StackOperation::kContinueDeploy)
                .service_code(), "RF.10012547");
  EXPECT_TRUE(CheckAllowed(StackStatus::kRollbackFailed, StackOperation::kContinueRollback).ok());
  EXPECT_TRUE(CheckAllowed(StackStatus::kDeletionFailed, StackOperation::kDeploy).ok());
  EXPECT_EQ(CheckAllowed(StackStatus::kDeletionFailed, StackOperation::kEnableAutoRollback)
                .service_code(), "RF.10012546");
  EXPECT_TRUE(CheckAllowed(StackStatus::kRollbackComplete, StackOperation::kEnableAutoRollback).ok());
  for (StackStatus s : {StackStatus::kCreationComplete, StackStatus::kDeploymentFailed}) {
    EXPECT_EQ(ParseStackStatus(StackStatusName(s)), s);
  }
}

TEST(NamesTest, StackNameRules) {
  EXPECT_TRUE(ValidateName("stack_name", "my-stack_1").ok());
  EXPECT_TRUE(ValidateName("stack_name", "\xE6\xA0\x88-1").ok());  // 栈-1
  EXPECT_EQ(ValidateName("stack_name", "1abc").service_code(), "RF.10011010");
  EXPECT_EQ(ValidateName("stack_name", "a b").service_code(), "RF.10011010");
  EXPECT_EQ(ValidateName("stack_name", "").service_code(), "RF.10011006");
  EXPECT_EQ(ValidateName("stack_name", std::string(129, 'a')).service_code(), "RF.10011005");
  EXPECT_EQ(ValidateAgencies({{"huaweicloud", "a", ""}, {"huaweicloud", "b", ""}}).service_code(),
            "RF.10011065");
  EXPECT_EQ(ValidateAgencies({{"huaweicloud", "a", "urn"}}).service_code(), "RF.10011028");
}

TEST(EventFilterTest, OrBindsTighterThanAnd) {
  auto f = EventFilter::Parse("event_type==LOG|event_type==ERROR,resource_name==vpc");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  store::StackEventRecord e;
  e.event_type = "ERROR";
  e.resource_name = "vpc";
  EXPECT_TRUE(f->Matches(e));
  e.event_type = "SUMMARY";
  EXPECT_FALSE(f->Matches(e));
  e.event_type = "LOG";
  e.resource_name = "subnet";
  EXPECT_FALSE(f->Matches(e));
  EXPECT_EQ(EventFilter::Parse("colour==red").status().service_code(), "RF.10011087");
  EXPECT_EQ(EventFilter::Parse("event_type=LOG").status().service_code(), "RF.10011088");
  EXPECT_EQ(EventFilter::Parse("event_type==a-b").status().service_code(), "RF.10011089");
  EXPECT_TRUE(EventFilter::Parse("event_type==LOG;drop").ok());  // ignored clause
  auto fields = ParseEventFields("timestamp,resource_name");
  ASSERT_TRUE(fields.ok());
  EXPECT_TRUE(fields->count("time") && fields->count("event_type"));
  EXPECT_FALSE(fields->count("event_message"));
  EXPECT_EQ(ParseEventFields("nope").status().service_code(), "RF.10011087");
}

TEST(PaginationTest, MarkersWalkTheListOnce) {
  std::vector<std::string> keys = {"a", "b", "c", "d", "e"};
  std::vector<std::string> seen;
  PageRequest page{std::nullopt, 2};
  while (true) {
    auto w = Paginate(keys, page, "q");
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    for (size_t i = w->begin; i < w->end; ++i) seen.push_back(keys[i]);
    if (!w->info.next_marker) break;
    page.marker = w->info.next_marker;
  }
  EXPECT_EQ(seen, keys);
  auto first = Paginate(keys, {std::nullopt, 2}, "q");
  EXPECT_EQ(Paginate(keys, {first->info.next_marker, 2}, "other").status().service_code(),
            "RF.10011028");
  EXPECT_EQ(Paginate(keys, {std::nullopt, 5}, "q", 10).status().service_code(), "RF.10011006");
  EXPECT_EQ(Paginate(keys, {std::nullopt, 1001}, "q").status().service_code(), "RF.10011005");
}

TEST(DownloadTokensTest, ExpireAndRefuseForgeries) {
  DownloadTokens tokens;
  TimePoint now = TimePoint(std::chrono::seconds(1700000000));
  std::string t = tokens.Issue({"s", "d", "main.tf"}, now + std::chrono::seconds(300));
  auto g = tokens.Verify(t, now);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->deployment_id, "d");
  EXPECT_EQ(g->file_name, "main.tf");
  EXPECT_EQ(tokens.Verify(t, now + std::chrono::seconds(300)).status().service_code(),
            "RF.10013023");
  std::string forged = t;
  forged[2] = forged[2] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(tokens.Verify(forged, now).ok());
  EXPECT_FALSE(DownloadTokens().Verify(t, now).ok());  // another process's key
}

TEST(DownloadTokensTest, CarryTheAccessRules) {
  DownloadTokens tokens;
  TimePoint now = TimePoint(std::chrono::seconds(1700000000));
  DownloadGrant grant{"s", "d", "main.tf", {{"10.0.0.0/8", "127.0.0.1"}, {"vpc-1"}}};
  auto g = tokens.Verify(tokens.Issue(grant, now + std::chrono::seconds(300)), now);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->access.source_ips, grant.access.source_ips);
  EXPECT_EQ(g->access.source_vpc_ids, grant.access.source_vpc_ids);
}

TEST(DownloadAccessTest, RulesAndWhomTheyAdmit) {
  EXPECT_TRUE(CheckDownloadAccess({}).ok());
  EXPECT_TRUE(CheckDownloadAccess({{"127.0.0.1", "10.1.2.3/8", "0.0.0.0/0"}, {"vpc-0a1"}}).ok());
  for (const char* bad : {"10.0.0.0/33", "10.0.0/8", "localhost", "10.0.0.0/", "10.0.0.0/8,1.1.1.1",
                          "::1", ""}) {
    EXPECT_EQ(CheckDownloadAccess({{bad}, {}}).service_code(), "RF.10011028") << bad;
  }
  EXPECT_EQ(CheckDownloadAccess({{}, {"VPC_1"}}).service_code(), "RF.10011028");
  EXPECT_FALSE(CheckDownloadAccess({std::vector<std::string>(101, "1.1.1.1"), {}}).ok());

  EXPECT_TRUE(DownloadAllowedFrom({}, "203.0.113.9:5000"));
  DownloadAccess office{{"203.0.113.0/24", "127.0.0.1"}, {}};
  EXPECT_TRUE(DownloadAllowedFrom(office, "203.0.113.9:5000"));
  EXPECT_TRUE(DownloadAllowedFrom(office, "127.0.0.1:1"));
  EXPECT_FALSE(DownloadAllowedFrom(office, "203.0.114.9:5000"));
  EXPECT_FALSE(DownloadAllowedFrom(office, "127.0.0.2:1"));
  // A caller outside the simulated cloud is in no VPC.
  EXPECT_FALSE(DownloadAllowedFrom({{}, {"vpc-1"}}, "127.0.0.1:1"));
}

}  // namespace
}  // namespace fw::stacks
