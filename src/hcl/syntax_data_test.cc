// Data-driven syntax tests: every testdata/syntax/*.tf (and *.tf.json) file is parsed and its
// AST dump plus formatted diagnostics compared with the matching *.expected file. Files whose
// name contains ".ranges." are dumped with node ranges. Run with FORMWORK_UPDATE_GOLDEN=1 to
// rewrite the expected files after reviewing a change.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hcl/ast_dump.h"
#include "hcl/json_body.h"
#include "hcl/parser.h"

namespace fw::hcl {
namespace {

namespace fs = std::filesystem;

fs::path TestdataDir() {
  const char* env = std::getenv("FORMWORK_SOURCE_DIR");
  fs::path root = env != nullptr ? fs::path(env) : fs::path(FORMWORK_SOURCE_DIR_FALLBACK);
  return root / "src" / "hcl" / "testdata" / "syntax";
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Render(const fs::path& path) {
  std::string name = path.filename().string();
  std::string bytes = ReadFile(path);
  DumpOptions opts;
  opts.ranges = name.find(".ranges.") != std::string::npos;
  ParseOptions parse_opts;
  if (name.find(".depth.") != std::string::npos) parse_opts.max_depth = 16;
  std::string out;
  Diagnostics diags;
  SourceFile source(name, bytes);
  if (name.size() > 8 && name.substr(name.size() - 8) == ".tf.json") {
    JsonFileResult r = ParseJsonConfig(bytes, name, parse_opts);
    diags.Append(r.diags);
    if (r.file) out = DumpJsonFile(*r.file, diags);
  } else {
    ParseResult r = ParseConfig(bytes, name, parse_opts);
    out = DumpBody(*r.file.body, opts);
    diags.Append(r.diags);
  }
  if (!diags.empty()) out += "--- diagnostics\n" + FormatDiagnostics(diags, source);
  return out;
}

TEST(SyntaxDataTest, GoldenFiles) {
  fs::path dir = TestdataDir();
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  bool update = std::getenv("FORMWORK_UPDATE_GOLDEN") != nullptr;
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    fs::path p = entry.path();
    std::string name = p.filename().string();
    bool is_tf = p.extension() == ".tf";
    bool is_json = name.size() > 8 && name.substr(name.size() - 8) == ".tf.json";
    if (!is_tf && !is_json) continue;
    ++count;
    fs::path expected_path = p;
    expected_path += ".expected";
    std::string actual = Render(p);
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << "missing " << expected_path;
    EXPECT_EQ(ReadFile(expected_path), actual) << "in " << name;
  }
  EXPECT_GT(count, 10);
}

}  // namespace
}  // namespace fw::hcl
