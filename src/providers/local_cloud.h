// A simulated cloud of its own, in one SQLite file: what the offline commands (`formwork plan`,
// `apply`, `destroy`) deploy into, kept beside their state file, and what provider tests use.
// It holds one account with one project per region (project name = region), the inventory, the
// CDM cluster service, fault rules and the provisioning clock.
//
// Thread-safety: as its parts (all safe from any thread).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/clock.h"
#include "cloud/cdm/cluster_service.h"
#include "cloud/faults.h"
#include "cloud/inventory.h"
#include "providers/provider.h"
#include "store/store.h"

namespace fw::providers {

struct LocalCloudOptions {
  std::string db_path;                       // created when missing
  std::vector<std::string> regions = {"cn-north-4"};
  double time_scale = 0;
  const Clock* clock = nullptr;              // null: the system clock
};

class LocalCloud {
 public:
  static Result<std::unique_ptr<LocalCloud>> Open(const LocalCloudOptions& options);
  ~LocalCloud();

  // The project of a region (created on first use).
  Result<std::string> ProjectFor(const std::string& region);
  CloudServices services();
  // A call context for one resource instance in `region`.
  Result<CallContext> Context(const std::string& region, std::string address,
                              std::string idempotency_key);

  store::Store& store() { return *store_; }
  cloud::FaultInjector& faults() { return faults_; }
  cloud::Inventory& inventory() { return *inventory_; }
  cloud::cdm::ClusterService& cdm() { return *cdm_; }

 private:
  LocalCloud() = default;

  SystemClock system_clock_;
  std::unique_ptr<store::Store> store_;
  cloud::FaultInjector faults_;
  std::unique_ptr<cloud::Provisioning> provisioning_;
  std::unique_ptr<cloud::Inventory> inventory_;
  std::unique_ptr<cloud::cdm::ClusterService> cdm_;
  std::mutex mu_;
  std::string domain_id_;                      // guarded by mu_
  std::map<std::string, std::string> projects_;  // region → project id; guarded by mu_
};

}  // namespace fw::providers
