// LocalResource: the base of the utility types, whose values exist only in state. Read returns
// the state unchanged (nothing in the cloud can drift), Delete has nothing to remove, Update
// records the planned values. Also small accessors for decoded attribute values.
//
// Thread-safety: immutable; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "providers/provider.h"

namespace fw::providers::utility {

class LocalResource : public ResourceType {
 public:
  LocalResource(std::string name, Schema schema)
      : name_(std::move(name)), schema_(std::move(schema)) {}

  std::string_view name() const override { return name_; }
  const Schema& schema() const override { return schema_; }
  Status Delete(CallContext& ctx, const hcl::Value& state) const override;
  Result<std::optional<hcl::Value>> Read(CallContext& ctx,
                                         const hcl::Value& state) const override;

 private:
  std::string name_;
  Schema schema_;
};

// Attribute accessors: the known, non-null value of `name` in object `v`, or `fallback`.
bool BoolAttr(const hcl::Value& v, std::string_view name, bool fallback);
int64_t IntAttr(const hcl::Value& v, std::string_view name, int64_t fallback);
std::string StringAttr(const hcl::Value& v, std::string_view name, std::string fallback = "");
// True when `name` is set to a known, non-null value.
bool IsSet(const hcl::Value& v, std::string_view name);
// True when `name` is absent, null, or known (not "known after apply").
bool IsKnownOrUnset(const hcl::Value& v, std::string_view name);

// `object` with the given attributes replaced (or added).
hcl::Value WithAttributes(const hcl::Value& object,
                          std::vector<std::pair<std::string, hcl::Value>> changes);

// The `keepers`/`triggers` attribute shared by most utility types: map(string), force-new.
Attr KeepersAttr(std::string name, std::string description);

}  // namespace fw::providers::utility
