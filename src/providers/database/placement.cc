#include "providers/database/placement.h"

#include "cloud/cdm/catalog.h"
#include "providers/common/subnet_addresses.h"

namespace fw::providers::database {

Status RequireAvailabilityZones(const CallContext& ctx, const std::vector<std::string>& zones,
                                std::string_view attribute) {
  for (const auto& z : zones) {
    if (!cloud::cdm::IsAvailabilityZone(ctx.region, z)) {
      return InvalidArgument("Invalid " + std::string(attribute) + ": " + z +
                             " is not an availability zone of region " + ctx.region +
                             " (available: " + AvailabilityZoneList(ctx.region) + ").");
    }
  }
  return Status::Ok();
}

Result<std::string> AllocatePrivateIp(const CallContext& ctx, const SubnetRef& subnet,
                                      const std::string& fixed) {
  static const AddressRules kRules{.first_fixed = 2, .tail_fixed = 1, .first_auto = 10,
                                   .tail_auto = 2, .random_start = true};
  auto error = [](AddressRefusal why, const std::string& ip, const SubnetRef& s) -> Status {
    switch (why) {
      case AddressRefusal::kMalformed:
      case AddressRefusal::kOutside:
        return InvalidArgument("The IP address " + ip + " is not in subnet " +
                               FormatIpv4Cidr(s.cidr) + ".");
      case AddressRefusal::kReserved:
        return InvalidArgument("The IP address " + ip + " is reserved in subnet " +
                               FormatIpv4Cidr(s.cidr) + ".");
      case AddressRefusal::kTaken:
        return AlreadyExists("The IP address " + ip + " is already in use.");
      case AddressRefusal::kExhausted:
        break;
    }
    return FailedPrecondition("Subnet " + s.id + " has no free IP addresses.");
  };
  return AllocateAddress(ctx, subnet, fixed, kRules, error);
}

}  // namespace fw::providers::database
