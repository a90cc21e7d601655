// huaweicloud_obs_bucket: an OBS bucket ("obs.bucket"; inventory id = the bucket name, so names
// are unique across every project, as in the real OBS). Updated in place: storage class, ACL,
// policy, versioning, encryption, force_destroy, tags. Delete refuses a bucket that still holds
// objects unless force_destroy is set (then the objects go too).
#include <cctype>

#include "providers/compute/compute_common.h"
#include "providers/compute/compute_types.h"
#include "providers/compute/obs_objects.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;
using namespace compute;  // NOLINT: the family's helpers

// OBS's rule: 3 to 63 characters of lowercase letters, digits, hyphens and periods, starting and
// ending with a letter or digit, no ".." or "-." / ".-", and not an IP address.
std::string CheckBucketName(const Value& v) {
  const std::string& s = v.AsString();
  if (s.size() < 3 || s.size() > 63) return "the bucket name must be 3 to 63 characters long";
  for (unsigned char c : s) {
    if (!(std::islower(c) || std::isdigit(c) || c == '-' || c == '.')) {
      return "the bucket name can contain only lowercase letters, digits, hyphens (-) and "
             "periods (.), got " + s;
    }
  }
  auto alnum = [](char c) { return std::islower(static_cast<unsigned char>(c)) ||
                                   std::isdigit(static_cast<unsigned char>(c)); };
  if (!alnum(s.front()) || !alnum(s.back())) {
    return "the bucket name must start and end with a letter or digit, got " + s;
  }
  if (s.find("..") != std::string::npos || s.find(".-") != std::string::npos ||
      s.find("-.") != std::string::npos) {
    return "the bucket name cannot contain \"..\", \".-\" or \"-.\", got " + s;
  }
  int dots = 0;
  bool digits_and_dots = true;
  for (char c : s) {
    dots += c == '.';
    digits_and_dots &= c == '.' || std::isdigit(static_cast<unsigned char>(c));
  }
  if (digits_and_dots && dots == 3) return "the bucket name cannot be an IP address, got " + s;
  return "";
}

Schema MakeSchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("bucket", Type::String()).ForceNew().Check(CheckBucketName));
  b.Add(Attr::Optional("storage_class", Type::String())
            .Default(Value::String("STANDARD"))
            .Check(checks::OneOf({"STANDARD", "WARM", "COLD", "DEEP_ARCHIVE"})));
  b.Add(Attr::Optional("acl", Type::String())
            .Default(Value::String("private"))
            .Check(checks::OneOf(
                {"private", "public-read", "public-read-write", "log-delivery-write"})));
  b.Add(Attr::Optional("policy", Type::String()));
  b.Add(Attr::Optional("policy_format", Type::String())
            .Default(Value::String("obs"))
            .Check(checks::OneOf({"obs", "s3"})));
  b.Add(Attr::Optional("versioning", Type::Bool()).Default(Value::False()));
  b.Add(Attr::Optional("force_destroy", Type::Bool()).Default(Value::False()));
  b.Add(Attr::OptionalComputed("multi_az", Type::Bool()).ForceNew());
  b.Add(Attr::Optional("encryption", Type::Bool()).Default(Value::False()));
  b.Add(Attr::Optional("sse_algorithm", Type::String()).Check(checks::OneOf({"kms", "AES256"})));
  b.Add(Attr::Optional("kms_key_id", Type::String()));
  b.Add(TagsAttr());
  b.Add(EnterpriseProjectAttr());
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("bucket_domain_name", Type::String()));
  b.Add(Attr::Computed("bucket_version", Type::String()));
  return Schema{std::move(b)};
}

class ObsBucketType : public StoredType {
 public:
  ObsBucketType() : StoredType("huaweicloud_obs_bucket", kBucketType, MakeSchema()) {}

 protected:
  std::string ItemId(const CallContext&, const Value& state) const override {
    return GetString(state, "bucket");
  }
  std::string ItemName(const Value& state) const override { return GetString(state, "bucket"); }
  std::string TakenMessage(const Value& state) const override {
    return "BucketAlreadyExists: the bucket name " + GetString(state, "bucket") +
           " is not available; bucket names are shared by every user of the cloud, choose "
           "another one.";
  }

  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    const std::string region = RegionOf(ctx, planned);
    const std::string bucket = GetString(planned, "bucket");
    FW_ASSIGN_OR_RETURN(auto existing, ctx.cloud.inventory->Get(std::string(kBucketType), bucket));
    if (existing) return AlreadyExists(TakenMessage(planned));
    Value state = WithAttrs(
        planned, {{"region", Value::String(region)},
                  {"multi_az", OrElse(planned, "multi_az", Value::False())},
                  {"enterprise_project_id", OrElse(planned, "enterprise_project_id", Value::String("0"))},
                  {"id", Value::String(bucket)},
                  {"bucket_domain_name", Value::String(bucket + ".obs." + region + ".myhuaweicloud.com")},
                  {"bucket_version", Value::String("3.0")}});
    return Store(ctx, state, std::chrono::seconds(0));
  }

  Status CheckDelete(CallContext& ctx, const cloud::InventoryItem& item,
                     const Value& state) const override {
    FW_ASSIGN_OR_RETURN(auto objects, ListBucketObjects(*ctx.cloud.inventory, ctx.project_id, item.id));
    if (objects.empty()) return Status::Ok();
    const auto* fd = item.body.if_contains("force_destroy");
    const bool force = GetBool(state, "force_destroy", fd && fd->is_bool() && fd->as_bool());
    if (!force) {
      return FailedPrecondition("BucketNotEmpty: the bucket " + item.id + " still holds " +
                                std::to_string(objects.size()) +
                                " object(s); delete them first or set force_destroy = true.");
    }
    for (const auto& o : objects) {
      FW_RETURN_IF_ERROR(ctx.cloud.inventory->Delete(std::string(kObjectType), o.id, o.name));
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewObsBucketType() { return std::make_unique<ObsBucketType>(); }

}  // namespace fw::providers
