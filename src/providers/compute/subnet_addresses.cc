#include "providers/compute/subnet_addresses.h"

#include "providers/compute/compute_common.h"

namespace fw::providers::compute {

Result<SubnetInfo> LookUpSubnet(CallContext& ctx, const std::string& subnet_id) {
  FW_ASSIGN_OR_RETURN(auto item, FindInProject(ctx, kSubnetType, subnet_id, "subnet"));
  SubnetInfo info;
  info.id = item.id;
  info.vpc_id = BodyString(item.body, "vpc_id");
  auto cidr = ParseIpv4Cidr(BodyString(item.body, "cidr"));
  if (!cidr) return Internal("The subnet " + subnet_id + " has no valid CIDR block.");
  info.cidr = *cidr;
  auto gw = ParseIpv4(BodyString(item.body, "gateway_ip"));
  info.gateway = gw ? *gw : cidr->Host(1);
  return info;
}

Result<std::set<uint32_t>> UsedAddresses(CallContext& ctx, const std::string& subnet_id) {
  std::set<uint32_t> used;
  // This family's types, the database family's (RDS, DCS, CCE) and the network family's ELB,
  // which record "_ports" too.
  for (std::string_view type : {kServerType, kTurboType, std::string_view("rds.instance"),
                                std::string_view("dcs.instance"), std::string_view("cce.node"),
                                std::string_view("cce.cluster"),
                                std::string_view("elb.loadbalancer")}) {
    FW_ASSIGN_OR_RETURN(auto items, ListInProject(ctx, type));
    for (const auto& item : items) {
      const auto* ports = item.body.if_contains("_ports");
      if (!ports || !ports->is_array()) continue;
      for (const auto& p : ports->as_array()) {
        if (!p.is_object() || BodyString(p.as_object(), "subnet_id") != subnet_id) continue;
        if (auto ip = ParseIpv4(BodyString(p.as_object(), "ip"))) used.insert(*ip);
      }
    }
  }
  return used;
}

Result<std::string> AllocateAddress(CallContext& ctx, const SubnetInfo& subnet,
                                    const std::string& wanted, std::set<uint32_t>& also_taken) {
  FW_ASSIGN_OR_RETURN(std::set<uint32_t> used, UsedAddresses(ctx, subnet.id));
  used.insert(also_taken.begin(), also_taken.end());
  used.insert(subnet.gateway);
  const uint64_t size = subnet.cidr.Size();
  // The network address, the gateway and the last three (DHCP, broadcast) are reserved.
  auto usable = [&](uint32_t ip) {
    return subnet.cidr.Contains(ip) && ip != subnet.gateway && ip > subnet.cidr.Host(1) &&
           static_cast<uint64_t>(ip - subnet.cidr.network) + 3 < size;
  };
  if (!wanted.empty()) {
    auto ip = ParseIpv4(wanted);
    if (!ip) return InvalidArgument("The fixed IP " + wanted + " is not an IPv4 address.");
    if (!usable(*ip)) {
      return InvalidArgument("The fixed IP " + wanted + " is not a usable address of subnet " +
                             subnet.id + " (" + FormatIpv4Cidr(subnet.cidr) + ").");
    }
    if (used.count(*ip)) {
      return Conflict("The IP address " + wanted + " is already in use in subnet " + subnet.id +
                      ".");
    }
    also_taken.insert(*ip);
    return wanted;
  }
  for (uint64_t n = 2; n + 3 < size; ++n) {
    uint32_t ip = subnet.cidr.Host(n);
    if (usable(ip) && !used.count(ip)) {
      also_taken.insert(ip);
      return FormatIpv4(ip);
    }
  }
  return FailedPrecondition("The subnet " + subnet.id + " (" + FormatIpv4Cidr(subnet.cidr) +
                            ") has no free IP addresses left.");
}

std::unique_lock<std::mutex> AddressLock() {
  static std::mutex mu;
  return std::unique_lock<std::mutex>(mu);
}

void RecordPort(boost::json::object& extras, const std::string& subnet_id, const std::string& ip) {
  auto& ports = extras["_ports"];
  if (!ports.is_array()) ports = boost::json::array();
  ports.as_array().push_back(boost::json::object{{"subnet_id", subnet_id}, {"ip", ip}});
}

}  // namespace fw::providers::compute
