// What the simulated RDS service offers: engines with their versions, default ports and
// instance-id suffixes, and flavors (specification codes as the real cloud names them:
// "rds.mysql.n1.large.2" single, "...ha" primary/standby, "...rr" read replica).
//
// Thread-safety: immutable tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fw::providers::database {

struct RdsEngine {
  std::string name;            // "MySQL", "PostgreSQL", "SQLServer", "MariaDB"
  std::string flavor_prefix;   // "rds.mysql"
  std::vector<std::string> versions;
  int default_port;
  std::string id_suffix;       // "in01"
  std::string user_name;       // the administrator account
  std::vector<std::string> replication_modes;  // for primary/standby instances
};

struct RdsFlavor {
  std::string spec_code;
  std::string engine;          // RdsEngine::name
  std::string instance_mode;   // "single", "ha", "replica"
  int vcpus;
  int memory_gb;
  std::string group_type;      // "general", "dedicated"
};

const std::vector<RdsEngine>& RdsEngines();
const RdsEngine* FindRdsEngine(std::string_view name);
const std::vector<RdsFlavor>& RdsFlavors();
const RdsFlavor* FindRdsFlavor(std::string_view spec_code);

}  // namespace fw::providers::database
