// Shared fixture of the RFS integration tests: a real in-process server (time scale 0 unless a
// test asks for 1, where time_sleep resources wait on the test's ManualClock and so hold a stack
// *_IN_PROGRESS until the test moves the clock), AK/SK-signed RFS calls with a Client-Request-Id,
// and polling helpers with a deadline (no sleeps).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "support.h"

namespace fw::testing {

inline constexpr char kRfsAk[] = "AKTESTEXAMPLE0000001";
inline constexpr char kRfsSk[] = "SKtestexample0123456789abcdefghijklmnopq";
inline constexpr char kClientRequestId[] = "7f1c2b6e-3d4a-4f5b-9c8d-0e1f2a3b4c5d";

// Two VPC resources and the utility types, with outputs.
inline const char kNetworkTemplate[] = R"(
variable "prefix" {
  type    = string
  default = "demo"
}
resource "random_id" "suffix" {
  byte_length = 4
}
resource "null_resource" "marker" {
  triggers = { suffix = random_id.suffix.hex }
}
resource "terraform_data" "info" {
  input = "${var.prefix}-${random_id.suffix.hex}"
}
resource "huaweicloud_vpc" "main" {
  name = "${var.prefix}-vpc"
  cidr = "192.168.0.0/16"
}
resource "huaweicloud_vpc_subnet" "app" {
  name       = "${var.prefix}-subnet"
  cidr       = "192.168.1.0/24"
  gateway_ip = "192.168.1.1"
  vpc_id     = huaweicloud_vpc.main.id
}
output "vpc_id" {
  value       = huaweicloud_vpc.main.id
  description = "The VPC"
}
output "label" {
  value = terraform_data.info.output
}
)";

// The same without terraform_data: for the tests of failures, rollbacks and deletion.
inline const char kVpcTemplate[] = R"(
resource "random_id" "suffix" {
  byte_length = 4
}
resource "null_resource" "marker" {
  triggers = { suffix = random_id.suffix.hex }
}
resource "huaweicloud_vpc" "main" {
  name = "demo-vpc"
  cidr = "192.168.0.0/16"
}
resource "huaweicloud_vpc_subnet" "app" {
  name       = "demo-subnet"
  cidr       = "192.168.1.0/24"
  gateway_ip = "192.168.1.1"
  vpc_id     = huaweicloud_vpc.main.id
}
output "vpc_id" {
  value = huaweicloud_vpc.main.id
}
)";

class RfsTest : public ::testing::Test {
 protected:
  explicit RfsTest(double time_scale = 0) {
    auto c = TestConfig(dir_.str());
    c.time_scale = time_scale;
    server_ = std::make_unique<TestServer>(c);
    EXPECT_TRUE(server_->start_status().ok()) << server_->start_status().ToString();
    client_ = std::make_unique<http::Client>("127.0.0.1", server_->port());
    pid_ = server_->ProjectId("cn-north-4");
  }

  // A signed request to an absolute target, with the given extra headers.
  http::ClientResponse Raw(http::Client& client, const std::string& method,
                           const std::string& target, const std::string& body,
                           http::HeaderList headers) {
    headers.emplace_back("Content-Type", "application/json");
    headers.emplace_back("X-Project-Id", pid_);
    auto h = Signed(method, target, std::move(headers), body, kRfsAk, kRfsSk,
                    server_->clock().Now(), client.HostPort());
    auto r = client.Send(method, target, h, body);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : http::ClientResponse{};
  }

  // An RFS call on this project: `path` follows /v1/{project_id}.
  http::ClientResponse Call(const std::string& method, const std::string& path,
                            const std::string& body = "") {
    return CallWith(*client_, method, path, body);
  }
  http::ClientResponse CallWith(http::Client& client, const std::string& method,
                                const std::string& path, const std::string& body = "") {
    return Raw(client, method, "/v1/" + pid_ + path, body,
               {{"Client-Request-Id", kClientRequestId}});
  }

  static std::string Quote(const std::string& s) { return boost::json::serialize(boost::json::value(s)); }

  // CreateStack with a template (or none); returns the body.
  boost::json::object CreateStack(const std::string& name, const std::string& template_body = "",
                                  const std::string& extra = "") {
    std::string body = R"({"stack_name":)" + Quote(name);
    if (!template_body.empty()) body += R"(,"template_body":)" + Quote(template_body);
    body += extra + "}";
    auto r = Call("POST", "/stacks", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return JsonBody(r);
  }

  boost::json::object Metadata(const std::string& stack) {
    auto r = Call("GET", "/stacks/" + stack + "/metadata");
    EXPECT_EQ(r.status, 200) << r.body;
    return JsonBody(r);
  }

  std::string StatusOf(const std::string& stack) {
    auto m = Metadata(stack);
    return m.contains("status") ? std::string(m.at("status").as_string()) : "";
  }

  // Polls until `done` holds or `deadline` passes; returns whether it held.
  static bool PollUntil(const std::function<bool()>& done,
                        std::chrono::seconds deadline = std::chrono::seconds(20)) {
    auto until = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < until) {
      if (done()) return true;
      std::this_thread::yield();
    }
    return done();
  }

  // Polls the stack until its status is terminal; returns it.
  std::string WaitTerminal(const std::string& stack) {
    std::string status;
    bool ok = PollUntil([&] {
      status = StatusOf(stack);
      return status.find("_IN_PROGRESS") == std::string::npos;
    });
    EXPECT_TRUE(ok) << "stack " << stack << " still " << status;
    return status;
  }

  // Polls until the stack is gone (404).
  bool WaitGone(const std::string& stack) {
    return PollUntil([&] { return Call("GET", "/stacks/" + stack + "/metadata").status == 404; });
  }

  static std::string ErrorCode(const http::ClientResponse& r) {
    auto b = JsonBody(r);
    return b.contains("error_code") ? std::string(b.at("error_code").as_string()) : "";
  }

  // Adds a fault rule of the simulated cloud through the admin endpoint.
  void AddFault(const std::string& rule_json) {
    auto r = Raw(*client_, "POST", "/_formwork/faults", rule_json, {});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  void ClearFaults() {
    auto r = Raw(*client_, "DELETE", "/_formwork/faults", "", {});
    ASSERT_EQ(r.status, 204) << r.body;
  }

  // Every element of `array` (an array of objects) as a "k=v" set of one string field.
  static std::multiset<std::string> Field(const boost::json::value& array, const char* key) {
    std::multiset<std::string> out;
    for (const auto& v : array.as_array()) {
      const auto& o = v.as_object();
      if (o.contains(key)) out.insert(std::string(o.at(key).as_string()));
    }
    return out;
  }

  TempDir dir_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<http::Client> client_;
  std::string pid_;
};

}  // namespace fw::testing
