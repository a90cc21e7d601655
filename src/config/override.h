// Internal: override files (`override.tf`, `*_override.tf`, and their `.tf.json` forms), merged
// into the blocks of a module's primary files as Terraform does
// (https://developer.hashicorp.com/terraform/language/files/override):
//
//  * resource, data, module, variable, output and provider blocks merge into the primary block
//    with the same type and labels (a provider by name and alias): each argument the override
//    sets replaces the original's; each nested block type the override contains replaces all
//    of the original's blocks of that type (a `dynamic "x"` block counts as type x), except
//    `lifecycle`, which merges argument by argument. An override with no original is an error.
//  * locals merge by name (an override of an undefined local is an error).
//  * terraform: `required_version` replaces the original's; required_providers merge by name.
//  * moved and import blocks are not allowed in override files.
//
// The loader decodes the primary files, then applies each override file in name order; a merged
// block is decoded again in place of the original.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "config/model.h"
#include "hcl/body.h"
#include "hcl/diagnostics.h"

namespace fw::config::decode_internal {

// Whether `path` names an override file.
bool IsOverrideFile(const std::string& path);

// The top-level blocks of a module's primary files, by type and labels (see BlockKey).
using BlockIndex = std::map<std::string, hcl::BlockRef>;

// The key of a top-level block in a BlockIndex; "" for blocks that are not merged by key.
std::string BlockKey(const hcl::BlockRef& b);

// A body that reads as `base` with `over` merged into it (the rules above). Both must outlive
// it.
class MergedBody final : public hcl::AnyBody {
 public:
  MergedBody(const hcl::AnyBody* base, const hcl::AnyBody* over);

  hcl::Range MissingItemRange() const override { return base_->MissingItemRange(); }
  hcl::BodyContent ContentImpl(const hcl::BodySchema& schema, const hcl::HiddenItems& hidden,
                               bool partial, hcl::Diagnostics& diags) const override;
  std::vector<hcl::AttributeRef> JustAttributesImpl(const hcl::HiddenItems& hidden,
                                                    hcl::Diagnostics& diags) const override;

 private:
  const hcl::AnyBody* base_;
  const hcl::AnyBody* over_;
  // Both bodies' single lifecycle blocks, merged (null unless both have one).
  std::unique_ptr<MergedBody> lifecycle_;
};

// Merges one top-level block of an override file into `m` (whose primary blocks are `index`).
void ApplyOverride(const hcl::BlockRef& over, BlockIndex& index, Module* m,
                   hcl::Diagnostics& diags);

}  // namespace fw::config::decode_internal
