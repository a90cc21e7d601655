// Data source huaweicloud_availability_zones: the availability zones of the region, the same
// names every simulated service uses (cloud/cdm/catalog.h). All zones are "available".
#include "cloud/cdm/catalog.h"
#include "providers/network/network_common.h"
#include "providers/network/network_types.h"

namespace fw::providers::network {
namespace {

using hcl::Type;
using hcl::Value;

class AvailabilityZonesDataSource final : public DataSourceType {
 public:
  AvailabilityZonesDataSource() {
    Block b;
    b.Add(Attr::OptionalComputed("region", Type::String()));
    b.Add(Attr::Optional("state", Type::String())
              .Default(Value::String("available"))
              .Check(checks::OneOf({"available", "unavailable"})));
    b.Add(Attr::Computed("id", Type::String()));
    b.Add(Attr::Computed("names", Type::List(Type::String())));
    schema_ = Schema{std::move(b)};
  }
  std::string_view name() const override { return "huaweicloud_availability_zones"; }
  const Schema& schema() const override { return schema_; }

  Result<Value> Read(CallContext& ctx, const Value& config) const override {
    const std::string region = RegionOf(ctx, config);
    std::string state = GetString(config, "state");
    std::vector<std::string> names;
    if (state.empty() || state == "available") names = cloud::cdm::AvailabilityZones(region);
    std::vector<std::string> parts = names;
    parts.push_back(region);
    return Value::Object({{"region", Value::String(region)},
                          {"state", Value::String(state.empty() ? "available" : state)},
                          {"id", Value::String(DataSourceId(parts))},
                          {"names", StringList(names)}});
  }

 private:
  Schema schema_;
};

}  // namespace

std::unique_ptr<DataSourceType> NewAvailabilityZonesDataSource() {
  return std::make_unique<AvailabilityZonesDataSource>();
}

}  // namespace fw::providers::network
