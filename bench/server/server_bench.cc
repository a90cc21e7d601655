// The foundation's figures: cold start to the ready line (fresh data directory and restart),
// idle RSS, and authenticated GET throughput with wrk (64 connections, keep-alive, loopback).
//
//   server_bench [--runs N] [--wrk-seconds S] [--log-requests]
//
// Prints one line per figure. Needs `wrk` on PATH for the throughput part (skipped otherwise).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "base/ids.h"
#include "bench_support.h"
#include "http/client.h"

namespace {

namespace fs = std::filesystem;
using fw::testing::RunningServer;

struct Stats {
  double min, median, max;
};
Stats Summarize(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v.front(), v[v.size() / 2], v.back()};
}

const std::vector<std::string> kQuiet = {"--log-level", "warn"};

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
    RunningServer s = fw::testing::StartFormwork(
        FORMWORK_BINARY, (root / ("fresh-" + std::to_string(i))).string(), kQuiet);
    if (s.port == 0) {
      std::fprintf(stderr, "server did not start\n");
      return 1;
    }
    fresh.push_back(s.ready_ms);
    fw::testing::StopFormwork(s);
  }
  const std::string dir = (root / "main").string();
  {
    RunningServer s = fw::testing::StartFormwork(FORMWORK_BINARY, dir, kQuiet);
    fw::testing::StopFormwork(s);
  }
  for (int i = 0; i < runs; ++i) {
    RunningServer s = fw::testing::StartFormwork(FORMWORK_BINARY, dir, kQuiet);
    restart.push_back(s.ready_ms);
    fw::testing::StopFormwork(s);
  }
  auto f = Summarize(fresh), r = Summarize(restart);
  std::printf("cold start to ready line, empty data dir: median %.1f ms (min %.1f, max %.1f, %d runs)\n",
              f.median, f.min, f.max, runs);
  std::printf("cold start to ready line, existing data dir: median %.1f ms (min %.1f, max %.1f, %d runs)\n",
              r.median, r.min, r.max, runs);

  RunningServer s = fw::testing::StartFormwork(
      FORMWORK_BINARY, dir, log_requests ? std::vector<std::string>{} : kQuiet);
  usleep(300 * 1000);
  std::printf("idle RSS after start: %.1f MB\n", fw::testing::RssKib(s.process.pid) / 1024.0);

  const std::string token = fw::testing::BenchToken(s.port);
  fw::http::Client client("127.0.0.1", s.port);
  if (token.empty() ||
      client.Send("GET", "/v3/projects?name=cn-north-4", {{"X-Auth-Token", token}})->status != 200) {
    std::fprintf(stderr, "authenticated GET failed\n");
    return 1;
  }
  auto wrk = fw::testing::RunWrk(
      "http://127.0.0.1:" + std::to_string(s.port) + "/v3/projects?name=cn-north-4",
      "X-Auth-Token: " + token, wrk_seconds);
  if (wrk) {
    std::printf("authenticated GET /v3/projects?name=cn-north-4 (token, wrk -t2 -c64 -d%ds, request "
                "log %s): %.0f req/s, p50 %s, p99 %s, non-2xx %s\n",
                wrk_seconds, log_requests ? "on" : "off", wrk->rps, wrk->p50.c_str(),
                wrk->p99.c_str(), wrk->non2xx.c_str());
    std::printf("RSS after load: %.1f MB\n", fw::testing::RssKib(s.process.pid) / 1024.0);
  } else {
    std::printf("wrk not found: throughput skipped (scripts/deps.sh --bench installs it)\n");
  }
  fw::testing::StopFormwork(s);
  fs::remove_all(root);
  return 0;
}
