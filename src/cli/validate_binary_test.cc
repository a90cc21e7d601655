// Runs the real `formwork validate` binary on the config testdata: a valid Huawei Cloud stack
// (exit 0, Terraform's success line) and invalid ones (exit 1, diagnostics on stderr, and the
// `terraform validate -json` object on stdout with -json).
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>

#include "process.h"

namespace fw {
namespace {

struct RunResult {
  int code = 0;
  std::string out;
  std::string err;
};

RunResult Validate(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {FORMWORK_BINARY, "validate"};
  argv.insert(argv.end(), args.begin(), args.end());
  testing::Process p = testing::Spawn(argv, {});
  RunResult r;
  r.out = testing::ReadAll(p.out, std::chrono::seconds(20));
  r.code = testing::WaitExit(p.pid, std::chrono::seconds(20));
  r.err = testing::Drain(p.err);
  close(p.out);
  close(p.err);
  return r;
}

std::string Testdata(const std::string& name) {
  return std::string(FORMWORK_SOURCE_DIR_DEFAULT) + "/src/config/testdata/" + name;
}

TEST(ValidateBinaryTest, ValidStackSucceeds) {
  RunResult r = Validate({Testdata("huaweicloud_stack")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Success! The configuration is valid.\n");
}

TEST(ValidateBinaryTest, InvalidStackFailsWithDiagnostics) {
  RunResult r = Validate({Testdata("undeclared")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("Error: Reference to undeclared input variable"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("main.tf line 4"), std::string::npos) << r.err;
}

TEST(ValidateBinaryTest, JsonOutput) {
  RunResult ok = Validate({"-json", Testdata("json_stack/../huaweicloud_stack")});
  EXPECT_EQ(ok.code, 0);
  boost::json::value v = boost::json::parse(ok.out);
  EXPECT_EQ(v.at("valid").as_bool(), true);
  EXPECT_EQ(v.at("error_count").as_int64(), 0);

  RunResult bad = Validate({Testdata("contexts"), "-json"});
  EXPECT_EQ(bad.code, 1);
  boost::json::value b = boost::json::parse(bad.out);
  EXPECT_EQ(b.at("valid").as_bool(), false);
  EXPECT_EQ(b.at("error_count").as_int64(), 9);
  EXPECT_EQ(b.at("warning_count").as_int64(), 0);
  const auto& first = b.at("diagnostics").as_array().at(0);
  EXPECT_EQ(first.at("severity").as_string(), "error");
  EXPECT_TRUE(first.as_object().contains("range"));
}

TEST(ValidateBinaryTest, MissingPath) {
  RunResult r = Validate({"/nonexistent/formwork-validate"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("No such file or directory"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace fw
