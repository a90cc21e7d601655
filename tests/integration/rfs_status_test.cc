// The stack status machine over HTTP (spec §10.1): at time scale 1 a time_sleep resource waits
// on the test's ManualClock, so a stack stays *_IN_PROGRESS until the test moves the clock and
// every refusal can be observed; racing mutations get one winner and 403/409 for the rest.
#include <gtest/gtest.h>

#include <thread>

#include "rfs_support.h"

namespace fw::testing {
namespace {

namespace json = boost::json;

// Waits 5 s when created and when destroyed, on the simulated clock: until the test moves it.
// (Less than the deploy workers' 10 s job lease, which runs on the same clock: a longer jump
// would expire the lease and hand the job to another worker.)
const char kSlowTemplate[] = R"(
resource "time_sleep" "wait" {
  create_duration  = "5s"
  destroy_duration = "5s"
}
resource "random_id" "after" {
  byte_length = 2
  depends_on  = [time_sleep.wait]
}
output "result" {
  value = "done-${random_id.after.byte_length}"
}
)";

class RfsStatusTest : public RfsTest {
 protected:
  RfsStatusTest() : RfsTest(/*time_scale=*/1.0) {}

  // Once the time_sleep of `stack` has started `event_type` (its job is running), moves the
  // clock past its wait until `done` holds. The job may read the clock a moment after its event
  // is written, so the clock moves again if needed, slowly enough (4 s apart) for the worker's
  // heartbeat to renew its lease, which runs on the same clock.
  bool Finish(const std::string& stack, const std::function<bool()>& done,
              const std::string& event_type = "CREATION_IN_PROGRESS") {
    bool started = PollUntil([&] {
      auto r = Call("GET", "/stacks/" + stack + "/events?filter=resource_type==time_sleep,"
                                                "event_type==" + event_type);
      return r.status == 200 && !JsonBody(r).at("stack_events").as_array().empty();
    });
    EXPECT_TRUE(started) << stack << " never started " << event_type;
    for (int i = 0; i < 3; ++i) {
      server_->clock().Advance(std::chrono::seconds(6));
      if (PollUntil(done, std::chrono::seconds(4))) return true;
    }
    return false;
  }
  bool FinishDeployment(const std::string& stack) {
    return Finish(stack, [&] { return StatusOf(stack) == "DEPLOYMENT_COMPLETE"; });
  }

  std::string DeployBody() { return R"({"template_body":)" + Quote(kSlowTemplate) + "}"; }

  // Every mutating operation is refused with 403 and its code while the stack is busy.
  void ExpectMutationsRefused(const std::string& stack) {
    auto deploy = Call("POST", "/stacks/" + stack + "/deployments", DeployBody());
    EXPECT_EQ(deploy.status, 403) << deploy.body;
    EXPECT_EQ(ErrorCode(deploy), "RF.10012519");
    auto plan = Call("POST", "/stacks/" + stack + "/execution-plans",
                     R"({"execution_plan_name":"busy","template_body":)" + Quote(kSlowTemplate) +
                         "}");
    EXPECT_EQ(plan.status, 403) << plan.body;
    auto cont = Call("POST", "/stacks/" + stack + "/continuations", "");
    EXPECT_EQ(cont.status, 403);
    EXPECT_EQ(ErrorCode(cont), "RF.10012547");
    auto rollback = Call("POST", "/stacks/" + stack + "/rollbacks", "");
    EXPECT_EQ(rollback.status, 403);
    auto del = Call("DELETE", "/stacks/" + stack);
    EXPECT_EQ(del.status, 403);
    EXPECT_EQ(ErrorCode(del), "RF.10012544");
    auto del2 = Call("POST", "/stacks/" + stack + "/deletion", "{}");
    EXPECT_EQ(del2.status, 403);
    EXPECT_EQ(ErrorCode(del2), "RF.10012544");
    auto update = Call("PATCH", "/stacks/" + stack, R"({"description":"x"})");
    EXPECT_EQ(update.status, 403);
    EXPECT_EQ(ErrorCode(update), "RF.10012519");
  }
};

TEST_F(RfsStatusTest, InProgressRefusesEveryMutationAndReadsStillWork) {
  auto created = CreateStack("slow", kSlowTemplate);
  ASSERT_TRUE(created.contains("deployment_id"));
  EXPECT_EQ(StatusOf("slow"), "DEPLOYMENT_IN_PROGRESS");
  ExpectMutationsRefused("slow");

  // Reads: outputs empty, resources summary only, no template of a finished deployment yet.
  auto outputs = JsonBody(Call("GET", "/stacks/slow/outputs"));
  EXPECT_TRUE(outputs.at("outputs").as_array().empty());
  auto resources = JsonBody(Call("GET", "/stacks/slow/resources"));
  for (const auto& r : resources.at("stack_resources").as_array()) {
    EXPECT_FALSE(r.as_object().contains("resource_attributes"));
  }
  EXPECT_EQ(Call("GET", "/stacks/slow/templates").status, 404);
  EXPECT_EQ(Call("GET", "/stacks/slow/events").status, 200);
  EXPECT_EQ(Call("GET", "/stacks").status, 200);

  ASSERT_TRUE(FinishDeployment("slow")) << StatusOf("slow");
  auto done = JsonBody(Call("GET", "/stacks/slow/outputs"));
  ASSERT_EQ(done.at("outputs").as_array().size(), 1u);
  EXPECT_EQ(done.at("outputs").as_array()[0].at("value"), "done-2");
  EXPECT_EQ(Call("GET", "/stacks/slow/templates").status, 307);

  // Deletion in progress refuses everything too, then the stack is gone.
  ASSERT_EQ(Call("DELETE", "/stacks/slow").status, 202);
  EXPECT_EQ(StatusOf("slow"), "DELETION_IN_PROGRESS");
  ExpectMutationsRefused("slow");
  EXPECT_TRUE(Finish(
      "slow", [&] { return Call("GET", "/stacks/slow/metadata").status == 404; },
      "DELETION_IN_PROGRESS"));
}

TEST_F(RfsStatusTest, PlansWhileTheStackIsBusy) {
  CreateStack("pl");
  auto p1 = Call("POST", "/stacks/pl/execution-plans",
                 R"({"execution_plan_name":"p1","template_body":)" + Quote(kSlowTemplate) + "}");
  auto p2 = Call("POST", "/stacks/pl/execution-plans",
                 R"({"execution_plan_name":"p2","template_body":)" + Quote(kSlowTemplate) + "}");
  ASSERT_EQ(p1.status, 202) << p1.body;
  ASSERT_EQ(p2.status, 202) << p2.body;
  for (const char* name : {"p1", "p2"}) {
    ASSERT_TRUE(PollUntil([&] {
      auto m = JsonBody(Call("GET", std::string("/stacks/pl/execution-plans/") + name + "/metadata"));
      return m.at("status") == "AVAILABLE";
    })) << name;
  }
  auto apply = Call("POST", "/stacks/pl/execution-plans/p1", "{}");
  ASSERT_EQ(apply.status, 202) << apply.body;
  EXPECT_EQ(StatusOf("pl"), "DEPLOYMENT_IN_PROGRESS");
  auto meta = JsonBody(Call("GET", "/stacks/pl/execution-plans/p1/metadata"));
  EXPECT_EQ(meta.at("status"), "APPLY_IN_PROGRESS");

  auto del = Call("DELETE", "/stacks/pl/execution-plans/p1");
  EXPECT_EQ(del.status, 403);
  EXPECT_EQ(ErrorCode(del), "RF.10012549");
  auto again = Call("POST", "/stacks/pl/execution-plans/p1", "{}");
  EXPECT_EQ(again.status, 403);
  EXPECT_EQ(ErrorCode(again), "RF.10012543");
  auto other = Call("POST", "/stacks/pl/execution-plans/p2", "{}");
  EXPECT_EQ(other.status, 403);
  EXPECT_TRUE(ErrorCode(other) == "RF.10012542" || ErrorCode(other) == "RF.10012545")
      << other.body;

  ASSERT_TRUE(FinishDeployment("pl")) << StatusOf("pl");
  ASSERT_TRUE(PollUntil([&] {
    return JsonBody(Call("GET", "/stacks/pl/execution-plans/p1/metadata")).at("status") ==
           "APPLIED";
  }));
  auto applied = JsonBody(Call("GET", "/stacks/pl/execution-plans/p1/metadata"));
  EXPECT_TRUE(applied.at("apply_time").is_string());
  // p2 was made before p1 was applied: expired.
  auto expired = Call("POST", "/stacks/pl/execution-plans/p2", "{}");
  EXPECT_EQ(expired.status, 403);
  EXPECT_EQ(ErrorCode(expired), "RF.10012545");
  EXPECT_EQ(Call("DELETE", "/stacks/pl/execution-plans/p1").status, 204);
}

TEST_F(RfsStatusTest, RacingDeploymentsHaveOneWinner) {
  CreateStack("race");
  constexpr int kRacers = 8;
  std::vector<http::ClientResponse> results(kRacers);
  std::vector<std::thread> threads;
  std::string body = DeployBody();
  for (int i = 0; i < kRacers; ++i) {
    threads.emplace_back([&, i] {
      http::Client client("127.0.0.1", server_->port());
      results[i] = CallWith(client, "POST", "/stacks/race/deployments", body);
    });
  }
  for (auto& t : threads) t.join();
  int accepted = 0;
  for (const auto& r : results) {
    if (r.status == 202) {
      ++accepted;
    } else if (r.status == 409) {
      EXPECT_EQ(ErrorCode(r), "RF.10013503");
    } else {
      EXPECT_EQ(r.status, 403) << r.body;
      EXPECT_EQ(ErrorCode(r), "RF.10012519");
    }
  }
  EXPECT_EQ(accepted, 1);
  EXPECT_TRUE(FinishDeployment("race")) << StatusOf("race");
}

TEST_F(RfsStatusTest, RacingUpdatesAndCreates) {
  CreateStack("upd");
  constexpr int kRacers = 8;
  std::vector<http::ClientResponse> updates(kRacers), creates(kRacers);
  std::vector<std::thread> threads;
  for (int i = 0; i < kRacers; ++i) {
    threads.emplace_back([&, i] {
      http::Client client("127.0.0.1", server_->port());
      updates[i] = CallWith(client, "PATCH", "/stacks/upd",
                            R"({"description":"v)" + std::to_string(i) + R"("})");
      creates[i] = CallWith(client, "POST", "/stacks", R"({"stack_name":"same"})");
    });
  }
  for (auto& t : threads) t.join();
  int created = 0;
  for (int i = 0; i < kRacers; ++i) {
    EXPECT_TRUE(updates[i].status == 204 || updates[i].status == 409) << updates[i].body;
    if (updates[i].status == 409) {
      EXPECT_EQ(ErrorCode(updates[i]), "RF.10013503");
    }
    if (creates[i].status == 201) {
      ++created;
    } else {
      EXPECT_EQ(creates[i].status, 409) << creates[i].body;
      EXPECT_EQ(ErrorCode(creates[i]), "RF.10013502");
    }
  }
  EXPECT_EQ(created, 1);
  std::string d(Metadata("upd").at("description").as_string());
  EXPECT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0], 'v');
}

}  // namespace
}  // namespace fw::testing
