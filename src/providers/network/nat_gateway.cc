// huaweicloud_nat_gateway: a public NAT gateway ("nat.gateway") in a VPC, attached to one of
// its subnets (the subnet's `id`). Name, spec and description update in place. A gateway that
// still has SNAT rules cannot be deleted, as in the NAT API.
#include "base/ids.h"
#include "base/time_format.h"
#include "providers/network/network_common.h"
#include "providers/network/network_types.h"

namespace fw::providers::network {
namespace {

using hcl::Type;
using hcl::Value;

Schema NatGatewaySchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("name", Type::String()).Check(checks::ResourceName(1, 64)));
  b.Add(Attr::Required("spec", Type::String()).Check(checks::OneOf({"1", "2", "3", "4"})));
  b.Add(Attr::Required("vpc_id", Type::String()).ForceNew());
  b.Add(Attr::Required("subnet_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("description", Type::String()).Check(NoAngleBrackets(255)));
  b.Add(EnterpriseProjectAttr());
  b.Add(TagsAttr());
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("created_at", Type::String()));
  return Schema{std::move(b)};
}

class NatGatewayType final : public StoredResourceType {
 public:
  NatGatewayType()
      : StoredResourceType("huaweicloud_nat_gateway", kNatGatewayType, NatGatewaySchema()) {}

 protected:
  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    const std::string vpc_id = GetString(planned, "vpc_id");
    const std::string subnet_id = GetString(planned, "subnet_id");
    FW_RETURN_IF_ERROR(RequireInProject(ctx, kVpcType, vpc_id, "VPC").status());
    FW_ASSIGN_OR_RETURN(cloud::InventoryItem subnet,
                        RequireInProject(ctx, kSubnetType, subnet_id, "subnet"));
    if (BodyString(subnet.body, "vpc_id") != vpc_id) {
      return InvalidArgument("The subnet " + subnet_id + " does not belong to VPC " + vpc_id + ".",
                             "NAT.0011");
    }
    std::string eps = GetString(planned, "enterprise_project_id");
    Value state = WithAttrs(planned, {
        {"id", Value::String(NewUuid())},
        {"region", Value::String(RegionOf(ctx, planned))},
        {"enterprise_project_id", Value::String(eps.empty() ? "0" : eps)},
        {"status", Value::String("ACTIVE")},
        {"created_at", Value::String(FormatIsoSeconds(ctx.Now()))},
    });
    return Store(ctx, state, std::chrono::seconds(60));
  }

  Status CheckDelete(CallContext& ctx, const cloud::InventoryItem& item,
                     const Value& state) const override {
    FW_ASSIGN_OR_RETURN(auto rules, ListInProject(ctx, kSnatRuleType));
    for (const auto& r : rules) {
      if (BodyString(r.body, "nat_gateway_id") == item.id) {
        return FailedPrecondition("The NAT gateway " + item.id + " still has SNAT rules (e.g. " +
                                      r.id + "); delete them first.",
                                  "NAT.0104");
      }
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewNatGatewayType() { return std::make_unique<NatGatewayType>(); }

}  // namespace fw::providers::network
