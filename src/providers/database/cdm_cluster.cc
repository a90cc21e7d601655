// huaweicloud_cdm_cluster: a CDM cluster made through the simulated CDM service
// (cloud/cdm/cluster_service.h), so a cluster created by Terraform is the same one the CDM API
// shows. Every argument forces a new cluster, as in the real provider. Create waits until the
// cluster is normal ("200"); a cluster whose creation fails ("303") is deleted and the failure
// reported. Delete waits until the cluster is gone.
#include "base/time_format.h"
#include "cloud/cdm/catalog.h"
#include "providers/common/network_refs.h"
#include "providers/common/stored_type.h"
#include "providers/common/subnet_addresses.h"
#include "providers/common/values.h"
#include "providers/database/database_types.h"
#include "providers/database/placement.h"
#include "providers/database/value_checks.h"

namespace fw::providers {
namespace {

using cloud::cdm::Cluster;
using cloud::cdm::ClusterStatus;
using hcl::Type;
using hcl::Value;

Type InstanceType() {
  return Type::Object({{"id", Type::String()},
                       {"name", Type::String()},
                       {"role", Type::String()},
                       {"private_ip", Type::String()},
                       {"public_ip", Type::String()},
                       {"manage_ip", Type::String()},
                       {"traffic_ip", Type::String()},
                       {"type", Type::String()}});
}

Schema MakeSchema() {
  Block b;
  b.Add(Attr::OptionalComputed("region", Type::String()).ForceNew());
  b.Add(Attr::Required("availability_zone", Type::String()).ForceNew());
  b.Add(Attr::Required("flavor_id", Type::String()).ForceNew());
  b.Add(Attr::Required("name", Type::String()).ForceNew().Check(database::LetterFirstName(4, 64)));
  b.Add(Attr::Required("security_group_id", Type::String()).ForceNew());
  b.Add(Attr::Required("subnet_id", Type::String()).ForceNew());
  b.Add(Attr::Required("vpc_id", Type::String()).ForceNew());
  b.Add(Attr::Required("version", Type::String()).ForceNew());
  b.Add(Attr::Optional("email", Type::List(Type::String())).ForceNew());
  b.Add(Attr::Optional("phone_num", Type::List(Type::String())).ForceNew());
  b.Add(Attr::OptionalComputed("enterprise_project_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("is_auto_off", Type::Bool()).ForceNew().Default(Value::False()));
  b.Add(Attr::Optional("schedule_boot_time", Type::String()).ForceNew().Check(
      database::TimeOfDay()));
  b.Add(Attr::Optional("schedule_off_time", Type::String()).ForceNew().Check(
      database::TimeOfDay()));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("created", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("instances", Type::List(InstanceType())));
  b.Add(Attr::Computed("public_ip", Type::String()));
  b.Add(Attr::Computed("public_endpoint", Type::String()));
  return Schema{std::move(b)};
}

std::string JoinComma(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ",") + s;
  return out;
}

// "08:00" → "08:00:00", the service's time-of-day format.
std::string WithSeconds(const std::string& t) { return t.size() == 5 ? t + ":00" : t; }

Status CheckSpec(const Value& v) {
  const std::string flavor = GetString(v, "flavor_id");
  if (!flavor.empty() && !cloud::cdm::FindFlavor(flavor)) {
    std::string ids;
    for (const auto& f : cloud::cdm::Flavors()) ids += (ids.empty() ? "" : ", ") + f.id + " (" + f.name + ")";
    return InvalidArgument("flavor_id " + flavor + " is not a CDM flavor (available: " + ids + ")");
  }
  const std::string version = GetString(v, "version");
  if (!version.empty() && !cloud::cdm::FindDatastoreVersion(version)) {
    std::string names;
    for (const auto& d : cloud::cdm::DatastoreVersions()) names += (names.empty() ? "" : ", ") + d.name;
    return InvalidArgument("version " + version + " is not a CDM version (available: " + names + ")");
  }
  const bool boot = IsSet(v, "schedule_boot_time");
  const bool off = IsSet(v, "schedule_off_time");
  if (boot != off) {
    return InvalidArgument("schedule_boot_time and schedule_off_time must be set together");
  }
  if (boot && GetBool(v, "is_auto_off", false)) {
    return InvalidArgument("is_auto_off cannot be combined with a boot/off schedule");
  }
  for (const char* list : {"email", "phone_num"}) {
    if (GetStrings(v, list).size() > 5) {
      return InvalidArgument(std::string(list) + " accepts at most 5 values");
    }
  }
  return Status::Ok();
}

Value StateOf(const Value& planned, const Cluster& c) {
  std::vector<Value> instances;
  for (const auto& n : c.nodes) {
    instances.push_back(Value::Object({{"id", Value::String(n.id)},
                                       {"name", Value::String(n.name)},
                                       {"role", Value::String("cdm")},
                                       {"private_ip", Value::String(n.private_ip)},
                                       {"public_ip", Value::String("")},
                                       {"manage_ip", Value::String(n.manage_ip)},
                                       {"traffic_ip", Value::String(n.private_ip)},
                                       {"type", Value::String(c.spec.datastore_type)}}));
  }
  Value out = WithAttrs(
      planned,
      {{"id", Value::String(c.id)},
       {"region", Value::String(c.region)},
       {"enterprise_project_id", Value::String(c.spec.enterprise_project_id)},
       {"created", Value::String(FormatIsoSeconds(c.created_at))},
       {"status", Value::String(cloud::cdm::StatusCode(c.status))},
       {"instances", Value::List(InstanceType(), std::move(instances))},
       {"public_ip", Value::String("")},
       {"public_endpoint", Value::String("")}});
  return NoUnknowns(out);
}

bool IsNotFound(const Status& s) { return s.code() == ErrorCode::kNotFound; }

class CdmClusterType final : public ResourceType {
 public:
  CdmClusterType() : schema_(MakeSchema()) {}

  std::string_view name() const override { return "huaweicloud_cdm_cluster"; }
  const Schema& schema() const override { return schema_; }

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    database::ReportConfigCheck(CheckSpec(config), "CDM cluster", address, diags);
  }

  Result<Value> Create(CallContext& ctx, const Value& planned) const override {
    FW_RETURN_IF_ERROR(CheckSpec(planned));
    const std::string vpc_id = GetString(planned, "vpc_id");
    FW_ASSIGN_OR_RETURN(auto subnet,
                        RequireSubnetInVpc(ctx, vpc_id, GetString(planned, "subnet_id")));
    const std::string secgroup = GetString(planned, "security_group_id");
    FW_RETURN_IF_ERROR(RequireSecurityGroup(ctx, secgroup));

    cloud::cdm::ClusterSpec spec;
    spec.name = GetString(planned, "name");
    spec.vpc_id = vpc_id;
    cloud::cdm::InstanceSpec instance;
    instance.availability_zone = GetString(planned, "availability_zone");
    instance.flavor_id = GetString(planned, "flavor_id");
    instance.nics.push_back({secgroup, subnet.id});
    spec.instances.push_back(std::move(instance));
    spec.datastore_version = GetString(planned, "version");
    if (std::string ep = GetString(planned, "enterprise_project_id"); !ep.empty()) {
      spec.enterprise_project_id = ep;
    }
    spec.is_auto_off = GetBool(planned, "is_auto_off", false);
    if (IsSet(planned, "schedule_boot_time")) {
      spec.is_schedule_boot_off = true;
      spec.schedule_boot_time = WithSeconds(GetString(planned, "schedule_boot_time"));
      spec.schedule_off_time = WithSeconds(GetString(planned, "schedule_off_time"));
    }
    spec.email = JoinComma(GetStrings(planned, "email"));
    spec.phone_num = JoinComma(GetStrings(planned, "phone_num"));
    spec.auto_remind = !spec.email.empty() || !spec.phone_num.empty();

    FW_ASSIGN_OR_RETURN(Cluster c, ctx.cloud.cdm->Create(ctx.project_id, spec,
                                                         ctx.idempotency_key));
    if (c.action == cloud::cdm::ClusterAction::kCreating) {
      FW_RETURN_IF_ERROR(ctx.WaitUntil(c.action_ready));
      FW_ASSIGN_OR_RETURN(c, ctx.cloud.cdm->Get(ctx.project_id, c.id));
    }
    if (c.status == ClusterStatus::kCreateFailed) {
      std::string reason = c.failed_reason ? c.failed_reason->first + ": " +
                                                 c.failed_reason->second
                                           : std::string("unknown reason");
      // The failed cluster is of no use; remove it so a retry starts clean.
      Status cleanup = DeleteAndWait(ctx, c.id);
      std::string suffix = cleanup.ok() ? "" : " (deleting it failed: " + cleanup.message() + ")";
      return Internal("CDM cluster " + c.id + " failed to be created (status 303, " + reason +
                          ")" + suffix + ".",
                      c.failed_reason ? c.failed_reason->first : "Cdm.0000");
    }
    if (c.action == cloud::cdm::ClusterAction::kDeleting) {
      return FailedPrecondition("CDM cluster " + c.id + " made by an earlier attempt is being "
                                "deleted.", "Cdm.0014");
    }
    return StateOf(planned, c);
  }

  Status Delete(CallContext& ctx, const Value& state) const override {
    return DeleteAndWait(ctx, GetString(state, "id"));
  }

  Result<std::optional<Value>> Read(CallContext& ctx, const Value& state) const override {
    auto c = ctx.cloud.cdm->Get(ctx.project_id, GetString(state, "id"));
    if (!c.ok() && IsNotFound(c.status())) return std::optional<Value>();
    if (!c.ok()) return c.status();
    if (c->action == cloud::cdm::ClusterAction::kDeleting) return std::optional<Value>();
    return std::optional<Value>(StateOf(state, *c));
  }

 private:
  static Status DeleteAndWait(const CallContext& ctx, const std::string& id) {
    auto job = ctx.cloud.cdm->Delete(ctx.project_id, id);
    if (!job.ok() && !IsNotFound(job.status())) {
      // Already being deleted: wait for that deletion below.
      if (job.status().code() != ErrorCode::kFailedPrecondition) return job.status();
    }
    for (;;) {
      auto c = ctx.cloud.cdm->Get(ctx.project_id, id);
      if (!c.ok() && IsNotFound(c.status())) return Status::Ok();
      if (!c.ok()) return c.status();
      if (c->action != cloud::cdm::ClusterAction::kDeleting) return job.status();
      FW_RETURN_IF_ERROR(ctx.WaitUntil(c->action_ready));
    }
  }

  Schema schema_;
};

}  // namespace

std::unique_ptr<ResourceType> NewCdmClusterType() { return std::make_unique<CdmClusterType>(); }

}  // namespace fw::providers
