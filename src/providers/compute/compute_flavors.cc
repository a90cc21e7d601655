// Data source huaweicloud_compute_flavors: the flavor catalog filtered by availability zone,
// performance type, generation, vCPU count and memory size.
#include "cloud/cdm/catalog.h"
#include "providers/compute/compute_common.h"
#include "providers/compute/compute_types.h"
#include "providers/compute/flavor_catalog.h"
#include "providers/compute/image_catalog.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;
using namespace compute;  // NOLINT: the family's helpers

Type FlavorObjectType() {
  return Type::Object({{"id", Type::String()},
                       {"performance_type", Type::String()},
                       {"generation", Type::String()},
                       {"cpu_core_count", Type::Number()},
                       {"memory_size", Type::Number()}});
}

Schema MakeSchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Optional("availability_zone", Type::String()));
  b.Add(Attr::Optional("performance_type", Type::String()));
  b.Add(Attr::Optional("generation", Type::String()));
  b.Add(Attr::Optional("cpu_core_count", Type::Number()));
  b.Add(Attr::Optional("memory_size", Type::Number()));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("ids", Type::List(Type::String())));
  b.Add(Attr::Computed("flavors", Type::List(FlavorObjectType())));
  return Schema{std::move(b)};
}

class ComputeFlavorsDataSource : public DataSourceType {
 public:
  ComputeFlavorsDataSource() : schema_(MakeSchema()) {}
  std::string_view name() const override { return "huaweicloud_compute_flavors"; }
  const Schema& schema() const override { return schema_; }

  Result<Value> Read(CallContext& ctx, const Value& config) const override {
    const std::string region = RegionOf(ctx, config);
    if (std::string az = GetString(config, "availability_zone"); !az.empty()) {
      FW_RETURN_IF_ERROR(ResolveAvailabilityZone(ctx, region, az).status());
    }
    const std::string perf = GetString(config, "performance_type");
    const std::string gen = GetString(config, "generation");
    const auto cpus = GetInt(config, "cpu_core_count");
    const auto mem = GetInt(config, "memory_size");
    std::vector<std::string> ids;
    std::vector<Value> flavors;
    for (const Flavor& f : Flavors()) {
      if ((!perf.empty() && f.performance_type != perf) || (!gen.empty() && f.generation != gen) ||
          (cpus && *cpus != f.vcpus) || (mem && *mem != f.ram_gb)) {
        continue;
      }
      ids.push_back(f.id);
      flavors.push_back(Value::Object({{"id", Value::String(f.id)},
                                       {"performance_type", Value::String(f.performance_type)},
                                       {"generation", Value::String(f.generation)},
                                       {"cpu_core_count", Value::Int(f.vcpus)},
                                       {"memory_size", Value::Int(f.ram_gb)}}));
    }
    std::string joined;
    for (const auto& id : ids) joined += id + ",";
    return WithAttrs(config, {{"region", Value::String(region)},
                              {"id", Value::String(StableUuid("flavors:" + region + ":" + joined))},
                              {"ids", StringList(ids)},
                              {"flavors", Value::List(FlavorObjectType(), std::move(flavors))}});
  }

 private:
  Schema schema_;
};

}  // namespace

std::unique_ptr<DataSourceType> NewComputeFlavorsDataSource() {
  return std::make_unique<ComputeFlavorsDataSource>();
}

}  // namespace fw::providers
