// RFS execution plans over HTTP (spec §3) at time scale 0: create, list, metadata with the
// change summary, the diff, price estimate, apply, expiry, delete, and the refusals.
#include <gtest/gtest.h>

#include "rfs_support.h"

namespace fw::testing {
namespace {

namespace json = boost::json;

const char kFirst[] = R"(
resource "huaweicloud_vpc" "main" {
  name = "first"
  cidr = "192.168.0.0/16"
}
resource "random_id" "gone" {
  byte_length = 2
}
)";

const char kSecond[] = R"(
resource "huaweicloud_vpc" "main" {
  name = "second"
  cidr = "192.168.0.0/16"
}
resource "huaweicloud_vpc_subnet" "app" {
  name       = "app"
  cidr       = "192.168.1.0/24"
  gateway_ip = "192.168.1.1"
  vpc_id     = huaweicloud_vpc.main.id
}
)";

class RfsPlansTest : public RfsTest {
 protected:
  http::ClientResponse CreatePlan(const std::string& stack, const std::string& name,
                                  const std::string& tpl, const std::string& extra = "") {
    return Call("POST", "/stacks/" + stack + "/execution-plans",
                R"({"execution_plan_name":)" + Quote(name) + R"(,"template_body":)" + Quote(tpl) +
                    extra + "}");
  }
  json::object PlanMetadata(const std::string& stack, const std::string& plan) {
    auto r = Call("GET", "/stacks/" + stack + "/execution-plans/" + plan + "/metadata");
    EXPECT_EQ(r.status, 200) << r.body;
    return JsonBody(r);
  }
  std::string WaitPlan(const std::string& stack, const std::string& plan) {
    std::string status;
    EXPECT_TRUE(PollUntil([&] {
      status = std::string(PlanMetadata(stack, plan).at("status").as_string());
      return status.find("_IN_PROGRESS") == std::string::npos;
    }));
    return status;
  }
};

TEST_F(RfsPlansTest, CreateInspectApply) {
  CreateStack("s", kFirst);
  ASSERT_EQ(WaitTerminal("s"), "DEPLOYMENT_COMPLETE");
  std::string stack_id(Metadata("s").at("stack_id").as_string());

  auto created = CreatePlan("s", "change", kSecond, R"(,"description":"rename and add")");
  ASSERT_EQ(created.status, 202) << created.body;
  std::string plan_id(JsonBody(created).at("execution_plan_id").as_string());
  EXPECT_EQ(plan_id.size(), 36u);
  ASSERT_EQ(WaitPlan("s", "change"), "AVAILABLE");

  auto m = PlanMetadata("s", "change");
  EXPECT_EQ(m.at("stack_id"), stack_id);
  EXPECT_EQ(m.at("stack_name"), "s");
  EXPECT_EQ(m.at("execution_plan_id"), plan_id);
  EXPECT_EQ(m.at("execution_plan_name"), "change");
  EXPECT_EQ(m.at("description"), "rename and add");
  EXPECT_TRUE(m.at("create_time").is_string());
  const auto& summary = m.at("summary").as_object();
  EXPECT_EQ(summary.at("resource_add"), 1);
  EXPECT_EQ(summary.at("resource_update"), 1);
  EXPECT_EQ(summary.at("resource_delete"), 1);
  EXPECT_EQ(summary.at("resource_import"), 0);

  auto diff = Call("GET", "/stacks/s/execution-plans/change");
  ASSERT_EQ(diff.status, 200) << diff.body;
  auto diff_body = JsonBody(diff);
  const auto& items = diff_body.at("execution_plan_items").as_array();
  std::map<std::string, json::object> by_type;
  for (const auto& i : items) by_type[std::string(i.at("resource_type").as_string())] = i.as_object();
  ASSERT_TRUE(by_type.count("huaweicloud_vpc")) << diff.body;
  const auto& vpc = by_type.at("huaweicloud_vpc");
  EXPECT_EQ(vpc.at("action"), "UPDATE");
  EXPECT_EQ(vpc.at("mode"), "RESOURCE");
  EXPECT_EQ(vpc.at("provider_name"), "huaweicloud");
  EXPECT_EQ(vpc.at("drifted"), false);
  EXPECT_EQ(vpc.at("imported"), false);
  EXPECT_TRUE(vpc.at("resource_id").is_string());
  bool renamed = false;
  for (const auto& a : vpc.at("attributes").as_array()) {
    if (a.at("name") == "name") {
      renamed = a.at("previous_value") == "first" && a.at("target_value") == "second";
    }
  }
  EXPECT_TRUE(renamed) << diff.body;
  EXPECT_EQ(by_type.at("huaweicloud_vpc_subnet").at("action"), "ADD");
  EXPECT_EQ(by_type.at("random_id").at("action"), "DELETE");

  auto list = JsonBody(Call("GET", "/stacks/s/execution-plans"));
  ASSERT_EQ(list.at("execution_plans").as_array().size(), 1u);
  EXPECT_EQ(list.at("execution_plans").as_array()[0].at("status"), "AVAILABLE");
  EXPECT_EQ(list.at("page_info").at("current_count"), 1);

  auto price = Call("GET", "/stacks/s/execution-plans/change/prices");
  ASSERT_EQ(price.status, 200) << price.body;
  auto pb = JsonBody(price);
  EXPECT_TRUE(pb.at("currency").is_string());
  EXPECT_TRUE(pb.at("items").is_array());

  // Id cross-checks.
  auto mismatch = Call("GET", "/stacks/s/execution-plans/change/metadata?execution_plan_id="
                              "00000000-0000-4000-8000-000000000000");
  EXPECT_EQ(mismatch.status, 400);
  EXPECT_EQ(ErrorCode(mismatch), "RF.10011018");
  EXPECT_EQ(Call("GET", "/stacks/s/execution-plans/change/metadata?execution_plan_id=" + plan_id +
                            "&stack_id=" + stack_id)
                .status,
            200);

  auto apply = Call("POST", "/stacks/s/execution-plans/change",
                    R"({"execution_plan_id":")" + plan_id + R"(","stack_id":")" + stack_id + R"("})");
  ASSERT_EQ(apply.status, 202) << apply.body;
  EXPECT_EQ(JsonBody(apply).at("deployment_id").as_string().size(), 36u);
  ASSERT_EQ(WaitTerminal("s"), "DEPLOYMENT_COMPLETE");
  EXPECT_EQ(WaitPlan("s", "change"), "APPLIED");
  auto resources = JsonBody(Call("GET", "/stacks/s/resources"));
  EXPECT_EQ(Field(resources.at("stack_resources"), "logical_resource_type"),
            (std::multiset<std::string>{"huaweicloud_vpc", "huaweicloud_vpc_subnet"}));
  auto again = Call("POST", "/stacks/s/execution-plans/change", "{}");
  EXPECT_EQ(again.status, 403);
  EXPECT_EQ(ErrorCode(again), "RF.10012543");

  EXPECT_EQ(Call("DELETE", "/stacks/s/execution-plans/change").status, 204);
  auto missing = Call("GET", "/stacks/s/execution-plans/change/metadata");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(ErrorCode(missing), "RF.10013002");
}

// Applying re-plans and checks the result against the saved plan: when the cloud changed in
// between (here another stack adds a VPC that a data source counts), nothing is applied and
// the deployment fails saying what differs.
TEST_F(RfsPlansTest, ApplyRefusesAPlanTheCloudNoLongerMatches) {
  const char kCounting[] = R"(
data "huaweicloud_vpcs" "all" {}
resource "terraform_data" "count" {
  input = length(data.huaweicloud_vpcs.all.vpcs)
}
)";
  CreateStack("counter");
  ASSERT_EQ(CreatePlan("counter", "p1", kCounting).status, 202);
  ASSERT_EQ(WaitPlan("counter", "p1"), "AVAILABLE");
  CreateStack("other", kVpcTemplate);
  ASSERT_EQ(WaitTerminal("other"), "DEPLOYMENT_COMPLETE");

  auto apply = Call("POST", "/stacks/counter/execution-plans/p1", "{}");
  ASSERT_EQ(apply.status, 202) << apply.body;
  ASSERT_EQ(WaitTerminal("counter"), "DEPLOYMENT_FAILED");
  std::string message(Metadata("counter").at("status_message").as_string());
  EXPECT_NE(message.find("no longer matches"), std::string::npos) << message;
  EXPECT_NE(message.find("terraform_data.count.input was planned as 0 and is now 1"),
            std::string::npos)
      << message;
  EXPECT_TRUE(JsonBody(Call("GET", "/stacks/counter/resources"))
                  .at("stack_resources").as_array().empty());

  // A plan made now matches, and applies.
  ASSERT_EQ(CreatePlan("counter", "p2", kCounting).status, 202);
  ASSERT_EQ(WaitPlan("counter", "p2"), "AVAILABLE");
  ASSERT_EQ(Call("POST", "/stacks/counter/execution-plans/p2", "{}").status, 202);
  ASSERT_EQ(WaitTerminal("counter"), "DEPLOYMENT_COMPLETE");
  EXPECT_EQ(JsonBody(Call("GET", "/stacks/counter/resources"))
                .at("stack_resources").as_array().size(), 1u);
}

// timestamp(), uuid() and bcrypt() are "(known after apply)" in the plan's items; applying
// re-plans (unknown again, so the comparison skips them) and computes them.
TEST_F(RfsPlansTest, ImpureFunctionsAreKnownAfterApplyAndThePlanApplies) {
  const char kStamped[] = R"(
resource "huaweicloud_vpc" "main" {
  name        = "stamped"
  cidr        = "192.168.0.0/16"
  description = timestamp()
  tags = {
    id   = uuid()
    hash = bcrypt("secret", 4)
  }
}
output "created" {
  value = huaweicloud_vpc.main.description
}
output "id" {
  value = huaweicloud_vpc.main.tags["id"]
}
)";
  CreateStack("stamped");
  ASSERT_EQ(CreatePlan("stamped", "p", kStamped).status, 202);
  ASSERT_EQ(WaitPlan("stamped", "p"), "AVAILABLE");
  auto diff = JsonBody(Call("GET", "/stacks/stamped/execution-plans/p"));
  const auto& items = diff.at("execution_plan_items").as_array();
  ASSERT_EQ(items.size(), 1u) << json::serialize(diff);
  std::map<std::string, std::string> targets;
  for (const auto& a : items[0].at("attributes").as_array()) {
    targets[std::string(a.at("name").as_string())] = std::string(a.at("target_value").as_string());
  }
  EXPECT_EQ(targets["description"], "(known after apply)") << json::serialize(diff);
  EXPECT_EQ(targets["tags"], "(known after apply)") << json::serialize(diff);
  EXPECT_EQ(targets["name"], "stamped");

  ASSERT_EQ(Call("POST", "/stacks/stamped/execution-plans/p", "{}").status, 202);
  ASSERT_EQ(WaitTerminal("stamped"), "DEPLOYMENT_COMPLETE") << json::serialize(Metadata("stamped"));
  EXPECT_EQ(WaitPlan("stamped", "p"), "APPLIED");
  std::map<std::string, std::string> outputs;
  auto outputs_body = JsonBody(Call("GET", "/stacks/stamped/outputs"));
  for (const auto& o : outputs_body.at("outputs").as_array()) {
    outputs[std::string(o.at("name").as_string())] = std::string(o.at("value").as_string());
  }
  // RFC 3339 in UTC, as Terraform's timestamp(): "2026-03-01T09:30:00Z".
  const std::string& created = outputs["created"];
  ASSERT_EQ(created.size(), 20u) << created;
  EXPECT_EQ(created[4], '-');
  EXPECT_EQ(created[10], 'T');
  EXPECT_EQ(created[19], 'Z');
  EXPECT_EQ(outputs["id"].size(), 36u) << outputs["id"];
}

// plantimestamp() is the plan's time: applying the saved plan later re-plans at that time, so
// the plan still matches, and the applied value is the one the plan showed.
TEST_F(RfsPlansTest, PlanTimestampKeepsThePlansTime) {
  const char kPlanStamped[] = R"(
resource "terraform_data" "stamp" {
  input = plantimestamp()
}
)";
  CreateStack("when");
  ASSERT_EQ(CreatePlan("when", "p", kPlanStamped).status, 202);
  ASSERT_EQ(WaitPlan("when", "p"), "AVAILABLE");
  auto diff = JsonBody(Call("GET", "/stacks/when/execution-plans/p"));
  std::string planned;
  for (const auto& a : diff.at("execution_plan_items").as_array()[0].at("attributes").as_array()) {
    if (a.at("name") == "input") planned = std::string(a.at("target_value").as_string());
  }
  ASSERT_EQ(planned.size(), 20u) << json::serialize(diff);

  server_->clock().Advance(std::chrono::minutes(3));
  ASSERT_EQ(Call("POST", "/stacks/when/execution-plans/p", "{}").status, 202);
  ASSERT_EQ(WaitTerminal("when"), "DEPLOYMENT_COMPLETE") << json::serialize(Metadata("when"));
  auto resources = JsonBody(Call("GET", "/stacks/when/resources"));
  std::string applied;
  for (const auto& a : resources.at("stack_resources").as_array()[0].at("resource_attributes").as_array()) {
    if (a.at("key") == "input") applied = std::string(a.at("value").as_string());
  }
  EXPECT_EQ(applied, planned);
}

TEST_F(RfsPlansTest, RefusalsAndExpiry) {
  CreateStack("r", kFirst);
  ASSERT_EQ(WaitTerminal("r"), "DEPLOYMENT_COMPLETE");
  ASSERT_EQ(CreatePlan("r", "a", kSecond).status, 202);
  auto dup = CreatePlan("r", "a", kSecond);
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(ErrorCode(dup), "RF.10013501");
  auto bad = CreatePlan("r", "9lives", kSecond);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ErrorCode(bad), "RF.10011010");
  auto no_name = Call("POST", "/stacks/r/execution-plans", R"({"template_body":"x"})");
  EXPECT_EQ(no_name.status, 400);
  EXPECT_EQ(ErrorCode(no_name), "RF.10011001");
  auto no_template = Call("POST", "/stacks/r/execution-plans", R"({"execution_plan_name":"b"})");
  EXPECT_EQ(no_template.status, 400);
  EXPECT_EQ(ErrorCode(no_template), "RF.10011056");
  auto no_stack = CreatePlan("nostack", "a", kSecond);
  EXPECT_EQ(no_stack.status, 404);
  EXPECT_EQ(ErrorCode(no_stack), "RF.10013001");
  ASSERT_EQ(WaitPlan("r", "a"), "AVAILABLE");

  // A deployment after the plan expires it.
  ASSERT_EQ(Call("POST", "/stacks/r/deployments", R"({"template_body":)" + Quote(kFirst) + "}")
                .status,
            202);
  ASSERT_EQ(WaitTerminal("r"), "DEPLOYMENT_COMPLETE");
  auto expired = Call("POST", "/stacks/r/execution-plans/a", "");
  EXPECT_EQ(expired.status, 403);
  EXPECT_EQ(ErrorCode(expired), "RF.10012545");

  // A plan whose template cannot be planned fails, without a diff.
  ASSERT_EQ(CreatePlan("r", "broken", R"(resource "huaweicloud_vpc" "x" { name = "x" })").status,
            202);
  ASSERT_EQ(WaitPlan("r", "broken"), "CREATION_FAILED");
  auto m = PlanMetadata("r", "broken");
  EXPECT_FALSE(std::string(m.at("status_message").as_string()).empty());
  EXPECT_FALSE(m.contains("summary"));
  auto diff = JsonBody(Call("GET", "/stacks/r/execution-plans/broken"));
  EXPECT_FALSE(diff.contains("execution_plan_items"));
  auto apply = Call("POST", "/stacks/r/execution-plans/broken", "");
  EXPECT_EQ(apply.status, 403);
  EXPECT_EQ(ErrorCode(apply), "RF.10012543");
}

TEST_F(RfsPlansTest, PlanPagination) {
  CreateStack("pg");
  for (int i = 0; i < 12; ++i) {
    ASSERT_EQ(CreatePlan("pg", "plan" + std::to_string(i), kFirst).status, 202);
  }
  size_t total = 0;
  std::string marker;
  int pages = 0;
  do {
    auto b = JsonBody(Call("GET", "/stacks/pg/execution-plans?limit=5" +
                                      (marker.empty() ? "" : "&marker=" + marker)));
    total += b.at("execution_plans").as_array().size();
    const auto& info = b.at("page_info").as_object();
    marker = info.contains("next_marker") && info.at("next_marker").is_string()
                 ? std::string(info.at("next_marker").as_string())
                 : "";
  } while (!marker.empty() && ++pages < 10);
  EXPECT_EQ(total, 12u);
}

}  // namespace
}  // namespace fw::testing
