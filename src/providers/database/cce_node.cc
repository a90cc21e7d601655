// huaweicloud_cce_node: a worker node (an ECS) of a CCE cluster, in the cluster's subnet unless
// given another of its VPC. Kept in the inventory as "cce.node". Name and tags change in
// place; everything else forces a new node.
#include "base/ids.h"
#include "providers/common/network_refs.h"
#include "providers/common/stored_type.h"
#include "providers/common/subnet_addresses.h"
#include "providers/common/values.h"
#include "providers/database/cce_common.h"
#include "providers/database/database_types.h"
#include "providers/database/placement.h"
#include "providers/database/password_rules.h"
#include "providers/database/value_checks.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;

constexpr std::chrono::seconds kCreateTime{300};
constexpr char kDefaultOs[] = "EulerOS 2.9";

Schema MakeSchema() {
  Block b;
  b.Add(Attr::OptionalComputed("region", Type::String()).ForceNew());
  b.Add(Attr::Required("cluster_id", Type::String()).ForceNew());
  b.Add(Attr::OptionalComputed("name", Type::String()).Check(database::LowercaseName(1, 56)));
  b.Add(Attr::Required("flavor_id", Type::String()).ForceNew());
  b.Add(Attr::Required("availability_zone", Type::String()).ForceNew());
  b.Add(Attr::OptionalComputed("os", Type::String()).ForceNew());
  database::AddCceLoginAttrs(b);
  b.Add(Attr::Optional("fixed_ip", Type::String()).ForceNew().Check(checks::IpAddress()));
  b.Add(Attr::Optional("eip_id", Type::String()).ForceNew());
  database::AddCceRuntimeAttrs(b);
  b.Add(Attr::Optional("ecs_group_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("preinstall", Type::String()).ForceNew());
  b.Add(Attr::Optional("postinstall", Type::String()).ForceNew());
  b.Add(Attr::Optional("labels", Type::Map(Type::String())).ForceNew());
  b.Add(Attr::Optional("charging_mode", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"prePaid", "postPaid"})));
  b.Add(Attr::Optional("tags", Type::Map(Type::String())));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("server_id", Type::String()));
  b.Add(Attr::Computed("private_ip", Type::String()));
  b.Add(Attr::Computed("public_ip", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  database::AddCceVolumeBlocks(b);
  return Schema{std::move(b)};
}

std::string RandomSuffix() { return RandomString(5, "abcdefghijklmnopqrstuvwxyz0123456789"); }

class CceNodeType final : public ResourceType {
 public:
  CceNodeType() : schema_(MakeSchema()) {}

  std::string_view name() const override { return "huaweicloud_cce_node"; }
  const Schema& schema() const override { return schema_; }

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    database::ReportConfigCheck(database::CheckCceLogin(config), "CCE node", address, diags);
  }

  Result<Value> Create(CallContext& ctx, const Value& planned) const override {
    FW_RETURN_IF_ERROR(database::CheckCceLogin(planned));
    const std::string cluster_id = GetString(planned, "cluster_id");
    std::string ip, subnet_id, cluster_name = "node";
    std::unique_lock<std::mutex> address_lock;
    FW_ASSIGN_OR_RETURN(auto earlier, CreatedEarlier(ctx, database::kCceNodeType));
    const bool retry = earlier.has_value();
    if (!retry) {
      FW_ASSIGN_OR_RETURN(auto cluster, database::RequireAvailableCluster(ctx, cluster_id));
      cluster_name = cluster.item.name;
      FW_RETURN_IF_ERROR(database::RequireAvailabilityZones(
          ctx, {GetString(planned, "availability_zone")}, "availability_zone"));
      SubnetRef subnet = cluster.subnet;
      if (std::string given = GetString(planned, "subnet_id"); !given.empty()) {
        FW_ASSIGN_OR_RETURN(subnet, RequireSubnetInVpc(ctx, subnet.vpc_id, given));
      }
      subnet_id = subnet.id;
      const auto* flavor = cluster.item.body.if_contains("flavor_id");
      const int max = database::CceMaxNodes(flavor && flavor->is_string()
                                                ? std::string(flavor->as_string())
                                                : "cce.s1.small");
      FW_ASSIGN_OR_RETURN(int64_t count, database::CceNodeCount(ctx, cluster_id));
      if (count + 1 > max) {
        return FailedPrecondition("CCE cluster " + cluster_id + " already has " +
                                      std::to_string(count) + " nodes, the most its flavor allows.",
                                  "CCE.01400011");
      }
      address_lock = AddressLock();
      FW_ASSIGN_OR_RETURN(
          ip, database::AllocatePrivateIp(ctx, subnet, GetString(planned, "fixed_ip")));
    }
    const std::string id = NewUuid();
    const std::string name =
        GetString(planned, "name").empty() ? cluster_name + "-node-" + RandomSuffix()
                                           : GetString(planned, "name");
    Value state = WithAttrs(
        planned, {{"id", Value::String(id)},
                  {"region", StringOr(planned, "region", ctx.region)},
                  {"name", Value::String(name)},
                  {"os", StringOr(planned, "os", kDefaultOs)},
                  {"subnet_id", Value::String(subnet_id)},
                  {"runtime", StringOr(planned, "runtime", "containerd")},
                  {"max_pods", Value::Int(GetInt(planned, "max_pods").value_or(110))},
                  {"server_id", Value::String(NewUuid())},
                  {"private_ip", Value::String(ip)},
                  {"public_ip", Value::String("")},
                  {"status", Value::String("Active")}});
    state = NoUnknowns(state);
    FW_ASSIGN_OR_RETURN(auto body, StateToBody(schema_, state));
    RecordPort(body, subnet_id, ip);
    FW_ASSIGN_OR_RETURN(auto item, CreateItem(ctx, database::kCceNodeType, id, name,
                                                        std::move(body), kCreateTime));
    address_lock = {};
    FW_RETURN_IF_ERROR(ctx.WaitUntil(item.ready_at));
    return StateOf(ctx, item, planned);
  }

  Result<Value> Update(CallContext& ctx, const Value& prior, const Value& planned) const override {
    FW_ASSIGN_OR_RETURN(auto item, RequireInProject(ctx, database::kCceNodeType,
                                                              GetString(prior, "id"), "CCE node"));
    Value state = NoUnknowns(FillUnknownsFrom(planned, prior));
    boost::json::object old_body = std::move(item.body);
    FW_ASSIGN_OR_RETURN(item.body, StateToBody(schema_, state));
    KeepPrivateFields(old_body, item.body);
    item.name = GetString(state, "name");
    FW_ASSIGN_OR_RETURN(auto updated, ctx.cloud.inventory->Update(item));
    return StateOf(ctx, updated, planned);
  }

  Status Delete(CallContext& ctx, const Value& state) const override {
    return ctx.cloud.inventory->Delete(database::kCceNodeType, GetString(state, "id"),
                                       GetString(state, "name"));
  }

  Result<std::optional<Value>> Read(CallContext& ctx, const Value& state) const override {
    FW_ASSIGN_OR_RETURN(auto item, FindInProject(ctx, database::kCceNodeType,
                                                           GetString(state, "id")));
    if (!item) return std::optional<Value>();
    FW_ASSIGN_OR_RETURN(Value v, StateOf(ctx, *item, state));
    return std::optional<Value>(std::move(v));
  }

 private:
  Result<Value> StateOf(const CallContext& ctx, const cloud::InventoryItem& item,
                        const Value& prior) const {
    return StateWithProgress(ctx, schema_, item, prior, "Installing");
  }

  Schema schema_;
};

}  // namespace

std::unique_ptr<ResourceType> NewCceNodeType() { return std::make_unique<CceNodeType>(); }

}  // namespace fw::providers
