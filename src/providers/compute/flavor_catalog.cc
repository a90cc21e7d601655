#include "providers/compute/flavor_catalog.h"

namespace fw::providers::compute {
namespace {

struct Family {
  const char* generation;
  const char* performance_type;
  std::vector<int> ratios;  // GB of memory per vCPU
};

std::vector<Flavor> BuildCatalog() {
  const std::vector<std::pair<std::string, int>> sizes = {
      {"medium", 1}, {"large", 2}, {"xlarge", 4}, {"2xlarge", 8}, {"4xlarge", 16}};
  const std::vector<Family> families = {
      {"s6", "normal", {2, 4}},       {"s7", "normal", {2, 4}},
      {"t6", "normal", {1, 2, 4}},    {"c6", "computingv3", {2, 4}},
      {"c7", "computingv3", {2, 4}},  {"m6", "highmem", {8}},
      {"m7", "highmem", {8}},
  };
  std::vector<Flavor> out;
  out.push_back({"s6.small.1", "normal", "s6", 1, 1});
  out.push_back({"t6.small.1", "normal", "t6", 1, 1});
  for (const Family& f : families) {
    for (const auto& [size, vcpus] : sizes) {
      if (std::string(f.generation)[0] == 'c' && size == "medium") continue;  // no 1-vCPU c*
      for (int ratio : f.ratios) {
        out.push_back({std::string(f.generation) + "." + size + "." + std::to_string(ratio),
                       f.performance_type, f.generation, vcpus, vcpus * ratio});
      }
    }
  }
  return out;
}

}  // namespace

const std::vector<Flavor>& Flavors() {
  static const std::vector<Flavor> catalog = BuildCatalog();
  return catalog;
}

const Flavor* FindFlavor(std::string_view id) {
  for (const Flavor& f : Flavors()) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

}  // namespace fw::providers::compute
