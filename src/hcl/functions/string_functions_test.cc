// Data-driven tests of the string, regex, collection and numeric functions, and unit tests of
// the string family.
//
// Each file in testdata/functions/{string,regex,collection,numeric}/*.txt holds one case per
// non-blank, non-# line:
//   <name>(<arg>, ...) => <type> <value>
//   <name>(<arg>, ...) => error: <message>
// Arguments use a small literal notation (see string_test_notation.h); the expected result is the
// result type in HCL type syntax followed by the rendering of the value.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "hcl/functions/function.h"
#include "hcl/functions/string_test_notation.h"

namespace fw::hcl {
namespace {

using test_util::CallFunction;
using test_util::ParseValue;
using test_util::Render;
using test_util::RunCase;

std::filesystem::path TestdataDir() {
  const char* root = std::getenv("FORMWORK_SOURCE_DIR");
  return std::filesystem::path(root ? root : FORMWORK_SOURCE_DIR_DEFAULT) /
         "src/hcl/testdata/functions";
}

int RunDirectory(const std::string& family) {
  int cases = 0;
  std::filesystem::path dir = TestdataDir() / family;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::string line;
    int lineno = 0;
    while (std::getline(in, line)) {
      ++lineno;
      if (line.empty() || line[0] == '#') continue;
      size_t arrow = line.rfind(" => ");
      if (arrow == std::string::npos) {
        ADD_FAILURE() << entry.path() << ":" << lineno << ": no \" => \"";
        continue;
      }
      std::string got = RunCase(line.substr(0, arrow));
      EXPECT_EQ(got, line.substr(arrow + 4))
          << family << "/" << entry.path().filename().string() << ":" << lineno << ": " << line;
      ++cases;
    }
  }
  return cases;
}

TEST(FunctionsDataTest, String) { EXPECT_GT(RunDirectory("string"), 100); }
TEST(FunctionsDataTest, Regex) { EXPECT_GT(RunDirectory("regex"), 20); }
TEST(FunctionsDataTest, Collection) { EXPECT_GT(RunDirectory("collection"), 150); }
TEST(FunctionsDataTest, Numeric) { EXPECT_GT(RunDirectory("numeric"), 30); }

TEST(StringFunctionsTest, NotationRoundTrips) {
  auto v = ParseValue(R"(as(list(string), ["a", unknown(string), sensitive("s")]))");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(Render(*v), R"(list(string) ["a", unknown, sensitive("s")])");
}

TEST(StringFunctionsTest, ErrorIndexOfConversionFailure) {
  int arg = -2;
  auto r = CallFunction("join", {Value::String(","), Value::Int(3)}, &arg);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(arg, 1);
  EXPECT_EQ(r.status().message(),
            "Invalid value for \"lists\" parameter: list of string required, but have number");
}

TEST(StringFunctionsTest, MarksOnFormatArguments) {
  auto r = CallFunction("format", {Value::String("%s-%s"), Value::String("a"),
                                   Value::String("b").WithMarks(kSensitive)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Unmark().AsString(), "a-b");
  EXPECT_TRUE(r->HasMark(kSensitive));
}

TEST(StringFunctionsTest, LargeResultsAreRefused) {
  auto r = CallFunction("format", {Value::String("%1000000d"), Value::Int(1)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->AsString().size(), 1000000u);
  auto too_wide = CallFunction("format", {Value::String("%99999999d"), Value::Int(1)});
  EXPECT_FALSE(too_wide.ok());
  auto indent = CallFunction("indent", {Value::Int(int64_t{1} << 40), Value::String("a\nb")});
  EXPECT_FALSE(indent.ok());
  auto big_range = CallFunction("range", {Value::Int(2000)});
  EXPECT_FALSE(big_range.ok());
}

}  // namespace
}  // namespace fw::hcl
