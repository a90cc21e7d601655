// huaweicloud_vpc: a virtual private cloud ("vpc.vpc"). Name, CIDR, description and tags are
// updated in place; the CIDR may change only while it still holds every subnet. Deleting a VPC
// that still has subnets is refused, as the VPC API does.
#include "base/ids.h"
#include "base/time_format.h"
#include "providers/common/ipv4.h"
#include "providers/network/network_common.h"
#include "providers/network/network_types.h"

namespace fw::providers::network {
namespace {

using hcl::Type;
using hcl::Value;

// The private ranges a VPC may use: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, masks up to /24.
std::string CheckVpcCidr(const Value& v) {
  auto cidr = ParseIpv4Cidr(v.AsString());
  if (!cidr) {
    return "expected a valid IPv4 network in CIDR notation (e.g. 192.168.0.0/16), got " +
           v.AsString();
  }
  static const Ipv4Cidr kRanges[] = {*ParseIpv4Cidr("10.0.0.0/8"), *ParseIpv4Cidr("172.16.0.0/12"),
                                     *ParseIpv4Cidr("192.168.0.0/16")};
  for (const auto& range : kRanges) {
    if (range.Contains(*cidr) && cidr->prefix <= 24) return "";
  }
  return "the VPC CIDR must be within 10.0.0.0/8-24, 172.16.0.0/12-24 or 192.168.0.0/16-24, got " +
         v.AsString();
}

Schema VpcSchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("name", Type::String()).Check(checks::ResourceName(1, 64)));
  b.Add(Attr::Required("cidr", Type::String()).Check(CheckVpcCidr));
  b.Add(Attr::Optional("description", Type::String()).Check(NoAngleBrackets(255)));
  b.Add(EnterpriseProjectAttr());
  b.Add(TagsAttr());
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("created_at", Type::String()));
  return Schema{std::move(b)};
}

class VpcType final : public StoredResourceType {
 public:
  VpcType() : StoredResourceType("huaweicloud_vpc", kVpcType, VpcSchema()) {}

 protected:
  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    std::string eps = GetString(planned, "enterprise_project_id");
    Value state = WithAttrs(planned, {
        {"id", Value::String(NewUuid())},
        {"region", Value::String(RegionOf(ctx, planned))},
        {"enterprise_project_id", Value::String(eps.empty() ? "0" : eps)},
        {"status", Value::String("OK")},
        {"created_at", Value::String(FormatIsoSeconds(ctx.Now()))},
    });
    return Store(ctx, state, std::chrono::seconds(5));
  }

  Status ValidateUpdate(CallContext& ctx, const Value& prior, const Value& next,
                        boost::json::object&) const override {
    auto cidr = ParseIpv4Cidr(GetString(next, "cidr"));
    if (!cidr) return InvalidArgument("Invalid CIDR " + GetString(next, "cidr") + ".");
    FW_ASSIGN_OR_RETURN(auto subnets,
                        ctx.cloud.inventory->ListChildren(std::string(kSubnetType), GetString(next, "id")));
    for (const auto& s : subnets) {
      auto sc = ParseIpv4Cidr(BodyString(s.body, "cidr"));
      if (sc && !cidr->Contains(*sc)) {
        return InvalidArgument("The VPC CIDR " + GetString(next, "cidr") +
                                   " does not contain the CIDR " + FormatIpv4Cidr(*sc) +
                                   " of subnet " + s.id + ".",
                               "VPC.0005");
      }
    }
    return Status::Ok();
  }

  Status CheckDelete(CallContext& ctx, const cloud::InventoryItem& item,
                     const Value& state) const override {
    FW_ASSIGN_OR_RETURN(auto subnets, ctx.cloud.inventory->ListChildren(std::string(kSubnetType), item.id));
    for (const auto& s : subnets) {
      {
        return FailedPrecondition("The VPC " + item.id +
                                      " still has subnets (e.g. " + s.id +
                                      "); delete them before deleting the VPC.",
                                  "VPC.0011");
      }
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewVpcType() { return std::make_unique<VpcType>(); }

}  // namespace fw::providers::network
