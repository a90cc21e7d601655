#include "cloud/cdm/cluster_service.h"

#include "base/ids.h"
#include "cloud/cdm/catalog.h"

namespace fw::cloud::cdm {
namespace {

using std::chrono::seconds;

// How long each operation takes in the real cloud (scaled by the time scale).
constexpr seconds kCreateTime{600};
constexpr seconds kStartTime{90};
constexpr seconds kStopTime{60};
constexpr seconds kRestartTime{120};
constexpr seconds kDeleteTime{60};

Status NoSuchCluster(const std::string& id) {
  return NotFound("The cluster " + id + " does not exist.", "Cdm.0001");
}

Status Busy(const Cluster& c, std::string_view what) {
  if (c.action == ClusterAction::kCreating) {
    return FailedPrecondition("The cluster is being created and cannot be " + std::string(what) +
                                  ".",
                              "Cdm.0014");
  }
  if (c.action == ClusterAction::kDeleting) {
    return FailedPrecondition("The cluster is being deleted.", "Cdm.0014");
  }
  return FailedPrecondition("The cluster is busy with another operation (" +
                                std::string(ActionName(c.action)) + ") and cannot be " +
                                std::string(what) + ".",
                            "Cdm.0014");
}

void BeginAction(Cluster& c, ClusterAction action, TimePoint now, TimePoint ready) {
  c.action = action;
  c.action_started = now;
  c.action_ready = ready;
  c.task_id = NewHexId32();
  c.updated_at = now;
  ++c.event_count;
}

std::string RandomPrivateIp() {
  return "192.168." + std::to_string(RandomBelow(254) + 1) + "." +
         std::to_string(RandomBelow(250) + 4);
}

}  // namespace

void ClusterCache::Put(const Cluster& c) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = clusters_.find(c.id);
  if (it == clusters_.end()) {
    clusters_.emplace(c.id, std::make_shared<const Cluster>(c));
  } else if (it->second->version <= c.version) {
    it->second = std::make_shared<const Cluster>(c);
  }
}

void ClusterCache::Erase(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  clusters_.erase(id);
}

std::shared_ptr<const Cluster> ClusterCache::Get(const std::string& id) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = clusters_.find(id);
  if (it == clusters_.end()) return nullptr;
  return it->second;
}

ClusterService::ClusterService(store::Store& store, const Provisioning& provisioning,
                               FaultInjector& faults, bool read_cache)
    : store_(store), provisioning_(provisioning), faults_(faults), read_cache_(read_cache) {}

void ClusterService::Remember(const Cluster& stored) {
  if (read_cache_) cache_.Put(stored);
}

std::shared_ptr<const Cluster> ClusterService::GetCached(const std::string& project_id,
                                                         const std::string& id) {
  if (!read_cache_) return nullptr;
  std::shared_ptr<const Cluster> c = cache_.Get(id);
  if (!c || c->project_id != project_id) return nullptr;
  const TimePoint now = provisioning_.Now();
  if (c->action == ClusterAction::kNone || now < c->action_ready) return c;  // nothing due
  auto advanced = std::make_shared<Cluster>(*c);
  if (!Advance(*advanced, now)) return nullptr;
  return advanced;
}

Status ClusterService::CheckFault(std::string_view operation, const Cluster& c) {
  if (auto fault = faults_.Fire("cdm", "cluster", operation, c.spec.name)) {
    return Internal(fault->error_message, fault->error_code);
  }
  return Status::Ok();
}

Result<Cluster> ClusterService::Create(const std::string& project_id, ClusterSpec spec,
                                       const std::string& client_token) {
  Cluster out;
  std::optional<Cluster> stored;  // as committed, before time-driven transitions
  FW_RETURN_IF_ERROR(store_.Write([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto project, r.accounts().FindProjectById(project_id));
    if (!project) return NotFound("The project does not exist.", "Cdm.0001");
    FW_RETURN_IF_ERROR(ValidateClusterSpec(spec, project->name));
    const TimePoint now = provisioning_.Now();
    if (!client_token.empty()) {
      FW_ASSIGN_OR_RETURN(auto existing,
                          r.cloud().FindByClientToken(project_id, std::string(kResourceType),
                                                      client_token));
      if (existing) {
        FW_ASSIGN_OR_RETURN(out, ClusterFromStoredJson(existing->body));
        out.version = existing->version;
        Advance(out, now);
        return Status::Ok();
      }
    }
    // Names are unique among the project's live clusters; deleted ones are purged here.
    FW_ASSIGN_OR_RETURN(auto rows, r.cloud().List(project_id, std::string(kResourceType)));
    for (const auto& row : rows) {
      FW_ASSIGN_OR_RETURN(Cluster c, ClusterFromStoredJson(row.body));
      if (!Advance(c, now)) {
        FW_RETURN_IF_ERROR(r.cloud().Delete(row.type, row.id));
        cache_.Erase(row.id);
      } else if (c.spec.name == spec.name) {
        return InvalidArgument("A cluster named " + spec.name + " already exists.", "Cdm.0014");
      }
    }
    if (spec.datastore_version.empty()) spec.datastore_version = DefaultDatastoreVersion().name;

    Cluster c;
    c.id = NewUuid();
    c.project_id = project_id;
    c.region = project->name;
    c.spec = std::move(spec);
    for (size_t i = 0; i < c.spec.instances.size(); ++i) {
      const InstanceSpec& in = c.spec.instances[i];
      ClusterNode n;
      n.id = NewUuid();
      n.shard_id = "dn-" + std::to_string(i + 1);
      n.name = c.spec.name + "-cdm-" + n.shard_id + "-1";
      n.availability_zone = in.availability_zone;
      n.flavor_id = in.flavor_id;
      n.private_ip = RandomPrivateIp();
      n.manage_ip = RandomPrivateIp();
      n.nic = in.nics.front();
      c.nodes.push_back(std::move(n));
    }
    c.status = ClusterStatus::kCreating;
    c.created_at = now;
    BeginAction(c, ClusterAction::kCreating, now, provisioning_.ReadyAt(now, kCreateTime));
    if (auto fault = faults_.Fire("cdm", "cluster", "create", c.spec.name)) {
      c.pending_failure = std::make_pair(fault->error_code, fault->error_message);
    }
    store::CloudResourceRecord row{c.id, project_id, std::string(kResourceType), c.spec.name,
                                   client_token, ClusterToStoredJson(c), 1, now, now};
    FW_RETURN_IF_ERROR(r.cloud().Insert(row));
    c.version = 1;
    stored = c;
    Advance(c, now);
    out = std::move(c);
    return Status::Ok();
  }));
  if (stored) Remember(*stored);
  return out;
}

Result<Cluster> ClusterService::Get(const std::string& project_id, const std::string& id) {
  std::optional<store::CloudResourceRecord> row;
  FW_RETURN_IF_ERROR(store_.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(row, r.cloud().Get(std::string(kResourceType), id));
    return Status::Ok();
  }));
  if (!row || row->project_id != project_id) return NoSuchCluster(id);
  FW_ASSIGN_OR_RETURN(Cluster c, ClusterFromStoredJson(row->body));
  c.version = row->version;
  Remember(c);
  if (!Advance(c, provisioning_.Now())) return NoSuchCluster(id);
  return c;
}

Result<std::vector<Cluster>> ClusterService::List(const std::string& project_id) {
  std::vector<store::CloudResourceRecord> rows;
  FW_RETURN_IF_ERROR(store_.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(rows, r.cloud().List(project_id, std::string(kResourceType)));
    return Status::Ok();
  }));
  std::vector<Cluster> out;
  const TimePoint now = provisioning_.Now();
  for (const auto& row : rows) {
    FW_ASSIGN_OR_RETURN(Cluster c, ClusterFromStoredJson(row.body));
    c.version = row.version;
    if (Advance(c, now)) out.push_back(std::move(c));
  }
  return out;
}

Result<Cluster> ClusterService::Mutate(
    const std::string& project_id, const std::string& id,
    const std::function<Status(Cluster&, TimePoint)>& change) {
  Cluster out;
  std::optional<Cluster> stored;
  FW_RETURN_IF_ERROR(store_.Write([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto row, r.cloud().Get(std::string(kResourceType), id));
    if (!row || row->project_id != project_id) return NoSuchCluster(id);
    FW_ASSIGN_OR_RETURN(Cluster c, ClusterFromStoredJson(row->body));
    const TimePoint now = provisioning_.Now();
    if (!Advance(c, now)) {
      FW_RETURN_IF_ERROR(r.cloud().Delete(row->type, row->id));
      cache_.Erase(id);
      return NoSuchCluster(id);
    }
    FW_RETURN_IF_ERROR(change(c, now));
    row->version += 1;
    row->body = ClusterToStoredJson(c);
    row->updated_at = now;
    FW_RETURN_IF_ERROR(r.cloud().Update(*row));
    c.version = row->version;
    stored = c;
    Advance(c, now);  // at time scale 0 the operation is already done
    out = std::move(c);
    return Status::Ok();
  }));
  if (stored) Remember(*stored);
  return out;
}

Result<std::string> ClusterService::Delete(const std::string& project_id, const std::string& id) {
  FW_ASSIGN_OR_RETURN(Cluster c, Mutate(project_id, id, [&](Cluster& c, TimePoint now) -> Status {
    if (c.action == ClusterAction::kDeleting) return Busy(c, "deleted");
    FW_RETURN_IF_ERROR(CheckFault("delete", c));
    BeginAction(c, ClusterAction::kDeleting, now, provisioning_.ReadyAt(now, kDeleteTime));
    return Status::Ok();
  }));
  return c.task_id.empty() ? NewHexId32() : c.task_id;
}

Result<std::string> ClusterService::Start(const std::string& project_id, const std::string& id) {
  std::string job;
  FW_RETURN_IF_ERROR(Mutate(project_id, id, [&](Cluster& c, TimePoint now) -> Status {
    if (c.action != ClusterAction::kNone) return Busy(c, "started");
    if (c.status != ClusterStatus::kStopped) {
      return FailedPrecondition("The cluster is not stopped (status " + StatusCode(c.status) +
                                    ") and cannot be started.",
                                "Cdm.0014");
    }
    FW_RETURN_IF_ERROR(CheckFault("start", c));
    c.status = ClusterStatus::kStarting;
    BeginAction(c, ClusterAction::kStarting, now, provisioning_.ReadyAt(now, kStartTime));
    job = c.task_id;
    return Status::Ok();
  }).status());
  return job;
}

Result<std::string> ClusterService::Stop(const std::string& project_id, const std::string& id,
                                         const StopOptions& options) {
  if (options.mode != "IMMEDIATELY" && options.mode != "GRACEFULLY") {
    return InvalidArgument("stopMode must be IMMEDIATELY or GRACEFULLY.", "Cdm.0014");
  }
  if (options.delay_seconds < -1 || options.delay_seconds > 86400) {
    return InvalidArgument("delayTime must be -1 or from 0 to 86400.", "Cdm.0014");
  }
  std::string job;
  FW_RETURN_IF_ERROR(Mutate(project_id, id, [&](Cluster& c, TimePoint now) -> Status {
    if (c.action != ClusterAction::kNone) return Busy(c, "stopped");
    if (c.status != ClusterStatus::kNormal) {
      return FailedPrecondition("The cluster is not running (status " + StatusCode(c.status) +
                                    ") and cannot be stopped.",
                                "Cdm.0014");
    }
    FW_RETURN_IF_ERROR(CheckFault("stop", c));
    seconds wait = kStopTime;
    if (options.mode == "GRACEFULLY" && options.delay_seconds > 0) {
      wait += seconds(options.delay_seconds);
    }
    c.status = ClusterStatus::kStopping;
    BeginAction(c, ClusterAction::kStopping, now, provisioning_.ReadyAt(now, wait));
    job = c.task_id;
    return Status::Ok();
  }).status());
  return job;
}

Result<std::string> ClusterService::Restart(const std::string& project_id, const std::string& id,
                                            const RestartOptions& options) {
  static const std::vector<std::string> kModes = {"IMMEDIATELY", "FORCELY", "SOFTLY", "GRACEFULL"};
  if (std::find(kModes.begin(), kModes.end(), options.mode) == kModes.end()) {
    return InvalidArgument("restartMode must be IMMEDIATELY, FORCELY, SOFTLY or GRACEFULL.",
                           "Cdm.0014");
  }
  if (options.level != "SERVICE" && options.level != "VM") {
    return InvalidArgument("restartLevel must be SERVICE or VM.", "Cdm.0014");
  }
  if (options.delay_seconds < 0 || options.delay_seconds > 86400) {
    return InvalidArgument("restartDelayTime must be from 0 to 86400.", "Cdm.0014");
  }
  std::string job;
  FW_RETURN_IF_ERROR(Mutate(project_id, id, [&](Cluster& c, TimePoint now) -> Status {
    if (c.action != ClusterAction::kNone) return Busy(c, "restarted");
    if (c.status != ClusterStatus::kNormal) {
      return FailedPrecondition("The cluster is not running (status " + StatusCode(c.status) +
                                    ") and cannot be restarted.",
                                "Cdm.0014");
    }
    FW_RETURN_IF_ERROR(CheckFault("restart", c));
    BeginAction(c, ClusterAction::kRestarting, now,
                provisioning_.ReadyAt(now, kRestartTime + seconds(options.delay_seconds)));
    job = c.task_id;
    return Status::Ok();
  }).status());
  return job;
}

Status ClusterService::Modify(const std::string& project_id, const std::string& id,
                              const ModifySpec& spec) {
  FW_RETURN_IF_ERROR(ValidateModifySpec(spec));
  return Mutate(project_id, id, [&](Cluster& c, TimePoint now) -> Status {
           if (c.action == ClusterAction::kCreating || c.action == ClusterAction::kDeleting) {
             return Busy(c, "modified");
           }
           FW_RETURN_IF_ERROR(CheckFault("modify", c));
           ClusterSpec& s = c.spec;
           bool auto_off = spec.auto_off.value_or(s.is_auto_off);
           bool schedule = spec.schedule_boot_off.value_or(s.is_schedule_boot_off);
           if (auto_off && schedule) {
             return InvalidArgument("autoOff and scheduleBootOff cannot both be enabled.",
                                    "Cdm.0014");
           }
           s.is_auto_off = auto_off;
           s.is_schedule_boot_off = schedule;
           if (spec.schedule_boot_time) s.schedule_boot_time = *spec.schedule_boot_time;
           if (spec.schedule_off_time) s.schedule_off_time = *spec.schedule_off_time;
           if (spec.auto_remind) s.auto_remind = *spec.auto_remind;
           if (spec.phone_num) s.phone_num = *spec.phone_num;
           if (spec.email) s.email = *spec.email;
           c.updated_at = now;
           ++c.event_count;
           return Status::Ok();
         })
      .status();
}

Result<std::string> ClusterService::ProjectRegion(const std::string& project_id) {
  std::optional<store::ProjectRecord> project;
  FW_RETURN_IF_ERROR(store_.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(project, r.accounts().FindProjectById(project_id));
    return Status::Ok();
  }));
  if (!project) return NotFound("The project does not exist.", "Cdm.0001");
  return project->name;
}

Result<std::pair<Cluster, size_t>> ClusterService::FindInstance(const std::string& project_id,
                                                                const std::string& instance_id) {
  FW_ASSIGN_OR_RETURN(auto clusters, List(project_id));
  for (auto& c : clusters) {
    for (size_t i = 0; i < c.nodes.size(); ++i) {
      if (c.nodes[i].id == instance_id) return std::make_pair(std::move(c), i);
    }
  }
  return NotFound("The instance " + instance_id + " does not exist.", "Cdm.0001");
}

}  // namespace fw::cloud::cdm
