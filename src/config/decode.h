// Internal: decoding of the top-level blocks of a configuration file into a Module.
// decode.cc: terraform, provider, variable, locals, output; decode_resource.cc: resource, data,
// module, moved, import, check.
#pragma once

#include <optional>
#include <string>

#include "config/model.h"
#include "hcl/body.h"
#include "hcl/diagnostics.h"

namespace fw::config::decode_internal {

// The schema of a file's top level.
const hcl::BodySchema& FileSchema();

// Decodes every top-level block of one file's body into `module`; the blocks are appended to
// `blocks` when it is not null (the loader indexes them for override files).
void DecodeFile(const hcl::AnyBody& body, Module* module, hcl::Diagnostics& diags,
                std::vector<hcl::BlockRef>* blocks = nullptr);

void DecodeTerraform(const hcl::BlockRef& b, Module* m, hcl::Diagnostics& diags);
void DecodeProvider(const hcl::BlockRef& b, Module* m, hcl::Diagnostics& diags);
void DecodeVariable(const hcl::BlockRef& b, Module* m, hcl::Diagnostics& diags);
void DecodeLocals(const hcl::BlockRef& b, Module* m, hcl::Diagnostics& diags);
void DecodeOutput(const hcl::BlockRef& b, Module* m, hcl::Diagnostics& diags);
void DecodeResource(const hcl::BlockRef& b, ResourceMode mode, Module* m, hcl::Diagnostics& diags,
                    const std::string& check_name = {});
void DecodeModuleCall(const hcl::BlockRef& b, Module* m, hcl::Diagnostics& diags);
void DecodeMoved(const hcl::BlockRef& b, Module* m, hcl::Diagnostics& diags);
void DecodeImport(const hcl::BlockRef& b, Module* m, hcl::Diagnostics& diags);
void DecodeCheck(const hcl::BlockRef& b, Module* m, hcl::Diagnostics& diags);

// Helpers shared by the decoders.
std::optional<std::string> StaticString(const hcl::Expression& e, hcl::Diagnostics& diags);
std::optional<bool> StaticBool(const hcl::Expression& e, hcl::Diagnostics& diags);
std::vector<hcl::Traversal> DecodeDependsOn(const hcl::Expression& e, hcl::Diagnostics& diags);
CheckRule DecodeCheckRule(const hcl::BlockRef& b, hcl::Diagnostics& diags);
bool ValidName(std::string_view name);
// Reports "Invalid version constraint" at `range` unless `text` is a valid constraint string.
bool CheckVersionConstraint(const std::string& text, const hcl::Range& range,
                            hcl::Diagnostics& diags);
void CheckName(const std::string& name, const hcl::Range& range, hcl::Diagnostics& diags);
std::optional<ProviderRef> DecodeProviderRef(const hcl::Expression& e, hcl::Diagnostics& diags);

// Adds `value` to `map` under `name`, or reports "<summary>": "<a_thing> named "x" was already
// defined at <range>. <rule>" when the name is taken (Terraform's duplicate-definition errors).
template <typename Map, typename T>
void InsertUnique(Map& map, const std::string& name, T value, std::string_view summary,
                  std::string_view a_thing, std::string_view rule, const hcl::Range& range,
                  hcl::Diagnostics& diags) {
  auto [it, inserted] = map.emplace(name, std::move(value));
  if (!inserted) {
    diags.AddError(std::string(summary),
                   std::string(a_thing) + " named \"" + name + "\" was already defined at " +
                       it->second.decl_range.ToString() + ". " + std::string(rule),
                   range);
  }
}

}  // namespace fw::config::decode_internal
