// The engine's figures: for configurations of 1,000, 10,000 and 100,000 resources
// (config_generator.h), runs the real `formwork` binary (Release) as a user would —
// `plan`, `apply -auto-approve`, `plan` again (no changes) and `destroy -auto-approve` — and
// prints the wall time and the peak RSS (wait4's ru_maxrss) of each step.
//
//   engine_bench [--sizes 1000,10000,100000] [--parallelism N] [--keep DIR]
//                [--chains-without-terraform-data]
//   engine_bench --generate N DIR        # only write DIR/main.tf with N resources
//
// Output is not a terminal, so apply prints only its summary (no per-resource progress).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/ids.h"
#include "config_generator.h"
#include "process.h"

namespace {

namespace fs = std::filesystem;

struct Step {
  int code = -1;
  double seconds = 0;
  long max_rss_kib = 0;
  std::string out;
  std::string err;
};

// Runs formwork with `args` to completion, reading its output as it goes.
Step RunFormwork(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {FORMWORK_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  auto start = std::chrono::steady_clock::now();
  fw::testing::Process p = fw::testing::Spawn(argv, {"FORMWORK_TIME_SCALE=0"});
  Step s;
  s.out = fw::testing::ReadAll(p.out, std::chrono::minutes(30));
  int status = 0;
  struct rusage ru {};
  if (wait4(p.pid, &status, 0, &ru) == p.pid) {
    s.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    s.max_rss_kib = ru.ru_maxrss;
  }
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  s.err = fw::testing::Drain(p.err);
  p.CloseFds();
  return s;
}

std::string LastLine(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  size_t nl = t.rfind('\n');
  return nl == std::string::npos ? t : t.substr(nl + 1);
}

std::vector<int> ParseSizes(const std::string& list) {
  std::vector<int> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string part = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!part.empty()) out.push_back(std::stoi(part));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

bool with_data = true;

bool WriteConfig(const fs::path& dir, int size) {
  fs::create_directories(dir);
  fw::bench::GeneratedConfig g = fw::bench::GenerateEngineConfig(size, with_data);
  std::ofstream(dir / "main.tf") << g.main_tf;
  return g.resources == size;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes = {1000, 10000, 100000};
  std::string parallelism = "10";
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--sizes" && i + 1 < argc) sizes = ParseSizes(argv[++i]);
    if (a == "--parallelism" && i + 1 < argc) parallelism = argv[++i];
    if (a == "--keep" && i + 1 < argc) keep = argv[++i];
    if (a == "--chains-without-terraform-data") with_data = false;
    if (a == "--generate" && i + 2 < argc) {
      int n = std::stoi(argv[i + 1]);
      return WriteConfig(argv[i + 2], n) ? 0 : 1;
    }
  }
  const fs::path root =
      keep.empty() ? fs::temp_directory_path() / ("fw-engine-bench-" + fw::NewHexId32()) : fs::path(keep);

  std::printf("| resources | plan | apply | re-plan (no changes) | destroy | peak RSS |\n");
  std::printf("| --- | --- | --- | --- | --- | --- |\n");
  std::fflush(stdout);
  int failures = 0;
  for (int size : sizes) {
    const fs::path dir = root / std::to_string(size);
    fs::remove_all(dir);
    if (!WriteConfig(dir, size)) {
      std::fprintf(stderr, "generator miscounted %d\n", size);
      return 1;
    }
    const std::string path = dir.string();
    std::vector<std::pair<const char*, std::vector<std::string>>> steps = {
        {"plan", {"plan", path}},
        {"apply", {"apply", path, "-auto-approve", "-parallelism=" + parallelism}},
        {"re-plan", {"plan", path}},
        {"destroy", {"destroy", path, "-auto-approve", "-parallelism=" + parallelism}},
    };
    std::vector<Step> results;
    long peak = 0;
    for (auto& [name, args] : steps) {
      Step s = RunFormwork(args);
      peak = std::max(peak, s.max_rss_kib);
      if (s.code != 0) {
        ++failures;
        std::fprintf(stderr, "%d resources, %s: exit %d\n%s\n", size, name, s.code,
                     s.err.substr(0, 4000).c_str());
      }
      if (std::string(name) == "re-plan" && s.out.find("No changes.") == std::string::npos) {
        ++failures;
        std::fprintf(stderr, "%d resources: the re-plan has changes: %s\n", size,
                     LastLine(s.out).c_str());
      }
      std::fprintf(stderr, "%d resources, %s: %.2f s, %.1f MB, %s\n", size, name, s.seconds,
                   s.max_rss_kib / 1024.0, LastLine(s.out).c_str());
      results.push_back(std::move(s));
    }
    std::printf("| %d | %.2f s | %.2f s | %.2f s | %.2f s | %.0f MB |\n", size, results[0].seconds,
                results[1].seconds, results[2].seconds, results[3].seconds, peak / 1024.0);
    std::fflush(stdout);
  }
  if (keep.empty()) fs::remove_all(root);
  return failures == 0 ? 0 : 1;
}
