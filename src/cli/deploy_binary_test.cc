// Runs the real `formwork plan / apply / destroy` binary on a small configuration (utility
// types, a VPC and counted subnets): exit codes, the plan's closing line, outputs (sensitive ones
// hidden), the state file after each step, "No changes." after apply, and a failing
// configuration.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "process.h"

namespace fw {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int code = 0;
  std::string out;
  std::string err;
};

RunResult RunFormwork(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {FORMWORK_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  testing::Process p = testing::Spawn(argv, {"FORMWORK_TIME_SCALE=0"});
  RunResult r;
  r.out = testing::ReadAll(p.out, std::chrono::seconds(60));
  r.code = testing::WaitExit(p.pid, std::chrono::seconds(60));
  r.err = testing::Drain(p.err);
  close(p.out);
  close(p.err);
  return r;
}

std::string ReadText(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

void WriteText(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

class DeployBinaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fw-deploy-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

constexpr const char* kStack = R"(
variable "prefix" {
  type = string
}
variable "subnet_count" {
  type    = number
  default = 1
}

resource "random_id" "suffix" {
  byte_length = 4
}
resource "random_password" "db" {
  length      = 16
  min_special = 2
}
resource "terraform_data" "first" {
  input = "${var.prefix}-${random_id.suffix.hex}"
}
resource "null_resource" "after" {
  triggers = {
    first = terraform_data.first.output
  }
}
resource "huaweicloud_vpc" "main" {
  name = "${var.prefix}-vpc"
  cidr = "192.168.0.0/16"
}
resource "huaweicloud_vpc_subnet" "sub" {
  count      = var.subnet_count
  name       = "${var.prefix}-sub-${count.index}"
  cidr       = cidrsubnet(huaweicloud_vpc.main.cidr, 8, count.index)
  gateway_ip = cidrhost(cidrsubnet(huaweicloud_vpc.main.cidr, 8, count.index), 1)
  vpc_id     = huaweicloud_vpc.main.id
}

output "name" {
  value = terraform_data.first.output
}
output "subnets" {
  value = huaweicloud_vpc_subnet.sub[*].cidr
}
output "password" {
  value     = random_password.db.result
  sensitive = true
}
)";

// Instances in a state file, by "type.name[index]".
std::map<std::string, boost::json::object> Instances(const boost::json::value& state) {
  std::map<std::string, boost::json::object> out;
  for (const auto& r : state.at("resources").as_array()) {
    std::string base = std::string(r.at("type").as_string()) + "." +
                       std::string(r.at("name").as_string());
    for (const auto& i : r.at("instances").as_array()) {
      const auto& obj = i.as_object();
      std::string key = obj.contains("index_key")
                            ? "[" + boost::json::serialize(obj.at("index_key")) + "]"
                            : "";
      out[base + key] = obj.at("attributes").as_object();
    }
  }
  return out;
}

TEST_F(DeployBinaryTest, PlanApplyReplanDestroy) {
  WriteText(dir_ / "main.tf", kStack);
  WriteText(dir_ / "terraform.tfvars", "prefix = \"demo\"\n");
  WriteText(dir_ / "more.tfvars", "subnet_count = 2\n");
  const std::string path = dir_.string();
  const std::vector<std::string> vars = {"-var-file", (dir_ / "more.tfvars").string(), "-var",
                                         "subnet_count=3"};
  auto with_vars = [&](std::vector<std::string> args) {
    args.insert(args.end(), vars.begin(), vars.end());
    return args;
  };

  RunResult plan = RunFormwork(with_vars({"plan", path}));
  ASSERT_EQ(plan.code, 0) << plan.err << plan.out;
  EXPECT_NE(plan.out.find("Plan: 8 to add, 0 to change, 0 to destroy."), std::string::npos)
      << plan.out;
  EXPECT_FALSE(fs::exists(dir_ / "terraform.tfstate"));

  RunResult refused = RunFormwork(with_vars({"apply", path}));
  EXPECT_EQ(refused.code, 1);
  EXPECT_NE(refused.err.find("-auto-approve"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(dir_ / "terraform.tfstate"));

  RunResult apply = RunFormwork(with_vars({"apply", path, "-auto-approve", "-parallelism=4"}));
  ASSERT_EQ(apply.code, 0) << apply.err << apply.out;
  EXPECT_NE(apply.out.find("Apply complete! Resources: 8 added, 0 changed, 0 destroyed."),
            std::string::npos)
      << apply.out;
  EXPECT_NE(apply.out.find("Outputs:"), std::string::npos) << apply.out;
  EXPECT_NE(apply.out.find("password = <sensitive>"), std::string::npos) << apply.out;
  EXPECT_NE(apply.out.find("name = \"demo-"), std::string::npos) << apply.out;
  EXPECT_NE(apply.out.find("\"192.168.2.0/24\","), std::string::npos) << apply.out;
  EXPECT_TRUE(fs::exists(dir_ / "terraform.tfstate.cloud"));

  boost::json::value state = boost::json::parse(ReadText(dir_ / "terraform.tfstate"));
  EXPECT_EQ(state.at("version").as_int64(), 4);
  auto instances = Instances(state);
  EXPECT_EQ(instances.size(), 8u);
  ASSERT_TRUE(instances.count("random_password.db"));
  const std::string password(instances["random_password.db"].at("result").as_string());
  EXPECT_EQ(password.size(), 16u);
  EXPECT_EQ(apply.out.find(password), std::string::npos) << "the password was printed";
  EXPECT_EQ(apply.err.find(password), std::string::npos) << "the password was printed";
  ASSERT_TRUE(instances.count("huaweicloud_vpc_subnet.sub[2]"));
  EXPECT_EQ(instances["huaweicloud_vpc_subnet.sub[2]"].at("cidr").as_string(), "192.168.2.0/24");
  EXPECT_EQ(instances["huaweicloud_vpc_subnet.sub[2]"].at("vpc_id"),
            instances["huaweicloud_vpc.main"].at("id"));
  const std::string hex(instances["random_id.suffix"].at("hex").as_string());
  EXPECT_EQ(instances["terraform_data.first"].at("output").at("value").as_string(), "demo-" + hex);
  EXPECT_EQ(state.at("outputs").at("password").at("sensitive").as_bool(), true);

  RunResult replan = RunFormwork(with_vars({"plan", path}));
  ASSERT_EQ(replan.code, 0) << replan.err;
  EXPECT_NE(replan.out.find("No changes."), std::string::npos) << replan.out;
  EXPECT_EQ(replan.out.find(password), std::string::npos);

  RunResult destroy = RunFormwork(with_vars({"destroy", path, "-auto-approve"}));
  ASSERT_EQ(destroy.code, 0) << destroy.err << destroy.out;
  EXPECT_NE(destroy.out.find("Destroy complete! Resources: 8 destroyed."), std::string::npos)
      << destroy.out;
  boost::json::value after = boost::json::parse(ReadText(dir_ / "terraform.tfstate"));
  EXPECT_TRUE(Instances(after).empty());
  EXPECT_GT(after.at("serial").as_int64(), state.at("serial").as_int64());
  EXPECT_EQ(after.at("lineage"), state.at("lineage"));
}

TEST_F(DeployBinaryTest, ExplicitStateFileAndChangeInPlace) {
  WriteText(dir_ / "main.tf",
            "variable \"v\" {\n  default = \"a\"\n}\n"
            "resource \"terraform_data\" \"d\" {\n  input = var.v\n}\n"
            "output \"out\" {\n  value = terraform_data.d.output\n}\n");
  const std::string state = (dir_ / "custom" ).string() + ".tfstate";
  RunResult apply = RunFormwork({"apply", dir_.string(), "-auto-approve", "-state", state});
  ASSERT_EQ(apply.code, 0) << apply.err;
  EXPECT_NE(apply.out.find("out = \"a\""), std::string::npos) << apply.out;
  EXPECT_TRUE(fs::exists(state));
  EXPECT_TRUE(fs::exists(state + ".cloud"));
  EXPECT_FALSE(fs::exists(dir_ / "terraform.tfstate"));

  RunResult plan = RunFormwork({"plan", dir_.string(), "-state=" + state, "-var", "v=b"});
  ASSERT_EQ(plan.code, 0) << plan.err;
  EXPECT_NE(plan.out.find("Plan: 0 to add, 1 to change, 0 to destroy."), std::string::npos)
      << plan.out;
  RunResult update = RunFormwork({"apply", dir_.string(), "-auto-approve", "-state", state, "-var=v=b"});
  ASSERT_EQ(update.code, 0) << update.err;
  EXPECT_NE(update.out.find("Apply complete! Resources: 0 added, 1 changed, 0 destroyed."),
            std::string::npos)
      << update.out;
  EXPECT_NE(update.out.find("out = \"b\""), std::string::npos) << update.out;
}

// The CLI reads the disk: relative paths against the configuration's directory (not the
// process's), modules' files through path.module, and any absolute path, like Terraform.
TEST_F(DeployBinaryTest, FileFunctionsReadTheConfigurationDirectory) {
  fs::create_directories(dir_ / "modules" / "app");
  const fs::path outside = fs::path(dir_.string() + "-outside.txt");
  WriteText(outside, "outside the configuration");
  WriteText(dir_ / "data.txt", "from disk");
  WriteText(dir_ / "modules" / "app" / "user_data.sh", "echo ${name}");
  WriteText(dir_ / "modules" / "app" / "main.tf",
            "output \"rendered\" {\n"
            "  value = templatefile(\"${path.module}/user_data.sh\", { name = \"web\" })\n}\n");
  WriteText(dir_ / "main.tf",
            "module \"app\" {\n  source = \"./modules/app\"\n}\n"
            "output \"data\" {\n  value = file(\"data.txt\")\n}\n"
            "output \"rendered\" {\n  value = module.app.rendered\n}\n"
            "output \"outside\" {\n  value = file(\"" + outside.string() + "\")\n}\n");
  RunResult apply = RunFormwork({"apply", dir_.string(), "-auto-approve"});
  fs::remove(outside);
  ASSERT_EQ(apply.code, 0) << apply.err << apply.out;
  EXPECT_NE(apply.out.find("data = \"from disk\""), std::string::npos) << apply.out;
  EXPECT_NE(apply.out.find("rendered = \"echo web\""), std::string::npos) << apply.out;
  EXPECT_NE(apply.out.find("outside = \"outside the configuration\""), std::string::npos)
      << apply.out;
}

TEST_F(DeployBinaryTest, UnknownResourceTypeFails) {
  WriteText(dir_ / "main.tf", "resource \"huaweicloud_teleporter\" \"t\" {\n  name = \"x\"\n}\n");
  RunResult plan = RunFormwork({"plan", dir_.string()});
  EXPECT_EQ(plan.code, 1);
  EXPECT_NE(plan.err.find("Error:"), std::string::npos) << plan.err;
  EXPECT_NE(plan.err.find("huaweicloud_teleporter"), std::string::npos) << plan.err;
  RunResult apply = RunFormwork({"apply", dir_.string(), "-auto-approve"});
  EXPECT_EQ(apply.code, 1);
  EXPECT_NE(apply.err.find("huaweicloud_teleporter"), std::string::npos) << apply.err;
  EXPECT_FALSE(fs::exists(dir_ / "terraform.tfstate"));
}

TEST_F(DeployBinaryTest, BadVariableFlagAndMissingVarFile) {
  WriteText(dir_ / "main.tf", "resource \"random_uuid\" \"u\" {}\n");
  RunResult bad = RunFormwork({"plan", dir_.string(), "-var", "novalue"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("Invalid -var option"), std::string::npos) << bad.err;
  RunResult missing = RunFormwork({"plan", dir_.string(), "-var-file", (dir_ / "nope.tfvars").string()});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("does not exist"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace fw
