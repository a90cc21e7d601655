#include "providers/database/rds_catalog.h"

namespace fw::providers::database {

const std::vector<RdsEngine>& RdsEngines() {
  static const std::vector<RdsEngine> kEngines = {
      {"MySQL", "rds.mysql", {"5.6", "5.7", "8.0"}, 3306, "in01", "root", {"async", "semisync"}},
      {"PostgreSQL", "rds.pg", {"9.6", "10", "11", "12", "13", "14", "15"}, 5432, "in03", "root",
       {"async", "sync"}},
      {"SQLServer", "rds.mssql", {"2014_SE", "2016_SE", "2017_SE", "2019_SE", "2017_EE", "2019_EE"},
       1433, "in04", "rdsuser", {"sync"}},
      {"MariaDB", "rds.mariadb", {"10.5"}, 3306, "in01", "root", {"async", "semisync"}},
  };
  return kEngines;
}

const RdsEngine* FindRdsEngine(std::string_view name) {
  for (const auto& e : RdsEngines()) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

const std::vector<RdsFlavor>& RdsFlavors() {
  static const std::vector<RdsFlavor> kFlavors = [] {
    struct Size {
      const char* name;
      int vcpus;
    };
    const Size sizes[] = {{"large", 2}, {"xlarge", 4}, {"2xlarge", 8}, {"4xlarge", 16},
                          {"8xlarge", 32}};
    const int ratios[] = {2, 4, 8};
    const std::pair<const char*, const char*> modes[] = {
        {"", "single"}, {".ha", "ha"}, {".rr", "replica"}};
    std::vector<RdsFlavor> out;
    for (const auto& engine : RdsEngines()) {
      // SQL Server flavors carry the edition in their code, as the real ones do.
      const std::string family = engine.name == "SQLServer" ? ".se.s3." : ".n1.";
      for (const auto& size : sizes) {
        for (int ratio : ratios) {
          for (const auto& [suffix, mode] : modes) {
            RdsFlavor f;
            f.spec_code = engine.flavor_prefix + family + size.name + "." +
                          std::to_string(ratio) + suffix;
            f.engine = engine.name;
            f.instance_mode = mode;
            f.vcpus = size.vcpus;
            f.memory_gb = size.vcpus * ratio;
            f.group_type = ratio == 2 ? "general" : "dedicated";
            out.push_back(std::move(f));
          }
        }
      }
    }
    return out;
  }();
  return kFlavors;
}

const RdsFlavor* FindRdsFlavor(std::string_view spec_code) {
  for (const auto& f : RdsFlavors()) {
    if (f.spec_code == spec_code) return &f;
  }
  return nullptr;
}

}  // namespace fw::providers::database
