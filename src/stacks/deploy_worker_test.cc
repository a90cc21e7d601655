// Deployments run by the worker against the real engine and the simulated cloud: resources,
// events, outputs, templates, plans, auto-rollback, deletion, and resuming after a crash.
#include "stacks/stacks_test_support.h"

namespace fw::stacks {
namespace {

std::string Vpcs(int count, const std::string& prefix = "vpc") {
  return R"(
variable "secret" {
  type      = string
  sensitive = true
  default   = "s3cret"
}
resource "huaweicloud_vpc" "net" {
  count = )" + std::to_string(count) + R"(
  name  = ")" + prefix + R"(-${count.index}"
  cidr  = "10.${count.index}.0.0/16"
}
output "first_id" {
  description = "the first VPC"
  value       = huaweicloud_vpc.net[0].id
}
output "secret" {
  value     = var.secret
  sensitive = true
}
)";
}

class DeployWorkerTest : public StacksTest {
 protected:
  std::string Create(const std::string& name, const std::string& body, bool rollback = false) {
    CreateStackRequest req;
    req.project_id = kProject;
    req.stack_name = name;
    req.enable_auto_rollback = rollback;
    req.input.template_body = body;
    auto created = service_->CreateStack(req);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? created->deployment_id.value_or("") : "";
  }
  std::vector<StackEvent> Events(const std::string& name, const std::string& filter = "") {
    ListEventsRequest req;
    req.stack = Ref(name);
    req.filter = filter;
    auto events = service_->ListStackEvents(req);
    EXPECT_TRUE(events.ok()) << events.status().ToString();
    return events.ok() ? events->stack_events : std::vector<StackEvent>{};
  }
};

TEST_F(DeployWorkerTest, DeploysAndRecordsResourcesEventsAndOutputs) {
  std::string deployment = Create("net", Vpcs(2));
  auto worker = Worker("w1");
  RunJobs(*worker);
  ASSERT_EQ(StatusOf("net"), "DEPLOYMENT_COMPLETE")
      << service_->GetStackMetadata(Ref("net"))->summary.status_message;
  EXPECT_EQ(Count("vpc.vpc"), 2u);

  auto resources = service_->ListStackResources(Ref("net"), {});
  ASSERT_TRUE(resources.ok()) << resources.status().ToString();
  ASSERT_EQ(resources->stack_resources.size(), 2u);
  const StackResource& r0 = resources->stack_resources[0];
  EXPECT_EQ(r0.logical_resource_type, "huaweicloud_vpc");
  EXPECT_EQ(r0.logical_resource_name, "net");
  EXPECT_EQ(r0.index_key, "0");
  EXPECT_EQ(r0.resource_status, "CREATION_COMPLETE");
  EXPECT_EQ(r0.physical_resource_name, "vpc-0");
  EXPECT_FALSE(r0.physical_resource_id.empty());
  ASSERT_TRUE(r0.resource_attributes);

  auto complete = Events("net", "event_type==CREATION_COMPLETE");
  ASSERT_EQ(complete.size(), 2u);
  EXPECT_EQ(complete[0].resource_type, "huaweicloud_vpc");
  EXPECT_EQ(complete[0].resource_id_key, "id");
  EXPECT_TRUE(complete[0].elapsed_seconds);
  auto summary = Events("net", "event_type==SUMMARY");
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_EQ(summary[0].event_message, "Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");

  auto outputs = service_->ListStackOutputs(Ref("net"), {});
  ASSERT_TRUE(outputs.ok());
  ASSERT_EQ(outputs->outputs.size(), 2u);
  EXPECT_EQ(outputs->outputs[0].name, "first_id");
  EXPECT_EQ(outputs->outputs[0].value, r0.physical_resource_id);
  EXPECT_EQ(outputs->outputs[0].description, "the first VPC");
  EXPECT_EQ(outputs->outputs[1].value, "<sensitive>");

  // The stored template, through a download link, as the next deployment's template_uri.
  auto link = service_->IssueTemplateDownload(Ref("net"));
  ASSERT_TRUE(link.ok()) << link.status().ToString();
  auto file = service_->RedeemDownloadToken(link->token, "127.0.0.1:40000");
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->content, Vpcs(2));
  DeployStackRequest again{Ref("net"), {}};
  again.input.template_uri = "http://127.0.0.1:1/_formwork/downloads/" + link->token + "/" +
                             link->file_name;
  auto started = service_->DeployStack(again);
  ASSERT_TRUE(started.ok()) << started.status().ToString();
  RunJobs(*worker);
  EXPECT_EQ(StatusOf("net"), "DEPLOYMENT_COMPLETE");
  EXPECT_EQ(Count("vpc.vpc"), 2u);
}

TEST_F(DeployWorkerTest, ResumesAnAbandonedDeploymentWithoutDuplicates) {
  Create("crash", Vpcs(6));
  // The first worker "dies" when recording its third instance: the cloud made it (and maybe
  // others in parallel), the stack's state does not know yet.
  RunnerOptions crashing;
  crashing.crash_after = [](int recorded) -> fw::Status {
    return recorded >= 2 ? Unavailable("simulated crash") : fw::Status::Ok();
  };
  auto doomed = Worker("doomed", crashing);
  auto ran = doomed->RunOne();
  ASSERT_TRUE(ran.ok() && *ran);
  EXPECT_EQ(StatusOf("crash"), "DEPLOYMENT_IN_PROGRESS");
  auto partial = service_->ListStackResources(Ref("crash"), {});
  ASSERT_TRUE(partial.ok());
  EXPECT_LT(partial->stack_resources.size(), 6u);

  // Nobody else may take the job while its lease runs.
  auto rescuer = Worker("rescuer");
  auto early = rescuer->RunOne();
  ASSERT_TRUE(early.ok());
  EXPECT_FALSE(*early);
  clock_.Advance(std::chrono::seconds(11));  // the lease (10 s) expires
  RunJobs(*rescuer);
  EXPECT_EQ(StatusOf("crash"), "DEPLOYMENT_COMPLETE");
  EXPECT_EQ(Count("vpc.vpc"), 6u);  // none made twice
  auto resources = service_->ListStackResources(Ref("crash"), {});
  ASSERT_TRUE(resources.ok());
  EXPECT_EQ(resources->stack_resources.size(), 6u);
  EXPECT_FALSE(Events("crash", "event_type==LOG").empty());
}

TEST_F(DeployWorkerTest, GivesUpAfterTooManyInterruptions) {
  Create("flaky", Vpcs(3));
  RunnerOptions crashing;
  crashing.crash_after = [](int) -> fw::Status { return Unavailable("simulated crash"); };
  for (int i = 0; i < 3; ++i) {
    auto w = Worker("w" + std::to_string(i), crashing);
    ASSERT_TRUE(w->RunOne().ok());
    clock_.Advance(std::chrono::seconds(11));
  }
  auto last = Worker("last");
  RunJobs(*last);
  EXPECT_EQ(StatusOf("flaky"), "DEPLOYMENT_FAILED");
  EXPECT_FALSE(Events("flaky", "event_type==ERROR").empty());
  // ContinueDeployStack finishes it, finding what the cloud already made.
  auto cont = service_->ContinueDeployStack(Ref("flaky"));
  ASSERT_TRUE(cont.ok()) << cont.status().ToString();
  RunJobs(*last);
  EXPECT_EQ(StatusOf("flaky"), "DEPLOYMENT_COMPLETE");
  EXPECT_EQ(Count("vpc.vpc"), 3u);
}

TEST_F(DeployWorkerTest, AFailedDeploymentRollsBackToTheLastGoodOne) {
  Create("rb", Vpcs(1, "good"), /*rollback=*/true);
  auto worker = Worker("w");
  RunJobs(*worker);
  ASSERT_EQ(StatusOf("rb"), "DEPLOYMENT_COMPLETE");
  cloud::FaultRule rule;
  rule.service = "vpc";
  rule.operation = "create";
  rule.name_pattern = "bad-*";
  rule.error_code = "VPC.0001";
  rule.error_message = "Injected failure.";
  faults_.Add(rule);
  DeployStackRequest d{Ref("rb"), {}};
  d.input.template_body = Vpcs(1, "good") + R"(
resource "huaweicloud_vpc" "extra" {
  name = "bad-1"
  cidr = "172.16.0.0/16"
}
)";
  ASSERT_TRUE(service_->DeployStack(d).ok());
  RunJobs(*worker);
  EXPECT_EQ(StatusOf("rb"), "ROLLBACK_COMPLETE");
  EXPECT_EQ(Count("vpc.vpc"), 1u);
  EXPECT_FALSE(Events("rb", "event_type==CREATION_FAILED").empty());
  // false→true of auto-rollback is refused only in *_FAILED; here it is already on.
}

TEST_F(DeployWorkerTest, ExecutionPlansDiffApplyAndExpire) {
  Create("p", Vpcs(1));
  auto worker = Worker("w");
  RunJobs(*worker);
  CreatePlanRequest req;
  req.stack = Ref("p");
  req.execution_plan_name = "grow";
  req.input.template_body = Vpcs(2);
  auto created = service_->CreateExecutionPlan(req);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  PlanRef ref{Ref("p"), "grow", std::nullopt};
  auto meta = service_->GetExecutionPlanMetadata(ref);
  ASSERT_TRUE(meta.ok());
  EXPECT_EQ(meta->summary.status, "CREATION_IN_PROGRESS");
  EXPECT_FALSE(service_->GetExecutionPlan(ref)->execution_plan_items);
  EXPECT_EQ(service_->DeleteExecutionPlan(ref).service_code(), "RF.10012549");
  RunJobs(*worker);
  meta = service_->GetExecutionPlanMetadata(ref);
  ASSERT_TRUE(meta.ok());
  ASSERT_EQ(meta->summary.status, "AVAILABLE") << meta->summary.status_message;
  ASSERT_TRUE(meta->change_summary);
  EXPECT_EQ(meta->change_summary->resource_add, 1);
  auto diff = service_->GetExecutionPlan(ref);
  ASSERT_TRUE(diff.ok() && diff->execution_plan_items);
  ASSERT_EQ(diff->execution_plan_items->size(), 1u);
  const PlanItem& item = (*diff->execution_plan_items)[0];
  EXPECT_EQ(item.action, "ADD");
  EXPECT_EQ(item.index, "1");
  EXPECT_EQ(item.provider_name, "huaweicloud");
  auto price = service_->EstimateExecutionPlanPrice(ref);
  ASSERT_TRUE(price.ok());
  ASSERT_EQ(price->items.size(), 1u);
  EXPECT_TRUE(price->items[0].supported);
  EXPECT_EQ((*price->items[0].resource_price)[0].charge_mode, "FREE");

  // A second plan, then the first is applied: the second has expired.
  req.execution_plan_name = "other";
  ASSERT_TRUE(service_->CreateExecutionPlan(req).ok());
  RunJobs(*worker);
  auto applied = service_->ApplyExecutionPlan(ref);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  RunJobs(*worker);
  EXPECT_EQ(StatusOf("p"), "DEPLOYMENT_COMPLETE");
  EXPECT_EQ(Count("vpc.vpc"), 2u);
  EXPECT_EQ(service_->GetExecutionPlanMetadata(ref)->summary.status, "APPLIED");
  EXPECT_EQ(service_->ApplyExecutionPlan({Ref("p"), "other", std::nullopt}).status().service_code(),
            "RF.10012545");
  EXPECT_EQ(service_->ApplyExecutionPlan(ref).status().service_code(), "RF.10012543");
}

TEST_F(DeployWorkerTest, DeletionDestroysOrRetainsTheResources) {
  Create("gone", Vpcs(2));
  Create("kept", Vpcs(1, "keep"));
  auto worker = Worker("w");
  RunJobs(*worker);
  ASSERT_EQ(Count("vpc.vpc"), 3u);
  UpdateStackRequest protect;
  protect.stack = Ref("gone");
  protect.enable_deletion_protection = true;
  ASSERT_TRUE(service_->UpdateStack(protect).ok());
  EXPECT_EQ(service_->DeleteStack({Ref("gone")}).service_code(), "RF.10012544");
  protect.enable_deletion_protection = false;
  ASSERT_TRUE(service_->UpdateStack(protect).ok());
  ASSERT_TRUE(service_->DeleteStack({Ref("gone")}).ok());
  EXPECT_EQ(StatusOf("gone"), "DELETION_IN_PROGRESS");
  ASSERT_TRUE(service_->DeleteStack({Ref("kept"), true}).ok());
  RunJobs(*worker);
  EXPECT_EQ(StatusOf("gone"), "404");
  EXPECT_EQ(StatusOf("kept"), "404");
  EXPECT_EQ(Count("vpc.vpc"), 1u);  // the retained one
}

}  // namespace
}  // namespace fw::stacks
