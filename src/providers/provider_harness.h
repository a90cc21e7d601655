// Test harness for resource and data-source types: a LocalCloud in a temporary directory, and
// the engine's steps for one instance (decode the HCL body against the schema, check, plan,
// create/update/read/delete) without the rest of the engine. For the providers' own tests.
//
//   ProviderHarness h;
//   auto vpc = h.Create(*registry.FindResource("huaweicloud_vpc"),
//                       R"(name = "v"  cidr = "192.168.0.0/16")");
//   ASSERT_TRUE(vpc.ok()) << vpc.status().message();
//   EXPECT_EQ(h.Str(*vpc, "status"), "OK");
//
// Thread-safety: one test at a time.
#pragma once

#include <gtest/gtest.h>

#include <deque>
#include <filesystem>
#include <memory>
#include <string>

#include "base/ids.h"
#include "hcl/functions/file_source.h"
#include "hcl/parser.h"
#include "providers/decode_body.h"
#include "providers/local_cloud.h"
#include "providers/provider.h"

namespace fw::providers {

class ProviderHarness {
 public:
  explicit ProviderHarness(std::string region = "cn-north-4")
      : dir_(std::filesystem::temp_directory_path() / ("fw-prov-" + NewHexId32())),
        region_(std::move(region)) {
    std::filesystem::create_directories(dir_);
    LocalCloudOptions o;
    o.db_path = (dir_ / "cloud.db").string();
    o.regions = {region_};
    auto c = LocalCloud::Open(o);
    EXPECT_TRUE(c.ok()) << c.status().message();
    if (c.ok()) cloud_ = std::move(*c);
  }
  ~ProviderHarness() {
    cloud_.reset();
    std::filesystem::remove_all(dir_);
  }

  LocalCloud& cloud() { return *cloud_; }
  // The configuration's files the calls see (CallContext::files): by default the disk, relative
  // to the process's current directory, as the CLI would; a MemoryFileSource for a stack's.
  void set_files(std::shared_ptr<const hcl::FileSource> files) { files_ = std::move(files); }
  const std::string& region() const { return region_; }
  std::string project_id() { return *cloud_->ProjectFor(region_); }

  // Decodes `hcl` against the block and runs the schema checks and the type's own checks.
  // Diagnostics go to `diags`.
  hcl::Value Decode(const Schema& schema, const std::string& hcl, hcl::Diagnostics& diags) {
    parsed_.push_back(std::make_unique<hcl::ParseResult>(hcl::ParseConfig(hcl, "test.tf")));
    diags.Append(parsed_.back()->diags);
    hcl::EvalContext ctx;
    return DecodeBody(schema.block, *parsed_.back()->file.body, ctx, diags);
  }

  // Decode + checks + plan + Create, with an idempotency key ("key-<n>" when empty). A
  // diagnostic error becomes an kInvalidArgument status with its summary and detail.
  Result<hcl::Value> Create(const ResourceType& type, const std::string& hcl,
                            std::string key = "") {
    FW_ASSIGN_OR_RETURN(hcl::Value config, Checked(type, hcl));
    hcl::Value planned = type.Plan(hcl::Value::Null(hcl::Type()), config);
    if (key.empty()) key = "key-" + std::to_string(++keys_);
    FW_ASSIGN_OR_RETURN(CallContext ctx, Context(std::string(type.name()), key));
    return type.Create(ctx, planned.UnmarkDeep());
  }

  // Plans `hcl` against `prior` and calls Update (the caller makes sure no force-new
  // attribute changed).
  Result<hcl::Value> Update(const ResourceType& type, const hcl::Value& prior,
                            const std::string& hcl) {
    FW_ASSIGN_OR_RETURN(hcl::Value config, Checked(type, hcl));
    hcl::Value planned = type.Plan(prior, config);
    FW_ASSIGN_OR_RETURN(CallContext ctx, Context(std::string(type.name()), "update"));
    return type.Update(ctx, prior, planned.UnmarkDeep());
  }

  Status Delete(const ResourceType& type, const hcl::Value& state) {
    FW_ASSIGN_OR_RETURN(CallContext ctx, Context(std::string(type.name()), "delete"));
    return type.Delete(ctx, state);
  }

  Result<std::optional<hcl::Value>> Read(const ResourceType& type, const hcl::Value& state) {
    FW_ASSIGN_OR_RETURN(CallContext ctx, Context(std::string(type.name()), "read"));
    return type.Read(ctx, state);
  }

  Result<hcl::Value> ReadData(const DataSourceType& type, const std::string& hcl) {
    hcl::Diagnostics diags;
    hcl::Value config = Decode(type.schema(), hcl, diags);
    CheckAttributes(type.schema(), config, type.name(), diags);
    if (diags.HasErrors()) return InvalidArgument(Describe(diags));
    FW_ASSIGN_OR_RETURN(CallContext ctx, Context("data." + std::string(type.name()), "read"));
    return type.Read(ctx, config.UnmarkDeep());
  }

  // Attribute accessors for assertions.
  static std::string Str(const hcl::Value& v, std::string_view attr) {
    const hcl::Value* a = v.Get(attr);
    return a && a->IsKnown() && !a->IsNull() && a->type() == hcl::Type::String() ? a->AsString()
                                                                               : "";
  }
  static std::string Describe(const hcl::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags) out += d.summary + ": " + d.detail + "\n";
    return out;
  }

 private:
  Result<hcl::Value> Checked(const ResourceType& type, const std::string& hcl) {
    hcl::Diagnostics diags;
    hcl::Value config = Decode(type.schema(), hcl, diags);
    CheckAttributes(type.schema(), config, type.name(), diags);
    type.ValidateConfig(config, type.name(), diags);
    if (diags.HasErrors()) return InvalidArgument(Describe(diags));
    return config;
  }
  Result<CallContext> Context(std::string address, std::string key) {
    FW_ASSIGN_OR_RETURN(CallContext ctx,
                        cloud_->Context(region_, std::move(address), std::move(key)));
    ctx.files = files_.get();
    return ctx;
  }

  std::filesystem::path dir_;
  std::string region_;
  std::unique_ptr<LocalCloud> cloud_;
  std::shared_ptr<const hcl::FileSource> files_ = std::make_shared<hcl::DiskFileSource>("");
  std::deque<std::unique_ptr<hcl::ParseResult>> parsed_;  // the ASTs values point into
  int keys_ = 0;
};

}  // namespace fw::providers
