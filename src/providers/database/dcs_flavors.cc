// data "huaweicloud_dcs_flavors": the DCS flavors (dcs_catalog.h) of a capacity, filtered by
// engine, engine version, cache mode, name and CPU architecture.
#include <algorithm>
#include <cmath>

#include "cloud/cdm/catalog.h"
#include "providers/common/network_refs.h"
#include "providers/common/stored_type.h"
#include "providers/common/subnet_addresses.h"
#include "providers/common/values.h"
#include "providers/database/database_types.h"
#include "providers/database/dcs_catalog.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;

Type FlavorType() {
  return Type::Object({{"name", Type::String()},
                       {"capacity", Type::Number()},
                       {"engine", Type::String()},
                       {"engine_versions", Type::String()},
                       {"cache_mode", Type::String()},
                       {"cpu_architecture", Type::String()},
                       {"available_zones", Type::List(Type::String())},
                       {"charging_modes", Type::List(Type::String())}});
}

Schema MakeSchema() {
  Block b;
  b.Add(Attr::OptionalComputed("region", Type::String()));
  b.Add(Attr::Required("capacity", Type::Number()));
  b.Add(Attr::Optional("engine", Type::String())
            .Check(checks::OneOf({"Redis", "Memcached"}))
            .Default(Value::String("Redis")));
  b.Add(Attr::Optional("engine_version", Type::String()));
  b.Add(Attr::Optional("cache_mode", Type::String())
            .Check(checks::OneOf({"single", "ha", "cluster", "proxy", "ha_rw_split"})));
  b.Add(Attr::Optional("name", Type::String()));
  b.Add(Attr::Optional("cpu_architecture", Type::String())
            .Check(checks::OneOf({"x86_64", "aarch64"})));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("flavors", Type::List(FlavorType())));
  return Schema{std::move(b)};
}

class DcsFlavorsDataSource final : public DataSourceType {
 public:
  DcsFlavorsDataSource() : schema_(MakeSchema()) {}

  std::string_view name() const override { return "huaweicloud_dcs_flavors"; }
  const Schema& schema() const override { return schema_; }

  Result<Value> Read(CallContext& ctx, const Value& config) const override {
    const double capacity = GetNumber(config, "capacity").value_or(-1);
    const std::string engine = GetString(config, "engine").empty() ? "Redis"
                                                                   : GetString(config, "engine");
    const std::string version = GetString(config, "engine_version");
    const std::string mode = GetString(config, "cache_mode");
    const std::string name_filter = GetString(config, "name");
    const std::string arch = GetString(config, "cpu_architecture");
    const std::string region = GetString(config, "region").empty() ? ctx.region
                                                                   : GetString(config, "region");
    const auto zones = cloud::cdm::AvailabilityZones(region);

    std::vector<Value> flavors;
    for (const auto& f : database::DcsFlavors()) {
      if (std::fabs(f.capacity_gb - capacity) > 1e-9 || f.engine != engine) continue;
      const auto& vs = f.engine_versions;
      if (!version.empty() && std::find(vs.begin(), vs.end(), version) == vs.end()) continue;
      if (!mode.empty() && f.cache_mode != mode) continue;
      if (!name_filter.empty() && f.name != name_filter) continue;
      if (!arch.empty() && f.cpu_architecture != arch) continue;
      flavors.push_back(Value::Object(
          {{"name", Value::String(f.name)},
           {"capacity", Number(f.capacity_gb)},
           {"engine", Value::String(f.engine)},
           {"engine_versions", Value::String(database::JoinedEngineVersions(f))},
           {"cache_mode", Value::String(f.cache_mode)},
           {"cpu_architecture", Value::String(f.cpu_architecture)},
           {"available_zones", StringList(zones)},
           {"charging_modes", StringList({"postPaid", "prePaid"})}}));
    }
    return WithAttrs(
        config, {{"id", Value::String("dcs-flavors-" + region)},
                 {"region", Value::String(region)},
                 {"engine", Value::String(engine)},
                 {"flavors", Value::List(FlavorType(), std::move(flavors))}});
  }

 private:
  Schema schema_;
};

}  // namespace

std::unique_ptr<DataSourceType> NewDcsFlavorsDataSource() {
  return std::make_unique<DcsFlavorsDataSource>();
}

}  // namespace fw::providers
