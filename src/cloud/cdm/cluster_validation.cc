// The creation and modification checks of the CDM cluster service.
#include <algorithm>
#include <regex>

#include "cloud/cdm/catalog.h"
#include "cloud/cdm/cluster_service.h"

namespace fw::cloud::cdm {
namespace {

Status Invalid(std::string msg) { return InvalidArgument(std::move(msg), "Cdm.0014"); }

bool IsTimeOfDay(const std::string& s) {
  static const std::regex kTime("([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]");
  return std::regex_match(s, kTime);
}

Status CheckContacts(const std::string& value, std::string_view what) {
  if (value.empty()) return Status::Ok();
  size_t count = 1 + std::count(value.begin(), value.end(), ',');
  if (count > 20) return Invalid(std::string(what) + " accepts at most 20 comma-separated values.");
  if (value.size() > 2048) return Invalid(std::string(what) + " is too long.");
  return Status::Ok();
}

}  // namespace

Status ValidateClusterSpec(const ClusterSpec& s, std::string_view region) {
  static const std::regex kName("[A-Za-z][A-Za-z0-9_-]{3,63}");
  if (s.name.empty()) return Invalid("The cluster name cannot be blank.");
  if (!std::regex_match(s.name, kName)) {
    return Invalid("The cluster name must be 4 to 64 characters, start with a letter, and "
                   "contain only letters, digits, hyphens (-) and underscores (_).");
  }
  if (s.vpc_id.empty()) return Invalid("vpcId cannot be blank.");
  if (s.instances.empty()) return Invalid("instances cannot be blank.");
  if (s.instances.size() > 10) return Invalid("A cluster can have at most 10 instances.");
  for (size_t i = 0; i < s.instances.size(); ++i) {
    const InstanceSpec& in = s.instances[i];
    std::string at = "instances[" + std::to_string(i) + "].";
    if (in.availability_zone.empty()) return Invalid(at + "availability_zone cannot be blank.");
    if (!IsAvailabilityZone(region, in.availability_zone)) {
      return Invalid(at + "availability_zone '" + in.availability_zone +
                     "' is not an availability zone of region " + std::string(region) + ".");
    }
    if (in.flavor_id.empty()) return Invalid(at + "flavorRef cannot be blank.");
    if (FindFlavor(in.flavor_id) == nullptr) {
      return Invalid(at + "flavorRef '" + in.flavor_id + "' is not a CDM flavor.");
    }
    if (in.type != "cdm") return Invalid(at + "type must be \"cdm\".");
    if (in.nics.empty()) return Invalid(at + "nics cannot be blank.");
    if (in.nics.size() > 2) return Invalid(at + "nics can have at most 2 elements.");
    for (const Nic& n : in.nics) {
      if (n.security_group_id.empty()) return Invalid(at + "nics[].securityGroupId cannot be blank.");
      if (n.subnet_id.empty()) return Invalid(at + "nics[].net-id cannot be blank.");
    }
  }
  if (s.datastore_type != kDatastoreType) return Invalid("datastore.type must be \"cdm\".");
  if (!s.datastore_version.empty() && FindDatastoreVersion(s.datastore_version) == nullptr) {
    return Invalid("datastore.version '" + s.datastore_version + "' is not supported.");
  }
  if (s.is_auto_off && s.is_schedule_boot_off) {
    return Invalid("isAutoOff and isScheduleBootOff cannot both be enabled.");
  }
  if (s.is_schedule_boot_off &&
      (!IsTimeOfDay(s.schedule_boot_time) || !IsTimeOfDay(s.schedule_off_time))) {
    return Invalid("scheduleBootTime and scheduleOffTime must be times of day (HH:MM:SS) when "
                   "isScheduleBootOff is enabled.");
  }
  FW_RETURN_IF_ERROR(CheckContacts(s.phone_num, "phone_num"));
  return CheckContacts(s.email, "email");
}

Status ValidateModifySpec(const ModifySpec& s) {
  if (s.auto_off.value_or(false) && s.schedule_boot_off.value_or(false)) {
    return Invalid("autoOff and scheduleBootOff cannot both be enabled.");
  }
  for (const auto* t : {&s.schedule_boot_time, &s.schedule_off_time}) {
    if (*t && !t->value().empty() && !IsTimeOfDay(**t)) {
      return Invalid("scheduleBootTime and scheduleOffTime must be times of day (HH:MM:SS).");
    }
  }
  if (s.phone_num) FW_RETURN_IF_ERROR(CheckContacts(*s.phone_num, "phoneNum"));
  if (s.email) FW_RETURN_IF_ERROR(CheckContacts(*s.email, "email"));
  return Status::Ok();
}

}  // namespace fw::cloud::cdm
