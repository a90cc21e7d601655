#include "providers/database/cce_common.h"

#include "hcl/type.h"
#include "providers/common/stored_type.h"
#include "providers/common/values.h"
#include "providers/database/password_rules.h"

namespace fw::providers::database {
namespace {

using hcl::Type;

Block VolumeBlock(int64_t min_size, int64_t max_size) {
  Block b;
  b.Add(Attr::Required("size", Type::Number()).Check(checks::IntBetween(min_size, max_size)));
  b.Add(Attr::Required("volumetype", Type::String())
            .Check(checks::OneOf({"SATA", "SAS", "SSD", "GPSSD", "ESSD", "GPSSD2", "ESSD2"})));
  b.Add(Attr::Optional("extend_params", Type::Map(Type::String())));
  b.Add(Attr::Optional("kms_key_id", Type::String()));
  return b;
}

}  // namespace

const std::vector<std::string>& CceClusterFlavors() {
  static const std::vector<std::string> kFlavors = {
      "cce.s1.small", "cce.s1.medium", "cce.s1.large", "cce.s2.small", "cce.s2.medium",
      "cce.s2.large", "cce.t1.small",  "cce.t1.medium", "cce.t1.large", "cce.t2.small",
      "cce.t2.medium", "cce.t2.large"};
  return kFlavors;
}

int CceMaxNodes(const std::string& flavor_id) {
  const bool physical = flavor_id.starts_with("cce.t");
  if (flavor_id.ends_with(".small")) return physical ? 10 : 50;
  if (flavor_id.ends_with(".medium")) return physical ? 100 : 200;
  return physical ? 500 : 1000;
}

void AddCceLoginAttrs(Block& b) {
  b.Add(Attr::Optional("key_pair", Type::String()).ForceNew());
  b.Add(Attr::Optional("password", Type::String())
            .ForceNew()
            .Sensitive()
            .Check(PasswordCheck(CceNodePasswordRule())));
  b.Add(Attr::OptionalComputed("subnet_id", Type::String()).ForceNew());
}

void AddCceRuntimeAttrs(Block& b) {
  b.Add(Attr::OptionalComputed("runtime", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"docker", "containerd"})));
  b.Add(Attr::OptionalComputed("max_pods", Type::Number()).ForceNew().Check(
      checks::IntBetween(16, 256)));
}

void AddCceVolumeBlocks(Block& b) {
  b.AddBlock("root_volume", Nesting::kList, VolumeBlock(40, 1024), 1, 1, true);
  b.AddBlock("data_volumes", Nesting::kList, VolumeBlock(100, 32768), 0, 16, true);
}

Status CheckCceLogin(const hcl::Value& v) {
  const hcl::Value* key = v.Get("key_pair");
  const hcl::Value* password = v.Get("password");
  if (key && password && key->IsKnown() && password->IsKnown() &&
      key->IsNull() == password->IsNull()) {
    return InvalidArgument("exactly one of key_pair and password must be set");
  }
  return Status::Ok();
}

Result<CceClusterRef> RequireAvailableCluster(const CallContext& ctx,
                                              const std::string& cluster_id) {
  FW_ASSIGN_OR_RETURN(auto item, RequireInProject(ctx, kCceClusterType, cluster_id, "CCE cluster"));
  if (InProgress(ctx, item)) {
    return FailedPrecondition("CCE cluster " + cluster_id +
                              " is not available yet (it is still being created).");
  }
  FW_ASSIGN_OR_RETURN(auto subnet, RequireSubnetInVpc(ctx, BodyString(item.body, "vpc_id"),
                                                      BodyString(item.body, "subnet_id")));
  return CceClusterRef{std::move(item), std::move(subnet)};
}

Result<std::vector<cloud::InventoryItem>> CceChildren(const CallContext& ctx,
                                                      const std::string& type,
                                                      const std::string& cluster_id) {
  FW_ASSIGN_OR_RETURN(auto items, ctx.cloud.inventory->List(ctx.project_id, type));
  std::vector<cloud::InventoryItem> out;
  for (auto& i : items) {
    if (BodyString(i.body, "cluster_id") == cluster_id) out.push_back(std::move(i));
  }
  return out;
}

Result<int64_t> CceNodeCount(const CallContext& ctx, const std::string& cluster_id,
                             const std::string& except_id) {
  int64_t count = 0;
  FW_ASSIGN_OR_RETURN(auto nodes, CceChildren(ctx, kCceNodeType, cluster_id));
  for (const auto& n : nodes) count += n.id != except_id;
  FW_ASSIGN_OR_RETURN(auto pools, CceChildren(ctx, kCceNodePoolType, cluster_id));
  for (const auto& p : pools) {
    if (p.id == except_id) continue;
    const auto* c = p.body.if_contains("current_node_count");
    boost::system::error_code ec;
    const int64_t n = c && c->is_number() ? c->to_number<int64_t>(ec) : 0;
    if (!ec) count += n;
  }
  return count;
}

}  // namespace fw::providers::database
