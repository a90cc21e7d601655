// data "huaweicloud_rds_flavors": the RDS flavors of an engine (rds_catalog.h), filtered by
// version, instance mode, vCPUs, memory and availability zone.
#include <algorithm>

#include "cloud/cdm/catalog.h"
#include "providers/common/network_refs.h"
#include "providers/common/stored_type.h"
#include "providers/common/subnet_addresses.h"
#include "providers/common/values.h"
#include "providers/database/database_types.h"
#include "providers/database/rds_catalog.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;

Type FlavorType() {
  return Type::Object({{"id", Type::String()},
                       {"name", Type::String()},
                       {"vcpus", Type::Number()},
                       {"memory", Type::Number()},
                       {"group_type", Type::String()},
                       {"mode", Type::String()},
                       {"instance_mode", Type::String()},
                       {"db_versions", Type::List(Type::String())},
                       {"availability_zones", Type::List(Type::String())}});
}

Schema MakeSchema() {
  Block b;
  b.Add(Attr::OptionalComputed("region", Type::String()));
  b.Add(Attr::Required("db_type", Type::String())
            .Check(checks::OneOf({"MySQL", "PostgreSQL", "SQLServer", "MariaDB"})));
  b.Add(Attr::Optional("db_version", Type::String()));
  b.Add(Attr::Optional("instance_mode", Type::String())
            .Check(checks::OneOf({"single", "ha", "replica"})));
  b.Add(Attr::Optional("vcpus", Type::Number()));
  b.Add(Attr::Optional("memory", Type::Number()));
  b.Add(Attr::Optional("group_type", Type::String()));
  b.Add(Attr::Optional("availability_zone", Type::String()));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("flavors", Type::List(FlavorType())));
  return Schema{std::move(b)};
}

class RdsFlavorsDataSource final : public DataSourceType {
 public:
  RdsFlavorsDataSource() : schema_(MakeSchema()) {}

  std::string_view name() const override { return "huaweicloud_rds_flavors"; }
  const Schema& schema() const override { return schema_; }

  Result<Value> Read(CallContext& ctx, const Value& config) const override {
    const std::string db_type = GetString(config, "db_type");
    const database::RdsEngine* engine = database::FindRdsEngine(db_type);
    if (!engine) return InvalidArgument("db_type " + db_type + " is not an RDS engine.");
    const std::string version = GetString(config, "db_version");
    const auto& versions = engine->versions;
    if (!version.empty() && std::find(versions.begin(), versions.end(), version) == versions.end()) {
      return InvalidArgument("db_version " + version + " is not a version of " + db_type + ".");
    }
    const std::string region = GetString(config, "region").empty() ? ctx.region
                                                                   : GetString(config, "region");
    const auto zones = cloud::cdm::AvailabilityZones(region);
    const std::string zone = GetString(config, "availability_zone");
    const bool zone_ok = zone.empty() || std::find(zones.begin(), zones.end(), zone) != zones.end();
    const std::string mode = GetString(config, "instance_mode");
    const std::string group = GetString(config, "group_type");
    const auto vcpus = GetInt(config, "vcpus");
    const auto memory = GetInt(config, "memory");

    std::vector<Value> flavors;
    for (const auto& f : database::RdsFlavors()) {
      if (f.engine != db_type || !zone_ok) continue;
      if (!mode.empty() && f.instance_mode != mode) continue;
      if (!group.empty() && f.group_type != group) continue;
      if (vcpus && f.vcpus != *vcpus) continue;
      if (memory && f.memory_gb != *memory) continue;
      flavors.push_back(Value::Object(
          {{"id", Value::String(f.spec_code)},
           {"name", Value::String(f.spec_code)},
           {"vcpus", Value::Int(f.vcpus)},
           {"memory", Value::Int(f.memory_gb)},
           {"group_type", Value::String(f.group_type)},
           {"mode", Value::String(f.instance_mode)},
           {"instance_mode", Value::String(f.instance_mode)},
           {"db_versions", StringList(versions)},
           {"availability_zones", StringList(zones)}}));
    }
    return WithAttrs(
        config, {{"id", Value::String(db_type + "-" + region)},
                 {"region", Value::String(region)},
                 {"flavors", Value::List(FlavorType(), std::move(flavors))}});
  }

 private:
  Schema schema_;
};

}  // namespace

std::unique_ptr<DataSourceType> NewRdsFlavorsDataSource() {
  return std::make_unique<RdsFlavorsDataSource>();
}

}  // namespace fw::providers
