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
#include "bench_support.h"

namespace {

namespace fs = std::filesystem;
using fw::testing::Process;

uint16_t FreePort() {
  // Binding port 0 through a throwaway server would need Asio here; a fixed high range with a
  // random pick is enough for a benchmark on loopback.
  return static_cast<uint16_t>(20000 + fw::RandomBelow(20000));
}

}  // namespace

int main(int argc, char** argv) {
  int seconds = 10;
  std::string io_threads = "0", worker_threads = "4";  // the server's defaults
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
  fw::testing::RunningServer server = fw::testing::StartFormwork(
      FORMWORK_BINARY, (root / "data").string(),
      {"--log-level", "warn", "--io-threads", io_threads, "--worker-threads", worker_threads});
  if (server.port == 0) {
    std::fprintf(stderr, "server did not start\n");
    return 1;
  }
  const uint16_t port = server.port;
  fw::http::Client c("127.0.0.1", port);
  const std::string subject = fw::testing::BenchToken(port);
  if (subject.empty()) return 1;
  auto projects = c.Send("GET", "/v3/projects?name=cn-north-4", {{"X-Auth-Token", subject}});
  const std::string pid(
      boost::json::parse(projects->body).at("projects").at(0).at("id").as_string());
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

  auto fw_wrk = fw::testing::RunWrk("http://127.0.0.1:" + std::to_string(port) + path,
                               "X-Auth-Token: " + subject, seconds);
  if (!fw_wrk) return 1;
  const auto& fw_result = *fw_wrk;
  auto nginx_wrk = fw::testing::RunWrk("http://127.0.0.1:" + std::to_string(nginx_port) + "/cluster.json", "", seconds);
  if (!nginx_wrk) return 1;
  const auto& nginx_result = *nginx_wrk;

  std::printf("response body: %zu bytes\n", detail->body.size());
  std::printf("formwork GET cluster detail (token, io-threads %s, worker-threads %s, wrk -t2 -c64 -d%ds): "
              "%.0f req/s, p50 %s, p99 %s, non-2xx %s\n",
              io_threads.c_str(), worker_threads.c_str(), seconds, fw_result.rps,
              fw_result.p50.c_str(), fw_result.p99.c_str(), fw_result.non2xx.c_str());
  std::printf("nginx static file of the same bytes (worker_processes auto, access_log off): "
              "%.0f req/s, p50 %s, p99 %s\n",
              nginx_result.rps, nginx_result.p50.c_str(), nginx_result.p99.c_str());
  std::printf("formwork / nginx: %.2f (goal >= 0.50), formwork p99 %s (goal < 5 ms)\n",
              nginx_result.rps > 0 ? fw_result.rps / nginx_result.rps : 0.0, fw_result.p99.c_str());

  kill(nginx.pid, SIGQUIT);
  fw::testing::WaitExit(nginx.pid, std::chrono::seconds(5));
  fw::testing::StopFormwork(server);
  fs::remove_all(root);
  return 0;
}
