// huaweicloud_cce_node_pool: a group of identical CCE nodes that can scale. Kept in the
// inventory as "cce.node_pool" (its nodes are counted, not kept one by one). Name, node count,
// autoscaling settings and tags change in place; everything else forces a new pool.
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
constexpr std::chrono::seconds kScaleTime{240};
constexpr char kDefaultOs[] = "EulerOS 2.9";

Schema MakeSchema() {
  Block b;
  b.Add(Attr::OptionalComputed("region", Type::String()).ForceNew());
  b.Add(Attr::Required("cluster_id", Type::String()).ForceNew());
  b.Add(Attr::Required("name", Type::String()).Check(database::LowercaseName(1, 50)));
  b.Add(Attr::Required("flavor_id", Type::String()).ForceNew());
  b.Add(Attr::Required("initial_node_count", Type::Number()).Check(checks::IntBetween(0, 1000)));
  b.Add(Attr::Optional("availability_zone", Type::String())
            .ForceNew()
            .Default(Value::String("random")));
  b.Add(Attr::OptionalComputed("os", Type::String()).ForceNew());
  database::AddCceLoginAttrs(b);
  b.Add(Attr::OptionalComputed("type", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"vm", "ElasticBMS"})));
  database::AddCceRuntimeAttrs(b);
  b.Add(Attr::OptionalComputed("scall_enable", Type::Bool()));
  b.Add(Attr::OptionalComputed("min_node_count", Type::Number()).Check(
      checks::IntBetween(0, 1000)));
  b.Add(Attr::OptionalComputed("max_node_count", Type::Number()).Check(
      checks::IntBetween(0, 1000)));
  b.Add(Attr::OptionalComputed("scale_down_cooldown_time", Type::Number()).Check(
      checks::IntBetween(0, 2147483647)));
  b.Add(Attr::OptionalComputed("priority", Type::Number()));
  b.Add(Attr::Optional("preinstall", Type::String()).ForceNew());
  b.Add(Attr::Optional("postinstall", Type::String()).ForceNew());
  b.Add(Attr::Optional("labels", Type::Map(Type::String())));
  b.Add(Attr::Optional("charging_mode", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"prePaid", "postPaid"})));
  b.Add(Attr::Optional("tags", Type::Map(Type::String())));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("current_node_count", Type::Number()));
  database::AddCceVolumeBlocks(b);
  return Schema{std::move(b)};
}

Status CheckSpec(const Value& v) {
  FW_RETURN_IF_ERROR(database::CheckCceLogin(v));
  auto min = GetInt(v, "min_node_count");
  auto max = GetInt(v, "max_node_count");
  if (min && max && *min > *max) {
    return InvalidArgument("min_node_count (" + std::to_string(*min) +
                           ") is greater than max_node_count (" + std::to_string(*max) + ")");
  }
  auto initial = GetInt(v, "initial_node_count");
  if (GetBool(v, "scall_enable", false) && initial && max && *initial > *max) {
    return InvalidArgument("initial_node_count (" + std::to_string(*initial) +
                           ") is greater than max_node_count (" + std::to_string(*max) + ")");
  }
  return Status::Ok();
}

class CceNodePoolType final : public ResourceType {
 public:
  CceNodePoolType() : schema_(MakeSchema()) {}

  std::string_view name() const override { return "huaweicloud_cce_node_pool"; }
  const Schema& schema() const override { return schema_; }

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    database::ReportConfigCheck(CheckSpec(config), "CCE node pool", address, diags);
  }

  Result<Value> Create(CallContext& ctx, const Value& planned) const override {
    FW_RETURN_IF_ERROR(CheckSpec(planned));
    const std::string cluster_id = GetString(planned, "cluster_id");
    const std::string name = GetString(planned, "name");
    const int64_t count = GetInt(planned, "initial_node_count").value_or(0);
    std::string subnet_id;
    FW_ASSIGN_OR_RETURN(auto earlier, CreatedEarlier(ctx, database::kCceNodePoolType));
    const bool retry = earlier.has_value();
    if (!retry) {
      FW_ASSIGN_OR_RETURN(auto cluster, database::RequireAvailableCluster(ctx, cluster_id));
      if (std::string az = GetString(planned, "availability_zone"); az != "random") {
        FW_RETURN_IF_ERROR(database::RequireAvailabilityZones(ctx, {az}, "availability_zone"));
      }
      subnet_id = cluster.subnet.id;
      if (std::string given = GetString(planned, "subnet_id"); !given.empty()) {
        FW_ASSIGN_OR_RETURN(auto subnet,
                            RequireSubnetInVpc(ctx, cluster.subnet.vpc_id, given));
        subnet_id = subnet.id;
      }
      FW_ASSIGN_OR_RETURN(auto pools,
                          database::CceChildren(ctx, database::kCceNodePoolType, cluster_id));
      for (const auto& p : pools) {
        if (p.name == name) {
          return AlreadyExists("CCE cluster " + cluster_id + " already has a node pool named " +
                                   name + ".",
                               "CCE.01400012");
        }
      }
      FW_RETURN_IF_ERROR(CheckCapacity(ctx, cluster, count, ""));
    }
    const std::string id = NewUuid();
    Value state = WithAttrs(
        planned,
        {{"id", Value::String(id)},
         {"region", StringOr(planned, "region", ctx.region)},
         {"os", StringOr(planned, "os", kDefaultOs)},
         {"subnet_id", Value::String(subnet_id)},
         {"type", StringOr(planned, "type", "vm")},
         {"runtime", StringOr(planned, "runtime", "containerd")},
         {"max_pods", Value::Int(GetInt(planned, "max_pods").value_or(110))},
         {"status", Value::String("Synchronized")},
         {"current_node_count", Value::Int(count)}});
    state = NoUnknowns(WithScalingDefaults(state));
    FW_ASSIGN_OR_RETURN(auto body, StateToBody(schema_, state));
    FW_ASSIGN_OR_RETURN(auto item, CreateItem(ctx, database::kCceNodePoolType, id, name,
                                                        std::move(body), kCreateTime));
    FW_RETURN_IF_ERROR(ctx.WaitUntil(item.ready_at));
    return StateOf(ctx, item, planned);
  }

  Result<Value> Update(CallContext& ctx, const Value& prior, const Value& planned) const override {
    FW_RETURN_IF_ERROR(CheckSpec(planned));
    FW_ASSIGN_OR_RETURN(auto item,
                        RequireInProject(ctx, database::kCceNodePoolType,
                                                   GetString(prior, "id"), "CCE node pool"));
    const std::string cluster_id = GetString(prior, "cluster_id");
    const std::string name = GetString(planned, "name");
    if (name != GetString(prior, "name")) {
      FW_ASSIGN_OR_RETURN(auto pools,
                          database::CceChildren(ctx, database::kCceNodePoolType, cluster_id));
      for (const auto& p : pools) {
        if (p.name == name && p.id != item.id) {
          return AlreadyExists("CCE cluster " + cluster_id + " already has a node pool named " +
                               name + ".", "CCE.01400012");
        }
      }
    }
    const int64_t count = GetInt(planned, "initial_node_count").value_or(0);
    const int64_t old_count = GetInt(prior, "current_node_count").value_or(0);
    std::chrono::seconds duration{0};
    if (count != old_count) {
      FW_ASSIGN_OR_RETURN(auto cluster, database::RequireAvailableCluster(ctx, cluster_id));
      FW_RETURN_IF_ERROR(CheckCapacity(ctx, cluster, count, item.id));
      duration = kScaleTime;
    }
    Value state = WithAttrs(FillUnknownsFrom(planned, prior),
                                           {{"current_node_count", Value::Int(count)}});
    state = NoUnknowns(WithScalingDefaults(state));
    FW_ASSIGN_OR_RETURN(item.body, StateToBody(schema_, state));
    item.name = name;
    FW_ASSIGN_OR_RETURN(auto updated, ctx.cloud.inventory->Update(item, duration));
    FW_RETURN_IF_ERROR(ctx.WaitUntil(updated.ready_at));
    return StateOf(ctx, updated, planned);
  }

  Status Delete(CallContext& ctx, const Value& state) const override {
    return ctx.cloud.inventory->Delete(database::kCceNodePoolType, GetString(state, "id"),
                                       GetString(state, "name"));
  }

  Result<std::optional<Value>> Read(CallContext& ctx, const Value& state) const override {
    FW_ASSIGN_OR_RETURN(auto item, FindInProject(ctx, database::kCceNodePoolType,
                                                           GetString(state, "id")));
    if (!item) return std::optional<Value>();
    FW_ASSIGN_OR_RETURN(Value v, StateOf(ctx, *item, state));
    return std::optional<Value>(std::move(v));
  }

 private:
  // Autoscaling off by default, bounds from the initial count.
  static Value WithScalingDefaults(const Value& v) {
    const int64_t count = GetInt(v, "initial_node_count").value_or(0);
    return WithAttrs(
        v, {{"scall_enable", Value::Bool(GetBool(v, "scall_enable", false))},
            {"min_node_count", Value::Int(GetInt(v, "min_node_count").value_or(0))},
            {"max_node_count", Value::Int(GetInt(v, "max_node_count").value_or(std::max<int64_t>(count, 1)))},
            {"scale_down_cooldown_time",
             Value::Int(GetInt(v, "scale_down_cooldown_time").value_or(0))},
            {"priority", Value::Int(GetInt(v, "priority").value_or(0))}});
  }

  static Status CheckCapacity(const CallContext& ctx, const database::CceClusterRef& cluster,
                              int64_t count, const std::string& self_id) {
    const auto* flavor = cluster.item.body.if_contains("flavor_id");
    const int max = database::CceMaxNodes(
        flavor && flavor->is_string() ? std::string(flavor->as_string()) : "cce.s1.small");
    FW_ASSIGN_OR_RETURN(int64_t others, database::CceNodeCount(ctx, cluster.item.id, self_id));
    if (others + count > max) {
      return FailedPrecondition("CCE cluster " + cluster.item.id + " would have " +
                                    std::to_string(others + count) + " nodes; its flavor allows " +
                                    std::to_string(max) + ".",
                                "CCE.01400011");
    }
    return Status::Ok();
  }

  Result<Value> StateOf(const CallContext& ctx, const cloud::InventoryItem& item,
                        const Value& prior) const {
    return StateWithProgress(ctx, schema_, item, prior, "Synchronizing");
  }

  Schema schema_;
};

}  // namespace

std::unique_ptr<ResourceType> NewCceNodePoolType() { return std::make_unique<CceNodePoolType>(); }

}  // namespace fw::providers
