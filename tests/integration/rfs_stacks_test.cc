// RFS stacks over HTTP (spec §2, §10.1) at time scale 0: create, deploy to
// DEPLOYMENT_COMPLETE with utility and VPC resources, resources/outputs/events, the template
// link, update, failure and rollback through fault rules, continue, deletion.
#include <gtest/gtest.h>

#include "rfs_support.h"

namespace fw::testing {
namespace {

namespace json = boost::json;

class RfsStacksTest : public RfsTest {};

TEST_F(RfsStacksTest, EmptyStackIsCreationComplete) {
  auto created = CreateStack("empty", "", R"(,"description":"nothing yet")");
  ASSERT_TRUE(created.contains("stack_id"));
  EXPECT_EQ(created.at("stack_id").as_string().size(), 36u);
  EXPECT_FALSE(created.contains("deployment_id"));

  auto m = Metadata("empty");
  EXPECT_EQ(m.at("stack_name"), "empty");
  EXPECT_EQ(m.at("stack_id"), created.at("stack_id"));
  EXPECT_EQ(m.at("status"), "CREATION_COMPLETE");
  EXPECT_EQ(m.at("description"), "nothing yet");
  EXPECT_EQ(m.at("enable_deletion_protection"), false);
  EXPECT_EQ(m.at("enable_auto_rollback"), false);
  EXPECT_TRUE(m.at("create_time").is_string());
  EXPECT_TRUE(m.at("update_time").is_string());

  auto list = JsonBody(Call("GET", "/stacks"));
  ASSERT_EQ(list.at("stacks").as_array().size(), 1u);
  EXPECT_EQ(list.at("stacks").as_array()[0].at("stack_name"), "empty");
  EXPECT_EQ(list.at("page_info").at("current_count"), 1);

  auto tpl = Call("GET", "/stacks/empty/templates");
  EXPECT_EQ(tpl.status, 404) << tpl.body;
  EXPECT_EQ(ErrorCode(tpl), "RF.10013023");
  auto outputs = JsonBody(Call("GET", "/stacks/empty/outputs"));
  EXPECT_TRUE(outputs.at("outputs").as_array().empty());
  auto resources = JsonBody(Call("GET", "/stacks/empty/resources"));
  EXPECT_TRUE(resources.at("stack_resources").as_array().empty());
}

TEST_F(RfsStacksTest, NamesAndIds) {
  CreateStack("taken");
  auto dup = Call("POST", "/stacks", R"({"stack_name":"taken"})");
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(ErrorCode(dup), "RF.10013502");
  for (const char* bad : {"1abc", "_x", "a b", "a.b", "-a"}) {
    auto r = Call("POST", "/stacks", R"({"stack_name":")" + std::string(bad) + R"("})");
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(ErrorCode(r), "RF.10011010") << bad;
  }
  auto too_long = Call("POST", "/stacks", R"({"stack_name":")" + std::string(129, 'a') + R"("})");
  EXPECT_EQ(too_long.status, 400);
  EXPECT_EQ(ErrorCode(too_long), "RF.10011005");
  // Chinese characters, digits, '_' and '-' after the first character.
  CreateStack("栈-a_1");
  CreateStack(std::string(128, 'z'));

  auto mismatch = Call("GET", "/stacks/taken/metadata?stack_id=00000000-0000-4000-8000-000000000000");
  EXPECT_EQ(mismatch.status, 400);
  EXPECT_EQ(ErrorCode(mismatch), "RF.10011015");
  std::string id(Metadata("taken").at("stack_id").as_string());
  EXPECT_EQ(Call("GET", "/stacks/taken/metadata?stack_id=" + id).status, 200);
  auto missing = Call("GET", "/stacks/nope/metadata");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(ErrorCode(missing), "RF.10013001");
}

TEST_F(RfsStacksTest, TemplateInputRules) {
  CreateStack("s");
  auto both = Call("POST", "/stacks/s/deployments",
                   R"({"template_body":"x","template_uri":"https://b.example/t.tf"})");
  EXPECT_EQ(both.status, 400);
  EXPECT_EQ(ErrorCode(both), "RF.10011003");
  auto neither = Call("POST", "/stacks/s/deployments", R"({"vars_body":"a = 1"})");
  EXPECT_EQ(neither.status, 400);
  EXPECT_EQ(ErrorCode(neither), "RF.10011056");
  auto big = Call("POST", "/stacks/s/deployments",
                  R"({"template_body":)" + Quote("#" + std::string(51200, 'x')) + "}");
  EXPECT_EQ(big.status, 400);
  EXPECT_EQ(ErrorCode(big), "RF.10011005");
  auto invalid = Call("POST", "/stacks/s/deployments", R"({"template_body":"resource \"x\" {"})");
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(ErrorCode(invalid), "RF.10011074");
  auto bad_uri = Call("POST", "/stacks/s/deployments", R"({"template_uri":"ftp://a/b.txt"})");
  EXPECT_EQ(bad_uri.status, 400);
  EXPECT_EQ(ErrorCode(bad_uri), "RF.10011035");
  EXPECT_EQ(StatusOf("s"), "CREATION_COMPLETE");  // nothing was started
}

TEST_F(RfsStacksTest, DeployUtilityAndNetworkResources) {
  auto created = CreateStack("net", kNetworkTemplate,
                             R"(,"vars_structure":[{"var_key":"prefix","var_value":"web"}])");
  ASSERT_TRUE(created.contains("deployment_id"));
  std::string deployment(created.at("deployment_id").as_string());
  EXPECT_EQ(deployment.size(), 36u);
  ASSERT_EQ(WaitTerminal("net"), "DEPLOYMENT_COMPLETE");

  auto m = Metadata("net");
  EXPECT_FALSE(m.contains("status_message"));
  ASSERT_TRUE(m.contains("vars_structure"));
  EXPECT_EQ(m.at("vars_structure").as_array()[0].at("var_value"), "web");

  auto listed = Call("GET", "/stacks/net/resources");
  ASSERT_EQ(listed.status, 200) << listed.body;
  auto resources = JsonBody(listed);
  const auto& items = resources.at("stack_resources").as_array();
  ASSERT_EQ(items.size(), 5u) << json::serialize(resources);
  EXPECT_EQ(Field(items, "logical_resource_type"),
            (std::multiset<std::string>{"huaweicloud_vpc", "huaweicloud_vpc_subnet",
                                        "null_resource", "random_id", "terraform_data"}));
  for (const auto& v : items) {
    const auto& r = v.as_object();
    EXPECT_EQ(r.at("resource_status"), "CREATION_COMPLETE") << json::serialize(r);
    EXPECT_FALSE(r.at("physical_resource_id").as_string().empty());
    ASSERT_TRUE(r.contains("resource_attributes"));
    if (r.at("logical_resource_type") == "huaweicloud_vpc") {
      bool named = false;
      for (const auto& a : r.at("resource_attributes").as_array()) {
        if (a.at("key") == "name") named = a.at("value") == "web-vpc";
      }
      EXPECT_TRUE(named) << json::serialize(r);
    }
  }
  EXPECT_EQ(resources.at("page_info").at("current_count"), 5);

  auto outputs = JsonBody(Call("GET", "/stacks/net/outputs"));
  const auto& outs = outputs.at("outputs").as_array();
  ASSERT_EQ(outs.size(), 2u);
  for (const auto& v : outs) {
    const auto& o = v.as_object();
    EXPECT_EQ(o.at("sensitive"), false);
    EXPECT_TRUE(o.at("value").is_string());
    if (o.at("name") == "label") {
      EXPECT_EQ(std::string(o.at("value").as_string()).rfind("web-", 0), 0u) << json::serialize(o);
    } else {
      EXPECT_EQ(o.at("description"), "The VPC");
    }
  }

  auto events = JsonBody(Call("GET", "/stacks/net/events"));
  const auto& ev = events.at("stack_events").as_array();
  ASSERT_FALSE(ev.empty());
  auto types = Field(ev, "event_type");
  EXPECT_EQ(types.count("CREATION_COMPLETE"), 5u);
  EXPECT_EQ(types.count("CREATION_IN_PROGRESS"), 5u);
  EXPECT_GE(types.count("SUMMARY"), 1u);
  for (const auto& v : ev) {
    const auto& e = v.as_object();
    EXPECT_TRUE(e.at("time").is_string());
    if (e.at("event_type") == "CREATION_COMPLETE") {
      EXPECT_TRUE(e.contains("resource_name"));
      EXPECT_TRUE(e.contains("resource_type"));
      EXPECT_TRUE(e.at("elapsed_seconds").is_int64());
    }
  }
  // Newest first.
  EXPECT_GE(std::string(ev.front().at("time").as_string()),
            std::string(ev.back().at("time").as_string()));
  auto by_deployment = Call("GET", "/stacks/net/events?deployment_id=" + deployment);
  EXPECT_EQ(by_deployment.status, 200);
  EXPECT_EQ(JsonBody(by_deployment).at("stack_events").as_array().size(), ev.size());
  auto unknown = Call("GET", "/stacks/net/events?deployment_id=00000000-0000-4000-8000-000000000000");
  EXPECT_EQ(unknown.status, 404);
}

TEST_F(RfsStacksTest, RedeployKeepsTerraformDataState) {
  // A second deployment reads the recorded state back (terraform_data has dynamic attributes).
  const std::string tpl = R"(resource "terraform_data" "d" { input = "one" })";
  CreateStack("again", tpl);
  ASSERT_EQ(WaitTerminal("again"), "DEPLOYMENT_COMPLETE");
  auto r = Call("POST", "/stacks/again/deployments",
                R"({"template_body":)" + Quote(R"(resource "terraform_data" "d" { input = "two" })") +
                    "}");
  ASSERT_EQ(r.status, 202) << r.body;
  ASSERT_EQ(WaitTerminal("again"), "DEPLOYMENT_COMPLETE") << json::serialize(Metadata("again"));
  auto resources = JsonBody(Call("GET", "/stacks/again/resources"));
  ASSERT_EQ(resources.at("stack_resources").as_array().size(), 1u) << json::serialize(resources);
}

TEST_F(RfsStacksTest, EventFiltersAndFieldSelection) {
  CreateStack("f", kNetworkTemplate);
  ASSERT_EQ(WaitTerminal("f"), "DEPLOYMENT_COMPLETE");
  auto done = JsonBody(Call("GET", "/stacks/f/events?filter=event_type==CREATION_COMPLETE"));
  EXPECT_EQ(done.at("stack_events").as_array().size(), 5u);
  auto two = JsonBody(Call(
      "GET", "/stacks/f/events?filter=resource_type==random_id|resource_type==null_resource,"
             "event_type==CREATION_COMPLETE"));
  EXPECT_EQ(Field(two.at("stack_events"), "resource_type"),
            (std::multiset<std::string>{"null_resource", "random_id"}));
  auto by_name = JsonBody(Call("GET", "/stacks/f/events?filter=resource_name==main"));
  for (const auto& e : by_name.at("stack_events").as_array()) {
    EXPECT_EQ(e.at("resource_name"), "main");
  }
  EXPECT_FALSE(by_name.at("stack_events").as_array().empty());

  auto fields = JsonBody(Call("GET", "/stacks/f/events?field=resource_name,time"));
  for (const auto& v : fields.at("stack_events").as_array()) {
    for (const auto& kv : v.as_object()) {
      EXPECT_TRUE(kv.key() == "resource_name" || kv.key() == "time" || kv.key() == "event_type")
          << kv.key();
    }
  }
  auto unknown_option = Call("GET", "/stacks/f/events?filter=colour==red");
  EXPECT_EQ(unknown_option.status, 400);
  EXPECT_EQ(ErrorCode(unknown_option), "RF.10011087");
  auto no_method = Call("GET", "/stacks/f/events?filter=event_type");
  EXPECT_EQ(no_method.status, 400);
  EXPECT_EQ(ErrorCode(no_method), "RF.10011088");
  auto bad_value = Call("GET", "/stacks/f/events?filter=event_type==a-b");
  EXPECT_EQ(bad_value.status, 400);
  EXPECT_EQ(ErrorCode(bad_value), "RF.10011089");
  auto bad_field = Call("GET", "/stacks/f/events?field=colour");
  EXPECT_EQ(bad_field.status, 400);
}

TEST_F(RfsStacksTest, TemplateLinkServesTheDeployedTemplate) {
  CreateStack("t", kNetworkTemplate);
  ASSERT_EQ(WaitTerminal("t"), "DEPLOYMENT_COMPLETE");
  auto r = Call("GET", "/stacks/t/templates");
  ASSERT_EQ(r.status, 307) << r.body;
  const std::string* location = r.Header("Location");
  ASSERT_NE(location, nullptr);
  std::string prefix = "http://" + client_->HostPort();
  ASSERT_EQ(location->rfind(prefix, 0), 0u) << *location;
  std::string path = location->substr(prefix.size());
  // No credentials: the link is its own.
  auto file = client_->Send("GET", path);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->status, 200);
  EXPECT_EQ(file->body, kNetworkTemplate);
  // A forged token is refused.
  std::string forged = path;
  forged[std::string("/_formwork/downloads/").size() + 2] ^= 1;
  EXPECT_EQ(client_->Send("GET", forged)->status, 404);
  // Access rules: the link admits only the listed sources (the test client is 127.0.0.1).
  auto path_of = [&](const std::string& query) {
    auto link = Call("GET", "/stacks/t/templates?" + query);
    EXPECT_EQ(link.status, 307) << query << " -> " << link.body;
    const std::string* to = link.Header("Location");
    return to ? to->substr(prefix.size()) : std::string();
  };
  EXPECT_EQ(client_->Send("GET", path_of("access_control_source_ips=10.0.0.0/8&"
                                         "access_control_source_ips=127.0.0.1/32"))->body,
            kNetworkTemplate);
  auto denied = client_->Send("GET", path_of("access_control_source_ips=10.0.0.0/8"));
  EXPECT_EQ(denied->status, 403);
  EXPECT_EQ(denied->body.find("resource \""), std::string::npos);
  EXPECT_EQ(client_->Send("GET", path_of("access_control_source_vpc_ids=vpc-1"))->status, 403);
  auto malformed = Call("GET", "/stacks/t/templates?access_control_source_ips=10.0.0.0/40");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(ErrorCode(malformed), "RF.10011028");
  // Five minutes later the link is dead.
  server_->clock().Advance(std::chrono::minutes(6));
  EXPECT_EQ(client_->Send("GET", path)->status, 404);
}

TEST_F(RfsStacksTest, UpdateStack) {
  CreateStack("u");
  auto r = Call("PATCH", "/stacks/u",
                R"({"description":"d2","enable_deletion_protection":true,"enable_auto_rollback":true,)"
                R"("agencies":[{"provider_name":"huaweicloud","agency_name":"rf_admin_trust"}]})");
  EXPECT_EQ(r.status, 204) << r.body;
  auto m = Metadata("u");
  EXPECT_EQ(m.at("description"), "d2");
  EXPECT_EQ(m.at("enable_deletion_protection"), true);
  EXPECT_EQ(m.at("enable_auto_rollback"), true);
  ASSERT_EQ(m.at("agencies").as_array().size(), 1u);
  EXPECT_EQ(m.at("agencies").as_array()[0].at("agency_name"), "rf_admin_trust");

  auto nothing = Call("PATCH", "/stacks/u", "{}");
  EXPECT_EQ(nothing.status, 400);
  EXPECT_EQ(ErrorCode(nothing), "RF.10011084");
  auto dup = Call("PATCH", "/stacks/u",
                  R"({"agencies":[{"provider_name":"a","agency_name":"x"},{"provider_name":"a","agency_name":"y"}]})");
  EXPECT_EQ(dup.status, 400);
  EXPECT_EQ(ErrorCode(dup), "RF.10011065");

  // Deletion protection refuses deletion.
  auto del = Call("DELETE", "/stacks/u");
  EXPECT_EQ(del.status, 403);
  EXPECT_EQ(ErrorCode(del), "RF.10012544");
  EXPECT_EQ(Call("PATCH", "/stacks/u", R"({"enable_deletion_protection":false})").status, 204);
  EXPECT_EQ(Call("DELETE", "/stacks/u").status, 202);
  EXPECT_TRUE(WaitGone("u"));
}

TEST_F(RfsStacksTest, FailedDeploymentThenContinue) {
  AddFault(R"({"service":"vpc","type":"subnet","operation":"create","error_code":"VPC.0001",)"
           R"("error_message":"Injected subnet failure."})");
  CreateStack("bad", kVpcTemplate);
  ASSERT_EQ(WaitTerminal("bad"), "DEPLOYMENT_FAILED");
  auto m = Metadata("bad");
  EXPECT_FALSE(std::string(m.at("status_message").as_string()).empty());
  auto errors = JsonBody(Call("GET", "/stacks/bad/events?filter=event_type==CREATION_FAILED"));
  ASSERT_FALSE(errors.at("stack_events").as_array().empty());
  EXPECT_EQ(errors.at("stack_events").as_array()[0].at("resource_type"), "huaweicloud_vpc_subnet");

  auto rollback = Call("POST", "/stacks/bad/rollbacks", "");
  EXPECT_EQ(rollback.status, 403);
  EXPECT_EQ(ErrorCode(rollback), "RF.10012547");
  // Auto-rollback cannot be switched on in a *_FAILED status.
  auto enable = Call("PATCH", "/stacks/bad", R"({"enable_auto_rollback":true})");
  EXPECT_EQ(enable.status, 403);
  EXPECT_EQ(ErrorCode(enable), "RF.10012546");

  ClearFaults();
  auto again = Call("POST", "/stacks/bad/continuations", "");
  ASSERT_EQ(again.status, 202) << again.body;
  EXPECT_EQ(JsonBody(again).at("deployment_id").as_string().size(), 36u);
  ASSERT_EQ(WaitTerminal("bad"), "DEPLOYMENT_COMPLETE");
  EXPECT_EQ(JsonBody(Call("GET", "/stacks/bad/resources")).at("stack_resources").as_array().size(),
            4u);
  auto cont = Call("POST", "/stacks/bad/continuations", "{}");
  EXPECT_EQ(cont.status, 403);
  EXPECT_EQ(ErrorCode(cont), "RF.10012547");
}

TEST_F(RfsStacksTest, AutoRollbackAndContinueRollback) {
  AddFault(R"({"service":"vpc","type":"subnet","operation":"create"})");
  CreateStack("rb", kVpcTemplate, R"(,"enable_auto_rollback":true)");
  ASSERT_EQ(WaitTerminal("rb"), "ROLLBACK_COMPLETE");
  // Nothing was deployed successfully before: the rollback removed everything.
  auto resources = JsonBody(Call("GET", "/stacks/rb/resources"));
  EXPECT_TRUE(resources.at("stack_resources").as_array().empty()) << json::serialize(resources);

  // A rollback that fails too: the VPC cannot be deleted.
  AddFault(R"({"service":"vpc","type":"vpc","operation":"delete"})");
  auto deploy = Call("POST", "/stacks/rb/deployments",
                     R"({"template_body":)" + Quote(kVpcTemplate) + "}");
  ASSERT_EQ(deploy.status, 202) << deploy.body;
  ASSERT_EQ(WaitTerminal("rb"), "ROLLBACK_FAILED");
  auto cont_deploy = Call("POST", "/stacks/rb/continuations", "");
  EXPECT_EQ(cont_deploy.status, 403);
  ClearFaults();
  auto cont = Call("POST", "/stacks/rb/rollbacks", "");
  ASSERT_EQ(cont.status, 202) << cont.body;
  ASSERT_EQ(WaitTerminal("rb"), "ROLLBACK_COMPLETE");
  EXPECT_TRUE(JsonBody(Call("GET", "/stacks/rb/resources")).at("stack_resources").as_array().empty());
}

TEST_F(RfsStacksTest, RollbackReturnsToTheLastSuccessfulDeployment) {
  CreateStack("prev", R"(resource "random_id" "a" { byte_length = 2 })",
              R"(,"enable_auto_rollback":true)");
  ASSERT_EQ(WaitTerminal("prev"), "DEPLOYMENT_COMPLETE");
  AddFault(R"({"service":"vpc","type":"vpc","operation":"create"})");
  auto r = Call("POST", "/stacks/prev/deployments",
                R"({"template_body":)" + Quote(kVpcTemplate) + "}");
  ASSERT_EQ(r.status, 202);
  ASSERT_EQ(WaitTerminal("prev"), "ROLLBACK_COMPLETE");
  auto resources = JsonBody(Call("GET", "/stacks/prev/resources"));
  EXPECT_EQ(Field(resources.at("stack_resources"), "logical_resource_type"),
            (std::multiset<std::string>{"random_id"}));
}

TEST_F(RfsStacksTest, DeletionFailureAndRetry) {
  CreateStack("d", kVpcTemplate);
  ASSERT_EQ(WaitTerminal("d"), "DEPLOYMENT_COMPLETE");
  AddFault(R"({"service":"vpc","type":"vpc","operation":"delete"})");
  ASSERT_EQ(Call("DELETE", "/stacks/d").status, 202);
  ASSERT_EQ(WaitTerminal("d"), "DELETION_FAILED");
  ClearFaults();
  auto again = Call("POST", "/stacks/d/deletion", "{}");
  ASSERT_EQ(again.status, 202) << again.body;
  EXPECT_TRUE(WaitGone("d"));
  EXPECT_TRUE(JsonBody(Call("GET", "/stacks")).at("stacks").as_array().empty());
  // The name is free again.
  CreateStack("d");
}

TEST_F(RfsStacksTest, DeleteStackEnhancedRetainsResources) {
  CreateStack("keep", kVpcTemplate);
  ASSERT_EQ(WaitTerminal("keep"), "DEPLOYMENT_COMPLETE");
  auto outputs = JsonBody(Call("GET", "/stacks/keep/outputs"));
  std::string vpc_id;
  for (const auto& o : outputs.at("outputs").as_array()) {
    if (o.at("name") == "vpc_id") vpc_id = std::string(o.at("value").as_string());
  }
  ASSERT_FALSE(vpc_id.empty());
  auto r = Call("POST", "/stacks/keep/deletion", R"({"retain_all_resources":true})");
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_TRUE(WaitGone("keep"));
  // The VPC is still in the cloud: a new stack reading it by id finds it.
  std::string reader = R"(data "huaweicloud_vpc" "kept" { id = ")" + vpc_id + R"(" }
output "name" { value = data.huaweicloud_vpc.kept.name })";
  CreateStack("reader", reader);
  ASSERT_EQ(WaitTerminal("reader"), "DEPLOYMENT_COMPLETE");
  auto read = JsonBody(Call("GET", "/stacks/reader/outputs"));
  ASSERT_EQ(read.at("outputs").as_array().size(), 1u);
  EXPECT_EQ(read.at("outputs").as_array()[0].at("value"), "demo-vpc");

  // Without retain_all_resources the resources go too.
  CreateStack("gone", R"(resource "huaweicloud_vpc" "v" {
  name = "gone-vpc"
  cidr = "10.0.0.0/16"
}
output "id" { value = huaweicloud_vpc.v.id })");
  ASSERT_EQ(WaitTerminal("gone"), "DEPLOYMENT_COMPLETE");
  std::string gone_id(JsonBody(Call("GET", "/stacks/gone/outputs"))
                          .at("outputs").as_array()[0].at("value").as_string());
  ASSERT_EQ(Call("DELETE", "/stacks/gone").status, 202);
  EXPECT_TRUE(WaitGone("gone"));
  CreateStack("reader2", R"(data "huaweicloud_vpc" "v" { id = ")" + gone_id + R"(" })");
  EXPECT_EQ(WaitTerminal("reader2"), "DEPLOYMENT_FAILED");
}

TEST_F(RfsStacksTest, Pagination) {
  for (int i = 0; i < 25; ++i) CreateStack("p" + std::to_string(100 + i));
  std::vector<std::string> seen;
  std::string marker;
  int pages = 0;
  do {
    std::string q = "/stacks?limit=10" + (marker.empty() ? "" : "&marker=" + marker);
    auto r = Call("GET", q);
    ASSERT_EQ(r.status, 200) << r.body;
    auto b = JsonBody(r);
    const auto& stacks = b.at("stacks").as_array();
    EXPECT_EQ(b.at("page_info").at("current_count"), static_cast<int64_t>(stacks.size()));
    for (const auto& s : stacks) seen.emplace_back(s.at("stack_name").as_string());
    const auto& info = b.at("page_info").as_object();
    marker = info.contains("next_marker") && info.at("next_marker").is_string()
                 ? std::string(info.at("next_marker").as_string())
                 : "";
    ++pages;
  } while (!marker.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), 25u);
  EXPECT_EQ(seen.front(), "p124");  // newest first
  EXPECT_EQ(seen.back(), "p100");
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 25u);

  auto all = JsonBody(Call("GET", "/stacks"));
  EXPECT_EQ(all.at("stacks").as_array().size(), 25u);  // default limit 1000
  EXPECT_FALSE(all.at("page_info").as_object().contains("next_marker") &&
               all.at("page_info").at("next_marker").is_string());
  auto small = Call("GET", "/stacks?limit=9");
  EXPECT_EQ(small.status, 400);
  EXPECT_EQ(ErrorCode(small), "RF.10011006");
  auto big = Call("GET", "/stacks?limit=1001");
  EXPECT_EQ(big.status, 400);
  EXPECT_EQ(ErrorCode(big), "RF.10011005");
  auto forged = Call("GET", "/stacks?marker=not-a-marker");
  EXPECT_EQ(forged.status, 400);

  // Events page the same way.
  CreateStack("ev", kNetworkTemplate);
  ASSERT_EQ(WaitTerminal("ev"), "DEPLOYMENT_COMPLETE");
  size_t total = JsonBody(Call("GET", "/stacks/ev/events")).at("stack_events").as_array().size();
  size_t counted = 0;
  marker.clear();
  pages = 0;
  do {
    auto b = JsonBody(Call("GET", "/stacks/ev/events?limit=3" +
                                      (marker.empty() ? "" : "&marker=" + marker)));
    counted += b.at("stack_events").as_array().size();
    const auto& info = b.at("page_info").as_object();
    marker = info.contains("next_marker") && info.at("next_marker").is_string()
                 ? std::string(info.at("next_marker").as_string())
                 : "";
  } while (!marker.empty() && ++pages < 100);
  EXPECT_EQ(counted, total);
}

TEST_F(RfsStacksTest, SensitiveValuesNeverAppear) {
  const std::string secret = "S3cr3t-Value-4711";
  const std::string tpl = R"(
variable "password" {
  type      = string
  sensitive = true
}
variable "plain" {
  type = string
}
resource "terraform_data" "db" {
  input = var.password
}
resource "terraform_data" "visible" {
  input = var.plain
}
output "password" {
  value     = var.password
  sensitive = true
}
output "echo" {
  value     = terraform_data.db.output
  sensitive = true
}
)";
  std::string extra = R"(,"vars_structure":[{"var_key":"password","var_value":")" + secret +
                      R"("}],"vars_body":"plain = \"hello\"")";
  CreateStack("sec", tpl, extra);
  ASSERT_EQ(WaitTerminal("sec"), "DEPLOYMENT_COMPLETE");
  std::vector<std::string> bodies;
  bodies.push_back(Call("GET", "/stacks/sec/metadata").body);
  bodies.push_back(Call("GET", "/stacks/sec/events").body);
  bodies.push_back(Call("GET", "/stacks/sec/resources").body);
  bodies.push_back(Call("GET", "/stacks/sec/outputs").body);
  bodies.push_back(Call("GET", "/stacks").body);
  // A plan with a new secret, and its views.
  auto plan = Call("POST", "/stacks/sec/execution-plans",
                   R"({"execution_plan_name":"p1","template_body":)" + Quote(tpl) +
                       R"(,"vars_structure":[{"var_key":"password","var_value":")" + secret +
                       R"(-2"},{"var_key":"plain","var_value":"hello"}]})");
  ASSERT_EQ(plan.status, 202) << plan.body;
  ASSERT_TRUE(PollUntil([&] {
    auto m = JsonBody(Call("GET", "/stacks/sec/execution-plans/p1/metadata"));
    return m.at("status") != "CREATION_IN_PROGRESS";
  }));
  bodies.push_back(Call("GET", "/stacks/sec/execution-plans/p1/metadata").body);
  bodies.push_back(Call("GET", "/stacks/sec/execution-plans/p1").body);
  bodies.push_back(Call("GET", "/stacks/sec/execution-plans").body);
  for (const auto& b : bodies) EXPECT_EQ(b.find(secret), std::string::npos) << b;

  auto outputs = JsonBody(Call("GET", "/stacks/sec/outputs"));
  for (const auto& o : outputs.at("outputs").as_array()) {
    EXPECT_EQ(o.at("sensitive"), true);
    EXPECT_EQ(o.at("value"), "<sensitive>");
    EXPECT_EQ(o.at("type"), "<sensitive>");
  }
  auto m = Metadata("sec");
  EXPECT_EQ(m.at("vars_structure").as_array()[0].at("var_value"), "<sensitive>");
  EXPECT_NE(std::string(m.at("vars_body").as_string()).find("hello"), std::string::npos);
}

TEST_F(RfsStacksTest, ParseTemplateVariables) {
  const std::string tpl = R"(
variable "name" {
  type        = string
  description = "The name"
  default     = "web"
  validation {
    condition     = length(var.name) > 2
    error_message = "Too short."
  }
}
variable "ports" {
  type    = list(number)
  default = [80, 443]
}
variable "secret" {
  type      = string
  sensitive = true
  nullable  = false
}
)";
  auto r = Call("POST", "/template-analyses/variables", R"({"template_body":)" + Quote(tpl) + "}");
  ASSERT_EQ(r.status, 200) << r.body;
  auto vars = JsonBody(r).at("variables").as_array();
  ASSERT_EQ(vars.size(), 3u);
  std::map<std::string, json::object> by_name;
  for (const auto& v : vars) by_name[std::string(v.at("name").as_string())] = v.as_object();
  const auto& name = by_name.at("name");
  EXPECT_EQ(name.at("type"), "string");
  EXPECT_EQ(name.at("description"), "The name");
  EXPECT_EQ(name.at("default"), "web");
  EXPECT_EQ(name.at("sensitive"), false);
  EXPECT_EQ(name.at("nullable"), true);
  ASSERT_EQ(name.at("validations").as_array().size(), 1u);
  EXPECT_EQ(name.at("validations").as_array()[0].at("condition"), "${length(var.name) > 2}");
  EXPECT_EQ(name.at("validations").as_array()[0].at("error_message"), "Too short.");
  EXPECT_EQ(by_name.at("ports").at("type"), "list(number)");
  EXPECT_EQ(by_name.at("ports").at("default"), (json::array{80, 443}));
  EXPECT_EQ(by_name.at("secret").at("sensitive"), true);
  EXPECT_EQ(by_name.at("secret").at("nullable"), false);
  EXPECT_FALSE(by_name.at("secret").contains("default"));

  auto none = Call("POST", "/template-analyses/variables",
                   R"({"template_body":"resource \"random_id\" \"a\" { byte_length = 2 }"})");
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(JsonBody(none).at("variables").as_array().empty());
  auto invalid = Call("POST", "/template-analyses/variables", R"({"template_body":"variable {"})");
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(ErrorCode(invalid), "RF.10011074");
  auto neither = Call("POST", "/template-analyses/variables", "{}");
  EXPECT_EQ(neither.status, 400);
  EXPECT_EQ(ErrorCode(neither), "RF.10011056");
  auto json_tpl = Call("POST", "/template-analyses/variables",
                       R"({"template_body":"{\"variable\":{\"n\":{\"type\":\"number\",\"default\":3}}}"})");
  ASSERT_EQ(json_tpl.status, 200) << json_tpl.body;
  EXPECT_EQ(JsonBody(json_tpl).at("variables").as_array()[0].at("default"), 3);
}

}  // namespace
}  // namespace fw::testing
