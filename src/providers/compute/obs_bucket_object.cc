// huaweicloud_obs_bucket_object: an object ("obs.object", id "<bucket>/<key>") in a bucket of
// the project, from `content` or a `source` file (read at apply through CallContext::files:
// relative to the root module's directory; in a stack only the template's own files), at most
// 5 MB. Its bytes stay in the inventory (obs_objects.h reads them). A
// change of content, source, etag, content type, ACL or storage class uploads it again in place.
#include <cctype>
#include <filesystem>

#include "base/ids.h"
#include "crypto/crypto.h"
#include "providers/compute/compute_common.h"
#include "providers/compute/compute_types.h"
#include "providers/compute/obs_objects.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;
using namespace compute;  // NOLINT: the family's helpers

Schema MakeSchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("bucket", Type::String()).ForceNew());
  b.Add(Attr::Required("key", Type::String()).ForceNew().Check(checks::StringLength(1, 1024)));
  b.Add(Attr::Optional("content", Type::String()));
  b.Add(Attr::Optional("source", Type::String()));
  b.Add(Attr::OptionalComputed("content_type", Type::String()));
  b.Add(Attr::Optional("acl", Type::String())
            .Default(Value::String("private"))
            .Check(checks::OneOf({"private", "public-read", "public-read-write",
                                  "authenticated-read", "bucket-owner-read",
                                  "bucket-owner-full-control"})));
  b.Add(Attr::OptionalComputed("storage_class", Type::String())
            .Check(checks::OneOf({"STANDARD", "WARM", "COLD", "DEEP_ARCHIVE"})));
  b.Add(Attr::Optional("encryption", Type::Bool()));
  b.Add(Attr::Optional("sse_kms_key_id", Type::String()));
  b.Add(Attr::OptionalComputed("etag", Type::String()));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("size", Type::Number()));
  b.Add(Attr::Computed("version_id", Type::String()));
  return Schema{std::move(b)};
}

// A MIME type from the key's extension, as the provider guesses it; OBS's default otherwise.
std::string GuessContentType(const std::string& key) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".txt", "text/plain"},        {".html", "text/html"},       {".htm", "text/html"},
      {".css", "text/css"},          {".js", "application/javascript"},
      {".json", "application/json"}, {".xml", "application/xml"},  {".yaml", "application/yaml"},
      {".yml", "application/yaml"},  {".zip", "application/zip"},  {".gz", "application/gzip"},
      {".tar", "application/x-tar"}, {".png", "image/png"},        {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},       {".gif", "image/gif"},        {".svg", "image/svg+xml"},
      {".pdf", "application/pdf"},   {".csv", "text/csv"},         {".sh", "application/x-sh"},
  };
  std::string ext = std::filesystem::path(key).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [e, t] : kTypes) {
    if (ext == e) return t;
  }
  return "binary/octet-stream";
}

// The object's bytes, from `content` or the `source` file, which is read through the
// configuration's files: relative to the root module's directory, and in a stack only among the
// template's own files.
Result<std::string> ObjectBytes(const CallContext& ctx, const Value& planned) {
  const std::string source = GetString(planned, "source");
  if (source.empty()) {
    std::string content = GetString(planned, "content");
    if (content.size() > kMaxObjectBytes) {
      return InvalidArgument("The content is " + std::to_string(content.size()) +
                             " bytes; Formwork stores objects of at most 5 MB.");
    }
    return content;
  }
  const hcl::FileSource& files = ctx.files ? *ctx.files : *hcl::EmptyFileSource();
  Result<std::string> resolved = files.Resolve(source);
  if (!resolved.ok()) {
    return InvalidArgument("Cannot read the source file " + source + ": " +
                           resolved.status().message() + ".");
  }
  Result<std::string> bytes = files.Read(*resolved, kMaxObjectBytes);
  if (bytes.status().code() == ErrorCode::kPayloadTooLarge) {
    return InvalidArgument("The source file " + source +
                           " is larger than 5 MB; Formwork stores objects of at most 5 MB.");
  }
  if (bytes.status().code() == ErrorCode::kNotFound) {
    return InvalidArgument("Cannot read the source file " + source +
                           ": no such file among the configuration's files.");
  }
  if (!bytes.ok()) {
    return InvalidArgument("Cannot read the source file " + source + ": " +
                           bytes.status().message() + ".");
  }
  return std::move(bytes).value();
}

std::string NewVersionId() { return "G001" + RandomString(28, "0123456789ABCDEF"); }

class ObsBucketObjectType : public StoredType {
 public:
  ObsBucketObjectType()
      : StoredType("huaweicloud_obs_bucket_object", kObjectType, MakeSchema()) {}

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    if (IsSet(config, "content") && IsSet(config, "source")) {
      diags.AddError("Conflicting arguments",
                     std::string(address) + ": only one of content and source can be set.",
                     std::nullopt);
    }
  }

  Value Plan(const Value& prior, const Value& config) const override {
    Value planned = PlanFromSchema(schema(), prior, config);
    if (!prior.IsKnown() || prior.IsNull() || !planned.IsKnown() || planned.IsNull()) {
      return planned;
    }
    bool upload = false;
    for (const char* a : {"content", "source", "content_type", "acl", "storage_class", "etag",
                          "encryption", "sse_kms_key_id"}) {
      const Value* pv = planned.Get(a);
      const Value* qv = prior.Get(a);
      if (pv && qv && !pv->UnmarkDeep().RawEquals(qv->UnmarkDeep())) upload = true;
    }
    if (!upload) return planned;
    std::vector<std::pair<std::string, Value>> unknown = {
        {"size", Value::Unknown(Type::Number())}, {"version_id", Value::Unknown(Type::String())}};
    if (!IsSet(config, "etag")) unknown.emplace_back("etag", Value::Unknown(Type::String()));
    return WithAttrs(planned, std::move(unknown));
  }

  Result<Value> Update(CallContext& ctx, const Value& prior, const Value& planned) const override {
    Value next = FillUnknownsFrom(planned, prior);
    FW_ASSIGN_OR_RETURN(auto bucket, BucketOf(ctx, GetString(next, "bucket")));
    boost::json::object extras;
    FW_ASSIGN_OR_RETURN(next, Upload(ctx, bucket, planned, next, extras));
    return Save(ctx, next, extras);
  }

 protected:
  std::string ItemId(const CallContext&, const Value& state) const override {
    return ObjectItemId(GetString(state, "bucket"), GetString(state, "key"));
  }
  std::string ItemName(const Value& state) const override { return GetString(state, "key"); }

  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    FW_ASSIGN_OR_RETURN(auto bucket, BucketOf(ctx, GetString(planned, "bucket")));
    boost::json::object extras;
    FW_ASSIGN_OR_RETURN(Value state, Upload(ctx, bucket, planned, planned, extras));
    // PUT replaces an object of the same key (made outside this resource).
    const std::string id = ItemId(ctx, state);
    FW_ASSIGN_OR_RETURN(auto existing, ctx.cloud.inventory->Get(std::string(kObjectType), id));
    if (existing) {
      FW_RETURN_IF_ERROR(ctx.cloud.inventory->Delete(std::string(kObjectType), id, existing->name));
    }
    return Store(ctx, state, std::chrono::seconds(0), std::move(extras));
  }

 private:
  static Result<cloud::InventoryItem> BucketOf(CallContext& ctx, const std::string& bucket) {
    FW_ASSIGN_OR_RETURN(auto item, ctx.cloud.inventory->Get(std::string(kBucketType), bucket));
    if (!item) return NotFound("NoSuchBucket: the bucket " + bucket + " does not exist.");
    if (item->project_id != ctx.project_id) {
      return PermissionDenied("AccessDenied: the bucket " + bucket + " belongs to another account.");
    }
    return std::move(*item);
  }

  // `state` with what an upload of `planned`'s bytes gives; the bytes go to `extras`.
  static Result<Value> Upload(CallContext& ctx, const cloud::InventoryItem& bucket,
                              const Value& planned, const Value& state,
                              boost::json::object& extras) {
    FW_ASSIGN_OR_RETURN(std::string bytes, ObjectBytes(ctx, planned));
    const std::string etag = Md5Hex(bytes);
    if (IsSet(planned, "etag") && GetString(planned, "etag") != etag) {
      return InvalidArgument("The etag " + GetString(planned, "etag") +
                             " does not match the MD5 of the object's content (" + etag + ").");
    }
    extras["_content_base64"] = crypto::Base64Encode(bytes);
    const auto* versioning = bucket.body.if_contains("versioning");
    const bool versioned = versioning && versioning->is_bool() && versioning->as_bool();
    std::string storage_class = BodyString(bucket.body, "storage_class");
    if (storage_class.empty()) storage_class = "STANDARD";
    return WithAttrs(
        state,
        {{"region", Value::String(RegionOf(ctx, planned))},
         {"content_type", OrElse(planned, "content_type",
                                 Value::String(GuessContentType(GetString(planned, "key"))))},
         {"storage_class", OrElse(planned, "storage_class", Value::String(storage_class))},
         {"etag", Value::String(etag)},
         {"id", Value::String(GetString(planned, "key"))},
         {"size", Value::Int(static_cast<int64_t>(bytes.size()))},
         {"version_id", Value::String(versioned ? NewVersionId() : "")}});
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewObsBucketObjectType() {
  return std::make_unique<ObsBucketObjectType>();
}

}  // namespace fw::providers
