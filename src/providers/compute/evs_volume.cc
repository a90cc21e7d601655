// huaweicloud_evs_volume: an EVS disk ("evs.volume") in an availability zone of the region.
// Updated in place: name, description, tags, and size, which can grow but never shrink.
#include "base/ids.h"
#include "providers/compute/compute_common.h"
#include "providers/compute/compute_types.h"
#include "providers/compute/image_catalog.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;
using namespace compute;  // NOLINT: the family's helpers

Type AttachmentType() {
  return Type::Object(
      {{"id", Type::String()}, {"instance_id", Type::String()}, {"device", Type::String()}});
}

Schema MakeSchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("availability_zone", Type::String()).ForceNew());
  b.Add(Attr::Required("volume_type", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"SATA", "SAS", "SSD", "GPSSD", "ESSD", "GPSSD2", "ESSD2"})));
  b.Add(Attr::Optional("name", Type::String()).Check(checks::StringLength(0, 64)));
  b.Add(Attr::OptionalComputed("size", Type::Number()).Check(checks::IntBetween(10, 32768)));
  b.Add(Attr::Optional("description", Type::String()).Check(NoAngleBrackets(85)));
  b.Add(Attr::Optional("image_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("snapshot_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("backup_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("device_type", Type::String())
            .ForceNew()
            .Default(Value::String("VBD"))
            .Check(checks::OneOf({"VBD", "SCSI"})));
  b.Add(Attr::Optional("multiattach", Type::Bool()).ForceNew().Default(Value::False()));
  b.Add(Attr::Optional("kms_id", Type::String()).ForceNew());
  b.Add(Attr::OptionalComputed("iops", Type::Number()));
  b.Add(Attr::OptionalComputed("throughput", Type::Number()));
  b.Add(TagsAttr());
  b.Add(ChargingModeAttr());
  b.Add(Attr::Optional("period_unit", Type::String()).ForceNew().Check(checks::OneOf({"month", "year"})));
  b.Add(Attr::Optional("period", Type::Number()).ForceNew().Check(checks::IntBetween(1, 9)));
  b.Add(Attr::Optional("auto_renew", Type::String()).Check(checks::OneOf({"true", "false"})));
  b.Add(EnterpriseProjectAttr());
  b.Add(Attr::Optional("cascade", Type::Bool()));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("wwn", Type::String()));
  b.Add(Attr::Computed("attachment", Type::List(AttachmentType())));
  return Schema{std::move(b)};
}

class EvsVolumeType : public StoredType {
 public:
  EvsVolumeType() : StoredType("huaweicloud_evs_volume", kVolumeType, MakeSchema()) {}

 protected:
  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    const std::string region = RegionOf(ctx, planned);
    FW_ASSIGN_OR_RETURN(std::string az, ResolveAvailabilityZone(
                                            ctx, region, GetString(planned, "availability_zone")));
    std::optional<int64_t> size = GetInt(planned, "size");
    if (std::string image_id = GetString(planned, "image_id"); !image_id.empty()) {
      const Image* image = FindImageById(image_id);
      if (!image) return NotFound("The image " + image_id + " does not exist.");
      if (!size) size = image->min_disk_gb;
      if (*size < image->min_disk_gb) {
        return InvalidArgument("The volume (" + std::to_string(*size) +
                               " GB) is smaller than the image's minimum of " +
                               std::to_string(image->min_disk_gb) + " GB.");
      }
    }
    if (!size) {
      return InvalidArgument("size is required unless the volume is created from an image, a "
                             "snapshot or a backup.");
    }
    const std::string type = GetString(planned, "volume_type");
    const bool tunable = type == "GPSSD2" || type == "ESSD2";
    std::string wwn = "688860300" + RandomString(23, "0123456789abcdef");
    Value state = WithAttrs(
        planned,
        {{"region", Value::String(region)},
         {"availability_zone", Value::String(az)},
         {"size", Value::Int(*size)},
         {"iops", OrElse(planned, "iops", tunable ? Value::Int(3000) : Value::Int(0))},
         {"throughput", OrElse(planned, "throughput", tunable ? Value::Int(125) : Value::Int(0))},
         {"charging_mode", OrElse(planned, "charging_mode", Value::String("postPaid"))},
         {"enterprise_project_id", OrElse(planned, "enterprise_project_id", Value::String("0"))},
         {"id", Value::String(NewUuid())},
         {"status", Value::String("available")},
         {"wwn", Value::String(wwn)},
         {"attachment", Value::List(AttachmentType(), {})}});
    return Store(ctx, state, std::chrono::seconds(10));
  }

  Status ValidateUpdate(CallContext& ctx, const Value& prior, const Value& next,
                        boost::json::object&) const override {
    const int64_t from = GetInt(prior, "size").value_or(0);
    const int64_t to = GetInt(next, "size").value_or(from);
    if (to < from) {
      return InvalidArgument("The volume size cannot shrink (from " + std::to_string(from) +
                             " GB to " + std::to_string(to) + " GB); only expansion is supported.");
    }
    return Status::Ok();
  }

  Status CheckDelete(CallContext& ctx, const cloud::InventoryItem& item,
                     const Value& state) const override {
    const auto* att = item.body.if_contains("attachment");
    if (att && att->is_array() && !att->as_array().empty()) {
      return FailedPrecondition("The volume " + item.id +
                                " is in use (attached to an instance); detach it first.");
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewEvsVolumeType() { return std::make_unique<EvsVolumeType>(); }

}  // namespace fw::providers
