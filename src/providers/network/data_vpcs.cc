// Data source huaweicloud_vpcs: the project's VPCs matching optional filters (id, name, cidr,
// status, enterprise_project_id, tags), as a list of objects.
#include "providers/network/network_common.h"
#include "providers/network/network_types.h"
#include "providers/network/vpc_lookup.h"

namespace fw::providers::network {
namespace {

using hcl::Type;
using hcl::Value;

class VpcsDataSource final : public DataSourceType {
 public:
  VpcsDataSource() {
    Block b;
    b.Add(Attr::OptionalComputed("region", Type::String()));
    for (const char* f : {"id", "name", "cidr", "status", "enterprise_project_id"}) {
      b.Add(Attr::Optional(f, Type::String()));
    }
    b.Add(Attr::Optional("tags", Type::Map(Type::String())));
    b.Add(Attr::Computed("vpcs", Type::List(VpcObjectType())));
    schema_ = Schema{std::move(b)};
  }
  std::string_view name() const override { return "huaweicloud_vpcs"; }
  const Schema& schema() const override { return schema_; }

  Result<Value> Read(CallContext& ctx, const Value& config) const override {
    FW_ASSIGN_OR_RETURN(auto vpcs, FindVpcs(ctx, config));
    std::vector<Value> elems;
    for (const auto& v : vpcs) elems.push_back(VpcObject(v));
    // The filter "id" doubles as the data source's id in the real provider; keep the config's.
    return WithAttrs(config, {{"region", Value::String(RegionOf(ctx, config))},
                              {"vpcs", Value::List(VpcObjectType(), std::move(elems))}});
  }

 private:
  Schema schema_;
};

}  // namespace

std::unique_ptr<DataSourceType> NewVpcsDataSource() { return std::make_unique<VpcsDataSource>(); }

}  // namespace fw::providers::network
