// Test fixture for the stacks tests: a real SQLite store in a temp dir with one account and the
// project "cn-north-4", the simulated cloud over it (inventory, CDM, provisioning at time scale
// 0), a ManualClock, a StackService, and workers that run jobs on the test's thread.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "base/ids.h"
#include "cloud/cdm/cluster_service.h"
#include "cloud/faults.h"
#include "cloud/inventory.h"
#include "cloud/provisioning.h"
#include "stacks/deploy_worker.h"
#include "stacks/stack_service.h"
#include "store/store.h"

namespace fw::stacks {

class StacksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("fw-stacks-" + NewHexId32());
    std::filesystem::create_directories(dir_);
    auto s = store::OpenSqliteStore({(dir_ / "formwork.db").string(), 4});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    ASSERT_TRUE(store_->Write([&](store::Repositories& r) -> fw::Status {
      FW_RETURN_IF_ERROR(r.accounts().InsertDomain({"d1", "formwork", true, clock_.Now()}));
      return r.accounts().InsertProject({kProject, "d1", "cn-north-4", "", true, clock_.Now()});
    }).ok());
    provisioning_ = std::make_unique<cloud::Provisioning>(clock_, 0);
    inventory_ = std::make_unique<cloud::Inventory>(*store_, *provisioning_, faults_);
    clusters_ =
        std::make_unique<cloud::cdm::ClusterService>(*store_, *provisioning_, faults_, false);
    service_ = std::make_unique<StackService>(*store_, clock_, inventory_.get());
  }

  void TearDown() override {
    service_.reset();
    store_->Close();
    std::filesystem::remove_all(dir_);
  }

  providers::CloudServices Cloud() {
    return {inventory_.get(), clusters_.get(), provisioning_.get()};
  }

  std::unique_ptr<DeployWorker> Worker(const std::string& id, RunnerOptions runner = {}) {
    DeployWorkerOptions options;
    options.worker_id = id;
    options.runner = std::move(runner);
    return std::make_unique<DeployWorker>(*store_, clock_, Cloud(), options);
  }

  // Runs claimable jobs on this thread until there are none (bounded).
  void RunJobs(DeployWorker& worker) {
    for (int i = 0; i < 50; ++i) {
      auto ran = worker.RunOne();
      ASSERT_TRUE(ran.ok()) << ran.status().ToString();
      if (!*ran) return;
    }
    FAIL() << "jobs kept coming";
  }

  StackRef Ref(const std::string& name) { return {kProject, name, std::nullopt}; }

  std::string StatusOf(const std::string& name) {
    auto m = service_->GetStackMetadata(Ref(name));
    return m.ok() ? m->summary.status : "404";
  }

  size_t Count(const std::string& type) {
    auto items = inventory_->List(kProject, type);
    return items.ok() ? items->size() : 0;
  }

  static constexpr const char* kProject = "0123456789abcdef0123456789abcdef";
  std::filesystem::path dir_;
  ManualClock clock_{TimePoint(std::chrono::seconds(1700000000))};
  std::unique_ptr<store::Store> store_;
  cloud::FaultInjector faults_;
  std::unique_ptr<cloud::Provisioning> provisioning_;
  std::unique_ptr<cloud::Inventory> inventory_;
  std::unique_ptr<cloud::cdm::ClusterService> clusters_;
  std::unique_ptr<StackService> service_;
};

}  // namespace fw::stacks
