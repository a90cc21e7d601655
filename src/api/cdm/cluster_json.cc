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

json::array Actions(const Cluster& c) {
  json::array a;
  if (c.action == ClusterAction::kRestarting) a.push_back("REBOOTING");
  return a;
}

std::string NodeStatus(const Cluster& c) {
  if (c.status == ClusterStatus::kCreating) return "100";
  if (c.status == ClusterStatus::kCreateFailed) return "303";
  if (c.status == ClusterStatus::kFailed) return "300";
  return "200";
}

json::object NodeJson(const Cluster& c, size_t i, View view) {
  const auto& n = c.nodes[i];
  json::object o{{"id", n.id},
                 {"name", n.name},
                 {"type", "cdm"},
                 {"role", "Standalone"},
                 {"status", NodeStatus(c)},
                 {"actions", Actions(c)},
                 {"isFrozen", "0"},
                 {"flavor", {{"id", n.flavor_id}, {"links", json::array{}}}},
                 {"volume", {{"type", "LOCAL_DISK"}, {"size", 100}}},
                 {"components", ""},
                 {"group", ""},
                 {"paramsGroupId", ""},
                 {"publicIp", ""},
                 {"manageIp", n.manage_ip},
                 {"trafficIp", n.private_ip},
                 {"private_ip", n.private_ip},
                 {"internal_ip", n.private_ip},
                 {"manage_fix_ip", n.manage_ip},
                 {"shard_id", n.shard_id}};
  if (view == View::kDetail) {
    o["config_status"] = "In-Sync";
    o["links"] = json::array{};
    o["resource"] = json::array{json::object{{"resource_id", n.id}, {"resource_type", "server"}}};
  }
  return o;
}

json::object ActionProgress(const Cluster& c, TimePoint now) {
  json::object p;
  if (c.action == ClusterAction::kCreating) {
    p["CREATING"] = std::to_string(cloud::Provisioning::PercentDone(c.action_started,
                                                                    c.action_ready, now)) +
                    "%";
  }
  return p;
}

}  // namespace

json::object ClusterJson(const Cluster& c, const std::string& base_url, TimePoint now,
                         View view) {
  const auto& s = c.spec;
  const auto& node0 = c.nodes.front();
  json::object o{
      {"id", c.id},
      {"name", s.name},
      {"status", cloud::cdm::StatusCode(c.status)},
      {"statusDetail", c.action == ClusterAction::kDeleting ? std::string("Deleting")
                                                            : cloud::cdm::StatusDetail(c.status)},
      {"isFrozen", "0"},
      {"created", CdmTime(c.created_at)},
      {"updated", CdmTime(c.updated_at)},
      {"publicEndpoint", ""},
      {"isAutoOff", s.is_auto_off},
      {"isScheduleBootOff", s.is_schedule_boot_off},
      {"azName", node0.availability_zone},
      {"flavorName", FlavorName(node0.flavor_id)},
      {"dbuser", "cdm"},
      {"recentEvent", c.event_count},
      {"clusterMode", "sharding"},
      {"namespace", ""},
      {"bakExpectedStartTime", ""},
      {"bakKeepDay", 0},
      {"version", s.datastore_version},
      {"datastore", {{"type", s.datastore_type}, {"version", s.datastore_version}}},
      {"customerConfig",
       {{"failureRemind", s.auto_remind ? "true" : "false"},
        {"clusterName", s.name},
        {"serviceProvider", ""},
        {"localDisk", "true"},
        {"ssl", "true"},
        {"createFrom", "api"},
        {"resourceId", s.resource_id},
        {"flavorType", ""},
        {"workSpaceId", s.work_space_id},
        {"trial", s.trial}}},
      {"task",
       {{"description", ""}, {"id", c.task_id}, {"name", std::string(ActionName(c.action))}}},
      {"actionProgress", ActionProgress(c, now)},
  };
  json::array instances;
  for (size_t i = 0; i < c.nodes.size(); ++i) instances.push_back(NodeJson(c, i, view));
  o["instances"] = std::move(instances);
  if (c.failed_reason) {
    o["failedReasons"] = {{"CREATE_FAILED",
                           {{"errorCode", c.failed_reason->first},
                            {"errorMsg", c.failed_reason->second}}}};
  }
  if (view == View::kDetail) {
    o["config_status"] = "In-Sync";
    o["actions"] = Actions(c);
    o["publicEndpointDomainName"] = "";
    o["publicEndpointStatus"] = {{"status", ""}, {"errorMessage", ""}};
    o["endpointDomainName"] = "";
    o["eipId"] = "";
    o["security_group_id"] = node0.nic.security_group_id;
    o["subnet_id"] = node0.nic.subnet_id;
    o["vpc_id"] = s.vpc_id;
    o["scheduleBootTime"] = s.schedule_boot_time;
    o["scheduleOffTime"] = s.schedule_off_time;
    o["maintainWindow"] = {{"day", "Mon"}, {"startTime", "02:00"}, {"endTime", "06:00"}};
    o["links"] = json::array{json::object{
        {"rel", "self"},
        {"href", base_url + "/v1.1/" + c.project_id + "/clusters/" + c.id}}};
    o["eps_id"] = s.enterprise_project_id;
    o["tags"] = json::array{};
  }
  return o;
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
