// Data-driven cases for the encoding, YAML, hash, IP network, date/time, type-conversion and
// context function families, in testdata/functions/<family>/*.txt. Each non-blank, non-# line is
//   <function> [:: <arg>]... => <expected>
// An argument is a JSON value (with its implied type: arrays are tuples, objects are objects,
// null is a dynamic null) or one of
//   typed <type JSON> <value JSON>   unknown <type JSON>   null <type JSON>   sensitive <arg>
// The result is rendered as its value JSON when the value's type is the JSON's implied type,
// else as `<type JSON> <value JSON>`; `unknown <type JSON>`, `null <type JSON>` for unknown and
// null results, prefixed by `sensitive ` when marked; errors as `error: <message>`.
// `$BASE` stands for the family's folder. Context functions see a DiskFileSource rooted at that
// folder and a clock at 2024-02-29T12:34:56Z.
//
// Also: encoding unit and property tests.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hcl/functions/context_functions.h"
#include "hcl/functions/function.h"
#include "hcl/value_json.h"

#if FW_HAVE_RAPIDCHECK
#include <rapidcheck/gtest.h>
#endif

namespace fw::hcl {

std::filesystem::path FunctionTestDataDir() {
  const char* root = std::getenv("FORMWORK_SOURCE_DIR");
  return std::filesystem::path(root ? root : FORMWORK_SOURCE_DIR_DEFAULT) /
         "src/hcl/testdata/functions";
}

const ManualClock& FunctionTestClock() {
  static const ManualClock* clock =
      new ManualClock(TimePoint(std::chrono::seconds(1709210096)));  // 2024-02-29T12:34:56Z
  return *clock;
}

FunctionRegistry FunctionTestRegistry(const std::string& base_dir, bool plan_time) {
  FunctionRegistry r = FunctionRegistry::Builtins();
  FunctionContext context{std::make_shared<DiskFileSource>(base_dir), &FunctionTestClock(),
                          plan_time};
  // A plan's time an hour before the clock: plantimestamp must give it, not the clock.
  if (plan_time) context.plan_timestamp = FunctionTestClock().Now() - std::chrono::hours(1);
  RegisterContextFunctions(&r, context);
  return r;
}

Result<Value> CallFn(std::string_view name, std::vector<Value> args) {
  static const FunctionRegistry* registry =
      new FunctionRegistry(FunctionTestRegistry(FunctionTestDataDir().string(), false));
  const FunctionSpec* spec = registry->Find(name);
  if (spec == nullptr) return NotFound("no function " + std::string(name));
  return Call(*spec, std::move(args));
}

std::string RenderResult(const Result<Value>& r) {
  if (!r.ok()) return "error: " + r.status().message();
  Marks marks = 0;
  Value v = r->UnmarkDeep(&marks);
  std::string prefix = (marks & kSensitive) ? "sensitive " : "";
  if (!v.IsKnown()) return prefix + "unknown " + v.type().ToJson();
  if (v.IsNull()) return prefix + "null " + v.type().ToJson();
  auto json = EncodeJsonPlain(v, false);
  if (!json.ok()) return prefix + v.DebugString();
  auto implied = ImpliedTypeOfJson(*json);
  if (implied.ok() && implied->Equals(v.type())) return prefix + *json;
  return prefix + v.type().ToJson() + " " + *json;
}

namespace {

Result<Value> ParseArg(std::string_view text) {
  auto starts = [&](std::string_view p) { return text.substr(0, p.size()) == p; };
  if (starts("sensitive ")) {
    FW_ASSIGN_OR_RETURN(Value v, ParseArg(text.substr(10)));
    return v.WithMarks(kSensitive);
  }
  if (starts("unknown ") || starts("null ")) {
    bool unknown = starts("unknown ");
    FW_ASSIGN_OR_RETURN(Type t, Type::FromJson(text.substr(unknown ? 8 : 5)));
    return unknown ? Value::Unknown(t) : Value::Null(t);
  }
  if (starts("typed ")) {
    text.remove_prefix(6);
    size_t space = text.find(' ');
    if (space == std::string_view::npos) return InvalidArgument("typed needs a value");
    FW_ASSIGN_OR_RETURN(Type t, Type::FromJson(text.substr(0, space)));
    return DecodeJson(text.substr(space + 1), t);
  }
  return DecodeJsonImplied(text);
}

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
    if (pos == std::string::npos) return out;
    start = pos + sep.size();
  }
}

void RunFamily(const std::string& family) {
  std::filesystem::path dir = FunctionTestDataDir() / family;
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
  FunctionRegistry registry = FunctionTestRegistry(dir.string(), false);
  FunctionRegistry plan_registry = FunctionTestRegistry(dir.string(), true);
  int cases = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line;
    int lineno = 0;
    while (std::getline(in, line)) {
      ++lineno;
      if (line.empty() || line[0] == '#') continue;
      size_t arrow = line.find(" =>");
      ASSERT_NE(arrow, std::string::npos) << path << ":" << lineno;
      std::string lhs = line.substr(0, arrow);
      std::string want = line.size() > arrow + 4 ? line.substr(arrow + 4) : "";
      std::vector<std::string> parts = Split(lhs, " :: ");
      std::string name = parts[0];
      bool plan = false;
      if (name.rfind("plan:", 0) == 0) {
        plan = true;
        name = name.substr(5);
      }
      std::vector<Value> args;
      for (size_t i = 1; i < parts.size(); ++i) {
        std::string text = parts[i];
        for (size_t at; (at = text.find("$BASE")) != std::string::npos;) {
          text.replace(at, 5, dir.string());
        }
        auto a = ParseArg(text);
        ASSERT_TRUE(a.ok()) << path << ":" << lineno << ": bad argument " << parts[i] << ": "
                            << a.status().message();
        args.push_back(*a);
      }
      const FunctionSpec* spec = (plan ? plan_registry : registry).Find(name);
      ASSERT_NE(spec, nullptr) << path << ":" << lineno << ": no function " << name;
      for (size_t at; (at = want.find("$BASE")) != std::string::npos;) {
        want.replace(at, 5, dir.string());
      }
      std::string got = RenderResult(Call(*spec, args));
      EXPECT_EQ(got, want) << path.filename().string() << ":" << lineno << ": " << lhs;
      ++cases;
    }
  }
  EXPECT_GT(cases, 0);
}

TEST(FunctionDataTest, TypeConversion) { RunFamily("type_conversion"); }
TEST(FunctionDataTest, Encoding) { RunFamily("encoding"); }
TEST(FunctionDataTest, Yaml) { RunFamily("yaml"); }
TEST(FunctionDataTest, Hash) { RunFamily("hash"); }
TEST(FunctionDataTest, IpNet) { RunFamily("ipnet"); }
TEST(FunctionDataTest, DateTime) { RunFamily("datetime"); }
TEST(FunctionDataTest, Context) { RunFamily("context"); }

Value S(std::string s) { return Value::String(std::move(s)); }

TEST(EncodingTest, Base64RoundTripOfAllBytesFailsUtf8Check) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  auto enc = CallFn("base64encode", {S(all)});
  ASSERT_TRUE(enc.ok());
  auto dec = CallFn("base64decode", {*enc});
  EXPECT_EQ(dec.status().message(),
            "the result of decoding the provided string is not valid UTF-8");
}

TEST(EncodingTest, Base64GzipDecompresses) {
  auto r = CallFn("base64gzip", {S("test")});
  ASSERT_TRUE(r.ok());
  // gzip header magic, base64-encoded: 1f 8b 08 -> "H4sI"
  EXPECT_EQ(r->AsString().substr(0, 4), "H4sI");
}

#if FW_HAVE_RAPIDCHECK
RC_GTEST_PROP(EncodingProperty, Base64RoundTrip, (const std::string& s)) {
  // Only valid UTF-8 round-trips (base64decode checks); make the string ASCII.
  std::string ascii;
  for (char c : s) ascii += static_cast<char>(static_cast<unsigned char>(c) & 0x7f);
  auto enc = CallFn("base64encode", {S(ascii)});
  RC_ASSERT(enc.ok());
  auto dec = CallFn("base64decode", {*enc});
  RC_ASSERT(dec.ok());
  RC_ASSERT(dec->AsString() == ascii);
}

RC_GTEST_PROP(EncodingProperty, JsonRoundTrip, (const std::map<std::string, int64_t>& m,
                                                const std::vector<std::string>& list)) {
  std::vector<std::pair<std::string, Value>> attrs;
  auto ascii = [](const std::string& s) {
    std::string out;
    for (char c : s) out += static_cast<char>(static_cast<unsigned char>(c) & 0x7f);
    return out;
  };
  std::map<std::string, Value> unique;
  for (const auto& [k, v] : m) unique.insert_or_assign(ascii(k), Value::Int(v));
  std::vector<Value> elems;
  for (const auto& s : list) elems.push_back(S(ascii(s)));
  unique.insert_or_assign("\x01list", Value::Tuple(elems));
  for (auto& [k, v] : unique) attrs.emplace_back(k, v);
  Value v = Value::Object(attrs);
  auto enc = CallFn("jsonencode", {v});
  RC_ASSERT(enc.ok());
  auto dec = CallFn("jsondecode", {*enc});
  RC_ASSERT(dec.ok());
  RC_ASSERT(dec->RawEquals(v));
}
#endif

}  // namespace
}  // namespace fw::hcl
