// Data-driven evaluator cases: src/hcl/testdata/eval/*.txt. Line forms:
//   # comment
//   set ROOT = <expr>         defines a root name (evaluated in the scope built so far)
//   set ROOT.NAME = <expr>    defines attribute NAME of the root object ROOT (var.x, local.y…)
//   > <expr>                  a case; the next line is the expected result:
//   <value> :: <type>         RenderValue() of the result, or
//   error: <summary>          the summary of the first error diagnostic
// Test helpers: test_unknown(<cty type JSON>), test_sensitive(v), test_set(list).
// FORMWORK_UPDATE_GOLDEN=1 rewrites the expectations.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "hcl/convert.h"
#include "hcl/eval/evaluator.h"
#include "hcl/parser.h"

namespace fw::hcl {
namespace {

namespace fs = std::filesystem;

fs::path SourceDir() {
  const char* env = std::getenv("FORMWORK_SOURCE_DIR");
  return env != nullptr ? fs::path(env) : fs::path(FORMWORK_SOURCE_DIR_DEFAULT);
}

FunctionRegistry TestFunctions(const std::string& base_dir) {
  FunctionRegistry reg = EvalFunctions(std::make_shared<DiskFileSource>(base_dir));
  FunctionSpec unknown;
  unknown.name = "test_unknown";
  unknown.params = {Parameter{"type", Type::String()}};
  unknown.return_type = StaticReturnType(Type::Dynamic());
  unknown.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    FW_ASSIGN_OR_RETURN(Type t, Type::FromJson(args[0].AsString()));
    return Value::Unknown(t);
  };
  reg.Register(unknown);
  FunctionSpec sensitive;
  sensitive.name = "test_sensitive";
  sensitive.params = {Parameter{"v", Type::Dynamic(), true, true, true, true}};
  sensitive.return_type = StaticReturnType(Type::Dynamic());
  sensitive.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    return args[0].WithMarks(kSensitive);
  };
  reg.Register(sensitive);
  FunctionSpec set;
  set.name = "test_set";
  set.params = {Parameter{"v", Type::Dynamic(), false, true, true, true}};
  set.return_type = StaticReturnType(Type::Dynamic());
  set.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    Type unified;
    FW_ASSIGN_OR_RETURN(auto els, UnifyValues(args[0].Elements(), &unified));
    return Value::Set(unified, std::move(els));
  };
  reg.Register(set);
  return reg;
}

std::string RunCase(const std::string& expr_text, const Scope& scope, const FunctionRegistry& fns) {
  ExprResult parsed = ParseExpression(expr_text, "case.hcl");
  if (parsed.diags.HasErrors()) return "parse error: " + parsed.diags[0].summary;
  EvalContext ctx{&scope, &fns};
  Diagnostics diags;
  Value v = Evaluate(*parsed.expr, ctx, diags);
  for (const Diagnostic& d : diags) {
    if (d.severity == Severity::kError) return "error: " + d.summary;
  }
  return RenderValue(v);
}

class EvalDataTest : public ::testing::TestWithParam<std::string> {};

TEST_P(EvalDataTest, Matches) {
  fs::path path = SourceDir() / "src/hcl/testdata/eval" / GetParam();
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const bool update = std::getenv("FORMWORK_UPDATE_GOLDEN") != nullptr;
  FunctionRegistry fns = TestFunctions((SourceDir() / "src/hcl/testdata/eval").string());
  std::map<std::string, Value, std::less<>> roots;
  std::map<std::string, std::map<std::string, Value>> objects;
  auto scope = [&] {
    MapScope s(roots);
    for (auto& [name, attrs] : objects) {
      std::vector<std::pair<std::string, Value>> list(attrs.begin(), attrs.end());
      s.Set(name, Value::Object(std::move(list)));
    }
    return s;
  };
  int cases = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.rfind("set ", 0) == 0) {
      size_t eq = line.find(" = ");
      ASSERT_NE(eq, std::string::npos) << line;
      std::string target = line.substr(4, eq - 4);
      MapScope s = scope();
      std::string expr = line.substr(eq + 3);
      ExprResult parsed = ParseExpression(expr, "set.hcl");
      ASSERT_FALSE(parsed.diags.HasErrors()) << line;
      EvalContext ctx{&s, &fns};
      Diagnostics diags;
      Value v = Evaluate(*parsed.expr, ctx, diags);
      ASSERT_FALSE(diags.HasErrors()) << line << ": " << diags[0].detail;
      size_t dot = target.find('.');
      if (dot == std::string::npos) {
        roots.insert_or_assign(target, v);
      } else {
        objects[target.substr(0, dot)][target.substr(dot + 1)] = v;
      }
      continue;
    }
    if (line.rfind("> ", 0) != 0) continue;
    ASSERT_LT(i + 1, lines.size()) << "missing expectation after " << line;
    std::string got = RunCase(line.substr(2), scope(), fns);
    ++cases;
    if (update) {
      lines[i + 1] = got;
    } else {
      EXPECT_EQ(got, lines[i + 1]) << GetParam() << ":" << (i + 1) << ": " << line;
    }
    ++i;
  }
  EXPECT_GT(cases, 0);
  if (update) {
    std::ofstream out(path);
    for (const std::string& l : lines) out << l << "\n";
  }
}

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(SourceDir() / "src/hcl/testdata/eval")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

INSTANTIATE_TEST_SUITE_P(Files, EvalDataTest, ::testing::ValuesIn(CaseFiles()),
                         [](const auto& info) {
                           std::string n = info.param.substr(0, info.param.size() - 4);
                           for (char& c : n) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n;
                         });

}  // namespace
}  // namespace fw::hcl
