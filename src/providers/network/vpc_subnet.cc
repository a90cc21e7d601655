// huaweicloud_vpc_subnet: a subnet of a VPC ("vpc.subnet"). Its CIDR lies inside the VPC's and
// overlaps no other subnet of that VPC; the gateway is a host address of the CIDR. Like the real
// service it has two ids: `id` (the VPC API's subnet id, what NAT gateways take) and
// `ipv4_subnet_id` (the Neutron subnet id, what ELB and ECS NICs take); `subnet_id` is the
// deprecated name of the latter. Deleting a subnet still used by a NAT gateway or holding
// ports (servers, load balancers... see providers/common/subnet_addresses.h) is refused.
#include "base/ids.h"
#include "base/time_format.h"
#include "cloud/cdm/catalog.h"
#include "providers/common/ipv4.h"
#include "providers/network/network_common.h"
#include "providers/network/network_types.h"
#include "providers/common/subnet_addresses.h"

namespace fw::providers::network {
namespace {

using hcl::Type;
using hcl::Value;

constexpr char kDefaultPrimaryDns[] = "100.125.1.250";
constexpr char kDefaultSecondaryDns[] = "100.125.129.250";

std::string CheckSubnetCidr(const Value& v) {
  auto cidr = ParseIpv4Cidr(v.AsString());
  if (!cidr) {
    return "expected a valid IPv4 network in CIDR notation (e.g. 192.168.0.0/24), got " +
           v.AsString();
  }
  if (cidr->prefix > 28) return "the subnet mask cannot be greater than 28, got " + v.AsString();
  return "";
}

std::string CheckIpList(const Value& v) {
  for (const Value& e : v.Elements()) {
    if (e.IsNull() || !ParseIpv4(e.AsString())) {
      return "expected valid IPv4 addresses, got " + (e.IsNull() ? "null" : e.AsString());
    }
  }
  return "";
}

Schema SubnetSchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("name", Type::String()).Check(checks::ResourceName(1, 64)));
  b.Add(Attr::Required("cidr", Type::String()).ForceNew().Check(CheckSubnetCidr));
  b.Add(Attr::Required("gateway_ip", Type::String()).ForceNew().Check(checks::IpAddress()));
  b.Add(Attr::Required("vpc_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("description", Type::String()).Check(NoAngleBrackets(255)));
  b.Add(Attr::Optional("ipv6_enable", Type::Bool()).Default(Value::False()));
  b.Add(Attr::Optional("dhcp_enable", Type::Bool()).Default(Value::True()));
  b.Add(Attr::OptionalComputed("primary_dns", Type::String()).Check(checks::IpAddress()));
  b.Add(Attr::OptionalComputed("secondary_dns", Type::String()).Check(checks::IpAddress()));
  b.Add(Attr::OptionalComputed("dns_list", Type::List(Type::String())).Check(CheckIpList));
  b.Add(Attr::OptionalComputed("availability_zone", Type::String()).ForceNew());
  b.Add(TagsAttr());
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("subnet_id", Type::String()));
  b.Add(Attr::Computed("ipv4_subnet_id", Type::String()));
  b.Add(Attr::Computed("ipv6_subnet_id", Type::String()));
  b.Add(Attr::Computed("ipv6_cidr", Type::String()));
  b.Add(Attr::Computed("ipv6_gateway", Type::String()));
  b.Add(Attr::Computed("created_at", Type::String()));
  return Schema{std::move(b)};
}

// The IPv6 attributes for `enabled` (a /64 of the simulated IPv6 block, or empty strings).
std::vector<std::pair<std::string, Value>> Ipv6Attrs(bool enabled, const Value& prior) {
  if (!enabled) {
    return {{"ipv6_subnet_id", Value::String("")},
            {"ipv6_cidr", Value::String("")},
            {"ipv6_gateway", Value::String("")}};
  }
  if (!GetString(prior, "ipv6_cidr").empty()) {
    return {{"ipv6_subnet_id", Value::String(GetString(prior, "ipv6_subnet_id"))},
            {"ipv6_cidr", Value::String(GetString(prior, "ipv6_cidr"))},
            {"ipv6_gateway", Value::String(GetString(prior, "ipv6_gateway"))}};
  }
  std::string prefix = "2407:c080:11f0:" + NewHexId32().substr(0, 4);
  return {{"ipv6_subnet_id", Value::String(NewUuid())},
          {"ipv6_cidr", Value::String(prefix + "::/64")},
          {"ipv6_gateway", Value::String(prefix + "::1")}};
}

// DNS attributes: the configured ones, or the region's default DNS servers.
std::vector<std::pair<std::string, Value>> DnsAttrs(const Value& v) {
  std::string primary = GetString(v, "primary_dns");
  std::string secondary = GetString(v, "secondary_dns");
  std::vector<std::string> list = GetStrings(v, "dns_list");
  const Value* dl = v.Get("dns_list");
  const bool list_known = dl && dl->IsKnown() && !dl->IsNull();
  if (primary.empty()) primary = list.size() > 0 ? list[0] : kDefaultPrimaryDns;
  if (secondary.empty()) secondary = list.size() > 1 ? list[1] : kDefaultSecondaryDns;
  if (!list_known) list = {primary, secondary};
  return {{"primary_dns", Value::String(primary)},
          {"secondary_dns", Value::String(secondary)},
          {"dns_list", StringList(list)}};
}

class VpcSubnetType final : public StoredResourceType {
 public:
  VpcSubnetType() : StoredResourceType("huaweicloud_vpc_subnet", kSubnetType, SubnetSchema()) {}

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    auto cidr = ParseIpv4Cidr(GetString(config, "cidr"));
    auto gw = ParseIpv4(GetString(config, "gateway_ip"));
    if (!cidr || !gw) return;
    if (auto msg = GatewayProblem(*cidr, *gw); !msg.empty()) {
      diags.AddError("Invalid value for gateway_ip", std::string(address) + ": " + msg + ".",
                     std::nullopt);
    }
  }

  Result<Value> Update(CallContext& ctx, const Value& prior, const Value& planned) const override {
    Value next = FillUnknownsFrom(planned, prior);
    auto dns = DnsAttrs(next);
    auto ipv6 = Ipv6Attrs(GetBool(next, "ipv6_enable", false), prior);
    dns.insert(dns.end(), ipv6.begin(), ipv6.end());
    return Save(ctx, WithAttrs(next, std::move(dns)));
  }

 protected:
  static std::string GatewayProblem(const Ipv4Cidr& cidr, uint32_t gw) {
    if (!cidr.Contains(gw)) {
      return "the gateway " + FormatIpv4(gw) + " is not inside the subnet " + FormatIpv4Cidr(cidr);
    }
    if (gw == cidr.network || gw == cidr.Host(cidr.Size() - 1)) {
      return "the gateway " + FormatIpv4(gw) +
             " cannot be the network or broadcast address of " + FormatIpv4Cidr(cidr);
    }
    return "";
  }

  std::string ParentId(const Value& state) const override { return GetString(state, "vpc_id"); }

  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    const std::string vpc_id = GetString(planned, "vpc_id");
    FW_ASSIGN_OR_RETURN(cloud::InventoryItem vpc, RequireInProject(ctx, kVpcType, vpc_id, "VPC"));
    auto cidr = ParseIpv4Cidr(GetString(planned, "cidr"));
    auto gw = ParseIpv4(GetString(planned, "gateway_ip"));
    auto vpc_cidr = ParseIpv4Cidr(BodyString(vpc.body, "cidr"));
    if (!cidr || !gw) return InvalidArgument("Invalid cidr or gateway_ip.");
    if (auto msg = GatewayProblem(*cidr, *gw); !msg.empty()) {
      return InvalidArgument("Invalid gateway_ip: " + msg + ".", "VPC.0203");
    }
    if (!vpc_cidr || !vpc_cidr->Contains(*cidr)) {
      return InvalidArgument("The subnet CIDR " + FormatIpv4Cidr(*cidr) +
                                 " is not inside the CIDR " + BodyString(vpc.body, "cidr") +
                                 " of VPC " + vpc_id + ".",
                             "VPC.0202");
    }
    auto lock = AddressLock();  // no overlapping subnet stored between the check and ours
    // The VPC's subnets only (indexed by parent), not every subnet of the project.
    FW_ASSIGN_OR_RETURN(auto subnets, ctx.cloud.inventory->ListChildren(std::string(kSubnetType), vpc_id));
    for (const auto& s : subnets) {
      if (s.project_id != ctx.project_id || BodyString(s.body, "vpc_id") != vpc_id) continue;
      auto other = ParseIpv4Cidr(BodyString(s.body, "cidr"));
      if (other && other->Overlaps(*cidr)) {
        return Conflict("The subnet CIDR " + FormatIpv4Cidr(*cidr) +
                            " overlaps the CIDR " + FormatIpv4Cidr(*other) + " of subnet " +
                            s.name + " (" + s.id + ") in the same VPC.",
                        "VPC.0204");
      }
    }
    const std::string region = RegionOf(ctx, planned);
    std::string az = GetString(planned, "availability_zone");
    if (!az.empty() && !cloud::cdm::IsAvailabilityZone(region, az)) {
      return InvalidArgument("The availability zone " + az + " does not exist in region " +
                             region + ".");
    }
    const std::string ipv4_subnet_id = NewUuid();
    std::vector<std::pair<std::string, Value>> attrs = {
        {"id", Value::String(NewUuid())},
        {"region", Value::String(region)},
        {"availability_zone", Value::String(az)},
        {"status", Value::String("ACTIVE")},
        {"subnet_id", Value::String(ipv4_subnet_id)},
        {"ipv4_subnet_id", Value::String(ipv4_subnet_id)},
        {"created_at", Value::String(FormatIsoSeconds(ctx.Now()))},
    };
    for (auto& a : DnsAttrs(planned)) attrs.push_back(std::move(a));
    for (auto& a : Ipv6Attrs(GetBool(planned, "ipv6_enable", false), Value())) {
      attrs.push_back(std::move(a));
    }
    return Store(ctx, WithAttrs(planned, std::move(attrs)), std::chrono::seconds(5), {},
                 std::move(lock));
  }

  Status CheckDelete(CallContext& ctx, const cloud::InventoryItem& item,
                     const Value& state) const override {
    FW_ASSIGN_OR_RETURN(auto gateways, ListInProject(ctx, kNatGatewayType));
    for (const auto& g : gateways) {
      if (BodyString(g.body, "subnet_id") == item.id) {
        return FailedPrecondition("The subnet " + item.id + " is in use by NAT gateway " + g.id +
                                      "; delete it first.",
                                  "VPC.0213");
      }
    }
    FW_ASSIGN_OR_RETURN(std::string user, SomePortUser(ctx, item.id));
    if (!user.empty()) {
      return FailedPrecondition("The subnet " + item.id + " still has ports in use (by " + user +
                                    "); delete them first.",
                                "VPC.0213");
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewVpcSubnetType() { return std::make_unique<VpcSubnetType>(); }

}  // namespace fw::providers::network
