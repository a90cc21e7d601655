// GET cluster detail throughput (token auth, keep-alive, wrk -c64) next to a static file of the
// same size served by nginx on the same machine in the same run.
//
//   cdm_bench [--wrk-seconds S] [--io-threads N] [--worker-threads N]
//
// Needs `wrk` and `nginx` on PATH (scripts/deps.sh --bench installs them).
#include <signal.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "base/ids.h"
#include "http/client.h"
#include "process.h"

namespace {

namespace fs = std::filesystem;
using fw::testing::Process;

struct WrkResult {
  double rps = 0;
  std::string p50, p99, errors;
};

WrkResult RunWrk(const std::string& url, const std::string& header, int seconds) {
  std::string cmd = "wrk -t2 -c64 -d" + std::to_string(seconds) + "s --latency " +
                    (header.empty() ? "" : "-H '" + header + "' ") + "'" + url + "' 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  WrkResult r;
  std::smatch m;
  if (std::regex_search(out, m, std::regex("Requests/sec:\\s+([0-9.]+)"))) r.rps = std::stod(m[1]);
  if (std::regex_search(out, m, std::regex("50%\\s+(\\S+)"))) r.p50 = m[1];
  if (std::regex_search(out, m, std::regex("99%\\s+(\\S+)"))) r.p99 = m[1];
  r.errors = std::regex_search(out, m, std::regex("Non-2xx or 3xx responses: (\\d+)")) ? m[1].str() : "0";
  return r;
}

uint16_t FreePort() {
  // Binding port 0 through a throwaway server would need Asio here; a fixed high range with a
  // random pick is enough for a benchmark on loopback.
  return static_cast<uint16_t>(20000 + fw::RandomBelow(20000));
}

}  // namespace

int main(int argc, char** argv) {
  int seconds = 10;
  std::string io_threads = "1", worker_threads = "4";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--wrk-seconds" && i + 1 < argc) seconds = std::stoi(argv[++i]);
    if (a == "--io-threads" && i + 1 < argc) io_threads = argv[++i];
    if (a == "--worker-threads" && i + 1 < argc) worker_threads = argv[++i];
  }
  if (system("command -v wrk >/dev/null 2>&1") != 0 || system("command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx") != 0) {
    std::fprintf(stderr, "needs wrk and nginx (scripts/deps.sh --bench)\n");
    return 1;
  }
  fs::path root = fs::temp_directory_path() / ("fw-cdm-bench-" + fw::NewHexId32());
  fs::create_directories(root);

  // 1. Formwork with one cluster.
  Process server = fw::testing::Spawn(
      {FORMWORK_BINARY, "serve", "--listen", "127.0.0.1:0", "--data-dir", (root / "data").string(),
       "--log-level", "warn", "--io-threads", io_threads, "--worker-threads", worker_threads},
      {"FORMWORK_PASSWORD=Bench-Password-1"});
  std::regex ready("listening on http://127\\.0\\.0\\.1:(\\d+)\\n");
  std::string out = fw::testing::ReadUntil(server.out, ready, std::chrono::seconds(10));
  std::smatch m;
  if (!std::regex_search(out, m, ready)) {
    std::fprintf(stderr, "server did not start\n");
    return 1;
  }
  uint16_t port = static_cast<uint16_t>(std::stoi(m[1]));
  fw::http::Client c("127.0.0.1", port);
  auto token = c.Send(
      "POST", "/v3/auth/tokens", {},
      R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","password":"Bench-Password-1","domain":{"name":"formwork"}}}},"scope":{"project":{"name":"cn-north-4"}}}})");
  if (!token.ok() || token->status != 201) return 1;
  const std::string subject = *token->Header("X-Subject-Token");
  const std::string pid(boost::json::parse(token->body).at("token").at("project").at("id").as_string());
  const std::string body =
      R"({"cluster":{"name":"cdm-bench","vpcId":"vpc-01","instances":[{"availability_zone":"cn-north-4a","nics":[{"securityGroupId":"sg-01","net-id":"subnet-01"}],"flavorRef":"fb8fe666-6734-4b11-bc6c-43d11db3c745","type":"cdm"}],"datastore":{"type":"cdm","version":"2.9.3.300"}}})";
  auto created = c.Send("POST", "/v1.1/" + pid + "/clusters", {{"X-Auth-Token", subject}}, body);
  if (!created.ok() || created->status != 202) return 1;
  const std::string id(boost::json::parse(created->body).at("id").as_string());
  const std::string path = "/v1.1/" + pid + "/clusters/" + id;
  auto detail = c.Send("GET", path, {{"X-Auth-Token", subject}});
  if (!detail.ok() || detail->status != 200) return 1;

  // 2. nginx serving the same bytes as a static file.
  fs::create_directories(root / "www");
  fs::create_directories(root / "nginx");
  std::ofstream(root / "www" / "cluster.json") << detail->body;
  uint16_t nginx_port = FreePort();
  std::ofstream(root / "nginx" / "nginx.conf")
      << "worker_processes auto;\ndaemon off;\npid " << (root / "nginx" / "nginx.pid").string()
      << ";\nerror_log " << (root / "nginx" / "error.log").string()
      << ";\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n"
      << "  client_body_temp_path " << (root / "nginx").string() << ";\n"
      << "  server {\n    listen 127.0.0.1:" << nginx_port << ";\n    root "
      << (root / "www").string()
      << ";\n    default_type application/json;\n    keepalive_requests 1000000;\n  }\n}\n";
  Process nginx = fw::testing::Spawn(
      {"/usr/sbin/nginx", "-c", (root / "nginx" / "nginx.conf").string(), "-p",
       (root / "nginx").string() + "/"});
  usleep(300 * 1000);

  WrkResult fw_result = RunWrk("http://127.0.0.1:" + std::to_string(port) + path,
                               "X-Auth-Token: " + subject, seconds);
  WrkResult nginx_result =
      RunWrk("http://127.0.0.1:" + std::to_string(nginx_port) + "/cluster.json", "", seconds);

  std::printf("response body: %zu bytes\n", detail->body.size());
  std::printf("formwork GET cluster detail (token, io-threads %s, worker-threads %s, wrk -t2 -c64 -d%ds): "
              "%.0f req/s, p50 %s, p99 %s, non-2xx %s\n",
              io_threads.c_str(), worker_threads.c_str(), seconds, fw_result.rps,
              fw_result.p50.c_str(), fw_result.p99.c_str(), fw_result.errors.c_str());
  std::printf("nginx static file of the same bytes (worker_processes auto, access_log off): "
              "%.0f req/s, p50 %s, p99 %s\n",
              nginx_result.rps, nginx_result.p50.c_str(), nginx_result.p99.c_str());
  std::printf("formwork / nginx: %.2f (goal >= 0.50), formwork p99 %s (goal < 5 ms)\n",
              nginx_result.rps > 0 ? fw_result.rps / nginx_result.rps : 0.0, fw_result.p99.c_str());

  kill(nginx.pid, SIGQUIT);
  fw::testing::WaitExit(nginx.pid, std::chrono::seconds(5));
  kill(server.pid, SIGTERM);
  fw::testing::WaitExit(server.pid, std::chrono::seconds(10));
  fs::remove_all(root);
  return 0;
}
