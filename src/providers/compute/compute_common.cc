#include "providers/compute/compute_common.h"

#include <algorithm>

#include "base/time_format.h"
#include "cloud/cdm/catalog.h"
#include "providers/common/subnet_addresses.h"

namespace fw::providers::compute {

using hcl::Type;
using hcl::Value;

std::string Rfc3339(TimePoint t) { return FormatIsoSeconds(t); }

std::string KeypairItemId(const std::string& project_id, const std::string& name) {
  return project_id + "/" + name;
}

Result<std::string> ResolveAvailabilityZone(const CallContext& ctx, const std::string& region,
                                            const std::string& configured) {
  if (configured.empty()) return cloud::cdm::AvailabilityZones(region).front();
  if (!cloud::cdm::IsAvailabilityZone(region, configured)) {
    return InvalidArgument("The availability zone " + configured + " does not exist in region " +
                           region + " (available: " + AvailabilityZoneList(region) + ").");
  }
  return configured;
}

Result<std::string> AllocateAddress(const CallContext& ctx, const SubnetRef& subnet,
                                    const std::string& wanted, std::set<uint32_t>& picked) {
  // The network address, .1, the gateway and the last three (DHCP, broadcast) are reserved.
  static const AddressRules kRules{.first_fixed = 2, .tail_fixed = 3, .first_auto = 2,
                                   .tail_auto = 3, .random_start = false};
  auto error = [](AddressRefusal why, const std::string& ip, const SubnetRef& s) -> Status {
    const std::string where = s.id + " (" + FormatIpv4Cidr(s.cidr) + ")";
    switch (why) {
      case AddressRefusal::kMalformed:
        return InvalidArgument("The fixed IP " + ip + " is not an IPv4 address.");
      case AddressRefusal::kOutside:
      case AddressRefusal::kReserved:
        return InvalidArgument("The fixed IP " + ip + " is not a usable address of subnet " +
                               where + ".");
      case AddressRefusal::kTaken:
        return Conflict("The IP address " + ip + " is already in use in subnet " + s.id + ".");
      case AddressRefusal::kExhausted:
        break;
    }
    return FailedPrecondition("The subnet " + where + " has no free IP addresses left.");
  };
  return providers::AllocateAddress(ctx, subnet, wanted, kRules, error, &picked);
}

// --- Schema pieces ---

Attr RegionAttr() { return Attr::OptionalComputed("region", Type::String()).ForceNew(); }

Attr TagsAttr() {
  return Attr::Optional("tags", Type::Map(Type::String())).Check([](const Value& v) {
    if (v.Length() > 20) return std::string("at most 20 tags are allowed");
    for (const auto& k : v.Keys()) {
      if (k.empty() || k.size() > 128) return "tag keys must be 1 to 128 characters, got " + k;
    }
    for (const auto& e : v.Elements()) {
      if (e.IsKnown() && !e.IsNull() && e.AsString().size() > 255) {
        return std::string("tag values must be at most 255 characters");
      }
    }
    return std::string();
  });
}

Attr EnterpriseProjectAttr() {
  return Attr::OptionalComputed("enterprise_project_id", Type::String()).ForceNew();
}

Attr ChargingModeAttr() {
  return Attr::OptionalComputed("charging_mode", Type::String())
      .ForceNew()
      .Check(checks::OneOf({"prePaid", "postPaid"}));
}

ValueCheck NoAngleBrackets(size_t max_len) {
  return [max_len](const Value& v) -> std::string {
    const std::string& s = v.AsString();
    if (s.size() > max_len) {
      return "the description must be at most " + std::to_string(max_len) + " characters";
    }
    if (s.find_first_of("<>") != std::string::npos) {
      return "the description cannot contain '<' or '>'";
    }
    return "";
  };
}

}  // namespace fw::providers::compute
