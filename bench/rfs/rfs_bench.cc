// RFS stacks through the API, against the real `formwork serve` at time scale 0:
//   1. one stack of 1,000 resources (a VPC, 249 subnets, 250 random_id, 250 random_string,
//      250 null_resource) created with its template and polled to DEPLOYMENT_COMPLETE
//      (goal < 1 s), then deleted (polled until gone);
//   2. 100 stacks of 10 resources created concurrently and polled until all are terminal
//      (goal: all DEPLOYMENT_COMPLETE, no errors, < 5 s).
//
//   rfs_bench [--stacks N] [--clients N] [--worker-threads N]
#include <boost/json.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "base/ids.h"
#include "bench_support.h"
#include "http/client.h"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

struct Api {
  uint16_t port;
  std::string token;
  std::string pid;

  fw::http::HeaderList Headers() const {
    return {{"X-Auth-Token", token},
            {"Content-Type", "application/json"},
            {"Client-Request-Id", fw::NewUuid()}};
  }
  fw::Result<fw::http::ClientResponse> Send(fw::http::Client& c, const std::string& method,
                                            const std::string& path,
                                            const std::string& body = "") const {
    return c.Send(method, "/v1/" + pid + path, Headers(), body);
  }
};

std::string BigTemplate() {
  return R"(
resource "huaweicloud_vpc" "main" {
  name = "bench-vpc"
  cidr = "10.0.0.0/8"
}
resource "huaweicloud_vpc_subnet" "net" {
  count      = 249
  name       = "bench-subnet-${count.index}"
  cidr       = cidrsubnet("10.0.0.0/8", 16, count.index + 1)
  gateway_ip = cidrhost(cidrsubnet("10.0.0.0/8", 16, count.index + 1), 1)
  vpc_id     = huaweicloud_vpc.main.id
}
resource "random_id" "id" {
  count       = 250
  byte_length = 4
}
resource "random_string" "name" {
  count   = 250
  length  = 12
  keepers = { id = random_id.id[count.index].hex }
}
resource "null_resource" "marker" {
  count    = 250
  triggers = { name = random_string.name[count.index].result }
}
output "subnets" {
  value = length(huaweicloud_vpc_subnet.net)
}
)";
}

std::string SmallTemplate(int i) {
  return R"(
resource "huaweicloud_vpc" "main" {
  name = "small-)" + std::to_string(i) + R"("
  cidr = "192.168.0.0/16"
}
resource "huaweicloud_vpc_subnet" "net" {
  count      = 3
  name       = "s-${count.index}"
  cidr       = cidrsubnet("192.168.0.0/16", 8, count.index)
  gateway_ip = cidrhost(cidrsubnet("192.168.0.0/16", 8, count.index), 1)
  vpc_id     = huaweicloud_vpc.main.id
}
resource "random_id" "id" {
  count       = 3
  byte_length = 4
}
resource "random_string" "name" {
  count   = 3
  length  = 12
  keepers = { id = random_id.id[count.index].hex }
}
)";
}

std::string CreateBody(const std::string& name, const std::string& tpl) {
  json::object o{{"stack_name", name}, {"template_body", tpl}};
  return json::serialize(o);
}

// The stack's status, or "" on an error.
std::string StatusOf(const Api& api, fw::http::Client& c, const std::string& stack) {
  auto r = api.Send(c, "GET", "/stacks/" + stack + "/metadata");
  if (!r.ok() || r->status != 200) return "";
  return std::string(json::parse(r->body).at("status").as_string());
}

bool Terminal(const std::string& status) {
  return !status.empty() && status.find("_IN_PROGRESS") == std::string::npos;
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

}  // namespace

int main(int argc, char** argv) {
  int stacks = 100, clients = 16;
  std::string worker_threads = "4";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--stacks" && i + 1 < argc) stacks = std::stoi(argv[++i]);
    if (a == "--clients" && i + 1 < argc) clients = std::stoi(argv[++i]);
    if (a == "--worker-threads" && i + 1 < argc) worker_threads = argv[++i];
  }
  fs::path root = fs::temp_directory_path() / ("fw-rfs-bench-" + fw::NewHexId32());
  fs::create_directories(root);
  fw::testing::RunningServer server = fw::testing::StartFormwork(
      FORMWORK_BINARY, (root / "data").string(),
      {"--log-level", "warn", "--time-scale", "0", "--worker-threads", worker_threads});
  if (server.port == 0) {
    std::fprintf(stderr, "server did not start\n");
    return 1;
  }
  Api api{server.port, fw::testing::BenchToken(server.port), ""};
  if (api.token.empty()) return 1;
  fw::http::Client c("127.0.0.1", server.port);
  auto projects = c.Send("GET", "/v3/projects?name=cn-north-4", {{"X-Auth-Token", api.token}});
  api.pid = std::string(json::parse(projects->body).at("projects").at(0).at("id").as_string());
  int failures = 0;

  // 1. One stack of 1,000 resources.
  {
    std::string body = CreateBody("big", BigTemplate());
    auto start = Clock::now();
    auto created = api.Send(c, "POST", "/stacks", body);
    if (!created.ok() || created->status != 201) {
      std::fprintf(stderr, "CreateStack failed: %s\n", created.ok() ? created->body.c_str() : "");
      return 1;
    }
    auto accepted = Clock::now();
    std::string status;
    int polls = 0;
    while (!Terminal(status = StatusOf(api, c, "big"))) {
      ++polls;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    auto done = Clock::now();
    auto resources = api.Send(c, "GET", "/stacks/big/resources?limit=1000");
    size_t count = resources.ok() && resources->status == 200
                       ? json::parse(resources->body).at("stack_resources").as_array().size()
                       : 0;
    if (status != "DEPLOYMENT_COMPLETE" || count != 1000) ++failures;
    std::printf("1,000-resource stack: %s, %zu resources listed; CreateStack answered in %.1f ms, "
                "DEPLOYMENT_COMPLETE after %.0f ms (%d polls; goal < 1000 ms)\n",
                status.c_str(), count, Ms(accepted - start), Ms(done - start), polls);
    // Deleted again (also frees the project's stack quota of 100 for part 2).
    auto del_start = Clock::now();
    auto deleted = api.Send(c, "DELETE", "/stacks/big");
    bool gone = false;
    while (deleted.ok() && deleted->status == 202 && Clock::now() - del_start < std::chrono::seconds(60)) {
      auto m = api.Send(c, "GET", "/stacks/big/metadata");
      if (m.ok() && m->status == 404) {
        gone = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!gone) ++failures;
    std::printf("1,000-resource stack deleted (DeleteStack to 404): %s after %.0f ms\n",
                gone ? "gone" : "NOT gone", Ms(Clock::now() - del_start));
  }

  // 2. `stacks` stacks of 10 resources, created concurrently by `clients` connections.
  {
    std::atomic<int> next{0}, create_errors{0};
    std::vector<double> create_ms(stacks, 0);
    std::vector<char> create_failed(stacks, false);
    auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < clients; ++t) {
      threads.emplace_back([&] {
        fw::http::Client tc("127.0.0.1", server.port);
        for (int i = next++; i < stacks; i = next++) {
          auto t0 = Clock::now();
          auto r = api.Send(tc, "POST", "/stacks",
                            CreateBody("small-" + std::to_string(i), SmallTemplate(i)));
          create_ms[i] = Ms(Clock::now() - t0);
          if (!r.ok() || r->status != 201) {
            ++create_errors;
            create_failed[i] = true;
            if (r.ok()) std::fprintf(stderr, "CreateStack %d: %d %s\n", i, r->status, r->body.c_str());
          }
        }
      });
    }
    for (auto& t : threads) t.join();
    auto all_accepted = Clock::now();
    std::vector<std::string> status(stacks);
    int pending = stacks;
    while (pending > 0) {
      pending = 0;
      for (int i = 0; i < stacks; ++i) {
        if (create_failed[i] || Terminal(status[i])) continue;
        status[i] = StatusOf(api, c, "small-" + std::to_string(i));
        if (!Terminal(status[i])) ++pending;
      }
      if (pending > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      if (Clock::now() - start > std::chrono::seconds(120)) break;
    }
    auto done = Clock::now();
    int complete = 0;
    for (const auto& s : status) complete += s == "DEPLOYMENT_COMPLETE";
    std::sort(create_ms.begin(), create_ms.end());
    if (complete != stacks || create_errors > 0) ++failures;
    std::printf("%d stacks x 10 resources (%d concurrent clients): %d DEPLOYMENT_COMPLETE, %d "
                "create errors; all accepted after %.0f ms (CreateStack p50 %.1f ms, max %.1f "
                "ms), all complete after %.0f ms (goal < 5000 ms)\n",
                stacks, clients, complete, create_errors.load(), Ms(all_accepted - start),
                create_ms[create_ms.size() / 2], create_ms.back(), Ms(done - start));
  }

  fw::testing::StopFormwork(server);
  fs::remove_all(root);
  return failures == 0 ? 0 : 2;
}
