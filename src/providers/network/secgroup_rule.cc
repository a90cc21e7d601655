// huaweicloud_networking_secgroup_rule: one rule of a security group ("vpc.secgroup_rule").
// Every argument is force-new, as in the real provider. Ports come either as
// port_range_min/port_range_max or as `ports` ("80", "1-30", "22,3389"); the other form is
// computed. A rule identical to an existing one of the group is refused (the API's 409).
#include "base/ids.h"
#include "providers/common/ipv4.h"
#include "providers/network/network_common.h"
#include "providers/network/network_types.h"
#include "providers/network/secgroup_common.h"

namespace fw::providers::network {
namespace {

using hcl::Type;
using hcl::Value;

std::string CheckProtocol(const Value& v) {
  static const char* const kNamed[] = {"tcp", "udp", "icmp", "icmpv6", "gre", "sctp"};
  const std::string& s = v.AsString();
  for (const char* n : kNamed) {
    if (s == n) return "";
  }
  if (!s.empty() && s.size() <= 3 && s.find_first_not_of("0123456789") == std::string::npos &&
      std::stoi(s) <= 255) {
    return "";
  }
  return "expected one of tcp, udp, icmp, icmpv6, gre, sctp or a protocol number 0-255, got " + s;
}

std::string CheckRemoteIpPrefix(const Value& v) {
  const std::string& s = v.AsString();
  if (s.find(':') != std::string::npos) return "";  // IPv6: checked against ethertype later
  if (ParseIpv4Cidr(s)) return "";
  return "expected a valid CIDR (e.g. 192.168.0.0/16), got " + s;
}

std::string CheckPorts(const Value& v) { return PortsProblem(v.AsString()); }

Schema RuleSchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("security_group_id", Type::String()).ForceNew());
  b.Add(Attr::Required("direction", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"ingress", "egress"})));
  b.Add(Attr::Required("ethertype", Type::String()).ForceNew().Check(checks::OneOf({"IPv4", "IPv6"})));
  b.Add(Attr::Optional("description", Type::String()).ForceNew().Check(NoAngleBrackets(255)));
  b.Add(Attr::Optional("protocol", Type::String()).ForceNew().Check(CheckProtocol));
  b.Add(Attr::OptionalComputed("port_range_min", Type::Number())
            .ForceNew()
            .Check(checks::IntBetween(1, 65535)));
  b.Add(Attr::OptionalComputed("port_range_max", Type::Number())
            .ForceNew()
            .Check(checks::IntBetween(1, 65535)));
  b.Add(Attr::OptionalComputed("ports", Type::String()).ForceNew().Check(CheckPorts));
  b.Add(Attr::OptionalComputed("remote_ip_prefix", Type::String())
            .ForceNew()
            .Check(CheckRemoteIpPrefix));
  b.Add(Attr::Optional("remote_group_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("remote_address_group_id", Type::String()).ForceNew());
  b.Add(Attr::OptionalComputed("action", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"allow", "deny"})));
  b.Add(Attr::OptionalComputed("priority", Type::Number())
            .ForceNew()
            .Check(checks::IntBetween(1, 100)));
  b.Add(Attr::Computed("id", Type::String()));
  return Schema{std::move(b)};
}

bool Set(const Value& config, std::string_view attr) {
  const Value* v = config.Get(attr);
  return v && (!v->IsKnown() || !v->IsNull());
}

class SecgroupRuleType final : public StoredResourceType {
 public:
  SecgroupRuleType()
      : StoredResourceType("huaweicloud_networking_secgroup_rule", kSecgroupRuleType,
                           RuleSchema()) {}

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    auto error = [&](const std::string& summary, const std::string& detail) {
      diags.AddError(summary, std::string(address) + ": " + detail, std::nullopt);
    };
    const bool has_range = Set(config, "port_range_min") || Set(config, "port_range_max");
    if (has_range && Set(config, "ports")) {
      error("Conflicting configuration arguments",
            "\"ports\" cannot be specified together with port_range_min/port_range_max.");
    }
    if (Set(config, "remote_ip_prefix") + Set(config, "remote_group_id") +
            Set(config, "remote_address_group_id") > 1) {
      error("Conflicting configuration arguments",
            "only one of remote_ip_prefix, remote_group_id and remote_address_group_id may be "
            "set.");
    }
    auto min = GetInt(config, "port_range_min");
    auto max = GetInt(config, "port_range_max");
    if (min && max && *min > *max) {
      error("Invalid port range", "port_range_min (" + std::to_string(*min) +
                                      ") must not be greater than port_range_max (" +
                                      std::to_string(*max) + ").");
    }
    const Value* protocol = config.Get("protocol");
    const bool protocol_known = protocol && protocol->IsKnown();
    const std::string proto = GetString(config, "protocol");
    if (protocol_known && (has_range || Set(config, "ports")) && proto != "tcp" &&
        proto != "udp" && proto != "sctp") {
      error("Invalid port range", "ports can only be given for protocol tcp, udp or sctp" +
                                      std::string(proto.empty() ? "" : ", not " + proto) + ".");
    }
    const std::string prefix = GetString(config, "remote_ip_prefix");
    const std::string ethertype = GetString(config, "ethertype");
    if (!prefix.empty() && !ethertype.empty() &&
        (prefix.find(':') != std::string::npos) != (ethertype == "IPv6")) {
      error("Invalid value for remote_ip_prefix",
            "the remote CIDR " + prefix + " does not match ethertype " + ethertype + ".");
    }
  }

 protected:
  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    const std::string group_id = GetString(planned, "security_group_id");
    FW_RETURN_IF_ERROR(RequireInProject(ctx, kSecgroupType, group_id, "security group").status());
    const std::string remote_group = GetString(planned, "remote_group_id");
    if (!remote_group.empty()) {
      FW_RETURN_IF_ERROR(
          RequireInProject(ctx, kSecgroupType, remote_group, "remote security group").status());
    }
    int64_t min = GetInt(planned, "port_range_min").value_or(0);
    int64_t max = GetInt(planned, "port_range_max").value_or(0);
    if (min > 0 && max == 0) max = min;
    if (max > 0 && min == 0) min = max;
    std::string ports = GetString(planned, "ports");
    if (ports.empty()) {
      ports = PortsText(min, max);
    } else {
      // A single port or one range also fills the range attributes (as the API reports).
      size_t dash = ports.find('-');
      if (ports.find(',') == std::string::npos) {
        min = std::stoll(ports.substr(0, dash));
        max = dash == std::string::npos ? min : std::stoll(ports.substr(dash + 1));
      }
    }
    std::string action = GetString(planned, "action");
    Value state = WithAttrs(planned, {
        {"id", Value::String(NewUuid())},
        {"region", Value::String(RegionOf(ctx, planned))},
        {"port_range_min", Value::Int(min)},
        {"port_range_max", Value::Int(max)},
        {"ports", Value::String(ports)},
        {"remote_ip_prefix", Value::String(GetString(planned, "remote_ip_prefix"))},
        {"action", Value::String(action.empty() ? "allow" : action)},
        {"priority", Value::Int(GetInt(planned, "priority").value_or(1))},
    });
    FW_RETURN_IF_ERROR(CheckDuplicate(ctx, state));
    return Store(ctx, state, std::chrono::seconds(1));
  }

 private:
  static Status CheckDuplicate(CallContext& ctx, const Value& rule) {
    static const char* const kSame[] = {"direction", "ethertype", "protocol", "ports",
                                        "remote_ip_prefix", "remote_group_id",
                                        "remote_address_group_id", "action"};
    const std::string group_id = GetString(rule, "security_group_id");
    FW_ASSIGN_OR_RETURN(auto rules, ListInProject(ctx, kSecgroupRuleType));
    for (const auto& r : rules) {
      if (BodyString(r.body, "security_group_id") != group_id) continue;
      bool same = true;
      for (const char* f : kSame) same = same && BodyString(r.body, f) == GetString(rule, f);
      if (same) {
        return AlreadyExists("Security group rule already exists. Rule id is " + r.id + ".",
                             "VPC.0604");
      }
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewSecgroupRuleType() { return std::make_unique<SecgroupRuleType>(); }

}  // namespace fw::providers::network
