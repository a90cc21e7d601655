// The simulated ECS flavor catalog: the real cloud's flavor ids ("s6.large.2": family s6,
// 2 vCPUs, 2 GB of memory per vCPU) with their sizes, offered in every availability zone.
//
// Thread-safety: immutable after first use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fw::providers::compute {

struct Flavor {
  std::string id;                // "s6.large.2"; the name is the same
  std::string performance_type;  // "normal", "computingv3", "highmem"
  std::string generation;        // "s6"
  int vcpus = 0;
  int ram_gb = 0;
};

const std::vector<Flavor>& Flavors();
const Flavor* FindFlavor(std::string_view id);

}  // namespace fw::providers::compute
