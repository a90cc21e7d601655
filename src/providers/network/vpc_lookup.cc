#include "providers/network/vpc_lookup.h"

#include "providers/network/network_common.h"

namespace fw::providers::network {

using hcl::Type;
using hcl::Value;

namespace {
const char* const kStringFields[] = {"name", "cidr", "status", "description",
                                     "enterprise_project_id"};
const char* const kFilters[] = {"name", "cidr", "status", "enterprise_project_id"};
}  // namespace

Result<std::vector<cloud::InventoryItem>> FindVpcs(CallContext& ctx, const Value& config) {
  FW_ASSIGN_OR_RETURN(auto vpcs, ListInProject(ctx, kVpcType));
  std::vector<cloud::InventoryItem> out;
  const std::string id = GetString(config, "id");
  const Value* tags = config.Get("tags");
  for (auto& v : vpcs) {
    bool match = id.empty() || v.id == id;
    for (const char* f : kFilters) {
      std::string want = GetString(config, f);
      match = match && (want.empty() || BodyString(v.body, f) == want);
    }
    match = match && (!tags || TagsMatch(v.body, *tags));
    if (match) out.push_back(std::move(v));
  }
  return out;
}

Type VpcObjectType() {
  std::vector<std::pair<std::string, Type>> attrs = {{"id", Type::String()},
                                                     {"tags", Type::Map(Type::String())}};
  for (const char* f : kStringFields) attrs.emplace_back(f, Type::String());
  return Type::Object(std::move(attrs));
}

Value VpcObject(const cloud::InventoryItem& vpc) {
  std::vector<std::pair<std::string, Value>> attrs = {{"id", Value::String(vpc.id)},
                                                      {"tags", BodyStringMap(vpc.body, "tags")}};
  for (const char* f : kStringFields) attrs.emplace_back(f, Value::String(BodyString(vpc.body, f)));
  return Value::Object(std::move(attrs));
}

}  // namespace fw::providers::network
