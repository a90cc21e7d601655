// Data source huaweicloud_vpc_subnets: the project's subnets matching optional filters (id,
// name, cidr, status, vpc_id, gateway_ip, availability_zone, primary_dns, secondary_dns,
// tags), as a list of objects.
#include "providers/network/network_common.h"
#include "providers/network/network_types.h"

namespace fw::providers::network {
namespace {

using hcl::Type;
using hcl::Value;

const char* const kFilters[] = {"id",     "name",       "cidr",        "status",
                                "vpc_id", "gateway_ip", "availability_zone",
                                "primary_dns", "secondary_dns"};
const char* const kStringFields[] = {"name",          "cidr",           "status",
                                     "vpc_id",        "gateway_ip",     "availability_zone",
                                     "primary_dns",   "secondary_dns",  "description",
                                     "ipv4_subnet_id", "ipv6_subnet_id", "ipv6_cidr",
                                     "ipv6_gateway"};

Type SubnetObjectType() {
  std::vector<std::pair<std::string, Type>> attrs = {{"id", Type::String()},
                                                     {"dhcp_enable", Type::Bool()},
                                                     {"ipv6_enable", Type::Bool()},
                                                     {"tags", Type::Map(Type::String())}};
  for (const char* f : kStringFields) attrs.emplace_back(f, Type::String());
  return Type::Object(std::move(attrs));
}

Value SubnetObject(const cloud::InventoryItem& s) {
  auto flag = [&](const char* key, bool fallback) {
    const boost::json::value* v = s.body.if_contains(key);
    return Value::Bool(v && v->is_bool() ? v->as_bool() : fallback);
  };
  std::vector<std::pair<std::string, Value>> attrs = {{"id", Value::String(s.id)},
                                                      {"dhcp_enable", flag("dhcp_enable", true)},
                                                      {"ipv6_enable", flag("ipv6_enable", false)},
                                                      {"tags", BodyStringMap(s.body, "tags")}};
  for (const char* f : kStringFields) attrs.emplace_back(f, Value::String(BodyString(s.body, f)));
  return Value::Object(std::move(attrs));
}

class VpcSubnetsDataSource final : public DataSourceType {
 public:
  VpcSubnetsDataSource() {
    Block b;
    b.Add(Attr::OptionalComputed("region", Type::String()));
    for (const char* f : kFilters) b.Add(Attr::Optional(f, Type::String()));
    b.Add(Attr::Optional("tags", Type::Map(Type::String())));
    b.Add(Attr::Computed("subnets", Type::List(SubnetObjectType())));
    schema_ = Schema{std::move(b)};
  }
  std::string_view name() const override { return "huaweicloud_vpc_subnets"; }
  const Schema& schema() const override { return schema_; }

  Result<Value> Read(CallContext& ctx, const Value& config) const override {
    FW_ASSIGN_OR_RETURN(auto subnets, ListInProject(ctx, kSubnetType));
    const Value* tags = config.Get("tags");
    std::vector<Value> elems;
    for (const auto& s : subnets) {
      bool match = true;
      for (const char* f : kFilters) {
        std::string want = GetString(config, f);
        std::string have = std::string_view(f) == "id" ? s.id : BodyString(s.body, f);
        match = match && (want.empty() || have == want);
      }
      if (match && (!tags || TagsMatch(s.body, *tags))) elems.push_back(SubnetObject(s));
    }
    return WithAttrs(config, {{"region", Value::String(RegionOf(ctx, config))},
                              {"subnets", Value::List(SubnetObjectType(), std::move(elems))}});
  }

 private:
  Schema schema_;
};

}  // namespace

std::unique_ptr<DataSourceType> NewVpcSubnetsDataSource() {
  return std::make_unique<VpcSubnetsDataSource>();
}

}  // namespace fw::providers::network
