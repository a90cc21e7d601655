#include "providers/database/dcs_catalog.h"

namespace fw::providers::database {

const std::vector<DcsFlavor>& DcsFlavors() {
  static const std::vector<DcsFlavor> kFlavors = [] {
    const std::vector<std::string> versions = {"4.0", "5.0", "6.0"};
    const double small[] = {0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64};
    const double cluster[] = {4, 8, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024};
    auto size_tag = [](double gb) {
      if (gb < 1) return "tiny." + std::to_string(static_cast<int>(gb * 1024));
      return "large." + std::to_string(static_cast<int>(gb));
    };
    std::vector<DcsFlavor> out;
    for (double gb : small) {
      std::string tag = size_tag(gb);
      std::string ha_tag = tag.substr(0, tag.find('.')) + ".r2" + tag.substr(tag.find('.'));
      out.push_back({"redis.single.xu1." + tag, "Redis", versions, "single", gb, "x86_64"});
      out.push_back({"redis.ha.xu1." + ha_tag, "Redis", versions, "ha", gb, "x86_64"});
    }
    for (double gb : cluster) {
      out.push_back({"redis.cluster.xu1.large.shard." + std::to_string(static_cast<int>(gb)),
                     "Redis", versions, "cluster", gb, "x86_64"});
    }
    return out;
  }();
  return kFlavors;
}

const DcsFlavor* FindDcsFlavor(std::string_view name) {
  for (const auto& f : DcsFlavors()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string JoinedEngineVersions(const DcsFlavor& f) {
  std::string out;
  for (const auto& v : f.engine_versions) out += (out.empty() ? "" : ";") + v;
  return out;
}

}  // namespace fw::providers::database
