// huaweicloud_elb_loadbalancer: a dedicated load balancer ("elb.loadbalancer") in a VPC, with a
// private IPv4 address in a subnet (ipv4_subnet_id is the subnet's `ipv4_subnet_id`, as in the
// real API), allocated when ipv4_address is unset. Name, description, flavors,
// cross_vpc_backend and tags update in place.
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

Schema LoadbalancerSchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("name", Type::String()).Check(checks::StringLength(1, 255)));
  b.Add(Attr::Required("availability_zone", Type::List(Type::String())).ForceNew());
  b.Add(Attr::Optional("description", Type::String()).Check(NoAngleBrackets(255)));
  b.Add(Attr::Optional("cross_vpc_backend", Type::Bool()).Default(Value::False()));
  b.Add(Attr::OptionalComputed("vpc_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("ipv4_subnet_id", Type::String()).ForceNew());
  b.Add(Attr::OptionalComputed("ipv4_address", Type::String())
            .ForceNew()
            .Check(checks::IpAddress()));
  b.Add(Attr::Optional("ipv4_eip_id", Type::String()).ForceNew());
  b.Add(Attr::OptionalComputed("l4_flavor_id", Type::String()));
  b.Add(Attr::OptionalComputed("l7_flavor_id", Type::String()));
  b.Add(EnterpriseProjectAttr());
  b.Add(TagsAttr());
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("ipv4_port_id", Type::String()));
  b.Add(Attr::Computed("ipv4_eip", Type::String()));
  b.Add(Attr::Computed("ipv6_address", Type::String()));
  b.Add(Attr::Computed("ipv6_eip", Type::String()));
  b.Add(Attr::Computed("ipv6_eip_id", Type::String()));
  b.Add(Attr::Computed("created_at", Type::String()));
  return Schema{std::move(b)};
}

class ElbLoadbalancerType final : public StoredResourceType {
 public:
  ElbLoadbalancerType()
      : StoredResourceType("huaweicloud_elb_loadbalancer", kLoadbalancerType,
                           LoadbalancerSchema()) {}

 protected:
  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    const std::string region = RegionOf(ctx, planned);
    std::vector<std::string> zones = GetStrings(planned, "availability_zone");
    if (zones.empty()) return InvalidArgument("availability_zone must name at least one AZ.");
    for (const auto& az : zones) {
      if (!cloud::cdm::IsAvailabilityZone(region, az)) {
        return InvalidArgument("The availability zone " + az + " does not exist in region " +
                                   region + ".",
                               "ELB.8902");
      }
    }
    const std::string ipv4_subnet_id = GetString(planned, "ipv4_subnet_id");
    if (ipv4_subnet_id.empty()) {
      return InvalidArgument("ipv4_subnet_id is required: Formwork simulates IPv4 load balancers.",
                             "ELB.8902");
    }
    FW_ASSIGN_OR_RETURN(auto subnets, ListInProject(ctx, kSubnetType));
    const cloud::InventoryItem* subnet = nullptr;
    for (const auto& s : subnets) {
      if (BodyString(s.body, "ipv4_subnet_id") == ipv4_subnet_id) subnet = &s;
    }
    if (!subnet) {
      return NotFound("The IPv4 subnet " + ipv4_subnet_id +
                          " could not be found (give the subnet's ipv4_subnet_id).",
                      "ELB.8904");
    }
    std::string vpc_id = GetString(planned, "vpc_id");
    if (vpc_id.empty()) vpc_id = BodyString(subnet->body, "vpc_id");
    FW_RETURN_IF_ERROR(RequireInProject(ctx, kVpcType, vpc_id, "VPC").status());
    if (BodyString(subnet->body, "vpc_id") != vpc_id) {
      return InvalidArgument("The subnet " + ipv4_subnet_id + " does not belong to VPC " + vpc_id +
                                 ".",
                             "ELB.8902");
    }
    auto lock = AddressLock();
    FW_ASSIGN_OR_RETURN(std::string address,
                        AllocateAddress(ctx, *subnet, GetString(planned, "ipv4_address")));
    std::string eip_address;
    if (std::string eip_id = GetString(planned, "ipv4_eip_id"); !eip_id.empty()) {
      FW_ASSIGN_OR_RETURN(cloud::InventoryItem eip, RequireInProject(ctx, kEipType, eip_id, "EIP"));
      eip_address = BodyString(eip.body, "address");
    }
    std::string eps = GetString(planned, "enterprise_project_id");
    Value state = WithAttrs(planned, {
        {"id", Value::String(NewUuid())},
        {"region", Value::String(region)},
        {"vpc_id", Value::String(vpc_id)},
        {"ipv4_address", Value::String(address)},
        {"ipv4_port_id", Value::String(NewUuid())},
        {"ipv4_eip", Value::String(eip_address)},
        {"ipv6_address", Value::String("")},
        {"ipv6_eip", Value::String("")},
        {"ipv6_eip_id", Value::String("")},
        {"l4_flavor_id", Value::String(GetString(planned, "l4_flavor_id"))},
        {"l7_flavor_id", Value::String(GetString(planned, "l7_flavor_id"))},
        {"enterprise_project_id", Value::String(eps.empty() ? "0" : eps)},
        {"created_at", Value::String(FormatIsoSeconds(ctx.Now()))},
    });
    boost::json::object extras;
    RecordPort(extras, subnet->id, address);
    return Store(ctx, state, std::chrono::seconds(30), std::move(extras), std::move(lock));
  }

 private:
  // `wanted` when it is a usable, free host address of the subnet, else the lowest free one
  // (providers/common/subnet_addresses.h). Like the real subnets, the network address, the
  // gateway and the last three addresses are never given out.
  static Result<std::string> AllocateAddress(CallContext& ctx, const cloud::InventoryItem& subnet,
                                             const std::string& wanted) {
    static const AddressRules kRules{.first_fixed = 1, .tail_fixed = 3, .first_auto = 1,
                                     .tail_auto = 3, .random_start = false};
    auto error = [](AddressRefusal why, const std::string& ip, const SubnetRef& s) -> Status {
      switch (why) {
        case AddressRefusal::kMalformed:
        case AddressRefusal::kOutside:
        case AddressRefusal::kReserved:
          return InvalidArgument("The IP address " + ip + " is not a usable address of subnet " +
                                     FormatIpv4Cidr(s.cidr) + ".",
                                 "ELB.8902");
        case AddressRefusal::kTaken:
          return Conflict("The IP address " + ip + " is already in use.", "ELB.8907");
        case AddressRefusal::kExhausted:
          break;
      }
      return Status(ErrorCode::kResourceExhausted,
                    "No free IP address is left in subnet " + FormatIpv4Cidr(s.cidr) + ".",
                    "ELB.8907");
    };
    auto ref = SubnetOf(subnet);
    if (!ref.ok()) return Internal("The subnet " + subnet.id + " has no valid CIDR.");
    return providers::AllocateAddress(ctx, *ref, wanted, kRules, error);
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewElbLoadbalancerType() {
  return std::make_unique<ElbLoadbalancerType>();
}

}  // namespace fw::providers::network
