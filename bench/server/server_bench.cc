// The foundation's figures: cold start to the ready line (fresh data directory and restart),
// idle RSS, and authenticated GET throughput with wrk (64 connections, keep-alive, loopback).
//
//   server_bench [--runs N] [--wrk-seconds S] [--log-requests]
//
// Prints one line per figure. Needs `wrk` on PATH for the throughput part (skipped otherwise).
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "base/ids.h"
#include "http/client.h"
#include "process.h"

namespace {

namespace fs = std::filesystem;
using fw::testing::Process;

struct Started {
  Process process;
  double ready_ms = -1;
  uint16_t port = 0;
};

Started StartServer(const fs::path& dir, bool log_requests) {
  std::vector<std::string> args = {FORMWORK_BINARY, "serve",      "--listen", "127.0.0.1:0",
                                   "--data-dir",    dir.string()};
  if (!log_requests) args.insert(args.end(), {"--log-level", "warn"});
  auto start = std::chrono::steady_clock::now();
  Started s;
  s.process = fw::testing::Spawn(args, {"FORMWORK_PASSWORD=Bench-Password-1"});
  std::regex ready("listening on http://127\\.0\\.0\\.1:(\\d+)\\n");
  std::string out = fw::testing::ReadUntil(s.process.out, ready, std::chrono::seconds(10));
  std::smatch m;
  if (!std::regex_search(out, m, ready)) return s;
  s.ready_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                   .count();
  s.port = static_cast<uint16_t>(std::stoi(m[1]));
  return s;
}

void Stop(Started& s) {
  kill(s.process.pid, SIGTERM);
  fw::testing::WaitExit(s.process.pid, std::chrono::seconds(10));
  s.process.CloseFds();
}

struct Stats {
  double min, median, max;
};
Stats Summarize(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v.front(), v[v.size() / 2], v.back()};
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 15;
  int wrk_seconds = 10;
  bool log_requests = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) runs = std::stoi(argv[++i]);
    if (a == "--wrk-seconds" && i + 1 < argc) wrk_seconds = std::stoi(argv[++i]);
    if (a == "--log-requests") log_requests = true;
  }
  fs::path root = fs::temp_directory_path() / ("fw-bench-" + fw::NewHexId32());

  std::vector<double> fresh, restart;
  for (int i = 0; i < runs; ++i) {
    fs::path dir = root / ("fresh-" + std::to_string(i));
    Started s = StartServer(dir, false);
    if (s.port == 0) {
      std::fprintf(stderr, "server did not start\n");
      return 1;
    }
    fresh.push_back(s.ready_ms);
    Stop(s);
  }
  fs::path dir = root / "main";
  { Started s = StartServer(dir, false); Stop(s); }
  for (int i = 0; i < runs; ++i) {
    Started s = StartServer(dir, false);
    restart.push_back(s.ready_ms);
    Stop(s);
  }
  auto f = Summarize(fresh), r = Summarize(restart);
  std::printf("cold start to ready line, empty data dir: median %.1f ms (min %.1f, max %.1f, %d runs)\n",
              f.median, f.min, f.max, runs);
  std::printf("cold start to ready line, existing data dir: median %.1f ms (min %.1f, max %.1f, %d runs)\n",
              r.median, r.min, r.max, runs);

  Started s = StartServer(dir, log_requests);
  usleep(300 * 1000);
  std::printf("idle RSS after start: %.1f MB\n", fw::testing::RssKib(s.process.pid) / 1024.0);

  fw::http::Client client("127.0.0.1", s.port);
  auto token = client.Send(
      "POST", "/v3/auth/tokens", {},
      R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","password":"Bench-Password-1","domain":{"name":"formwork"}}}},"scope":{"project":{"name":"cn-north-4"}}}})");
  if (!token.ok() || token->status != 201) {
    std::fprintf(stderr, "could not get a token\n");
    return 1;
  }
  const std::string subject = *token->Header("X-Subject-Token");
  const std::string url = "http://127.0.0.1:" + std::to_string(s.port) + "/v3/projects?name=cn-north-4";
  if (client.Send("GET", "/v3/projects?name=cn-north-4", {{"X-Auth-Token", subject}})->status != 200) {
    std::fprintf(stderr, "authenticated GET failed\n");
    return 1;
  }
  if (system("command -v wrk >/dev/null 2>&1") == 0) {
    std::string cmd = "wrk -t2 -c64 -d" + std::to_string(wrk_seconds) + "s --latency -H 'X-Auth-Token: " +
                      subject + "' '" + url + "' 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    pclose(pipe);
    std::smatch m;
    std::regex rps("Requests/sec:\\s+([0-9.]+)");
    std::regex p50("50%\\s+(\\S+)"), p99("99%\\s+(\\S+)");
    std::regex non2xx("Non-2xx or 3xx responses: (\\d+)");
    std::string rate = std::regex_search(out, m, rps) ? m[1].str() : "?";
    std::string l50 = std::regex_search(out, m, p50) ? m[1].str() : "?";
    std::string l99 = std::regex_search(out, m, p99) ? m[1].str() : "?";
    std::string bad = std::regex_search(out, m, non2xx) ? m[1].str() : "0";
    std::printf("authenticated GET /v3/projects?name=cn-north-4 (token, wrk -t2 -c64 -d%ds, request log %s): "
                "%s req/s, p50 %s, p99 %s, non-2xx %s\n",
                wrk_seconds, log_requests ? "on" : "off", rate.c_str(), l50.c_str(), l99.c_str(),
                bad.c_str());
    std::printf("RSS after load: %.1f MB\n", fw::testing::RssKib(s.process.pid) / 1024.0);
  } else {
    std::printf("wrk not found: throughput skipped (scripts/deps.sh --bench installs it)\n");
  }
  Stop(s);
  fs::remove_all(root);
  return 0;
}
