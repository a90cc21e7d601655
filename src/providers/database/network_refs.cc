#include "providers/database/network_refs.h"

#include <algorithm>

#include "base/ids.h"
#include "cloud/cdm/catalog.h"
#include "providers/database/inventory_state.h"

namespace fw::providers::database {
namespace {

std::string BodyString(const boost::json::object& body, std::string_view key) {
  const auto* v = body.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

// The types of this family whose bodies carry the addresses they use.
constexpr std::pair<const char*, const char*> kAddressFields[] = {
    {"rds.instance", "private_ips"}, {"dcs.instance", "private_ip"},
    {"cce.node", "private_ip"},      {"cce.cluster", "_master_ip"}};

// Other families' types that record their addresses in "_ports".
constexpr const char* kPortRecordingTypes[] = {"ecs.server", "sfs.turbo"};

}  // namespace

Result<SubnetRef> RequireSubnetInVpc(const CallContext& ctx, const std::string& vpc_id,
                                     const std::string& subnet_id) {
  FW_ASSIGN_OR_RETURN(auto vpc, RequireInProject(ctx, kVpcType, vpc_id, "VPC"));
  std::optional<cloud::InventoryItem> subnet;
  FW_ASSIGN_OR_RETURN(subnet, FindInProject(ctx, kSubnetType, subnet_id));
  if (!subnet) {  // the real APIs also take the subnet's IPv4 subnet id (neutron id)
    FW_ASSIGN_OR_RETURN(auto all, ctx.cloud.inventory->List(ctx.project_id, kSubnetType));
    for (auto& s : all) {
      if (BodyString(s.body, "ipv4_subnet_id") == subnet_id) subnet = std::move(s);
    }
  }
  if (!subnet) {
    return NotFound("Subnet " + subnet_id + " does not exist in project " + ctx.project_id + ".");
  }
  if (BodyString(subnet->body, "vpc_id") != vpc_id) {
    return InvalidArgument("Subnet " + subnet_id + " does not belong to VPC " + vpc_id + ".");
  }
  SubnetRef ref;
  ref.id = subnet->id;
  ref.vpc_id = vpc_id;
  auto cidr = ParseIpv4Cidr(BodyString(subnet->body, "cidr"));
  auto vpc_cidr = ParseIpv4Cidr(BodyString(vpc.body, "cidr"));
  if (!cidr) return Internal("Subnet " + subnet_id + " has no valid CIDR block.");
  ref.cidr = *cidr;
  ref.vpc_cidr = vpc_cidr ? *vpc_cidr : *cidr;
  return ref;
}

Status RequireSecurityGroup(const CallContext& ctx, const std::string& secgroup_id) {
  return RequireInProject(ctx, kSecgroupType, secgroup_id, "Security group").status();
}

Status RequireAvailabilityZones(const CallContext& ctx, const std::vector<std::string>& zones,
                                std::string_view attribute) {
  for (const auto& z : zones) {
    if (!cloud::cdm::IsAvailabilityZone(ctx.region, z)) {
      std::string valid;
      for (const auto& a : cloud::cdm::AvailabilityZones(ctx.region)) {
        valid += (valid.empty() ? "" : ", ") + a;
      }
      return InvalidArgument("Invalid " + std::string(attribute) + ": " + z +
                             " is not an availability zone of region " + ctx.region +
                             " (available: " + valid + ").");
    }
  }
  return Status::Ok();
}

Result<std::string> AllocatePrivateIp(const SubnetRef& subnet, const std::string& fixed,
                                      const std::vector<std::string>& used) {
  const uint64_t size = subnet.cidr.Size();
  if (!fixed.empty()) {
    auto ip = ParseIpv4(fixed);
    if (!ip || !subnet.cidr.Contains(*ip)) {
      return InvalidArgument("The IP address " + fixed + " is not in subnet " +
                             FormatIpv4Cidr(subnet.cidr) + ".");
    }
    const uint64_t offset = *ip - subnet.cidr.network;
    if (offset < 2 || offset + 1 >= size) {
      return InvalidArgument("The IP address " + fixed + " is reserved in subnet " +
                             FormatIpv4Cidr(subnet.cidr) + ".");
    }
    if (std::find(used.begin(), used.end(), fixed) != used.end()) {
      return AlreadyExists("The IP address " + fixed + " is already in use.");
    }
    return fixed;
  }
  if (size < 8) return FailedPrecondition("Subnet " + subnet.id + " has no free IP addresses.");
  // Start at a random place (as the cloud's allocator appears to) and walk to a free address.
  // The first ten and the last two addresses are kept for gateways, DHCP and DNS.
  const uint64_t first = std::min<uint64_t>(10, size / 4);
  const uint64_t count = size - first - 2;
  const uint64_t start = RandomBelow(count);
  for (uint64_t i = 0; i < count; ++i) {
    std::string candidate = FormatIpv4(subnet.cidr.Host(first + (start + i) % count));
    if (std::find(used.begin(), used.end(), candidate) == used.end()) return candidate;
  }
  return FailedPrecondition("Subnet " + subnet.id + " has no free IP addresses.");
}

Result<std::vector<std::string>> UsedPrivateIps(const CallContext& ctx) {
  std::vector<std::string> used;
  for (const auto& [type, field] : kAddressFields) {
    FW_ASSIGN_OR_RETURN(auto items, ctx.cloud.inventory->List(ctx.project_id, type));
    for (const auto& item : items) {
      const auto* v = item.body.if_contains(field);
      if (!v) continue;
      if (v->is_string()) used.emplace_back(v->as_string());
      if (v->is_array()) {
        for (const auto& e : v->as_array()) {
          if (e.is_string()) used.emplace_back(e.as_string());
        }
      }
    }
  }
  for (const char* type : kPortRecordingTypes) {
    FW_ASSIGN_OR_RETURN(auto items, ctx.cloud.inventory->List(ctx.project_id, type));
    for (const auto& item : items) {
      const auto* ports = item.body.if_contains("_ports");
      if (!ports || !ports->is_array()) continue;
      for (const auto& p : ports->as_array()) {
        const auto* ip = p.is_object() ? p.as_object().if_contains("ip") : nullptr;
        if (ip && ip->is_string()) used.emplace_back(ip->as_string());
      }
    }
  }
  return used;
}

void RecordPort(boost::json::object& body, const std::string& subnet_id, const std::string& ip) {
  if (ip.empty()) return;
  boost::json::value& ports = body["_ports"];
  if (!ports.is_array()) ports = boost::json::array();
  ports.as_array().push_back(boost::json::object{{"subnet_id", subnet_id}, {"ip", ip}});
}

std::unique_lock<std::mutex> AddressLock() {
  static std::mutex mu;
  return std::unique_lock<std::mutex>(mu);
}

}  // namespace fw::providers::database
