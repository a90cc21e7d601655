// huaweicloud_networking_secgroup: a security group ("vpc.secgroup"). Like the real cloud, a new
// group gets default rules (ingress from members of the group itself, egress to anywhere, for
// IPv4 and IPv6) unless delete_default_rules is set; they are "vpc.secgroup_rule" items, and
// the computed `rules` lists every rule of the group. Deleting the group deletes its rules.
#include "base/ids.h"
#include "base/time_format.h"
#include "providers/network/network_common.h"
#include "providers/network/network_types.h"
#include "providers/network/secgroup_common.h"

namespace fw::providers::network {
namespace {

using hcl::Type;
using hcl::Value;

Schema SecgroupSchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("name", Type::String()).Check(checks::ResourceName(1, 64)));
  b.Add(Attr::Optional("description", Type::String()).Check(NoAngleBrackets(255)));
  b.Add(EnterpriseProjectAttr());
  b.Add(Attr::Optional("delete_default_rules", Type::Bool()).ForceNew().Default(Value::False()));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("rules", Type::List(SecgroupRuleListElementType())));
  b.Add(Attr::Computed("created_at", Type::String()));
  b.Add(Attr::Computed("updated_at", Type::String()));
  return Schema{std::move(b)};
}

// The default rules of a new group: {direction, ethertype, remote_ip_prefix, remote group?}.
struct DefaultRule {
  const char* direction;
  const char* ethertype;
  const char* remote_ip_prefix;
  bool remote_self;
};
constexpr DefaultRule kDefaultRules[] = {
    {"ingress", "IPv4", "", true},
    {"ingress", "IPv6", "", true},
    {"egress", "IPv4", "0.0.0.0/0", false},
    {"egress", "IPv6", "::/0", false},
};

class SecgroupType final : public StoredResourceType {
 public:
  SecgroupType()
      : StoredResourceType("huaweicloud_networking_secgroup", kSecgroupType, SecgroupSchema()) {}

  // Creates the group (or finds the earlier attempt's) and then its default rules, each with a
  // client token derived from the group's, so a retry completes a half-made group.
  Result<Value> Create(CallContext& ctx, const Value& planned) const override {
    FW_ASSIGN_OR_RETURN(Value group, StoredResourceType::Create(ctx, planned));
    if (GetBool(group, "delete_default_rules", false)) return group;
    const std::string id = GetString(group, "id");
    const std::string region = GetString(group, "region");
    int n = 0;
    for (const DefaultRule& r : kDefaultRules) {
      boost::json::object body = {
          {"id", ""}, {"region", region}, {"security_group_id", id},
          {"direction", r.direction}, {"ethertype", r.ethertype}, {"protocol", ""},
          {"ports", ""}, {"port_range_min", 0}, {"port_range_max", 0},
          {"remote_ip_prefix", r.remote_ip_prefix},
          {"remote_group_id", r.remote_self ? id : ""}, {"remote_address_group_id", ""},
          {"action", "allow"}, {"priority", 1}, {"description", ""}};
      const std::string rule_id = NewUuid();
      body["id"] = rule_id;
      cloud::NewItem item{rule_id, ctx.project_id, std::string(kSecgroupRuleType), "", body,
                          ctx.idempotency_key + "#default-rule-" + std::to_string(n++)};
      FW_RETURN_IF_ERROR(ctx.cloud.inventory->Create(item).status());
    }
    return Refresh(ctx, group);
  }

 protected:
  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    std::string eps = GetString(planned, "enterprise_project_id");
    const std::string now = FormatIsoSeconds(ctx.Now());
    Value state = WithAttrs(planned, {
        {"id", Value::String(NewUuid())},
        {"region", Value::String(RegionOf(ctx, planned))},
        {"enterprise_project_id", Value::String(eps.empty() ? "0" : eps)},
        {"delete_default_rules", Value::Bool(GetBool(planned, "delete_default_rules", false))},
        {"rules", Value::List(SecgroupRuleListElementType(), {})},
        {"created_at", Value::String(now)},
        {"updated_at", Value::String(now)},
    });
    return Store(ctx, state, std::chrono::seconds(2));
  }

  Result<Value> Refresh(CallContext& ctx, const Value& stored) const override {
    FW_ASSIGN_OR_RETURN(Value rules, SecgroupRulesList(ctx, GetString(stored, "id")));
    return WithAttrs(stored, {{"rules", std::move(rules)}});
  }

  Status CheckDelete(CallContext& ctx, const cloud::InventoryItem& item,
                     const Value& state) const override {
    FW_ASSIGN_OR_RETURN(auto groups, ListInProject(ctx, kSecgroupRuleType));
    for (const auto& r : groups) {
      if (BodyString(r.body, "remote_group_id") == item.id &&
          BodyString(r.body, "security_group_id") != item.id) {
        return FailedPrecondition("The security group " + item.id +
                                      " is referenced by a rule of security group " +
                                      BodyString(r.body, "security_group_id") + ".",
                                  "VPC.0602");
      }
    }
    for (const auto& r : groups) {
      if (BodyString(r.body, "security_group_id") == item.id) {
        FW_RETURN_IF_ERROR(ctx.cloud.inventory->Delete(std::string(kSecgroupRuleType), r.id));
      }
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewSecgroupType() { return std::make_unique<SecgroupType>(); }

}  // namespace fw::providers::network
