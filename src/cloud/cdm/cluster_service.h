// The simulated CDM cluster service: the one place where clusters are created, changed and
// read, used by the CDM API and (later) by the huaweicloud_cdm_cluster resource of the engine.
// Every operation validates like the real service and stores the result; time-driven
// transitions are applied when clusters are read (see provisioning.h).
//
// Errors carry CDM service codes: unknown cluster → kNotFound "Cdm.0001"; invalid input →
// kInvalidArgument "Cdm.0014"; an operation the cluster's status forbids →
// kFailedPrecondition "Cdm.0014" (HTTP 400, as the real service documents its codes).
//
// Thread-safety: safe from any thread; every method blocks on the store.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "cloud/cdm/cluster.h"
#include "cloud/faults.h"
#include "cloud/provisioning.h"
#include "store/store.h"

namespace fw::cloud::cdm {

inline constexpr std::string_view kResourceType = "cdm.cluster";

struct StopOptions {
  std::string mode = "IMMEDIATELY";  // or GRACEFULLY
  int64_t delay_seconds = 0;         // GRACEFULLY: -1 waits for jobs, >0 waits that long
};

struct RestartOptions {
  std::string mode = "IMMEDIATELY";  // IMMEDIATELY, FORCELY, SOFTLY, GRACEFULL
  std::string level = "SERVICE";     // SERVICE or VM
  int64_t delay_seconds = 0;
};

struct ModifySpec {
  std::optional<bool> auto_off;
  std::optional<bool> schedule_boot_off;
  std::optional<std::string> schedule_boot_time;
  std::optional<std::string> schedule_off_time;
  std::optional<bool> auto_remind;
  std::optional<std::string> phone_num;
  std::optional<std::string> email;
};

// Checks a creation request the way the real service does. `region` is the project's.
Status ValidateClusterSpec(const ClusterSpec& spec, std::string_view region);
Status ValidateModifySpec(const ModifySpec& spec);

// The latest committed state of each cluster this process has read or written, so reads can be
// answered from memory (on an I/O thread). Written through on every change made by the service;
// an entry only ever moves to a newer store version. Only valid while this process is the only
// writer of the store (the embedded SQLite backend); a shared backend must disable it.
class ClusterCache {
 public:
  void Put(const Cluster& c);
  void Erase(const std::string& id);
  std::shared_ptr<const Cluster> Get(const std::string& id) const;

 private:
  mutable std::mutex mu_;
  // Immutable entries, replaced whole: readers share them without copying.
  std::unordered_map<std::string, std::shared_ptr<const Cluster>> clusters_;  // guarded by mu_
};

class ClusterService {
 public:
  ClusterService(store::Store& store, const Provisioning& provisioning, FaultInjector& faults,
                 bool read_cache = true);

  // Creates a cluster in the project (whose name is its region). With a non-empty
  // `client_token`, a repeated call returns the cluster the first call created.
  Result<Cluster> Create(const std::string& project_id, ClusterSpec spec,
                         const std::string& client_token = "");
  Result<Cluster> Get(const std::string& project_id, const std::string& cluster_id);
  // Get from the read cache alone (never blocks): null when it would need the store.
  std::shared_ptr<const Cluster> GetCached(const std::string& project_id,
                                           const std::string& cluster_id);
  Result<std::vector<Cluster>> List(const std::string& project_id);
  // Each returns the job id of the operation.
  Result<std::string> Delete(const std::string& project_id, const std::string& cluster_id);
  Result<std::string> Start(const std::string& project_id, const std::string& cluster_id);
  Result<std::string> Stop(const std::string& project_id, const std::string& cluster_id,
                           const StopOptions& options);
  Result<std::string> Restart(const std::string& project_id, const std::string& cluster_id,
                              const RestartOptions& options);
  Status Modify(const std::string& project_id, const std::string& cluster_id,
                const ModifySpec& spec);
  // The region of a project (its name).
  Result<std::string> ProjectRegion(const std::string& project_id);
  // The cluster that owns a node, with the node's index.
  Result<std::pair<Cluster, size_t>> FindInstance(const std::string& project_id,
                                                  const std::string& instance_id);

 private:
  // Reads the cluster, applies due transitions, lets `change` modify it, and writes it back in
  // one transaction.
  Result<Cluster> Mutate(const std::string& project_id, const std::string& cluster_id,
                         const std::function<Status(Cluster&, TimePoint now)>& change);
  Status CheckFault(std::string_view operation, const Cluster& c);

  void Remember(const Cluster& stored);

  store::Store& store_;
  const Provisioning& provisioning_;
  FaultInjector& faults_;
  bool read_cache_;
  ClusterCache cache_;
};

}  // namespace fw::cloud::cdm
