// A simulated CDM cluster: what was asked for (ClusterSpec), what the cloud made of it (nodes,
// ids, addresses), and where it is in its lifecycle.
//
// Lifecycle (status codes are the API's strings):
//   create → 100 creating ──ready──▶ 200 normal        (or 303 when a fault fired)
//   200 ──stop──▶ 910 stopping ──▶ 900 stopped ──start──▶ 920 starting ──▶ 200
//   200 ──restart──▶ 200 with actions [REBOOTING] ──▶ 200
//   any but deleting ──delete──▶ deleting ──▶ gone (404)
// An operation in progress has `action`, `action_started` and `action_ready`; Advance() applies
// every transition that is due at a given time (see provisioning.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"

namespace fw::cloud::cdm {

enum class ClusterStatus {
  kCreating = 100,
  kNormal = 200,
  kFailed = 300,
  kCreateFailed = 303,
  kFrozen = 800,
  kStopped = 900,
  kStopping = 910,
  kStarting = 920,
};
std::string StatusCode(ClusterStatus s);    // "200"
std::string StatusDetail(ClusterStatus s);  // "Normal"

enum class ClusterAction { kNone, kCreating, kStarting, kStopping, kRestarting, kDeleting };
std::string_view ActionName(ClusterAction a);  // "createCluster"

struct Nic {
  std::string security_group_id;
  std::string subnet_id;  // "net-id" on the wire
};

struct InstanceSpec {
  std::string availability_zone;
  std::string flavor_id;
  std::string type = "cdm";
  std::vector<Nic> nics;
};

struct ClusterSpec {
  std::string name;
  std::string vpc_id;
  std::vector<InstanceSpec> instances;
  std::string datastore_type = "cdm";
  std::string datastore_version;  // empty: the default version
  std::string enterprise_project_id = "0";
  bool is_auto_off = false;
  bool is_schedule_boot_off = false;
  std::string schedule_boot_time;  // "HH:MM:SS"
  std::string schedule_off_time;
  bool auto_remind = false;
  std::string phone_num;
  std::string email;
  std::string work_space_id;
  std::string resource_id;
  std::string trial;
};

struct ClusterNode {
  std::string id;
  std::string name;
  std::string shard_id;  // "dn-1"
  std::string availability_zone;
  std::string flavor_id;
  std::string private_ip;
  std::string manage_ip;
  Nic nic;
};

struct Cluster {
  std::string id;
  std::string project_id;
  std::string region;
  ClusterSpec spec;
  std::vector<ClusterNode> nodes;
  ClusterStatus status = ClusterStatus::kCreating;
  ClusterAction action = ClusterAction::kNone;
  TimePoint action_started;
  TimePoint action_ready;
  std::string task_id;  // the job id of the running action
  // Set at creation when a fault rule fired: creation ends in 303 with this reason.
  std::optional<std::pair<std::string, std::string>> pending_failure;
  // errorCode, errorMsg once creation has failed.
  std::optional<std::pair<std::string, std::string>> failed_reason;
  int event_count = 0;
  TimePoint created_at;
  TimePoint updated_at;
  int64_t version = 0;  // the store row's version this was read at
};

// Applies every transition due at `now`. Returns false when the cluster is gone (deleted).
bool Advance(Cluster& c, TimePoint now);

// The persisted JSON form of a cluster (the body of its cloud_resources row).
std::string ClusterToStoredJson(const Cluster& c);
Result<Cluster> ClusterFromStoredJson(std::string_view json);

}  // namespace fw::cloud::cdm
