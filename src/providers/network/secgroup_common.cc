#include "providers/network/secgroup_common.h"

#include <charconv>

#include "providers/network/network_common.h"

namespace fw::providers::network {

using hcl::Type;
using hcl::Value;

namespace {

const char* const kStringFields[] = {"description",     "direction",       "ethertype",
                                     "protocol",        "ports",           "remote_ip_prefix",
                                     "remote_group_id", "remote_address_group_id", "action"};

}  // namespace

Type SecgroupRuleListElementType() {
  std::vector<std::pair<std::string, Type>> attrs = {{"id", Type::String()},
                                                     {"priority", Type::Number()}};
  for (const char* f : kStringFields) attrs.emplace_back(f, Type::String());
  return Type::Object(std::move(attrs));
}

Value SecgroupRuleListElement(const std::string& id, const boost::json::object& body) {
  std::vector<std::pair<std::string, Value>> attrs = {{"id", Value::String(id)}};
  const boost::json::value* p = body.if_contains("priority");
  attrs.emplace_back("priority", Value::Int(p && p->is_int64() ? p->as_int64() : 1));
  for (const char* f : kStringFields) attrs.emplace_back(f, Value::String(BodyString(body, f)));
  return Value::Object(std::move(attrs));
}

Result<Value> SecgroupRulesList(CallContext& ctx, const std::string& group_id) {
  FW_ASSIGN_OR_RETURN(auto rules, ListInProject(ctx, kSecgroupRuleType));
  std::vector<Value> elems;
  for (const auto& r : rules) {
    if (BodyString(r.body, "security_group_id") == group_id) {
      elems.push_back(SecgroupRuleListElement(r.id, r.body));
    }
  }
  return Value::List(SecgroupRuleListElementType(), std::move(elems));
}

std::string PortsText(int64_t min, int64_t max) {
  if (min <= 0 && max <= 0) return "";
  if (max <= 0 || max == min) return std::to_string(min);
  return std::to_string(min) + "-" + std::to_string(max);
}

std::string PortsProblem(const std::string& ports) {
  auto port = [](std::string_view s, int* out) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && p == s.data() + s.size() && *out >= 1 && *out <= 65535;
  };
  std::string_view rest = ports;
  if (rest.empty()) return "the ports must not be empty";
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    size_t dash = item.find('-');
    int lo = 0, hi = 0;
    bool ok = dash == std::string_view::npos
                  ? port(item, &lo)
                  : port(item.substr(0, dash), &lo) && port(item.substr(dash + 1), &hi) && lo <= hi;
    if (!ok) {
      return "expected ports like 80, 1-30 or 22,3389,80 with each port from 1 to 65535, got " +
             ports;
    }
    if (comma != std::string_view::npos && rest.empty()) return "trailing comma in " + ports;
  }
  return "";
}

}  // namespace fw::providers::network
