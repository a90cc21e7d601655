// Data source huaweicloud_vpc: exactly one VPC of the project, found by id, name, cidr,
// status or enterprise_project_id. No match or several matches are errors, as in the real
// provider.
#include "providers/network/network_common.h"
#include "providers/network/network_types.h"
#include "providers/network/vpc_lookup.h"

namespace fw::providers::network {
namespace {

using hcl::Type;
using hcl::Value;

class VpcDataSource final : public DataSourceType {
 public:
  VpcDataSource() {
    Block b;
    b.Add(Attr::OptionalComputed("region", Type::String()));
    for (const char* f : {"id", "name", "cidr", "status", "enterprise_project_id"}) {
      b.Add(Attr::OptionalComputed(f, Type::String()));
    }
    b.Add(Attr::Computed("description", Type::String()));
    b.Add(Attr::Computed("tags", Type::Map(Type::String())));
    schema_ = Schema{std::move(b)};
  }
  std::string_view name() const override { return "huaweicloud_vpc"; }
  const Schema& schema() const override { return schema_; }

  Result<Value> Read(CallContext& ctx, const Value& config) const override {
    FW_ASSIGN_OR_RETURN(auto vpcs, FindVpcs(ctx, config));
    if (vpcs.empty()) {
      return NotFound("Your query returned no results. Please change your search criteria and "
                      "try again.");
    }
    if (vpcs.size() > 1) {
      return InvalidArgument("Your query returned more than one result (" +
                             std::to_string(vpcs.size()) +
                             "). Please try a more specific search criteria.");
    }
    Value vpc = VpcObject(vpcs.front());
    std::vector<std::pair<std::string, Value>> attrs = {
        {"region", Value::String(RegionOf(ctx, config))}};
    for (size_t i = 0; i < vpc.Keys().size(); ++i) attrs.emplace_back(vpc.Keys()[i], vpc.Elements()[i]);
    return Value::Object(std::move(attrs));
  }

 private:
  Schema schema_;
};

}  // namespace

std::unique_ptr<DataSourceType> NewVpcDataSource() { return std::make_unique<VpcDataSource>(); }

}  // namespace fw::providers::network
