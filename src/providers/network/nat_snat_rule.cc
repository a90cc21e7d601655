// huaweicloud_nat_snat_rule: an SNAT rule of a public NAT gateway ("nat.snat_rule"): traffic from
// a subnet of the gateway's VPC (source_type 0) or from a CIDR (source_type 1, Direct Connect)
// leaves through one or more EIPs (floating_ip_id, comma-separated). The EIPs and the
// description update in place; the rest is force-new.
#include "base/ids.h"
#include "base/time_format.h"
#include "providers/common/ipv4.h"
#include "providers/network/network_common.h"
#include "providers/network/network_types.h"

namespace fw::providers::network {
namespace {

using hcl::Type;
using hcl::Value;

Schema SnatRuleSchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("nat_gateway_id", Type::String()).ForceNew());
  b.Add(Attr::Required("floating_ip_id", Type::String()));
  b.Add(Attr::Optional("subnet_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("cidr", Type::String()).ForceNew().Check(checks::Cidr()));
  b.Add(Attr::Optional("source_type", Type::Number())
            .ForceNew()
            .Default(Value::Int(0))
            .Check(checks::IntBetween(0, 1)));
  b.Add(Attr::Optional("description", Type::String()).Check(NoAngleBrackets(255)));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("floating_ip_address", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("created_at", Type::String()));
  return Schema{std::move(b)};
}

std::vector<std::string> SplitIds(const std::string& ids) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= ids.size()) {
    size_t comma = ids.find(',', start);
    std::string id = ids.substr(start, comma == std::string::npos ? std::string::npos
                                                                  : comma - start);
    while (!id.empty() && id.front() == ' ') id.erase(0, 1);
    while (!id.empty() && id.back() == ' ') id.pop_back();
    if (!id.empty()) out.push_back(id);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// The EIPs' addresses, comma-separated; each must exist in the project.
Result<std::string> EipAddresses(CallContext& ctx, const std::string& ids) {
  std::vector<std::string> list = SplitIds(ids);
  if (list.empty()) return InvalidArgument("floating_ip_id must name at least one EIP.");
  if (list.size() > 20) return InvalidArgument("floating_ip_id may name at most 20 EIPs.");
  std::string out;
  for (const auto& id : list) {
    FW_ASSIGN_OR_RETURN(cloud::InventoryItem eip, RequireInProject(ctx, kEipType, id, "EIP"));
    out += (out.empty() ? "" : ",") + BodyString(eip.body, "address");
  }
  return out;
}

class NatSnatRuleType final : public StoredResourceType {
 public:
  NatSnatRuleType()
      : StoredResourceType("huaweicloud_nat_snat_rule", kSnatRuleType, SnatRuleSchema()) {}

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    const Value* subnet = config.Get("subnet_id");
    const Value* cidr = config.Get("cidr");
    if (!subnet || !cidr || !subnet->IsKnown() || !cidr->IsKnown()) return;
    if (subnet->IsNull() == cidr->IsNull()) {
      diags.AddError("Invalid combination of arguments",
                     std::string(address) + ": exactly one of subnet_id and cidr must be set.",
                     std::nullopt);
    }
    if (GetInt(config, "source_type").value_or(0) == 1 && !subnet->IsNull()) {
      diags.AddError("Invalid combination of arguments",
                     std::string(address) +
                         ": only cidr can be given when source_type is 1 (Direct Connect).",
                     std::nullopt);
    }
  }

  Result<Value> Update(CallContext& ctx, const Value& prior, const Value& planned) const override {
    Value next = FillUnknownsFrom(planned, prior);
    FW_ASSIGN_OR_RETURN(std::string addresses,
                        EipAddresses(ctx, GetString(next, "floating_ip_id")));
    return Save(ctx, WithAttrs(next, {{"floating_ip_address", Value::String(addresses)}}));
  }

 protected:
  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    const std::string gateway_id = GetString(planned, "nat_gateway_id");
    FW_ASSIGN_OR_RETURN(cloud::InventoryItem gateway,
                        RequireInProject(ctx, kNatGatewayType, gateway_id, "NAT gateway"));
    const std::string vpc_id = BodyString(gateway.body, "vpc_id");
    const std::string subnet_id = GetString(planned, "subnet_id");
    if (!subnet_id.empty()) {
      FW_ASSIGN_OR_RETURN(cloud::InventoryItem subnet,
                          RequireInProject(ctx, kSubnetType, subnet_id, "subnet"));
      if (BodyString(subnet.body, "vpc_id") != vpc_id) {
        return InvalidArgument("The subnet " + subnet_id + " is not in the VPC " + vpc_id +
                                   " of NAT gateway " + gateway_id + ".",
                               "NAT.0208");
      }
    } else if (GetString(planned, "cidr").empty()) {
      return InvalidArgument("Exactly one of subnet_id and cidr must be set.");
    }
    FW_ASSIGN_OR_RETURN(std::string addresses,
                        EipAddresses(ctx, GetString(planned, "floating_ip_id")));
    FW_ASSIGN_OR_RETURN(auto rules, ListInProject(ctx, kSnatRuleType));
    for (const auto& r : rules) {
      if (BodyString(r.body, "nat_gateway_id") != gateway_id) continue;
      const bool same_source = subnet_id.empty()
                                   ? BodyString(r.body, "cidr") == GetString(planned, "cidr")
                                   : BodyString(r.body, "subnet_id") == subnet_id;
      if (same_source) {
        return Conflict("The NAT gateway " + gateway_id +
                            " already has an SNAT rule for this source (" + r.id + ").",
                        "NAT.0209");
      }
    }
    Value state = WithAttrs(planned, {
        {"id", Value::String(NewUuid())},
        {"region", Value::String(RegionOf(ctx, planned))},
        {"source_type", Value::Int(GetInt(planned, "source_type").value_or(0))},
        {"floating_ip_address", Value::String(addresses)},
        {"status", Value::String("ACTIVE")},
        {"created_at", Value::String(FormatIsoSeconds(ctx.Now()))},
    });
    return Store(ctx, state, std::chrono::seconds(5));
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewNatSnatRuleType() { return std::make_unique<NatSnatRuleType>(); }

}  // namespace fw::providers::network
