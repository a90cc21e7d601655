#include "providers/network/subnet_ports.h"

#include <string_view>

#include "providers/common/ipv4.h"
#include "providers/network/network_common.h"

namespace fw::providers::network {
namespace {

constexpr std::string_view kPortRecordingTypes[] = {
    "ecs.server", "sfs.turbo", "rds.instance", "dcs.instance", "cce.node", "cce.cluster",
    kLoadbalancerType};

// Calls `fn(item_id, ip)` for every port recorded in the subnet.
template <typename Fn>
Status ForEachPort(CallContext& ctx, const std::string& subnet_id, Fn fn) {
  for (std::string_view type : kPortRecordingTypes) {
    FW_ASSIGN_OR_RETURN(auto items, ListInProject(ctx, type));
    for (const auto& item : items) {
      const auto* ports = item.body.if_contains("_ports");
      if (!ports || !ports->is_array()) continue;
      for (const auto& p : ports->as_array()) {
        if (!p.is_object() || BodyString(p.as_object(), "subnet_id") != subnet_id) continue;
        fn(item.id, BodyString(p.as_object(), "ip"));
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::set<uint32_t>> TakenAddresses(CallContext& ctx, const std::string& subnet_id) {
  std::set<uint32_t> taken;
  FW_RETURN_IF_ERROR(ForEachPort(ctx, subnet_id, [&](const std::string&, const std::string& ip) {
    if (auto a = ParseIpv4(ip)) taken.insert(*a);
  }));
  return taken;
}

Result<std::string> SomePortUser(CallContext& ctx, const std::string& subnet_id) {
  std::string user;
  FW_RETURN_IF_ERROR(ForEachPort(ctx, subnet_id, [&](const std::string& id, const std::string&) {
    if (user.empty()) user = id;
  }));
  return user;
}

void RecordPort(boost::json::object& body, const std::string& subnet_id, const std::string& ip) {
  boost::json::value& ports = body["_ports"];
  if (!ports.is_array()) ports = boost::json::array();
  ports.as_array().push_back(boost::json::object{{"subnet_id", subnet_id}, {"ip", ip}});
}

std::unique_lock<std::mutex> AddressLock() {
  static std::mutex mu;
  return std::unique_lock<std::mutex>(mu);
}

}  // namespace fw::providers::network
