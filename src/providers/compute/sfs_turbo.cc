// huaweicloud_sfs_turbo: an SFS Turbo file system ("sfs.turbo") in a subnet of a VPC of the
// project, mounted at "<ip>:/" (an address allocated in the subnet). Updated in place: name,
// security group, tags, and size, which can grow but never shrink.
#include "base/ids.h"
#include "providers/compute/compute_common.h"
#include "providers/compute/compute_types.h"
#include "providers/common/subnet_addresses.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;
using namespace compute;  // NOLINT: the family's helpers

Schema MakeSchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("name", Type::String()).Check(checks::ResourceName(4, 64)));
  b.Add(Attr::Required("size", Type::Number()).Check(checks::IntBetween(500, 32768)));
  b.Add(Attr::Optional("share_proto", Type::String())
            .ForceNew()
            .Default(Value::String("NFS"))
            .Check(checks::OneOf({"NFS"})));
  b.Add(Attr::Optional("share_type", Type::String())
            .ForceNew()
            .Default(Value::String("STANDARD"))
            .Check(checks::OneOf({"STANDARD", "PERFORMANCE"})));
  b.Add(Attr::Required("availability_zone", Type::String()).ForceNew());
  b.Add(Attr::Required("vpc_id", Type::String()).ForceNew());
  b.Add(Attr::Required("subnet_id", Type::String()).ForceNew());
  b.Add(Attr::Required("security_group_id", Type::String()));
  b.Add(Attr::Optional("enhanced", Type::Bool()).ForceNew());
  b.Add(Attr::Optional("crypt_key_id", Type::String()).ForceNew());
  b.Add(EnterpriseProjectAttr());
  b.Add(TagsAttr());
  b.Add(ChargingModeAttr());
  b.Add(Attr::Optional("period_unit", Type::String()).ForceNew().Check(checks::OneOf({"month", "year"})));
  b.Add(Attr::Optional("period", Type::Number()).ForceNew().Check(checks::IntBetween(1, 11)));
  b.Add(Attr::Optional("auto_renew", Type::String()).Check(checks::OneOf({"true", "false"})));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("version", Type::String()));
  b.Add(Attr::Computed("export_location", Type::String()));
  b.Add(Attr::Computed("available_capacity", Type::String()));
  return Schema{std::move(b)};
}

std::string Capacity(int64_t size_gb) { return std::to_string(size_gb) + ".00"; }

class SfsTurboType : public StoredType {
 public:
  SfsTurboType() : StoredType("huaweicloud_sfs_turbo", kTurboType, MakeSchema()) {}

  Value Plan(const Value& prior, const Value& config) const override {
    Value planned = PlanFromSchema(schema(), prior, config);
    if (prior.IsKnown() && !prior.IsNull() && planned.IsKnown() && !planned.IsNull() &&
        GetInt(planned, "size") != GetInt(prior, "size")) {
      planned = WithAttrs(planned, {{"available_capacity", Value::Unknown(Type::String())}});
    }
    return planned;
  }

  Result<Value> Update(CallContext& ctx, const Value& prior, const Value& planned) const override {
    Value next = FillUnknownsFrom(planned, prior);
    const int64_t from = GetInt(prior, "size").value_or(0);
    const int64_t to = GetInt(next, "size").value_or(from);
    if (to < from) {
      return InvalidArgument("The SFS Turbo capacity cannot shrink (from " + std::to_string(from) +
                             " GB to " + std::to_string(to) + " GB); only expansion is supported.");
    }
    FW_RETURN_IF_ERROR(RequireSecurityGroup(ctx, GetString(next, "security_group_id")));
    next = WithAttrs(next, {{"available_capacity", Value::String(Capacity(to))}});
    return Save(ctx, next, {}, to > from ? std::chrono::seconds(120) : std::chrono::seconds(0));
  }

 protected:
  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    auto lock = AddressLock();  // from choosing the address until the file system is stored
    const std::string region = RegionOf(ctx, planned);
    FW_ASSIGN_OR_RETURN(std::string az, ResolveAvailabilityZone(
                                            ctx, region, GetString(planned, "availability_zone")));
    const std::string vpc_id = GetString(planned, "vpc_id");
    FW_ASSIGN_OR_RETURN(SubnetRef subnet,
                        RequireSubnetInVpc(ctx, vpc_id, GetString(planned, "subnet_id")));
    FW_RETURN_IF_ERROR(RequireSecurityGroup(ctx, GetString(planned, "security_group_id")));
    FW_ASSIGN_OR_RETURN(auto existing, ListInProject(ctx, kTurboType));
    for (const auto& t : existing) {
      if (t.name == GetString(planned, "name")) {
        return AlreadyExists("An SFS Turbo file system named " + t.name +
                             " already exists in this project.");
      }
    }
    boost::json::object extras;
    std::set<uint32_t> picked;
    FW_ASSIGN_OR_RETURN(std::string ip, AllocateAddress(ctx, subnet, "", picked));
    RecordPort(extras, subnet.id, ip);
    const int64_t size = GetInt(planned, "size").value_or(500);
    Value state = WithAttrs(
        planned,
        {{"region", Value::String(region)},
         {"availability_zone", Value::String(az)},
         {"charging_mode", OrElse(planned, "charging_mode", Value::String("postPaid"))},
         {"enterprise_project_id", OrElse(planned, "enterprise_project_id", Value::String("0"))},
         {"id", Value::String(NewUuid())},
         {"status", Value::String("200")},
         {"version", Value::String("1.0.0")},
         {"export_location", Value::String(ip + ":/")},
         {"available_capacity", Value::String(Capacity(size))}});
    return Store(ctx, state, std::chrono::seconds(300), std::move(extras), std::move(lock));
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewSfsTurboType() { return std::make_unique<SfsTurboType>(); }

}  // namespace fw::providers
