#include "http/router.h"

#include <gtest/gtest.h>

namespace fw::http {
namespace {

TEST(RouterTest, LiteralsWinOverPlaceholdersAndParamsAreDecoded) {
  Router<int> r;
  ASSERT_TRUE(r.Add("GET", "/v1.1/{project_id}/clusters/{cluster_id}", 1));
  ASSERT_TRUE(r.Add("POST", "/v1.1/{project_id}/clusters/job", 2));
  ASSERT_TRUE(r.Add("GET", "/v1.1/{project_id}/clusters", 3));
  ASSERT_FALSE(r.Add("GET", "/v1.1/{project_id}/clusters", 4));

  auto m = r.Find("GET", "/v1.1/p1/clusters/c%201");
  ASSERT_EQ(m.outcome, RouteOutcome::kFound);
  EXPECT_EQ(*m.value, 1);
  ASSERT_EQ(m.params.size(), 2u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"project_id", "p1"}));
  EXPECT_EQ(m.params[1].second, "c 1");

  m = r.Find("POST", "/v1.1/p1/clusters/job");
  ASSERT_EQ(m.outcome, RouteOutcome::kFound);
  EXPECT_EQ(*m.value, 2);
  // GET on ".../clusters/job" is the cluster named "job", not the POST-only route.
  m = r.Find("GET", "/v1.1/p1/clusters/job");
  ASSERT_EQ(m.outcome, RouteOutcome::kFound);
  EXPECT_EQ(*m.value, 1);

  m = r.Find("GET", "/v1.1/p1/clusters/");  // trailing slash ignored
  ASSERT_EQ(m.outcome, RouteOutcome::kFound);
  EXPECT_EQ(*m.value, 3);
}

TEST(RouterTest, NotFoundAndMethodNotAllowed) {
  Router<int> r;
  r.Add("GET", "/v3/projects", 1);
  r.Add("POST", "/v3/auth/tokens", 2);
  r.Add("GET", "/v3/auth/tokens", 3);
  EXPECT_EQ(r.Find("GET", "/v3/nothing").outcome, RouteOutcome::kNotFound);
  EXPECT_EQ(r.Find("GET", "/").outcome, RouteOutcome::kNotFound);
  EXPECT_EQ(r.Find("GET", "/v3").outcome, RouteOutcome::kNotFound);
  auto m = r.Find("DELETE", "/v3/auth/tokens");
  ASSERT_EQ(m.outcome, RouteOutcome::kMethodNotAllowed);
  EXPECT_EQ(m.allowed_methods, (std::vector<std::string>{"GET", "POST"}));
  EXPECT_EQ(r.Find("HEAD", "/v3/projects").outcome, RouteOutcome::kFound);  // HEAD → GET
}

TEST(RouterTest, BacktracksWhenALiteralBranchDeadEnds) {
  Router<int> r;
  r.Add("GET", "/a/b/c", 1);
  r.Add("GET", "/a/{x}/d", 2);
  auto m = r.Find("GET", "/a/b/d");
  ASSERT_EQ(m.outcome, RouteOutcome::kFound);
  EXPECT_EQ(*m.value, 2);
  EXPECT_EQ(m.params[0].second, "b");
}

}  // namespace
}  // namespace fw::http
