// Planning diagnostics: cycles, unknown types, unknown count, sensitive outputs, variable
// validation, prevent_destroy, and a timing of a large configuration.
#include <chrono>
#include <cstdlib>

#include "engine/engine_test_util.h"

namespace fw::engine {
namespace {

std::string Errors(const PlanResult& p) {
  std::string out;
  for (const auto& d : p.diags) out += d.summary + " | " + d.detail + "\n";
  return out;
}

TEST_F(EngineTest, CycleIsNamed) {
  PlanResult p = MakePlanFor(Load(R"(
locals {
  a = local.b
  b = local.a
}
)"));
  EXPECT_NE(Errors(p).find("Cycle: local.a, local.b"), std::string::npos) << Errors(p);
}

TEST_F(EngineTest, UnknownTypeListsSupportedTypes) {
  PlanResult p = MakePlanFor(Load(R"(resource "huaweicloud_nope" "x" {})"));
  std::string e = Errors(p);
  EXPECT_NE(e.find("Invalid resource type"), std::string::npos) << e;
  EXPECT_NE(e.find("\"huaweicloud_nope\""), std::string::npos) << e;
  EXPECT_NE(e.find("huaweicloud_vpc"), std::string::npos) << e;
}

TEST_F(EngineTest, CountMustBeKnownAtPlanTime) {
  PlanResult p = MakePlanFor(Load(R"(
resource "random_integer" "n" {
  min = 1
  max = 3
}
resource "null_resource" "x" {
  count = random_integer.n.result
}
)"));
  EXPECT_NE(Errors(p).find("Invalid count argument"), std::string::npos) << Errors(p);
}

TEST_F(EngineTest, CountFromKnownResourceValues) {
  const config::Config& cfg = Load(R"(
resource "random_integer" "n" {
  min = 2
  max = 2
}
)");
  PlanAndApply(cfg);
  PlanResult p = MakePlanFor(Load(R"(
resource "random_integer" "n" {
  min = 2
  max = 2
}
resource "null_resource" "x" {
  count = random_integer.n.result
}
)"));
  ASSERT_FALSE(p.diags.HasErrors()) << Errors(p);
  EXPECT_EQ(p.plan.Summary().add, 2);
}

TEST_F(EngineTest, SensitiveOutputMustBeMarked) {
  PlanResult p = MakePlanFor(Load(R"(
variable "pw" {
  type      = string
  sensitive = true
  default   = "secret"
}
output "leak" { value = var.pw }
)"));
  EXPECT_NE(Errors(p).find("Output refers to sensitive values"), std::string::npos) << Errors(p);
  EXPECT_EQ(Errors(p).find("secret"), std::string::npos);
}

TEST_F(EngineTest, VariableValidation) {
  const config::Config& cfg = Load(R"(
variable "n" {
  type = number
  validation {
    condition     = var.n < 5
    error_message = "n must be below 5."
  }
}
)");
  PlanOptions o;
  o.raw_variables["n"] = "7";
  PlanResult p = MakePlanFor(cfg, o);
  EXPECT_NE(Errors(p).find("n must be below 5."), std::string::npos) << Errors(p);
  PlanResult missing = MakePlanFor(cfg);
  EXPECT_NE(Errors(missing).find("No value for required variable"), std::string::npos);
}

TEST_F(EngineTest, PreventDestroyStopsReplacement) {
  PlanAndApply(Load(R"(
resource "random_id" "s" {
  byte_length = 4
  lifecycle { prevent_destroy = true }
}
)"));
  PlanResult p = MakePlanFor(Load(R"(
resource "random_id" "s" {
  byte_length = 8
  lifecycle { prevent_destroy = true }
}
)"));
  EXPECT_NE(Errors(p).find("Instance cannot be destroyed"), std::string::npos) << Errors(p);
}

// 10,000 instances in chains and fans; prints the figures.
TEST_F(EngineTest, TenThousandInstancesTiming) {
  // FW_ENGINE_SCALE=10 makes it 100,000 (a manual measurement, not run by default).
  const char* scale_env = std::getenv("FW_ENGINE_SCALE");
  const int per = 500 * (scale_env ? std::max(1, std::atoi(scale_env)) : 1);
  std::string tf;
  for (int i = 0; i < 10; ++i) {
    std::string prev = i == 0 ? "" : "random_id.r" + std::to_string(i - 1) + "[count.index].hex";
    tf += "resource \"random_id\" \"r" + std::to_string(i) + "\" {\n  count = " + std::to_string(per) + "\n" +
          "  byte_length = 4\n" + (i == 0 ? "" : "  prefix = " + prev + "\n") + "}\n";
    tf += "resource \"null_resource\" \"n" + std::to_string(i) +
          "\" {\n  count = " + std::to_string(per) + "\n  triggers = { net = cidrsubnet(\"10.0.0.0/8\", 16, count.index), "
          "id = random_id.r" + std::to_string(i) + "[count.index].id }\n}\n";
  }
  const config::Config& cfg = Load(tf);
  auto t0 = std::chrono::steady_clock::now();
  PlanResult p = MakePlanFor(cfg);
  auto t1 = std::chrono::steady_clock::now();
  ASSERT_FALSE(p.diags.HasErrors()) << Errors(p);
  EXPECT_EQ(p.plan.Summary().add, 20 * per);
  ApplyResult r = Apply(cfg, p.plan, state_, target_);
  auto t2 = std::chrono::steady_clock::now();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.state.instances.size(), static_cast<size_t>(20 * per));
  auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
  std::printf("%d instances:", 20 * per);
  std::printf(" plan %lld ms, apply %lld ms\n", (long long)ms(t1 - t0),
              (long long)ms(t2 - t1));
}

}  // namespace
}  // namespace fw::engine
