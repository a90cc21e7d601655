#include "cloud/cdm/catalog.h"

#include <algorithm>

namespace fw::cloud::cdm {

const std::vector<Flavor>& Flavors() {
  static const std::vector<Flavor> kFlavors = {
      {"a79fd5ae-1833-448a-88e8-3ea2b913e1f6", "cdm.small", 2, 4},
      {"fb8fe666-6734-4b11-bc6c-43d11db3c745", "cdm.medium", 4, 8},
      {"5ddb1071-c5d7-40e0-a874-8a032e81a697", "cdm.large", 8, 16},
      {"6ddb1072-c5d7-40e0-a874-8a032e81a698", "cdm.xlarge", 16, 32},
  };
  return kFlavors;
}

const Flavor* FindFlavor(std::string_view id) {
  for (const auto& f : Flavors()) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

const std::vector<DatastoreVersion>& DatastoreVersions() {
  static const std::vector<DatastoreVersion> kVersions = {
      {"8a3f5c6e-2b1d-4e7a-9c0f-1d2e3f4a5b01", "2.9.3.300"},
      {"8a3f5c6e-2b1d-4e7a-9c0f-1d2e3f4a5b02", "2.10.0.300"},
  };
  return kVersions;
}

const DatastoreVersion* FindDatastoreVersion(std::string_view name) {
  for (const auto& v : DatastoreVersions()) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

const DatastoreVersion& DefaultDatastoreVersion() { return DatastoreVersions().front(); }

std::vector<std::string> AvailabilityZones(std::string_view region) {
  std::string r(region);
  return {r + "a", r + "b", r + "c"};
}

bool IsAvailabilityZone(std::string_view region, std::string_view az) {
  auto zones = AvailabilityZones(region);
  return std::find(zones.begin(), zones.end(), az) != zones.end();
}

}  // namespace fw::cloud::cdm
