#include "bench_support.h"

#include <signal.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <regex>

#include "http/client.h"

namespace fw::testing {

RunningServer StartFormwork(const std::string& binary, const std::string& data_dir,
                            const std::vector<std::string>& extra_args) {
  std::vector<std::string> args = {binary, "serve", "--listen", "127.0.0.1:0", "--data-dir",
                                   data_dir};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  auto start = std::chrono::steady_clock::now();
  RunningServer s;
  s.process = Spawn(args, {"FORMWORK_PASSWORD=Bench-Password-1"});
  std::regex ready("listening on http://127\\.0\\.0\\.1:(\\d+)\\n");
  std::string out = ReadUntil(s.process.out, ready, std::chrono::seconds(10));
  std::smatch m;
  if (!std::regex_search(out, m, ready)) return s;
  s.ready_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                   .count();
  s.port = static_cast<uint16_t>(std::stoi(m[1]));
  return s;
}

void StopFormwork(RunningServer& s) {
  kill(s.process.pid, SIGTERM);
  WaitExit(s.process.pid, std::chrono::seconds(10));
  s.process.CloseFds();
}

std::string BenchToken(uint16_t port) {
  http::Client c("127.0.0.1", port);
  auto r = c.Send(
      "POST", "/v3/auth/tokens", {},
      R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","password":"Bench-Password-1","domain":{"name":"formwork"}}}},"scope":{"project":{"name":"cn-north-4"}}}})");
  if (!r.ok() || r->status != 201 || r->Header("X-Subject-Token") == nullptr) return "";
  return *r->Header("X-Subject-Token");
}

std::optional<WrkResult> RunWrk(const std::string& url, const std::string& header, int seconds) {
  if (std::system("command -v wrk >/dev/null 2>&1") != 0) return std::nullopt;
  std::string cmd = "wrk -t2 -c64 -d" + std::to_string(seconds) + "s --latency " +
                    (header.empty() ? "" : "-H '" + header + "' ") + "'" + url + "' 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  WrkResult r;
  std::smatch m;
  if (std::regex_search(out, m, std::regex("Requests/sec:\\s+([0-9.]+)"))) r.rps = std::stod(m[1]);
  if (std::regex_search(out, m, std::regex("\\n\\s+50%\\s+(\\S+)"))) r.p50 = m[1];
  if (std::regex_search(out, m, std::regex("\\n\\s+99%\\s+(\\S+)"))) r.p99 = m[1];
  if (std::regex_search(out, m, std::regex("Non-2xx or 3xx responses: (\\d+)"))) r.non2xx = m[1];
  return r;
}

}  // namespace fw::testing
