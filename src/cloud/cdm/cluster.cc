#include "cloud/cdm/cluster.h"

#include <boost/json.hpp>

#include "base/time_format.h"

namespace fw::cloud::cdm {

namespace json = boost::json;

std::string StatusCode(ClusterStatus s) { return std::to_string(static_cast<int>(s)); }

std::string StatusDetail(ClusterStatus s) {
  switch (s) {
    case ClusterStatus::kCreating: return "Creating";
    case ClusterStatus::kNormal: return "Normal";
    case ClusterStatus::kFailed: return "Failed";
    case ClusterStatus::kCreateFailed: return "Create failed";
    case ClusterStatus::kFrozen: return "Frozen";
    case ClusterStatus::kStopped: return "Stopped";
    case ClusterStatus::kStopping: return "Stopping";
    case ClusterStatus::kStarting: return "Starting";
  }
  return "";
}

std::string_view ActionName(ClusterAction a) {
  switch (a) {
    case ClusterAction::kNone: return "";
    case ClusterAction::kCreating: return "createCluster";
    case ClusterAction::kStarting: return "startCluster";
    case ClusterAction::kStopping: return "stopCluster";
    case ClusterAction::kRestarting: return "restartCluster";
    case ClusterAction::kDeleting: return "deleteCluster";
  }
  return "";
}

bool Advance(Cluster& c, TimePoint now) {
  if (c.action == ClusterAction::kNone || now < c.action_ready) return true;
  switch (c.action) {
    case ClusterAction::kCreating:
      if (c.pending_failure) {
        c.status = ClusterStatus::kCreateFailed;
        c.failed_reason = c.pending_failure;
        c.pending_failure.reset();
      } else {
        c.status = ClusterStatus::kNormal;
      }
      break;
    case ClusterAction::kStarting:
    case ClusterAction::kRestarting: c.status = ClusterStatus::kNormal; break;
    case ClusterAction::kStopping: c.status = ClusterStatus::kStopped; break;
    case ClusterAction::kDeleting: return false;
    case ClusterAction::kNone: break;
  }
  c.updated_at = c.action_ready;
  c.action = ClusterAction::kNone;
  c.task_id.clear();
  ++c.event_count;
  return true;
}

namespace {

json::object NicJson(const Nic& n) {
  return {{"security_group_id", n.security_group_id}, {"subnet_id", n.subnet_id}};
}
Nic NicFrom(const json::object& o) {
  return {std::string(o.at("security_group_id").as_string()),
          std::string(o.at("subnet_id").as_string())};
}
std::string Str(const json::object& o, std::string_view k) {
  auto it = o.find(k);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}
bool Bool(const json::object& o, std::string_view k) {
  auto it = o.find(k);
  return it != o.end() && it->value().is_bool() && it->value().as_bool();
}
int64_t Int(const json::object& o, std::string_view k) {
  auto it = o.find(k);
  return it != o.end() && it->value().is_int64() ? it->value().as_int64() : 0;
}
json::value Reason(const std::optional<std::pair<std::string, std::string>>& r) {
  if (!r) return nullptr;
  return json::object{{"code", r->first}, {"message", r->second}};
}
std::optional<std::pair<std::string, std::string>> ReasonFrom(const json::object& o,
                                                              std::string_view k) {
  auto it = o.find(k);
  if (it == o.end() || !it->value().is_object()) return std::nullopt;
  const auto& r = it->value().as_object();
  return std::make_pair(Str(r, "code"), Str(r, "message"));
}

}  // namespace

std::string ClusterToStoredJson(const Cluster& c) {
  const ClusterSpec& s = c.spec;
  json::array instances;
  for (const auto& i : s.instances) {
    json::array nics;
    for (const auto& n : i.nics) nics.push_back(NicJson(n));
    instances.push_back({{"availability_zone", i.availability_zone},
                         {"flavor_id", i.flavor_id},
                         {"type", i.type},
                         {"nics", std::move(nics)}});
  }
  json::array nodes;
  for (const auto& n : c.nodes) {
    nodes.push_back({{"id", n.id},
                     {"name", n.name},
                     {"shard_id", n.shard_id},
                     {"availability_zone", n.availability_zone},
                     {"flavor_id", n.flavor_id},
                     {"private_ip", n.private_ip},
                     {"manage_ip", n.manage_ip},
                     {"nic", NicJson(n.nic)}});
  }
  json::object spec{{"name", s.name},
                    {"vpc_id", s.vpc_id},
                    {"instances", std::move(instances)},
                    {"datastore_type", s.datastore_type},
                    {"datastore_version", s.datastore_version},
                    {"enterprise_project_id", s.enterprise_project_id},
                    {"is_auto_off", s.is_auto_off},
                    {"is_schedule_boot_off", s.is_schedule_boot_off},
                    {"schedule_boot_time", s.schedule_boot_time},
                    {"schedule_off_time", s.schedule_off_time},
                    {"auto_remind", s.auto_remind},
                    {"phone_num", s.phone_num},
                    {"email", s.email},
                    {"work_space_id", s.work_space_id},
                    {"resource_id", s.resource_id},
                    {"trial", s.trial}};
  json::object o{{"id", c.id},
                 {"project_id", c.project_id},
                 {"region", c.region},
                 {"spec", std::move(spec)},
                 {"nodes", std::move(nodes)},
                 {"status", static_cast<int>(c.status)},
                 {"action", static_cast<int>(c.action)},
                 {"action_started_us", ToUnixMicros(c.action_started)},
                 {"action_ready_us", ToUnixMicros(c.action_ready)},
                 {"task_id", c.task_id},
                 {"pending_failure", Reason(c.pending_failure)},
                 {"failed_reason", Reason(c.failed_reason)},
                 {"event_count", c.event_count},
                 {"created_us", ToUnixMicros(c.created_at)},
                 {"updated_us", ToUnixMicros(c.updated_at)}};
  return json::serialize(o);
}

Result<Cluster> ClusterFromStoredJson(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return Internal("a stored CDM cluster is not valid JSON");
  try {
    const auto& o = v.as_object();
    Cluster c;
    c.id = Str(o, "id");
    c.project_id = Str(o, "project_id");
    c.region = Str(o, "region");
    const auto& s = o.at("spec").as_object();
    c.spec.name = Str(s, "name");
    c.spec.vpc_id = Str(s, "vpc_id");
    for (const auto& iv : s.at("instances").as_array()) {
      const auto& i = iv.as_object();
      InstanceSpec spec{Str(i, "availability_zone"), Str(i, "flavor_id"), Str(i, "type"), {}};
      for (const auto& n : i.at("nics").as_array()) spec.nics.push_back(NicFrom(n.as_object()));
      c.spec.instances.push_back(std::move(spec));
    }
    c.spec.datastore_type = Str(s, "datastore_type");
    c.spec.datastore_version = Str(s, "datastore_version");
    c.spec.enterprise_project_id = Str(s, "enterprise_project_id");
    c.spec.is_auto_off = Bool(s, "is_auto_off");
    c.spec.is_schedule_boot_off = Bool(s, "is_schedule_boot_off");
    c.spec.schedule_boot_time = Str(s, "schedule_boot_time");
    c.spec.schedule_off_time = Str(s, "schedule_off_time");
    c.spec.auto_remind = Bool(s, "auto_remind");
    c.spec.phone_num = Str(s, "phone_num");
    c.spec.email = Str(s, "email");
    c.spec.work_space_id = Str(s, "work_space_id");
    c.spec.resource_id = Str(s, "resource_id");
    c.spec.trial = Str(s, "trial");
    for (const auto& nv : o.at("nodes").as_array()) {
      const auto& n = nv.as_object();
      c.nodes.push_back({Str(n, "id"), Str(n, "name"), Str(n, "shard_id"),
                         Str(n, "availability_zone"), Str(n, "flavor_id"), Str(n, "private_ip"),
                         Str(n, "manage_ip"), NicFrom(n.at("nic").as_object())});
    }
    c.status = static_cast<ClusterStatus>(Int(o, "status"));
    c.action = static_cast<ClusterAction>(Int(o, "action"));
    c.action_started = FromUnixMicros(Int(o, "action_started_us"));
    c.action_ready = FromUnixMicros(Int(o, "action_ready_us"));
    c.task_id = Str(o, "task_id");
    c.pending_failure = ReasonFrom(o, "pending_failure");
    c.failed_reason = ReasonFrom(o, "failed_reason");
    c.event_count = static_cast<int>(Int(o, "event_count"));
    c.created_at = FromUnixMicros(Int(o, "created_us"));
    c.updated_at = FromUnixMicros(Int(o, "updated_us"));
    return c;
  } catch (const std::exception& e) {
    return Internal(std::string("a stored CDM cluster is malformed: ") + e.what());
  }
}

}  // namespace fw::cloud::cdm
