#include "providers/common/subnet_addresses.h"

#include <algorithm>

#include "base/ids.h"
#include "providers/common/stored_type.h"
#include "providers/common/values.h"

namespace fw::providers {
namespace {

// Calls `fn(item_id, ip)` for every port recorded in the subnet.
template <typename Fn>
Status ForEachPort(const CallContext& ctx, const std::string& subnet_id, Fn fn) {
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

Result<std::set<uint32_t>> TakenAddresses(const CallContext& ctx, const std::string& subnet_id) {
  std::set<uint32_t> taken;
  FW_RETURN_IF_ERROR(ForEachPort(ctx, subnet_id, [&](const std::string&, const std::string& ip) {
    if (auto a = ParseIpv4(ip)) taken.insert(*a);
  }));
  return taken;
}

Result<std::string> SomePortUser(const CallContext& ctx, const std::string& subnet_id) {
  std::string user;
  FW_RETURN_IF_ERROR(ForEachPort(ctx, subnet_id, [&](const std::string& id, const std::string&) {
    if (user.empty()) user = id;
  }));
  return user;
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

Result<std::string> AllocateAddress(const CallContext& ctx, const SubnetRef& subnet,
                                    const std::string& wanted, const AddressRules& rules,
                                    const AddressError& error, std::set<uint32_t>* also_taken) {
  FW_ASSIGN_OR_RETURN(std::set<uint32_t> taken, TakenAddresses(ctx, subnet.id));
  if (also_taken) taken.insert(also_taken->begin(), also_taken->end());
  const uint64_t size = subnet.cidr.Size();
  auto pick = [&](uint32_t ip) {
    if (also_taken) also_taken->insert(ip);
    return FormatIpv4(ip);
  };
  if (!wanted.empty()) {
    auto ip = ParseIpv4(wanted);
    if (!ip) return error(AddressRefusal::kMalformed, wanted, subnet);
    if (!subnet.cidr.Contains(*ip)) return error(AddressRefusal::kOutside, wanted, subnet);
    const uint64_t offset = *ip - subnet.cidr.network;
    if (offset < rules.first_fixed || offset + rules.tail_fixed >= size || *ip == subnet.gateway) {
      return error(AddressRefusal::kReserved, wanted, subnet);
    }
    if (taken.count(*ip)) return error(AddressRefusal::kTaken, wanted, subnet);
    return pick(*ip);
  }
  const uint64_t first = std::min<uint64_t>(rules.first_auto, size / 4);
  const uint64_t count = size > first + rules.tail_auto ? size - first - rules.tail_auto : 0;
  const uint64_t start = rules.random_start && count > 0 ? RandomBelow(count) : 0;
  for (uint64_t i = 0; i < count; ++i) {
    const uint32_t ip = subnet.cidr.Host(first + (start + i) % count);
    if (ip != subnet.gateway && !taken.count(ip)) return pick(ip);
  }
  return error(AddressRefusal::kExhausted, "", subnet);
}

}  // namespace fw::providers
