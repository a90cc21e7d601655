// huaweicloud_rds_instance: an RDS for MySQL / PostgreSQL / SQL Server / MariaDB instance,
// single or primary/standby, in a subnet of a VPC. Kept in the inventory as "rds.instance".
// Name, flavor, volume size (grow only), security group, backup policy, password, port and
// tags change in place; engine, version, network, zones and volume type force a new instance.
#include <algorithm>

#include "base/ids.h"
#include "base/time_format.h"
#include "providers/common/network_refs.h"
#include "providers/common/stored_type.h"
#include "providers/common/subnet_addresses.h"
#include "providers/common/values.h"
#include "providers/database/database_types.h"
#include "providers/database/placement.h"
#include "providers/database/password_rules.h"
#include "providers/database/rds_catalog.h"
#include "providers/database/value_checks.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;

constexpr char kItemType[] = "rds.instance";
constexpr std::chrono::seconds kCreateTime{600};
constexpr std::chrono::seconds kChangeFlavorTime{600};
constexpr std::chrono::seconds kExtendVolumeTime{180};

Type NodeType() {
  return Type::Object({{"availability_zone", Type::String()},
                       {"id", Type::String()},
                       {"name", Type::String()},
                       {"role", Type::String()},
                       {"status", Type::String()}});
}

Schema MakeSchema() {
  Block db;
  db.Add(Attr::Required("type", Type::String())
             .ForceNew()
             .Check(checks::OneOf({"MySQL", "PostgreSQL", "SQLServer", "MariaDB"})));
  db.Add(Attr::Required("version", Type::String()).ForceNew());
  db.Add(Attr::Optional("password", Type::String())
             .Sensitive()
             .Check(database::PasswordCheck(database::RdsPasswordRule())));
  db.Add(Attr::OptionalComputed("port", Type::Number()).Check(checks::IntBetween(1, 65535)));
  db.Add(Attr::Computed("user_name", Type::String()));

  Block volume;
  volume.Add(Attr::Required("type", Type::String())
                 .ForceNew()
                 .Check(checks::OneOf({"ULTRAHIGH", "LOCALSSD", "CLOUDSSD", "ESSD", "COMMON",
                                       "HIGH"})));
  volume.Add(Attr::Required("size", Type::Number())
                 .Check(checks::IntBetween(40, 4000))
                 .Check(database::MultipleOf(10)));
  volume.Add(Attr::Optional("disk_encryption_id", Type::String()).ForceNew());
  volume.Add(Attr::Optional("limit_size", Type::Number()).Check(checks::IntBetween(40, 4000)));
  volume.Add(Attr::Optional("trigger_threshold", Type::Number())
                 .Check([](const Value& v) -> std::string {
                   auto i = v.AsNumber().ToInt64();
                   if (i && (*i == 10 || *i == 15 || *i == 20)) return "";
                   return "expected one of 10, 15 or 20, got " + v.AsNumber().ToString();
                 }));

  Block backup;
  backup.Add(Attr::Required("start_time", Type::String()).Check(database::BackupWindow()));
  backup.Add(Attr::Required("keep_days", Type::Number()).Check(checks::IntBetween(0, 732)));
  backup.Add(Attr::OptionalComputed("period", Type::String()));

  Block parameter;
  parameter.Add(Attr::Required("name", Type::String()));
  parameter.Add(Attr::Required("value", Type::String()));

  Block b;
  b.Add(Attr::OptionalComputed("region", Type::String()).ForceNew());
  b.Add(Attr::Required("name", Type::String()).Check(database::LetterFirstName(4, 64)));
  b.Add(Attr::Required("flavor", Type::String()));
  b.Add(Attr::Required("availability_zone", Type::List(Type::String())).ForceNew());
  b.Add(Attr::Required("vpc_id", Type::String()).ForceNew());
  b.Add(Attr::Required("subnet_id", Type::String()).ForceNew());
  b.Add(Attr::Required("security_group_id", Type::String()));
  b.Add(Attr::OptionalComputed("ha_replication_mode", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"async", "semisync", "sync"})));
  b.Add(Attr::OptionalComputed("fixed_ip", Type::String()).Check(checks::IpAddress()));
  b.Add(Attr::OptionalComputed("time_zone", Type::String()).ForceNew());
  b.Add(Attr::Optional("lower_case_table_names", Type::String()).ForceNew());
  b.Add(Attr::Optional("param_group_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("collation", Type::String()).ForceNew());
  b.Add(Attr::Optional("charging_mode", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"prePaid", "postPaid"}))
            .Default(Value::String("postPaid")));
  b.Add(Attr::Optional("period_unit", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"month", "year"})));
  b.Add(Attr::Optional("period", Type::Number()).ForceNew().Check(checks::IntBetween(1, 9)));
  b.Add(Attr::Optional("auto_renew", Type::String()).Check(checks::OneOf({"true", "false"})));
  b.Add(Attr::OptionalComputed("enterprise_project_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("ssl_enable", Type::Bool()));
  b.Add(Attr::Optional("description", Type::String()).Check(checks::StringLength(0, 64)));
  b.Add(Attr::OptionalComputed("maintain_begin", Type::String()).Check(database::TimeOfDay()));
  b.Add(Attr::OptionalComputed("maintain_end", Type::String()).Check(database::TimeOfDay()));
  b.Add(Attr::Optional("tags", Type::Map(Type::String())));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("created", Type::String()));
  b.Add(Attr::Computed("private_ips", Type::List(Type::String())));
  b.Add(Attr::Computed("public_ips", Type::List(Type::String())));
  b.Add(Attr::Computed("nodes", Type::List(NodeType())));
  b.AddBlock("db", Nesting::kList, std::move(db), 1, 1);
  b.AddBlock("volume", Nesting::kList, std::move(volume), 1, 1);
  b.AddBlock("backup_strategy", Nesting::kList, std::move(backup), 0, 1);
  b.AddBlock("parameters", Nesting::kSet, std::move(parameter));
  return Schema{std::move(b)};
}

bool PortAllowed(const std::string& engine, int64_t port) {
  if (engine == "PostgreSQL") return port >= 2100 && port <= 9500;
  if (engine == "SQLServer") {
    return port == 1433 || (port >= 2100 && port <= 9500 && port != 5355 && port != 5985);
  }
  return port >= 1024 && port <= 65535 && port != 12017 && port != 33071;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The checks of engine, version, flavor, zones, replication mode and port that need more than
// one attribute. Unknown parts are skipped.
Status CheckSpec(const Value& v) {
  const Value* db = FirstBlock(v, "db");
  const std::string engine_name = db ? GetString(*db, "type") : "";
  const database::RdsEngine* engine = database::FindRdsEngine(engine_name);
  if (engine) {
    const std::string version = GetString(*db, "version");
    const auto& vs = engine->versions;
    if (!version.empty() && std::find(vs.begin(), vs.end(), version) == vs.end()) {
      return InvalidArgument("db.version " + version + " is not supported for " + engine->name +
                             " (supported: " + Join(vs) + ")");
    }
    if (auto port = GetInt(*db, "port"); port && !PortAllowed(engine->name, *port)) {
      return InvalidArgument("db.port " + std::to_string(*port) + " is not allowed for " +
                             engine->name);
    }
    if (db->Get("password") && db->Get("password")->IsKnown() &&
        db->Get("password")->IsNull()) {
      return InvalidArgument("db.password is required to create an instance");
    }
  }
  const std::string code = GetString(v, "flavor");
  if (code.empty()) return Status::Ok();
  const database::RdsFlavor* flavor = database::FindRdsFlavor(code);
  if (!flavor) {
    return InvalidArgument("flavor " + code +
                           " is not an RDS flavor (see data source huaweicloud_rds_flavors)");
  }
  if (engine && flavor->engine != engine->name) {
    return InvalidArgument("flavor " + code + " is a " + flavor->engine + " flavor, not " +
                           engine->name);
  }
  if (flavor->instance_mode == "replica") {
    return InvalidArgument("flavor " + code +
                           " is a read replica flavor; use huaweicloud_rds_read_replica_instance");
  }
  const bool ha = flavor->instance_mode == "ha";
  if (IsSet(v, "availability_zone")) {
    size_t zones = v.Get("availability_zone")->Length();
    if (ha && zones != 2) {
      return InvalidArgument("a primary/standby flavor needs two availability zones (primary "
                             "and standby), got " + std::to_string(zones));
    }
    if (!ha && zones != 1) {
      return InvalidArgument("a single-node flavor needs exactly one availability zone, got " +
                             std::to_string(zones));
    }
  }
  const std::string mode = GetString(v, "ha_replication_mode");
  if (!mode.empty()) {
    if (!ha) return InvalidArgument("ha_replication_mode applies only to primary/standby flavors");
    const auto& modes = engine ? engine->replication_modes : std::vector<std::string>{};
    if (engine && std::find(modes.begin(), modes.end(), mode) == modes.end()) {
      return InvalidArgument("ha_replication_mode " + mode + " is not supported for " +
                             engine->name + " (supported: " + Join(modes) + ")");
    }
  }
  return Status::Ok();
}

// `v` with the nested attributes the cloud fills in (port, administrator, backup cycle).
Value WithNestedDefaults(const Value& v, const database::RdsEngine& engine) {
  const Value* db = FirstBlock(v, "db");
  Value out = WithFirstBlock(
      v, "db",
      {{"port", Value::Int(GetInt(*db, "port").value_or(engine.default_port))},
       {"user_name", Value::String(engine.user_name)}});
  if (const Value* backup = FirstBlock(out, "backup_strategy")) {
    out = WithFirstBlock(
        out, "backup_strategy",
        {{"period", StringOr(*backup, "period", "1,2,3,4,5,6,7")}});
  }
  return out;
}

Value Nodes(const std::string& instance_id, const std::string& name,
            const std::vector<std::string>& zones, const std::string& engine_suffix) {
  std::vector<Value> nodes;
  const char* roles[] = {"master", "slave"};
  for (size_t i = 0; i < zones.size() && i < 2; ++i) {
    nodes.push_back(Value::Object(
        {{"availability_zone", Value::String(zones[i])},
         {"id", Value::String(NewHexId32() + "no" + engine_suffix.substr(2))},
         {"name", Value::String(name + "_node" + std::to_string(i))},
         {"role", Value::String(roles[i])},
         {"status", Value::String("ACTIVE")}}));
  }
  return Value::List(NodeType(), std::move(nodes));
}

class RdsInstanceType final : public ResourceType {
 public:
  RdsInstanceType() : schema_(MakeSchema()) {}

  std::string_view name() const override { return "huaweicloud_rds_instance"; }
  const Schema& schema() const override { return schema_; }

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    database::ReportConfigCheck(CheckSpec(config), "RDS instance", address, diags);
  }

  Value Plan(const Value& prior, const Value& config) const override {
    Value planned = PlanFromSchema(schema_, prior, config);
    planned = PlanNestedComputed(planned, prior, "db", {"port", "user_name"});
    return PlanNestedComputed(planned, prior, "backup_strategy", {"period"});
  }

  Result<Value> Create(CallContext& ctx, const Value& planned) const override {
    FW_RETURN_IF_ERROR(CheckSpec(planned));
    const Value* db = FirstBlock(planned, "db");
    const database::RdsEngine* engine = database::FindRdsEngine(db ? GetString(*db, "type") : "");
    const database::RdsFlavor* flavor = database::FindRdsFlavor(GetString(planned, "flavor"));
    if (!engine || !flavor) return InvalidArgument("The engine and flavor must be known.");
    const std::string name = GetString(planned, "name");
    const auto zones = GetStrings(planned, "availability_zone");

    std::string ip, subnet_id;
    std::unique_lock<std::mutex> address_lock;
    FW_ASSIGN_OR_RETURN(auto earlier, CreatedEarlier(ctx, kItemType));
    const bool retry = earlier.has_value();
    if (!retry) {
      FW_ASSIGN_OR_RETURN(auto subnet,
                          RequireSubnetInVpc(ctx, GetString(planned, "vpc_id"),
                                                       GetString(planned, "subnet_id")));
      FW_RETURN_IF_ERROR(
          RequireSecurityGroup(ctx, GetString(planned, "security_group_id")));
      FW_RETURN_IF_ERROR(database::RequireAvailabilityZones(ctx, zones, "availability_zone"));
      FW_RETURN_IF_ERROR(CheckNameFree(ctx, name, ""));
      address_lock = AddressLock();
      subnet_id = subnet.id;
      FW_ASSIGN_OR_RETURN(
          ip, database::AllocatePrivateIp(ctx, subnet, GetString(planned, "fixed_ip")));
    }

    const std::string id = NewHexId32() + engine->id_suffix;
    const bool ha = flavor->instance_mode == "ha";
    Value state = WithNestedDefaults(planned, *engine);
    state = WithAttrs(
        state,
        {{"id", Value::String(id)},
         {"region", StringOr(planned, "region", ctx.region)},
         {"status", Value::String("ACTIVE")},
         {"created", Value::String(FormatIsoSeconds(ctx.Now()))},
         {"fixed_ip", Value::String(ip)},
         {"private_ips", StringList({ip})},
         {"public_ips", StringList({})},
         {"nodes", Nodes(id, name, zones, engine->id_suffix)},
         {"ha_replication_mode", ha ? StringOr(planned, "ha_replication_mode",
                                                         engine->replication_modes.front())
                                    : Value::Null(Type::String())},
         {"time_zone", StringOr(planned, "time_zone",
                                          engine->name == "SQLServer" ? "China Standard Time"
                                                                      : "UTC")},
         {"enterprise_project_id", StringOr(planned, "enterprise_project_id", "0")},
         {"maintain_begin", StringOr(planned, "maintain_begin", "02:00")},
         {"maintain_end", StringOr(planned, "maintain_end", "06:00")}});
    state = NoUnknowns(state);
    FW_ASSIGN_OR_RETURN(auto body, StateToBody(schema_, state));
    RecordPort(body, subnet_id, ip);
    FW_ASSIGN_OR_RETURN(auto item,
                        CreateItem(ctx, kItemType, id, name, std::move(body),
                                             kCreateTime));
    address_lock = {};
    FW_RETURN_IF_ERROR(ctx.WaitUntil(item.ready_at));
    return StateOf(ctx, item, planned);
  }

  Result<Value> Update(CallContext& ctx, const Value& prior, const Value& planned) const override {
    FW_RETURN_IF_ERROR(CheckSpec(planned));
    FW_ASSIGN_OR_RETURN(auto item, RequireInProject(ctx, kItemType,
                                                              GetString(prior, "id"),
                                                              "RDS instance"));
    const Value* db = FirstBlock(planned, "db");
    const database::RdsEngine* engine = database::FindRdsEngine(db ? GetString(*db, "type") : "");
    if (!engine) return InvalidArgument("The database engine must be known.");

    const std::string name = GetString(planned, "name");
    if (name != GetString(prior, "name")) FW_RETURN_IF_ERROR(CheckNameFree(ctx, name, item.id));

    std::chrono::seconds duration{0};
    const std::string old_flavor = GetString(prior, "flavor");
    const std::string new_flavor = GetString(planned, "flavor");
    if (new_flavor != old_flavor) {
      const auto* from = database::FindRdsFlavor(old_flavor);
      const auto* to = database::FindRdsFlavor(new_flavor);
      if (from && to && from->instance_mode != to->instance_mode) {
        return InvalidArgument("Changing the flavor from " + old_flavor + " to " + new_flavor +
                               " would change the instance mode (" + from->instance_mode +
                               " to " + to->instance_mode + "), which is not supported.");
      }
      duration = kChangeFlavorTime;
    }
    const Value* old_volume = FirstBlock(prior, "volume");
    const Value* new_volume = FirstBlock(planned, "volume");
    const int64_t old_size = old_volume ? GetInt(*old_volume, "size").value_or(0) : 0;
    const int64_t new_size = new_volume ? GetInt(*new_volume, "size").value_or(0) : 0;
    if (new_size < old_size) {
      return InvalidArgument("The volume size can only grow: the new size (" +
                             std::to_string(new_size) + " GB) is less than the current size (" +
                             std::to_string(old_size) + " GB).");
    }
    if (new_size > old_size) duration = std::max(duration, kExtendVolumeTime);

    const std::string secgroup = GetString(planned, "security_group_id");
    if (secgroup != GetString(prior, "security_group_id")) {
      FW_RETURN_IF_ERROR(RequireSecurityGroup(ctx, secgroup));
    }
    Value state = FillUnknownsFrom(planned, prior);
    boost::json::object old_body = item.body;
    std::unique_lock<std::mutex> address_lock;
    const std::string fixed_ip = GetString(planned, "fixed_ip");
    if (!fixed_ip.empty() && fixed_ip != GetString(prior, "fixed_ip")) {
      FW_ASSIGN_OR_RETURN(auto subnet,
                          RequireSubnetInVpc(ctx, GetString(prior, "vpc_id"),
                                                       GetString(prior, "subnet_id")));
      address_lock = AddressLock();
      FW_ASSIGN_OR_RETURN(auto ip, database::AllocatePrivateIp(ctx, subnet, fixed_ip));
      state = WithAttrs(state, {{"private_ips", StringList({ip})}});
      old_body.erase("_ports");
      boost::json::object ports;
      RecordPort(ports, subnet.id, ip);
      old_body["_ports"] = ports["_ports"];
    }
    state = NoUnknowns(WithNestedDefaults(state, *engine));

    FW_ASSIGN_OR_RETURN(item.body, StateToBody(schema_, state));
    KeepPrivateFields(old_body, item.body);
    item.name = name;
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
  // The state the cloud holds, with the status of an operation still in progress.
  Result<Value> StateOf(const CallContext& ctx, const cloud::InventoryItem& item,
                        const Value& prior) const {
    return StateWithProgress(ctx, schema_, item, prior,
                             item.version == 1 ? "BUILD" : "MODIFYING");
  }

  // Instance names are unique among the project's RDS instances.
  static Status CheckNameFree(const CallContext& ctx, const std::string& name,
                              const std::string& self_id) {
    FW_ASSIGN_OR_RETURN(auto items, ctx.cloud.inventory->List(ctx.project_id, kItemType));
    for (const auto& i : items) {
      if (i.name == name && i.id != self_id) {
        return AlreadyExists("An RDS instance named " + name + " already exists (" + i.id +
                             ").", "DBS.200026");
      }
    }
    return Status::Ok();
  }

  Schema schema_;
};

}  // namespace

std::unique_ptr<ResourceType> NewRdsInstanceType() { return std::make_unique<RdsInstanceType>(); }

}  // namespace fw::providers
