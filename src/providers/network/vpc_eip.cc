// huaweicloud_vpc_eip: an elastic public IP with its bandwidth ("vpc.eip"). The address comes
// from the simulated public pool (kPublicPool), the lowest free one in the project unless
// publicip.ip_address asks for a free one of the pool. Name, tags and the dedicated
// bandwidth's name and size update in place. An EIP used by an SNAT rule or bound to a server
// reads as BOUND and cannot be released.
#include <algorithm>

#include "base/ids.h"
#include "base/time_format.h"
#include "providers/common/ipv4.h"
#include "providers/network/network_common.h"
#include "providers/network/network_types.h"
#include "providers/common/subnet_addresses.h"

namespace fw::providers::network {
namespace {

using hcl::Type;
using hcl::Value;

constexpr char kPublicPool[] = "124.70.0.0/16";

Schema EipSchema() {
  Block publicip;
  publicip.Add(Attr::Optional("type", Type::String())
                   .ForceNew()
                   .Default(Value::String("5_bgp"))
                   .Check(checks::OneOf({"5_bgp", "5_sbgp"})));
  publicip.Add(
      Attr::OptionalComputed("ip_address", Type::String()).ForceNew().Check(checks::IpAddress()));
  publicip.Add(Attr::Optional("ip_version", Type::Number())
                   .Default(Value::Int(4))
                   .Check(checks::IntBetween(4, 4)));
  Block bandwidth;
  bandwidth.Add(Attr::Required("share_type", Type::String())
                    .ForceNew()
                    .Check(checks::OneOf({"PER", "WHOLE"})));
  bandwidth.Add(Attr::Optional("name", Type::String()).Check(checks::ResourceName(1, 64)));
  bandwidth.Add(Attr::Optional("size", Type::Number()).Check(checks::IntBetween(1, 2000)));
  bandwidth.Add(Attr::OptionalComputed("id", Type::String()).ForceNew());
  bandwidth.Add(Attr::OptionalComputed("charge_mode", Type::String())
                    .ForceNew()
                    .Check(checks::OneOf({"traffic", "bandwidth"})));
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Optional("name", Type::String()).Check(checks::ResourceName(1, 64)));
  b.Add(EnterpriseProjectAttr());
  b.Add(TagsAttr());
  b.Add(Attr::Optional("charging_mode", Type::String())
            .ForceNew()
            .Default(Value::String("postPaid"))
            .Check(checks::OneOf({"prePaid", "postPaid"})));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("address", Type::String()));
  b.Add(Attr::Computed("ipv6_address", Type::String()));
  b.Add(Attr::Computed("private_ip", Type::String()));
  b.Add(Attr::Computed("port_id", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("created_at", Type::String()));
  b.AddBlock("publicip", Nesting::kList, std::move(publicip), 1, 1);
  b.AddBlock("bandwidth", Nesting::kList, std::move(bandwidth), 1, 1);
  return Schema{std::move(b)};
}

const Value& First(const Value& state, std::string_view block) {
  static const Value kNull;
  const Value* v = state.Get(block);
  if (!v || !v->IsKnown() || v->IsNull() || v->Length() == 0) return kNull;
  return v->Elements()[0];
}

Value OneElementList(const Value& elem) { return Value::List(elem.type(), {elem}); }

class VpcEipType final : public StoredResourceType {
 public:
  VpcEipType() : StoredResourceType("huaweicloud_vpc_eip", kEipType, EipSchema()) {}

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    const Value& bw = First(config, "bandwidth");
    const Value* share = bw.IsNull() ? nullptr : bw.Get("share_type");
    if (!share || !share->IsKnown() || share->IsNull()) return;
    auto missing = [&](std::string_view attr) {
      const Value* v = bw.Get(attr);
      return !v || (v->IsKnown() && v->IsNull());
    };
    if (share->AsString() == "PER" && (missing("name") || missing("size"))) {
      diags.AddError("Missing required argument",
                     std::string(address) +
                         ": bandwidth.name and bandwidth.size are required when share_type is "
                         "PER.",
                     std::nullopt);
    }
    if (share->AsString() == "WHOLE" && missing("id")) {
      diags.AddError("Missing required argument",
                     std::string(address) + ": bandwidth.id is required when share_type is WHOLE.",
                     std::nullopt);
    }
  }

 protected:
  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    const Value& bw = First(planned, "bandwidth");
    const Value& pip = First(planned, "publicip");
    auto lock = AddressLock();  // from choosing the address until it is stored
    FW_ASSIGN_OR_RETURN(std::string address, Allocate(ctx, GetString(pip, "ip_address")));
    std::string bw_id = GetString(bw, "id");
    if (GetString(bw, "share_type") == "WHOLE") {
      // Shared bandwidths are not simulated as resources of their own: any id is accepted.
      if (bw_id.empty()) return InvalidArgument("bandwidth.id is required for WHOLE.");
    } else {
      bw_id = NewUuid();
    }
    std::string charge = GetString(bw, "charge_mode");
    Value new_bw = WithAttrs(bw, {{"id", Value::String(bw_id)},
                                  {"charge_mode", Value::String(charge.empty() ? "bandwidth"
                                                                               : charge)}});
    Value new_pip = WithAttrs(pip, {{"ip_address", Value::String(address)}});
    std::string eps = GetString(planned, "enterprise_project_id");
    Value state = WithAttrs(planned, {
        {"id", Value::String(NewUuid())},
        {"region", Value::String(RegionOf(ctx, planned))},
        {"enterprise_project_id", Value::String(eps.empty() ? "0" : eps)},
        {"address", Value::String(address)},
        {"ipv6_address", Value::String("")},
        {"private_ip", Value::String("")},
        {"port_id", Value::String("")},
        {"status", Value::String("UNBOUND")},
        {"created_at", Value::String(FormatIsoSeconds(ctx.Now()))},
        {"publicip", OneElementList(new_pip)},
        {"bandwidth", OneElementList(new_bw)},
    });
    return Store(ctx, state, std::chrono::seconds(3), {}, std::move(lock));
  }

  // BOUND while a server (its body's "_eip_id", see compute/) or an SNAT rule uses it, as the
  // provider maps the API's ACTIVE; UNBOUND otherwise.
  Result<Value> Refresh(CallContext& ctx, const Value& stored) const override {
    FW_ASSIGN_OR_RETURN(std::string user, BoundTo(ctx, GetString(stored, "id")));
    return WithAttrs(stored, {{"status", Value::String(user.empty() ? "UNBOUND" : "BOUND")}});
  }

  Status CheckDelete(CallContext& ctx, const cloud::InventoryItem& item,
                     const Value& state) const override {
    FW_ASSIGN_OR_RETURN(std::string user, BoundTo(ctx, item.id));
    if (!user.empty()) {
      return FailedPrecondition("The EIP " + item.id + " is bound to " + user +
                                    "; unbind it before releasing it.",
                                "EIP.7914");
    }
    return Status::Ok();
  }

 private:
  // What uses the EIP ("SNAT rule <id>", "instance <id>"), or "".
  static Result<std::string> BoundTo(CallContext& ctx, const std::string& id) {
    FW_ASSIGN_OR_RETURN(auto rules, ListInProject(ctx, kSnatRuleType));
    for (const auto& r : rules) {
      std::string ids = "," + BodyString(r.body, "floating_ip_id") + ",";
      ids.erase(std::remove(ids.begin(), ids.end(), ' '), ids.end());
      if (ids.find("," + id + ",") != std::string::npos) return "SNAT rule " + r.id;
    }
    FW_ASSIGN_OR_RETURN(auto servers, ListInProject(ctx, "ecs.server"));
    for (const auto& s : servers) {
      if (BodyString(s.body, "_eip_id") == id) return "instance " + s.id;
    }
    return std::string();
  }

  // The requested address when it is in the pool and free, else the lowest free one.
  static Result<std::string> Allocate(CallContext& ctx, const std::string& wanted) {
    const Ipv4Cidr pool = *ParseIpv4Cidr(kPublicPool);
    FW_ASSIGN_OR_RETURN(auto eips, ListInProject(ctx, kEipType));
    std::vector<uint32_t> used;
    for (const auto& e : eips) {
      if (auto a = ParseIpv4(BodyString(e.body, "address"))) used.push_back(*a);
    }
    auto is_used = [&](uint32_t a) {
      return std::find(used.begin(), used.end(), a) != used.end();
    };
    if (!wanted.empty()) {
      auto a = ParseIpv4(wanted);
      if (!a || !pool.Contains(*a) || (*a & 0xff) == 0 || (*a & 0xff) == 255) {
        return InvalidArgument("The IP address " + wanted + " is not in the available public pool " +
                                   kPublicPool + ".",
                               "EIP.7903");
      }
      if (is_used(*a)) {
        return Conflict("The IP address " + wanted + " is already in use.", "EIP.7904");
      }
      return wanted;
    }
    for (uint64_t n = 256 + 2; n < pool.Size() - 1; ++n) {
      uint32_t a = pool.Host(n);
      if ((a & 0xff) == 0 || (a & 0xff) == 255 || is_used(a)) continue;
      return FormatIpv4(a);
    }
    return Status(ErrorCode::kResourceExhausted, "No public IP addresses are left in the pool.",
                  "EIP.7902");
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewVpcEipType() { return std::make_unique<VpcEipType>(); }

}  // namespace fw::providers::network
