// Data-driven cases in testdata/values/*.txt. Each non-blank, non-# line is one case:
//   convert :: <type JSON> :: <value JSON, implied type> => <type JSON> <value JSON> | error: <msg>
//   unify :: <type JSON> :: <type JSON> ... => <type JSON> | none
//   number :: <string> => <formatted> | error: <msg>
//   arith :: <a> <op> <b> => <formatted> | error: <msg>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hcl/convert.h"
#include "hcl/value_json.h"

namespace fw::hcl {
namespace {

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

std::string RunCase(const std::string& lhs) {
  std::vector<std::string> parts = Split(lhs, " :: ");
  const std::string& verb = parts[0];
  if (verb == "convert" && parts.size() == 3) {
    auto type = Type::FromJson(parts[1]);
    if (!type.ok()) return "bad type: " + type.status().message();
    auto value = DecodeJsonImplied(parts[2]);
    if (!value.ok()) return "bad value: " + value.status().message();
    auto r = Convert(*value, *type);
    if (!r.ok()) return "error: " + r.status().message();
    auto j = EncodeJsonPlain(*r, false);
    return r->type().ToJson() + " " + (j.ok() ? *j : "<" + j.status().message() + ">");
  }
  if (verb == "unify") {
    std::vector<Type> types;
    for (size_t i = 1; i < parts.size(); ++i) {
      auto t = Type::FromJson(parts[i]);
      if (!t.ok()) return "bad type: " + t.status().message();
      types.push_back(*t);
    }
    auto u = UnifyTypes(types);
    return u ? u->ToJson() : "none";
  }
  if (verb == "number" && parts.size() == 2) {
    auto n = Number::ParseString(parts[1]);
    return n.ok() ? n->ToString() : "error: " + n.status().message();
  }
  if (verb == "arith" && parts.size() == 2) {
    std::vector<std::string> t = Split(parts[1], " ");
    if (t.size() != 3) return "bad arith";
    auto a = Number::ParseString(t[0]);
    auto b = Number::ParseString(t[2]);
    if (!a.ok() || !b.ok()) return "bad operand";
    Result<Number> r = Number();
    switch (t[1][0]) {
      case '+':
        r = a->Add(*b);
        break;
      case '-':
        r = a->Sub(*b);
        break;
      case '*':
        r = a->Mul(*b);
        break;
      case '/':
        r = a->Div(*b);
        break;
      case '%':
        r = a->Mod(*b);
        break;
      case '<':
        return a->Compare(*b) < 0 ? "true" : "false";
      default:
        return "bad op";
    }
    return r.ok() ? r->ToString() : "error: " + r.status().message();
  }
  return "bad case";
}

TEST(ValuesDataTest, AllFiles) {
  const char* root = std::getenv("FORMWORK_SOURCE_DIR");
  std::filesystem::path dir =
      std::filesystem::path(root ? root : FORMWORK_SOURCE_DIR_DEFAULT) / "src/hcl/testdata/values";
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::string line;
    int lineno = 0;
    while (std::getline(in, line)) {
      ++lineno;
      if (line.empty() || line[0] == '#') continue;
      size_t arrow = line.rfind(" => ");
      ASSERT_NE(arrow, std::string::npos) << entry.path() << ":" << lineno;
      std::string got = RunCase(line.substr(0, arrow));
      EXPECT_EQ(got, line.substr(arrow + 4))
          << entry.path().filename() << ":" << lineno << ": " << line;
      ++cases;
    }
  }
  EXPECT_GT(cases, 20);
}

}  // namespace
}  // namespace fw::hcl
