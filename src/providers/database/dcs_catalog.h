// What the simulated DCS (Redis) service offers: flavors by cache mode and capacity, named as
// the real cloud names them ("redis.ha.xu1.large.r2.2": master/standby, 2 GB).
//
// Thread-safety: immutable tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fw::providers::database {

struct DcsFlavor {
  std::string name;
  std::string engine;                        // "Redis"
  std::vector<std::string> engine_versions;  // "4.0", "5.0", "6.0"
  std::string cache_mode;                    // "single", "ha", "cluster"
  double capacity_gb;
  std::string cpu_architecture;              // "x86_64"
};

const std::vector<DcsFlavor>& DcsFlavors();
const DcsFlavor* FindDcsFlavor(std::string_view name);
// "4.0;5.0;6.0", as the real API reports a flavor's engine versions.
std::string JoinedEngineVersions(const DcsFlavor& f);

}  // namespace fw::providers::database
