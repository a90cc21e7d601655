// Test fixture for the engine: a LocalCloud in a temporary directory on a manual clock, the
// built-in registry, configurations from in-memory files, and plan/apply helpers.
//
// Thread-safety: one test at a time.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "base/clock.h"
#include "base/ids.h"
#include "config/loader.h"
#include "engine/engine.h"
#include "providers/local_cloud.h"

namespace fw::engine {

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("fw-engine-" + NewHexId32());
    std::filesystem::create_directories(dir_);
    providers::LocalCloudOptions o;
    o.db_path = (dir_ / "cloud.db").string();
    o.clock = &clock_;
    auto c = providers::LocalCloud::Open(o);
    ASSERT_TRUE(c.ok()) << c.status().message();
    cloud_ = std::move(*c);
    target_.cloud = cloud_->services();
    target_.project_for = [this](const std::string& region) { return cloud_->ProjectFor(region); };
    target_.idempotency_prefix = "test";
  }
  void TearDown() override {
    cloud_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Loads `main_tf` (plus other files) and keeps the configuration alive.
  const config::Config& Load(const std::string& main_tf,
                             std::map<std::string, std::string> more = {}) {
    more["main.tf"] = main_tf;
    loads_.push_back(std::make_unique<config::LoadResult>(config::LoadConfigFromFiles(more)));
    EXPECT_FALSE(loads_.back()->diags.HasErrors()) << Describe(loads_.back()->diags);
    return *loads_.back()->config;
  }

  PlanResult MakePlanFor(const config::Config& cfg, PlanOptions options = {}) {
    return MakePlan(cfg, state_, options, target_);
  }

  // Plans and applies `cfg` against state_, updating state_. Returns the plan.
  Plan PlanAndApply(const config::Config& cfg, PlanOptions options = {}, int parallelism = 10) {
    PlanResult p = MakePlan(cfg, state_, options, target_);
    EXPECT_FALSE(p.diags.HasErrors()) << Describe(p.diags);
    ApplyOptions ao;
    ao.parallelism = parallelism;
    ApplyResult r = Apply(cfg, p.plan, state_, target_, ao);
    EXPECT_TRUE(r.ok()) << Describe(r.diags) << (r.failures.empty() ? "" : r.failures[0].message);
    state_ = std::move(r.state);
    return std::move(p.plan);
  }

  static std::string Describe(const hcl::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags) out += d.summary + ": " + d.detail + "\n";
    return out;
  }
  static std::string Attr(const InstanceState* s, const std::string& name) {
    if (!s) return "<no instance>";
    const hcl::Value* v = s->attributes.Get(name);
    if (!v || v->IsNull() || v->type() != hcl::Type::String()) return "<none>";
    return v->AsString();
  }
  size_t CountInCloud(const std::string& type) {
    auto items = cloud_->inventory().List(*cloud_->ProjectFor("cn-north-4"), type);
    return items.ok() ? items->size() : 0;
  }

  // The cloud's clock, which the engine's timestamp() and plan times read. It stays at
  // kTestTime unless a test moves it.
  static constexpr std::chrono::seconds kTestTime{1772357400};  // 2026-03-01T09:30:00Z
  ManualClock clock_{TimePoint(kTestTime)};
  std::filesystem::path dir_;
  std::unique_ptr<providers::LocalCloud> cloud_;
  Target target_;
  State state_;
  std::vector<std::unique_ptr<config::LoadResult>> loads_;
};

}  // namespace fw::engine
