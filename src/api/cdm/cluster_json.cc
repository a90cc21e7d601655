#include "api/cdm/cluster_json.h"

#include "base/time_format.h"
#include "cloud/cdm/catalog.h"
#include "cloud/provisioning.h"

namespace fw::api::cdm {

namespace json = boost::json;
using cloud::cdm::Cluster;
using cloud::cdm::ClusterAction;
using cloud::cdm::ClusterStatus;

std::string CdmTime(TimePoint t) {
  std::string iso = FormatIsoSeconds(t);  // 2018-09-05T08:38:25Z
  return iso.substr(0, iso.size() - 1);
}

namespace {

std::string FlavorName(const std::string& id) {
  const auto* f = cloud::cdm::FindFlavor(id);
  return f ? f->name : "";
}

void Actions(JsonWriter& w, const Cluster& c) {
  w.BeginArray();
  if (c.action == ClusterAction::kRestarting) w.String("REBOOTING");
  w.EndArray();
}

std::string NodeStatus(const Cluster& c) {
  if (c.status == ClusterStatus::kCreating) return "100";
  if (c.status == ClusterStatus::kCreateFailed) return "303";
  if (c.status == ClusterStatus::kFailed) return "300";
  return "200";
}

void NodeJson(JsonWriter& w, const Cluster& c, size_t i, View view) {
  const auto& n = c.nodes[i];
  w.BeginObject()
      .Key("id").String(n.id)
      .Key("name").String(n.name)
      .Key("type").String("cdm")
      .Key("role").String("Standalone")
      .Key("status").String(NodeStatus(c))
      .Key("actions");
  Actions(w, c);
  w.Key("isFrozen").String("0")
      .Key("flavor").BeginObject().Key("id").String(n.flavor_id).Key("links").BeginArray().EndArray().EndObject()
      .Key("volume").BeginObject().Key("type").String("LOCAL_DISK").Key("size").Int(100).EndObject()
      .Key("components").String("")
      .Key("group").String("")
      .Key("paramsGroupId").String("")
      .Key("publicIp").String("")
      .Key("manageIp").String(n.manage_ip)
      .Key("trafficIp").String(n.private_ip)
      .Key("private_ip").String(n.private_ip)
      .Key("internal_ip").String(n.private_ip)
      .Key("manage_fix_ip").String(n.manage_ip)
      .Key("shard_id").String(n.shard_id);
  if (view == View::kDetail) {
    w.Key("config_status").String("In-Sync")
        .Key("links").BeginArray().EndArray()
        .Key("resource").BeginArray().BeginObject()
        .Key("resource_id").String(n.id).Key("resource_type").String("server")
        .EndObject().EndArray();
  }
  w.EndObject();
}

}  // namespace

void WriteClusterJson(JsonWriter& w, const Cluster& c, const std::string& base_url, TimePoint now,
                      View view) {
  const auto& s = c.spec;
  const auto& node0 = c.nodes.front();
  w.BeginObject()
      .Key("id").String(c.id)
      .Key("name").String(s.name)
      .Key("status").String(cloud::cdm::StatusCode(c.status))
      .Key("statusDetail").String(c.action == ClusterAction::kDeleting
                                      ? std::string("Deleting")
                                      : cloud::cdm::StatusDetail(c.status))
      .Key("isFrozen").String("0")
      .Key("created").String(CdmTime(c.created_at))
      .Key("updated").String(CdmTime(c.updated_at))
      .Key("publicEndpoint").String("")
      .Key("isAutoOff").Bool(s.is_auto_off)
      .Key("isScheduleBootOff").Bool(s.is_schedule_boot_off)
      .Key("azName").String(node0.availability_zone)
      .Key("flavorName").String(FlavorName(node0.flavor_id))
      .Key("dbuser").String("cdm")
      .Key("recentEvent").Int(c.event_count)
      .Key("clusterMode").String("sharding")
      .Key("namespace").String("")
      .Key("bakExpectedStartTime").String("")
      .Key("bakKeepDay").Int(0)
      .Key("version").String(s.datastore_version)
      .Key("datastore").BeginObject()
      .Key("type").String(s.datastore_type).Key("version").String(s.datastore_version)
      .EndObject()
      .Key("customerConfig").BeginObject()
      .Key("failureRemind").String(s.auto_remind ? "true" : "false")
      .Key("clusterName").String(s.name)
      .Key("serviceProvider").String("")
      .Key("localDisk").String("true")
      .Key("ssl").String("true")
      .Key("createFrom").String("api")
      .Key("resourceId").String(s.resource_id)
      .Key("flavorType").String("")
      .Key("workSpaceId").String(s.work_space_id)
      .Key("trial").String(s.trial)
      .EndObject()
      .Key("task").BeginObject()
      .Key("description").String("").Key("id").String(c.task_id)
      .Key("name").String(ActionName(c.action))
      .EndObject()
      .Key("actionProgress").BeginObject();
  if (c.action == ClusterAction::kCreating) {
    w.Key("CREATING").String(std::to_string(cloud::Provisioning::PercentDone(
                                 c.action_started, c.action_ready, now)) + "%");
  }
  w.EndObject().Key("instances").BeginArray();
  for (size_t i = 0; i < c.nodes.size(); ++i) NodeJson(w, c, i, view);
  w.EndArray();
  if (c.failed_reason) {
    w.Key("failedReasons").BeginObject().Key("CREATE_FAILED").BeginObject()
        .Key("errorCode").String(c.failed_reason->first)
        .Key("errorMsg").String(c.failed_reason->second)
        .EndObject().EndObject();
  }
  if (view == View::kDetail) {
    w.Key("config_status").String("In-Sync").Key("actions");
    Actions(w, c);
    w.Key("publicEndpointDomainName").String("")
        .Key("publicEndpointStatus").BeginObject()
        .Key("status").String("").Key("errorMessage").String("")
        .EndObject()
        .Key("endpointDomainName").String("")
        .Key("eipId").String("")
        .Key("security_group_id").String(node0.nic.security_group_id)
        .Key("subnet_id").String(node0.nic.subnet_id)
        .Key("vpc_id").String(s.vpc_id)
        .Key("scheduleBootTime").String(s.schedule_boot_time)
        .Key("scheduleOffTime").String(s.schedule_off_time)
        .Key("maintainWindow").BeginObject()
        .Key("day").String("Mon").Key("startTime").String("02:00").Key("endTime").String("06:00")
        .EndObject()
        .Key("links").BeginArray().BeginObject()
        .Key("rel").String("self")
        .Key("href").String(base_url + "/v1.1/" + c.project_id + "/clusters/" + c.id)
        .EndObject().EndArray()
        .Key("eps_id").String(s.enterprise_project_id)
        .Key("tags").BeginArray().EndArray();
  }
  w.EndObject();
}

std::string ClusterJson(const Cluster& c, const std::string& base_url, TimePoint now, View view) {
  JsonWriter w;
  WriteClusterJson(w, c, base_url, now, view);
  return w.Take();
}

json::object CreateClusterResponseJson(const Cluster& c) {
  json::array instances;
  for (const auto& n : c.nodes) {
    instances.push_back(
        {{"id", n.id}, {"name", n.name}, {"type", "cdm"}, {"shard_id", n.shard_id}});
  }
  return {{"id", c.id},
          {"name", c.spec.name},
          {"task", {{"id", c.task_id}, {"name", "createCluster"}}},
          {"datastore", {{"type", c.spec.datastore_type}, {"version", c.spec.datastore_version}}},
          {"instances", std::move(instances)}};
}

json::object InstanceDetailJson(const Cluster& c, size_t i) {
  const auto& n = c.nodes[i];
  return {{"instance",
           {{"configurationStatus", "In-Sync"},
            {"paramsGroupId", ""},
            {"type", "cdm"},
            {"role", "Standalone"},
            {"subnetid", n.nic.subnet_id},
            {"securegroup", n.nic.security_group_id},
            {"vpc", c.spec.vpc_id},
            {"azcode", n.availability_zone},
            {"region", c.region},
            {"created", CdmTime(c.created_at)},
            {"updated", CdmTime(c.updated_at)},
            {"name", n.name},
            {"id", n.id},
            {"flavor", {{"id", n.flavor_id}, {"links", json::array{}}}},
            {"datastore", {{"type", c.spec.datastore_type}, {"version", c.spec.datastore_version}}},
            {"dbuser", "cdm"},
            {"payModel", 0},
            {"publicIp", ""},
            {"trafficIp", n.private_ip},
            {"trafficIpv6", ""},
            {"cluster_id", c.id}}}};
}

}  // namespace fw::api::cdm
