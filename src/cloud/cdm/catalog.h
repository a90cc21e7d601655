// What the simulated CDM service offers: flavors (the real cloud's ids and sizes), datastore
// versions, and availability zones per region.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fw::cloud::cdm {

struct Flavor {
  std::string id;    // the flavorRef users pass
  std::string name;  // "cdm.medium"
  int cpu;
  int ram_gb;
};

struct DatastoreVersion {
  std::string id;
  std::string name;  // "2.9.3.300"
};

inline constexpr std::string_view kDatastoreId = "d2c8b3a1-7c1f-4f3a-9a52-3cdb7e8d0c01";
inline constexpr std::string_view kDatastoreType = "cdm";

const std::vector<Flavor>& Flavors();
const Flavor* FindFlavor(std::string_view id);
const std::vector<DatastoreVersion>& DatastoreVersions();
const DatastoreVersion* FindDatastoreVersion(std::string_view name);
const DatastoreVersion& DefaultDatastoreVersion();

// The availability zones of a region: "<region>a", "<region>b", "<region>c".
std::vector<std::string> AvailabilityZones(std::string_view region);
bool IsAvailabilityZone(std::string_view region, std::string_view az);

}  // namespace fw::cloud::cdm
