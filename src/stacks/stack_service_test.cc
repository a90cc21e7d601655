// StackService requests: validation, the status machine, races, masking (jobs are not run here;
// deploy_worker_test.cc runs them).
#include <thread>

#include "stacks/stacks_test_support.h"

namespace fw::stacks {
namespace {

constexpr const char* kVpcTemplate = R"(
variable "name" {
  type = string
  default = "vpc-a"
}
variable "password" {
  type = string
  sensitive = true
  default = "x"
}
resource "huaweicloud_vpc" "main" {
  name = var.name
  cidr = "192.168.0.0/16"
}
)";

TEST_F(StacksTest, CreatesAnEmptyStackAndRefusesItsNameTwice) {
  CreateStackRequest req;
  req.project_id = kProject;
  req.stack_name = "empty";
  req.description = "nothing yet";
  auto created = service_->CreateStack(req);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->stack_id.size(), 36u);
  EXPECT_FALSE(created->deployment_id);
  EXPECT_EQ(StatusOf("empty"), "CREATION_COMPLETE");
  EXPECT_EQ(service_->CreateStack(req).status().service_code(), "RF.10013502");
  req.stack_name = "9lives";
  EXPECT_EQ(service_->CreateStack(req).status().service_code(), "RF.10011010");

  auto list = service_->ListStacks(kProject, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->stacks.size(), 1u);
  EXPECT_EQ(list->stacks[0].create_time, "2023-11-14T22:13:20Z");
  EXPECT_EQ(service_->GetStackTemplate(Ref("empty")).status().service_code(), "RF.10013023");
  EXPECT_EQ(service_->GetStackMetadata({kProject, "empty", "wrong-id"}).status().service_code(),
            "RF.10011015");
  EXPECT_EQ(service_->GetStackMetadata(Ref("nope")).status().service_code(), "RF.10013001");
}

TEST_F(StacksTest, UpdateChangesOnlyWhatIsGiven) {
  CreateStackRequest req;
  req.project_id = kProject;
  req.stack_name = "s";
  ASSERT_TRUE(service_->CreateStack(req).ok());
  EXPECT_EQ(service_->UpdateStack({Ref("s")}).service_code(), "RF.10011084");
  UpdateStackRequest up;
  up.stack = Ref("s");
  up.description = "new";
  up.enable_auto_rollback = true;
  up.agencies = std::vector<Agency>{{"huaweicloud", "ops", ""}};
  ASSERT_TRUE(service_->UpdateStack(up).ok());
  auto m = service_->GetStackMetadata(Ref("s"));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->summary.description, "new");
  EXPECT_TRUE(m->enable_auto_rollback);
  ASSERT_EQ(m->agencies.size(), 1u);
  EXPECT_EQ(m->agencies[0].agency_name, "ops");
}

TEST_F(StacksTest, DeployingStartsAJobAndLocksTheStack) {
  CreateStackRequest req;
  req.project_id = kProject;
  req.stack_name = "s";
  req.input.template_body = kVpcTemplate;
  req.input.vars_structure = {{"password", "hunter2", std::nullopt}};
  auto created = service_->CreateStack(req);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  ASSERT_TRUE(created->deployment_id);
  EXPECT_EQ(StatusOf("s"), "DEPLOYMENT_IN_PROGRESS");

  DeployStackRequest deploy{Ref("s"), {}};
  deploy.input.template_body = kVpcTemplate;
  EXPECT_EQ(service_->DeployStack(deploy).status().service_code(), "RF.10012519");
  EXPECT_EQ(service_->DeleteStack({Ref("s")}).service_code(), "RF.10012544");
  EXPECT_EQ(service_->ContinueDeployStack(Ref("s")).status().service_code(), "RF.10012547");
  UpdateStackRequest up;
  up.stack = Ref("s");
  up.description = "x";
  EXPECT_EQ(service_->UpdateStack(up).service_code(), "RF.10012519");

  std::vector<store::JobRecord> jobs;
  ASSERT_TRUE(store_->Read([&](store::Repositories& r) -> fw::Status {
    FW_ASSIGN_OR_RETURN(jobs, r.jobs().ListByResource("stack:" + created->stack_id));
    return fw::Status::Ok();
  }).ok());
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].kind, "rfs.deploy");

  // The sensitive variable's value is stored but never shown.
  auto m = service_->GetStackMetadata(Ref("s"));
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->vars_structure.size(), 1u);
  EXPECT_EQ(m->vars_structure[0].var_value, "<sensitive>");
}

TEST_F(StacksTest, RacingDeploymentsOneWinsTheOthersAreRefused) {
  CreateStackRequest req;
  req.project_id = kProject;
  req.stack_name = "race";
  ASSERT_TRUE(service_->CreateStack(req).ok());
  constexpr int kRacers = 6;
  std::vector<fw::Status> results(kRacers);
  std::vector<std::thread> threads;
  for (int i = 0; i < kRacers; ++i) {
    threads.emplace_back([&, i] {
      DeployStackRequest d{Ref("race"), {}};
      d.input.template_body = kVpcTemplate;
      results[i] = service_->DeployStack(d).status();
    });
  }
  for (auto& t : threads) t.join();
  int won = 0;
  for (const fw::Status& st : results) {
    if (st.ok()) {
      ++won;
      continue;
    }
    // Lost the compare-and-set (409), or came after the winner wrote (403).
    EXPECT_TRUE(st.service_code() == "RF.10013503" || st.service_code() == "RF.10012519")
        << st.ToString();
  }
  EXPECT_EQ(won, 1);
}

TEST_F(StacksTest, TemplateInputsAreChecked) {
  DeployStackRequest d{Ref("s"), {}};
  CreateStackRequest req;
  req.project_id = kProject;
  req.stack_name = "s";
  ASSERT_TRUE(service_->CreateStack(req).ok());
  EXPECT_EQ(service_->DeployStack(d).status().service_code(), "RF.10011056");
  d.input.template_body = "x";
  d.input.template_uri = "https://a/b.tf";
  EXPECT_EQ(service_->DeployStack(d).status().service_code(), "RF.10011003");
  d.input.template_body.reset();
  d.input.template_uri = "https://example.com/main.tf";
  EXPECT_EQ(service_->DeployStack(d).status().service_code(), "RF.10011035");
  d.input.template_uri = "ftp://example.com/main.tf";
  EXPECT_EQ(service_->DeployStack(d).status().service_code(), "RF.10011035");
  d.input.template_uri.reset();
  d.input.template_body = "resource \"huaweicloud_vpc\" {";
  auto bad = service_->DeployStack(d);
  EXPECT_EQ(bad.status().service_code(), "RF.10011074");
  d.input.template_body = kVpcTemplate;
  d.input.vars_body = "name = \"a\"";
  d.input.vars_structure = {{"name", "b", std::nullopt}};
  EXPECT_EQ(service_->DeployStack(d).status().service_code(), "RF.10011093");
  d.input.vars_structure = {{"1bad", "b", std::nullopt}};
  EXPECT_EQ(service_->DeployStack(d).status().service_code(), "RF.10011039");
  EXPECT_EQ(StatusOf("s"), "CREATION_COMPLETE");  // nothing started
}

TEST_F(StacksTest, ParsesTemplateVariables) {
  TemplateInput in;
  in.template_body = R"(
variable "count_of" {
  type        = number
  description = "how many"
  default     = 2
  validation {
    condition     = var.count_of > 0
    error_message = "Must be positive."
  }
}
variable "tags" {
  type     = map(string)
  nullable = false
  default  = { a = "b" }
}
variable "secret" {
  sensitive = true
}
)";
  auto vars = service_->ParseTemplateVariables(kProject, in);
  ASSERT_TRUE(vars.ok()) << vars.status().ToString();
  ASSERT_EQ(vars->size(), 3u);
  const TemplateVariable& c = (*vars)[0];
  EXPECT_EQ(c.name, "count_of");
  EXPECT_EQ(c.type, "number");
  EXPECT_EQ(c.description, "how many");
  EXPECT_EQ(c.default_json, "2");
  ASSERT_EQ(c.validations.size(), 1u);
  EXPECT_EQ(c.validations[0].condition, "${var.count_of > 0}");
  EXPECT_EQ(c.validations[0].error_message, "Must be positive.");
  EXPECT_EQ((*vars)[1].name, "secret");
  EXPECT_TRUE((*vars)[1].sensitive);
  EXPECT_FALSE((*vars)[1].default_json);
  EXPECT_EQ((*vars)[2].type, "map(string)");
  EXPECT_FALSE((*vars)[2].nullable);
  EXPECT_EQ((*vars)[2].default_json, "{\"a\":\"b\"}");
}

}  // namespace
}  // namespace fw::stacks
