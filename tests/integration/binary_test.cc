// The real `formwork` binary as a user runs it: ready line, JSON request logs without secrets,
// SIGTERM, `formwork credentials`, environment variables, restart on the same data directory.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "base/ids.h"
#include "http/client.h"
#include "process.h"
#include "json_compare.h"

namespace fw {
namespace {

namespace fs = std::filesystem;
using testing::Drain;
using testing::Process;
using testing::ReadAll;
using testing::ReadUntil;
using testing::Spawn;
using testing::WaitExit;

std::string RunToEnd(const std::vector<std::string>& args, int* code) {
  Process p = Spawn(args, {});
  std::string out = ReadAll(p.out, std::chrono::seconds(10));
  *code = WaitExit(p.pid, std::chrono::seconds(10));
  close(p.out);
  close(p.err);
  return out;
}

class BinaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fw-bin-" + NewHexId32());
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Starts `formwork serve` and returns its port (0 on failure).
  uint16_t Start(Process* p, const std::vector<std::string>& env = {}) {
    *p = Spawn({FORMWORK_BINARY, "serve", "--listen", "127.0.0.1:0", "--data-dir", dir_.string()},
               env);
    stdout_ = ReadUntil(p->out, std::regex("listening on http://127\\.0\\.0\\.1:(\\d+)\\n"),
                        std::chrono::seconds(10));
    std::smatch m;
    if (!std::regex_search(stdout_, m, std::regex("listening on http://127\\.0\\.0\\.1:(\\d+)"))) {
      return 0;
    }
    return static_cast<uint16_t>(std::stoi(m[1]));
  }

  fs::path dir_;
  std::string stdout_;
};

TEST_F(BinaryTest, ServeLogsStopsAndKeepsItsAccount) {
  Process p;
  uint16_t port = Start(&p, {"FORMWORK_PASSWORD=Bin-Secret-Pass-9", "FORMWORK_REGIONS=cn-north-4,ap-southeast-1"});
  ASSERT_NE(port, 0) << stdout_;
  EXPECT_NE(stdout_.find("Created the default account"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(stdout_, m, std::regex("secret key: (\\S+)")));
  const std::string secret = m[1];
  ASSERT_TRUE(std::regex_search(stdout_, m, std::regex("access key: (\\S+)")));
  const std::string access_key = m[1];

  http::Client c("127.0.0.1", port);
  EXPECT_EQ(c.Send("GET", "/health")->status, 200);
  auto token = c.Send("POST", "/v3/auth/tokens", {},
                      R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","password":"Bin-Secret-Pass-9","domain":{"name":"formwork"}}}}}})");
  ASSERT_EQ(token->status, 201);
  const std::string subject = *token->Header("X-Subject-Token");
  EXPECT_EQ(c.Send("GET", "/v3/projects", {{"X-Auth-Token", subject}})->status, 200);

  kill(p.pid, SIGTERM);
  EXPECT_EQ(WaitExit(p.pid, std::chrono::seconds(10)), 0);
  std::string log = Drain(p.err);
  close(p.out);
  close(p.err);

  // One JSON line per request with the documented fields, and no secret anywhere.
  int requests = 0;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    auto v = boost::json::parse(line).as_object();  // every line is JSON
    if (v.at("msg") == "request") {
      ++requests;
      for (const char* k : {"request_id", "method", "path", "status", "latency_ms"}) {
        EXPECT_TRUE(v.contains(k)) << line;
      }
    }
  }
  EXPECT_EQ(requests, 3);
  for (const std::string& secret_text : {std::string("Bin-Secret-Pass-9"), secret, subject}) {
    EXPECT_EQ(log.find(secret_text), std::string::npos) << "secret in log";
  }

  // `formwork credentials --json` shows the same account.
  int code = 0;
  std::string creds = RunToEnd({FORMWORK_BINARY, "credentials", "--json", "--data-dir", dir_.string()}, &code);
  EXPECT_EQ(code, 0);
  auto cj = boost::json::parse(creds).as_object();
  EXPECT_EQ(cj.at("access_key"), access_key);
  EXPECT_EQ(cj.at("secret_key"), secret);
  EXPECT_TRUE(cj.at("password").is_null());  // set by the operator: not stored
  EXPECT_EQ(cj.at("projects").as_array().size(), 2u);

  // A restart keeps everything and prints no credentials.
  Process again;
  port = Start(&again);
  ASSERT_NE(port, 0);
  EXPECT_EQ(stdout_.find("Created the default account"), std::string::npos);
  http::Client c2("127.0.0.1", port);
  EXPECT_EQ(c2.Send("GET", "/v3/projects", {{"X-Auth-Token", subject}})->status, 200);
  kill(again.pid, SIGINT);
  EXPECT_EQ(WaitExit(again.pid, std::chrono::seconds(10)), 0);
  close(again.out);
  close(again.err);
}

TEST_F(BinaryTest, GeneratedPasswordIsShownAgainByCredentials) {
  Process p;
  ASSERT_NE(Start(&p, {"FORMWORK_ACCESS_KEY=AKFROMENV00000000001"}), 0);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(stdout_, m, std::regex("password:   (\\S+)")));
  const std::string password = m[1];
  EXPECT_NE(stdout_.find("access key: AKFROMENV00000000001"), std::string::npos);
  kill(p.pid, SIGTERM);
  EXPECT_EQ(WaitExit(p.pid, std::chrono::seconds(10)), 0);
  close(p.out);
  close(p.err);
  int code = 0;
  std::string creds = RunToEnd({FORMWORK_BINARY, "credentials", "--data-dir", dir_.string()}, &code);
  EXPECT_EQ(code, 0);
  EXPECT_NE(creds.find(password), std::string::npos);
  EXPECT_EQ(fs::status(dir_ / "initial-password").permissions() & fs::perms::others_read,
            fs::perms::none);
}

TEST_F(BinaryTest, BadArgumentsFailClearly) {
  int code = 0;
  RunToEnd({FORMWORK_BINARY, "serve", "--listen", "nonsense", "--data-dir", dir_.string()}, &code);
  EXPECT_EQ(code, 1);
  RunToEnd({FORMWORK_BINARY, "credentials", "--data-dir", (dir_ / "missing").string()}, &code);
  EXPECT_EQ(code, 1);
  std::string v = RunToEnd({FORMWORK_BINARY, "version"}, &code);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(v.rfind("formwork ", 0), 0u);
}

}  // namespace
}  // namespace fw
