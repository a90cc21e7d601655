// Crash safety of RFS deployments with the real binary: a server is killed with SIGKILL at
// several instants of a deployment (and of a deletion), restarted on the same data directory,
// and must then finish the work — no stack left *_IN_PROGRESS, no resource of the simulated
// cloud orphaned or duplicated (checked in the store's cloud_resources table itself).
#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "auth/signing.h"
#include "base/ids.h"
#include "base/time_format.h"
#include "http/client.h"
#include "process.h"
#include "store/store.h"

namespace fw {
namespace {

namespace fs = std::filesystem;
using testing::Process;
using testing::ReadAll;
using testing::ReadUntil;
using testing::Spawn;
using testing::WaitExit;

constexpr char kAk[] = "AKCRASHTEST000000001";
constexpr char kSk[] = "SKcrashtest0123456789abcdefghijklmnopqrs";
constexpr int kPairs = 24;  // VPCs, each with one subnet

std::string Template() {
  return R"(
resource "huaweicloud_vpc" "v" {
  count = )" + std::to_string(kPairs) + R"(
  name  = "crash-vpc-${count.index}"
  cidr  = cidrsubnet("10.0.0.0/8", 8, count.index)
}
resource "huaweicloud_vpc_subnet" "s" {
  count      = )" + std::to_string(kPairs) + R"(
  name       = "crash-subnet-${count.index}"
  vpc_id     = huaweicloud_vpc.v[count.index].id
  cidr       = cidrsubnet(huaweicloud_vpc.v[count.index].cidr, 8, 1)
  gateway_ip = cidrhost(cidrsubnet(huaweicloud_vpc.v[count.index].cidr, 8, 1), 1)
}
)";
}

class RfsCrashTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = fs::temp_directory_path() / ("fw-crash-" + NewHexId32()); }
  void TearDown() override {
    if (server_.pid > 0) {
      kill(server_.pid, SIGKILL);
      WaitExit(server_.pid, std::chrono::seconds(10));
      server_.CloseFds();
    }
    fs::remove_all(dir_);
  }

  // Starts the server on the data directory (time scale: each VPC/subnet takes ~25 ms).
  void Start() {
    server_ = Spawn({FORMWORK_BINARY, "serve", "--listen", "127.0.0.1:0", "--data-dir",
                     dir_.string()},
                    {std::string("FORMWORK_ACCESS_KEY=") + kAk,
                     std::string("FORMWORK_SECRET_KEY=") + kSk, "FORMWORK_TIME_SCALE=0.005",
                     "FORMWORK_REGIONS=cn-north-4", "FORMWORK_LOG_LEVEL=warn"});
    std::string out = ReadUntil(server_.out, std::regex("listening on http://127\\.0\\.0\\.1:(\\d+)\\n"),
                                std::chrono::seconds(20));
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m, std::regex("listening on http://127\\.0\\.0\\.1:(\\d+)")))
        << out;
    client_ = std::make_unique<http::Client>("127.0.0.1", static_cast<uint16_t>(std::stoi(m[1])));
    if (project_.empty()) {
      Process p = Spawn({FORMWORK_BINARY, "credentials", "--json", "--data-dir", dir_.string()});
      std::string cred = ReadAll(p.out, std::chrono::seconds(10));
      WaitExit(p.pid, std::chrono::seconds(10));
      p.CloseFds();
      auto v = boost::json::parse(cred);
      project_ = std::string(v.at("projects").as_array().at(0).at("id").as_string());
    }
  }

  void Kill() {
    kill(server_.pid, SIGKILL);
    EXPECT_EQ(WaitExit(server_.pid, std::chrono::seconds(10)), -1);
    server_.CloseFds();
    server_ = Process{};
    client_.reset();
  }

  void Terminate() {
    kill(server_.pid, SIGTERM);
    EXPECT_EQ(WaitExit(server_.pid, std::chrono::seconds(20)), 0);
    server_.CloseFds();
    server_ = Process{};
    client_.reset();
  }

  http::ClientResponse Call(const std::string& method, const std::string& path,
                            const std::string& body = "") {
    const std::string target = "/v1/" + project_ + path;
    http::HeaderList headers{{"Content-Type", "application/json"},
                             {"X-Project-Id", project_},
                             {"Client-Request-Id", NewUuid()},
                             {"X-Sdk-Date", FormatSdkDate(std::chrono::system_clock::now())},
                             {"Host", client_->HostPort()}};
    auth::SignableRequest req;
    req.method = method;
    req.raw_path = target;
    for (const auto& [k, v] : headers) req.headers.emplace_back(k, v);
    req.body = body;
    headers.emplace_back("Authorization", *auth::SignRequest(req, kAk, kSk));
    auto r = client_->Send(method, target, headers, body);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : http::ClientResponse{};
  }

  std::string Status(const std::string& stack) {
    auto r = Call("GET", "/stacks/" + stack + "/metadata");
    if (r.status == 404) return "GONE";
    auto v = boost::json::parse(r.body);
    return std::string(v.at("status").as_string());
  }

  // Polls (no sleeping: yields) until the stack's status is terminal or it is gone.
  std::string WaitTerminal(const std::string& stack) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::string s;
    while (std::chrono::steady_clock::now() < until) {
      s = Status(stack);
      if (s.find("_IN_PROGRESS") == std::string::npos) return s;
      std::this_thread::yield();
    }
    return s;
  }

  // The physical ids the stack records, by resource type.
  std::multiset<std::string> StackResourceIds(const std::string& stack) {
    auto r = Call("GET", "/stacks/" + stack + "/resources");
    EXPECT_EQ(r.status, 200) << r.body;
    std::multiset<std::string> ids;
    auto v = boost::json::parse(r.body);
    for (const auto& res : v.at("stack_resources").as_array()) {
      ids.insert(std::string(res.at("physical_resource_id").as_string()));
    }
    return ids;
  }

  // What the simulated cloud holds, read from the stopped server's store.
  std::multiset<std::string> CloudIds() {
    store::SqliteOptions o;
    o.path = (dir_ / "formwork.db").string();
    auto s = store::OpenSqliteStore(o);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    std::multiset<std::string> ids;
    if (!s.ok()) return ids;
    EXPECT_TRUE((*s)->Read([&](store::Repositories& r) -> fw::Status {
                     for (const char* type : {"vpc.vpc", "vpc.subnet"}) {
                       FW_ASSIGN_OR_RETURN(auto rows, r.cloud().List("", type));
                       for (const auto& row : rows) ids.insert(row.id);
                     }
                     return fw::Status::Ok();
                   }).ok());
    (*s)->Close();
    return ids;
  }

  // How many events of `type` the stack has (0 when it cannot be read).
  size_t CountEvents(const std::string& stack, const std::string& type) {
    auto r = Call("GET", "/stacks/" + stack + "/events");
    if (r.status != 200) return 0;
    size_t n = 0;
    auto v = boost::json::parse(r.body);
    for (const auto& e : v.at("stack_events").as_array()) {
      if (e.at("event_type").as_string() == type) ++n;
    }
    return n;
  }

  // Polls until the stack has at least `n` events of `type` (or 30 s pass).
  void WaitForEvents(const std::string& stack, const std::string& type, size_t n) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (n > 0 && CountEvents(stack, type) < n && std::chrono::steady_clock::now() < until) {
      std::this_thread::yield();
    }
  }

  // Sends the deployment, kills the server once `created` resources are done (0: at once),
  // restarts it and lets it finish; then the same while deleting.
  void CrashDuringDeploy(size_t created) {
    Start();
    const std::string stack = "crash-stack";
    auto r = Call("POST", "/stacks",
                  R"({"stack_name":"crash-stack","template_body":)" +
                      boost::json::serialize(boost::json::value(Template())) + "}");
    ASSERT_EQ(r.status, 201) << r.body;
    WaitForEvents(stack, "CREATION_COMPLETE", created);
    // The kill lands while the deployment is still running.
    EXPECT_LT(CountEvents(stack, "CREATION_COMPLETE"), 2u * kPairs);
    Kill();

    Start();
    std::string status = WaitTerminal(stack);
    if (status == "DEPLOYMENT_FAILED") {  // gave up: ContinueDeploy must finish it
      ASSERT_EQ(Call("POST", "/stacks/" + stack + "/continuations", "{}").status, 200);
      status = WaitTerminal(stack);
    }
    ASSERT_EQ(status, "DEPLOYMENT_COMPLETE") << "after a crash at " << created << " resources";
    std::multiset<std::string> recorded = StackResourceIds(stack);
    EXPECT_EQ(recorded.size(), 2u * kPairs);
    EXPECT_EQ(std::set<std::string>(recorded.begin(), recorded.end()).size(), recorded.size());

    // Now crash in the middle of deleting it.
    ASSERT_EQ(Call("DELETE", "/stacks/" + stack).status, 202);
    WaitForEvents(stack, "DELETION_COMPLETE", created / 2);
    Kill();
    Start();
    EXPECT_EQ(WaitTerminal(stack), "GONE");
    Terminate();
    EXPECT_TRUE(CloudIds().empty()) << "resources orphaned after a crash while deleting";
  }

  fs::path dir_;
  Process server_;
  std::unique_ptr<http::Client> client_;
  std::string project_;
};

TEST_F(RfsCrashTest, KilledRightAfterTheRequest) { CrashDuringDeploy(0); }
TEST_F(RfsCrashTest, KilledEarlyInTheApply) { CrashDuringDeploy(5); }
TEST_F(RfsCrashTest, KilledLateInTheApply) { CrashDuringDeploy(2 * kPairs - 6); }

// The cloud and the stack agree exactly after a crash: every recorded resource exists once.
TEST_F(RfsCrashTest, RecordedResourcesMatchTheCloudExactly) {
  Start();
  auto r = Call("POST", "/stacks",
                R"({"stack_name":"match","template_body":)" +
                    boost::json::serialize(boost::json::value(Template())) + "}");
  ASSERT_EQ(r.status, 201) << r.body;
  WaitForEvents("match", "CREATION_COMPLETE", kPairs);
  Kill();
  Start();
  std::string status = WaitTerminal("match");
  if (status == "DEPLOYMENT_FAILED") {
    ASSERT_EQ(Call("POST", "/stacks/match/continuations", "{}").status, 200);
    status = WaitTerminal("match");
  }
  ASSERT_EQ(status, "DEPLOYMENT_COMPLETE");
  std::multiset<std::string> recorded = StackResourceIds("match");
  Terminate();
  EXPECT_EQ(CloudIds(), recorded);
}

}  // namespace
}  // namespace fw
