// huaweicloud_dcs_instance: a DCS (Redis) instance in a subnet of a VPC, of a flavor from the
// DCS catalog. Kept in the inventory as "dcs.instance". Name, description, capacity/flavor
// (resize), security group, whitelists, password, port, maintenance window, backup policy and
// tags change in place; engine, version, network and zones force a new instance.
#include <algorithm>
#include <cmath>
#include <regex>

#include "base/ids.h"
#include "base/time_format.h"
#include "providers/common/network_refs.h"
#include "providers/common/stored_type.h"
#include "providers/common/subnet_addresses.h"
#include "providers/common/values.h"
#include "providers/common/ipv4.h"
#include "providers/database/database_types.h"
#include "providers/database/dcs_catalog.h"
#include "providers/database/placement.h"
#include "providers/database/password_rules.h"
#include "providers/database/value_checks.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;

constexpr char kItemType[] = "dcs.instance";
constexpr std::chrono::seconds kCreateTime{300};
constexpr std::chrono::seconds kResizeTime{120};

Schema MakeSchema() {
  Block whitelist;
  whitelist.Add(Attr::Required("group_name", Type::String()).Check(checks::StringLength(1, 64)));
  whitelist.Add(Attr::Required("ip_address", Type::List(Type::String())));

  Block backup;
  backup.Add(Attr::Optional("backup_type", Type::String())
                 .Check(checks::OneOf({"auto", "manual"}))
                 .Default(Value::String("auto")));
  backup.Add(Attr::Optional("save_days", Type::Number()).Check(checks::IntBetween(1, 7)));
  backup.Add(Attr::Optional("period_type", Type::String())
                 .Check(checks::OneOf({"weekly"}))
                 .Default(Value::String("weekly")));
  backup.Add(Attr::Required("backup_at", Type::List(Type::Number())));
  backup.Add(Attr::Required("begin_at", Type::String()));

  Block b;
  b.Add(Attr::OptionalComputed("region", Type::String()).ForceNew());
  b.Add(Attr::Required("name", Type::String()).Check(database::LetterFirstName(4, 64)));
  b.Add(Attr::Required("engine", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"Redis", "Memcached"})));
  b.Add(Attr::Optional("engine_version", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"4.0", "5.0", "6.0"})));
  b.Add(Attr::Required("capacity", Type::Number()));
  b.Add(Attr::Required("flavor", Type::String()));
  b.Add(Attr::Required("availability_zones", Type::List(Type::String())).ForceNew());
  b.Add(Attr::Required("vpc_id", Type::String()).ForceNew());
  b.Add(Attr::Required("subnet_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("security_group_id", Type::String()));
  b.Add(Attr::OptionalComputed("private_ip", Type::String()).ForceNew().Check(checks::IpAddress()));
  b.Add(Attr::OptionalComputed("port", Type::Number()).Check(checks::IntBetween(1, 65535)));
  b.Add(Attr::Optional("password", Type::String())
            .Sensitive()
            .Check(database::PasswordCheck(database::DcsPasswordRule())));
  b.Add(Attr::Optional("access_user", Type::String()).ForceNew());
  b.Add(Attr::Optional("whitelist_enable", Type::Bool()).Default(Value::True()));
  b.Add(Attr::OptionalComputed("maintain_begin", Type::String()));
  b.Add(Attr::OptionalComputed("maintain_end", Type::String()));
  b.Add(Attr::Optional("description", Type::String()).Check(checks::StringLength(0, 1024)));
  b.Add(Attr::OptionalComputed("enterprise_project_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("charging_mode", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"prePaid", "postPaid"}))
            .Default(Value::String("postPaid")));
  b.Add(Attr::Optional("tags", Type::Map(Type::String())));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("domain_name", Type::String()));
  b.Add(Attr::Computed("max_memory", Type::Number()));
  b.Add(Attr::Computed("used_memory", Type::Number()));
  b.Add(Attr::Computed("cache_mode", Type::String()));
  b.Add(Attr::Computed("subnet_cidr", Type::String()));
  b.Add(Attr::Computed("created_at", Type::String()));
  b.AddBlock("whitelists", Nesting::kSet, std::move(whitelist), 0, 4);
  b.AddBlock("backup_policy", Nesting::kList, std::move(backup), 0, 1);
  return Schema{std::move(b)};
}

// Maintenance windows start at one of these times and last four hours.
const std::vector<std::string>& WindowStarts() {
  static const std::vector<std::string> kStarts = {"22:00:00", "02:00:00", "06:00:00",
                                                   "10:00:00", "14:00:00", "18:00:00"};
  return kStarts;
}

std::string FourHoursAfter(const std::string& start) {
  int hour = (std::stoi(start.substr(0, 2)) + 4) % 24;
  return (hour < 10 ? "0" : "") + std::to_string(hour) + ":00:00";
}

Status CheckWhitelists(const Value& v) {
  if (!IsSet(v, "whitelists")) return Status::Ok();
  for (const Value& group : v.Get("whitelists")->Elements()) {
    for (const auto& entry : GetStrings(group, "ip_address")) {
      if (!ParseIpv4(entry) && !ParseIpv4Cidr(entry)) {
        return InvalidArgument("whitelists: " + entry + " is neither an IPv4 address nor a "
                               "CIDR block");
      }
    }
  }
  return Status::Ok();
}

Status CheckBackupPolicy(const Value& v) {
  const Value* policy = FirstBlock(v, "backup_policy");
  if (!policy) return Status::Ok();
  if (IsSet(*policy, "backup_at")) {
    for (const Value& day : policy->Get("backup_at")->Elements()) {
      auto d = day.IsKnown() && !day.IsNull() ? day.AsNumber().ToInt64() : std::optional<int64_t>(1);
      if (!d || *d < 1 || *d > 7) {
        return InvalidArgument("backup_policy.backup_at: days are 1 (Monday) to 7 (Sunday)");
      }
    }
  }
  const std::string begin_at = GetString(*policy, "begin_at");
  static const std::regex kWindow("([01][0-9]|2[0-3]):00-([01][0-9]|2[0-3]):00");
  if (!begin_at.empty() && !std::regex_match(begin_at, kWindow)) {
    return InvalidArgument("backup_policy.begin_at must be a one-hour window such as "
                           "00:00-01:00, got " + begin_at);
  }
  return Status::Ok();
}

// Checks that need several attributes (unknown parts skipped).
Status CheckSpec(const Value& v) {
  const std::string engine = GetString(v, "engine");
  const std::string version = GetString(v, "engine_version");
  if (engine == "Redis" && v.Get("engine_version") && v.Get("engine_version")->IsKnown() &&
      v.Get("engine_version")->IsNull()) {
    return InvalidArgument("engine_version is required for Redis");
  }
  const std::string name = GetString(v, "flavor");
  if (!name.empty()) {
    const database::DcsFlavor* flavor = database::FindDcsFlavor(name);
    if (!flavor) {
      return InvalidArgument("flavor " + name +
                             " is not a DCS flavor (see data source huaweicloud_dcs_flavors)");
    }
    if (!engine.empty() && flavor->engine != engine) {
      return InvalidArgument("flavor " + name + " is a " + flavor->engine + " flavor, not " +
                             engine);
    }
    const auto& vs = flavor->engine_versions;
    if (!version.empty() && std::find(vs.begin(), vs.end(), version) == vs.end()) {
      return InvalidArgument("flavor " + name + " does not support engine version " + version);
    }
    if (auto capacity = GetNumber(v, "capacity");
        capacity && std::fabs(*capacity - flavor->capacity_gb) > 1e-9) {
      return InvalidArgument("capacity " + v.Get("capacity")->AsNumber().ToString() +
                             " does not match flavor " + name + " (" +
                             Value::Num(*hcl::Number::FromDouble(flavor->capacity_gb))
                                 .AsNumber()
                                 .ToString() +
                             " GB)");
    }
    if (IsSet(v, "availability_zones")) {
      size_t zones = v.Get("availability_zones")->Length();
      if (zones == 0 || (flavor->cache_mode == "single" && zones != 1) ||
          (flavor->cache_mode == "ha" && zones > 2)) {
        return InvalidArgument("a " + flavor->cache_mode + " instance cannot be placed in " +
                               std::to_string(zones) + " availability zones");
      }
    }
  }
  const std::string begin = GetString(v, "maintain_begin");
  const std::string end = GetString(v, "maintain_end");
  if (!begin.empty() || !end.empty()) {
    const auto& starts = WindowStarts();
    if (begin.empty() || end.empty()) {
      return InvalidArgument("maintain_begin and maintain_end must be set together");
    }
    if (std::find(starts.begin(), starts.end(), begin) == starts.end()) {
      return InvalidArgument("maintain_begin must be one of 22:00:00, 02:00:00, 06:00:00, "
                             "10:00:00, 14:00:00 or 18:00:00, got " + begin);
    }
    if (end != FourHoursAfter(begin)) {
      return InvalidArgument("maintain_end must be four hours after maintain_begin (" +
                             FourHoursAfter(begin) + "), got " + end);
    }
  }
  FW_RETURN_IF_ERROR(CheckWhitelists(v));
  return CheckBackupPolicy(v);
}

Value WithComputed(const Value& v, const database::DcsFlavor& flavor) {
  Value out = WithAttrs(
      v, {{"port", Value::Int(GetInt(v, "port").value_or(6379))},
          {"cache_mode", Value::String(flavor.cache_mode)},
          {"max_memory", Value::Int(static_cast<int64_t>(flavor.capacity_gb * 1024))},
          {"used_memory", Value::Int(2)},
          {"maintain_begin", StringOr(v, "maintain_begin", "02:00:00")},
          {"maintain_end", StringOr(v, "maintain_end", "06:00:00")}});
  if (const Value* policy = FirstBlock(out, "backup_policy")) {
    out = WithFirstBlock(
        out, "backup_policy",
        {{"backup_type", StringOr(*policy, "backup_type", "auto")},
         {"period_type", StringOr(*policy, "period_type", "weekly")}});
  }
  return out;
}

class DcsInstanceType final : public ResourceType {
 public:
  DcsInstanceType() : schema_(MakeSchema()) {}

  std::string_view name() const override { return "huaweicloud_dcs_instance"; }
  const Schema& schema() const override { return schema_; }

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    database::ReportConfigCheck(CheckSpec(config), "DCS instance", address, diags);
  }

  Value Plan(const Value& prior, const Value& config) const override {
    Value planned = PlanFromSchema(schema_, prior, config);
    return PlanNestedComputed(planned, prior, "backup_policy",
                                        {"backup_type", "period_type"});
  }

  Result<Value> Create(CallContext& ctx, const Value& planned) const override {
    FW_RETURN_IF_ERROR(CheckSpec(planned));
    const database::DcsFlavor* flavor = database::FindDcsFlavor(GetString(planned, "flavor"));
    if (!flavor) return InvalidArgument("The flavor must be known.");
    std::string ip;
    std::string subnet_cidr, subnet_id;
    std::unique_lock<std::mutex> address_lock;
    FW_ASSIGN_OR_RETURN(auto earlier, CreatedEarlier(ctx, kItemType));
    const bool retry = earlier.has_value();
    if (!retry) {
      FW_ASSIGN_OR_RETURN(auto subnet,
                          RequireSubnetInVpc(ctx, GetString(planned, "vpc_id"),
                                                       GetString(planned, "subnet_id")));
      if (std::string sg = GetString(planned, "security_group_id"); !sg.empty()) {
        FW_RETURN_IF_ERROR(RequireSecurityGroup(ctx, sg));
      }
      FW_RETURN_IF_ERROR(database::RequireAvailabilityZones(
          ctx, GetStrings(planned, "availability_zones"), "availability_zones"));
      address_lock = AddressLock();
      subnet_id = subnet.id;
      FW_ASSIGN_OR_RETURN(
          ip, database::AllocatePrivateIp(ctx, subnet, GetString(planned, "private_ip")));
      subnet_cidr = FormatIpv4Cidr(subnet.cidr);
    }
    const std::string id = NewUuid();
    Value state = WithAttrs(
        WithComputed(planned, *flavor),
        {{"id", Value::String(id)},
         {"region", StringOr(planned, "region", ctx.region)},
         {"status", Value::String("RUNNING")},
         {"private_ip", Value::String(ip)},
         {"subnet_cidr", Value::String(subnet_cidr)},
         {"domain_name", Value::String("redis-" + id + ".dcs.huaweicloud.com")},
         {"enterprise_project_id", StringOr(planned, "enterprise_project_id", "0")},
         {"created_at", Value::String(FormatIsoSeconds(ctx.Now()))}});
    state = NoUnknowns(state);
    FW_ASSIGN_OR_RETURN(auto body, StateToBody(schema_, state));
    RecordPort(body, subnet_id, ip);
    FW_ASSIGN_OR_RETURN(auto item, CreateItem(ctx, kItemType, id,
                                                        GetString(planned, "name"),
                                                        std::move(body), kCreateTime));
    address_lock = {};
    FW_RETURN_IF_ERROR(ctx.WaitUntil(item.ready_at));
    return StateOf(ctx, item, planned);
  }

  Result<Value> Update(CallContext& ctx, const Value& prior, const Value& planned) const override {
    FW_RETURN_IF_ERROR(CheckSpec(planned));
    FW_ASSIGN_OR_RETURN(auto item, RequireInProject(ctx, kItemType,
                                                              GetString(prior, "id"),
                                                              "DCS instance"));
    const database::DcsFlavor* flavor = database::FindDcsFlavor(GetString(planned, "flavor"));
    if (!flavor) return InvalidArgument("The flavor must be known.");
    std::chrono::seconds duration{0};
    if (GetString(planned, "flavor") != GetString(prior, "flavor")) duration = kResizeTime;
    const std::string sg = GetString(planned, "security_group_id");
    if (!sg.empty() && sg != GetString(prior, "security_group_id")) {
      FW_RETURN_IF_ERROR(RequireSecurityGroup(ctx, sg));
    }
    Value state = NoUnknowns(WithComputed(FillUnknownsFrom(planned, prior), *flavor));
    boost::json::object old_body = std::move(item.body);
    FW_ASSIGN_OR_RETURN(item.body, StateToBody(schema_, state));
    KeepPrivateFields(old_body, item.body);
    item.name = GetString(planned, "name");
    FW_ASSIGN_OR_RETURN(auto updated, ctx.cloud.inventory->Update(item, duration));
    FW_RETURN_IF_ERROR(ctx.WaitUntil(updated.ready_at));
    return StateOf(ctx, updated, planned);
  }

  Status Delete(CallContext& ctx, const Value& state) const override {
    return ctx.cloud.inventory->Delete(kItemType, GetString(state, "id"),
                                       GetString(state, "name"));
  }

  Result<std::optional<Value>> Read(CallContext& ctx, const Value& state) const override {
    FW_ASSIGN_OR_RETURN(auto item, FindInProject(ctx, kItemType, GetString(state, "id")));
    if (!item) return std::optional<Value>();
    FW_ASSIGN_OR_RETURN(Value v, StateOf(ctx, *item, state));
    return std::optional<Value>(std::move(v));
  }

 private:
  Result<Value> StateOf(const CallContext& ctx, const cloud::InventoryItem& item,
                        const Value& prior) const {
    return StateWithProgress(ctx, schema_, item, prior,
                             item.version == 1 ? "CREATING" : "EXTENDING");
  }

  Schema schema_;
};

}  // namespace

std::unique_ptr<ResourceType> NewDcsInstanceType() { return std::make_unique<DcsInstanceType>(); }

}  // namespace fw::providers
