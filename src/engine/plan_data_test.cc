// Data-driven plan tests: each file of testdata/plan/ gives a configuration, optionally a
// configuration applied first (its result is the prior state), and the expected plan — one line
// per instance that changes ("address: action [reason] [replace paths]") and the plan's closing
// line — or the expected error ("error: <summary>").
//
//   -- before.tf --      (optional) applied first; the resulting state is the prior state
//   -- main.tf --        the configuration planned
//   -- expected --       the lines described above
//   -- rendered --       (optional) lines that must each appear in RenderPlan's text (spaces
//                        around and runs inside ignored), e.g. `+ "created_at" = (known after apply)`
//
// The cloud's clock (and so timestamp() at apply and plantimestamp()) stands at
// 2026-03-01T09:30:00Z.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "engine/engine_test_util.h"

namespace fw::engine {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> Sections(const std::string& text) {
  std::map<std::string, std::string> out;
  std::istringstream in(text);
  std::string line, current;
  while (std::getline(in, line)) {
    if (line.rfind("-- ", 0) == 0 && line.size() > 6 && line.substr(line.size() - 3) == " --") {
      current = line.substr(3, line.size() - 6);
      out[current];
      continue;
    }
    if (!current.empty()) out[current] += line + "\n";
  }
  return out;
}

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// `s` without leading and trailing spaces, runs of spaces inside made one.
std::string Stripped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The plan in the tests' notation.
std::string Notation(const Plan& plan) {
  std::string out;
  for (const ResourceChange& c : plan.changes) {
    if (c.action == Action::kNoOp) continue;
    out += c.address.String() + ": " + std::string(ActionName(c.action));
    if (c.action == Action::kCreateThenDelete) out += " (create first)";
    if (!c.reason.empty()) out += " " + c.reason;
    for (const std::string& p : c.replace_paths) out += " !" + p;
    out += "\n";
  }
  std::string rendered = RenderPlan(plan);
  std::istringstream in(rendered);
  std::string line, last;
  while (std::getline(in, line)) {
    if (line.rfind("Plan:", 0) == 0 || line.rfind("No changes.", 0) == 0) last = line;
  }
  return out + last;
}

class PlanDataTest : public EngineTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(PlanDataTest, MatchesExpected) {
  std::ifstream f(GetParam());
  std::stringstream buf;
  buf << f.rdbuf();
  auto sections = Sections(buf.str());
  ASSERT_TRUE(sections.count("main.tf") && sections.count("expected")) << GetParam();
  if (sections.count("before.tf")) PlanAndApply(Load(sections["before.tf"]));
  std::map<std::string, std::string> files{{"main.tf", sections["main.tf"]}};
  loads_.push_back(std::make_unique<config::LoadResult>(config::LoadConfigFromFiles(files)));
  const config::LoadResult& loaded = *loads_.back();
  const std::string expected = Trimmed(sections["expected"]);
  PlanResult p = MakePlanFor(*loaded.config);
  hcl::Diagnostics all = loaded.diags;
  all.Append(p.diags);
  if (expected.rfind("error: ", 0) == 0) {
    ASSERT_TRUE(all.HasErrors()) << "expected an error, got:\n" << Notation(p.plan);
    std::string summaries;
    for (const auto& d : all) summaries += d.summary + "\n";
    EXPECT_NE(summaries.find(expected.substr(7)), std::string::npos) << summaries;
    return;
  }
  ASSERT_FALSE(all.HasErrors()) << Describe(all);
  EXPECT_EQ(Notation(p.plan), expected) << GetParam();
  if (sections.count("rendered")) {
    std::istringstream rendered(RenderPlan(p.plan));
    std::set<std::string> have;
    for (std::string line; std::getline(rendered, line);) have.insert(Stripped(line));
    std::istringstream want(sections["rendered"]);
    for (std::string line; std::getline(want, line);) {
      if (Stripped(line).empty()) continue;
      EXPECT_TRUE(have.count(Stripped(line))) << "missing line: " << Stripped(line) << "\n"
                                              << RenderPlan(p.plan);
    }
  }
}

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(FW_ENGINE_TESTDATA) / "plan")) {
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Files, PlanDataTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = fs::path(info.param).stem().string();
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace fw::engine
