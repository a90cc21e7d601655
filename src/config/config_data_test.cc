// Data-driven configuration cases: each directory under src/config/testdata/ is a module loaded
// with LoadConfig and checked with ValidateConfig. Its expected.txt holds the diagnostics, one
// per line ("error: <summary> @ <file>:<line>,<column>"), or the model dump when there are none.
// FORMWORK_UPDATE_GOLDEN=1 rewrites the expectations.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/dump.h"
#include "config/loader.h"
#include "config/validate.h"

namespace fw::config {
namespace {

namespace fs = std::filesystem;

fs::path TestdataDir() {
  const char* env = std::getenv("FORMWORK_SOURCE_DIR");
  fs::path root = env != nullptr ? fs::path(env) : fs::path(FORMWORK_SOURCE_DIR_DEFAULT);
  return root / "src/config/testdata";
}

std::string Render(const std::string& dir) {
  LoadResult r = LoadConfig(dir);
  ValidateConfig(*r.config, r.diags);
  if (r.diags.empty()) return DumpConfig(*r.config);
  std::string out;
  for (const hcl::Diagnostic& d : r.diags) {
    out += d.severity == hcl::Severity::kError ? "error: " : "warning: ";
    out += d.summary;
    if (d.subject) {
      std::string file(d.subject->filename());
      if (file.rfind(dir + "/", 0) == 0) file = file.substr(dir.size() + 1);
      out += " @ " + file + ":" + std::to_string(d.subject->start.line) + "," +
             std::to_string(d.subject->start.column);
    }
    out += "\n";
  }
  return out;
}

class ConfigDataTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ConfigDataTest, Matches) {
  fs::path dir = TestdataDir() / GetParam();
  std::string got = Render(dir.string());
  fs::path expected_path = dir / "expected.txt";
  if (std::getenv("FORMWORK_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(expected_path) << got;
    return;
  }
  std::ifstream in(expected_path);
  ASSERT_TRUE(in) << expected_path << " missing; got:\n" << got;
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(got, ss.str()) << GetParam();
}

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(TestdataDir())) {
    if (e.is_directory()) out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Dirs, ConfigDataTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fw::config
