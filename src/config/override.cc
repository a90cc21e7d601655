// Override files: merged bodies and the per-block merge rules (override.h).
#include "config/override.h"

#include <set>

#include "config/decode.h"
#include "hcl/static_analysis.h"

namespace fw::config::decode_internal {

using hcl::AttributeRef;
using hcl::BlockRef;
using hcl::BodyContent;
using hcl::BodySchema;
using hcl::Diagnostics;
using hcl::HiddenItems;

namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string ProviderAlias(const hcl::AnyBody& body) {
  static const BodySchema schema{{{"alias"}}, {}};
  Diagnostics ignored;
  BodyContent c = body.PartialContent(schema, ignored, nullptr);
  if (const AttributeRef* a = c.Attribute("alias")) {
    if (auto kw = hcl::ExprAsKeyword(*a->expr)) return *kw;
    if (auto s = StaticString(*a->expr, ignored)) return *s;
  }
  return "";
}

void MissingBase(const BlockRef& b, const std::string& alias, Diagnostics& diags) {
  std::string summary;
  std::string detail;
  auto label = [&](size_t i) { return i < b.labels.size() ? b.labels[i] : std::string(); };
  if (b.type == "resource" || b.type == "data") {
    const bool data = b.type == "data";
    summary = data ? "Missing data resource to override" : "Missing resource to override";
    detail = "There is no " + label(0) + (data ? " data resource" : " resource") + " named \"" +
             label(1) + "\". An override file can only override a " + b.type +
             " block defined in a primary configuration file.";
  } else if (b.type == "module") {
    summary = "Missing module call to override";
    detail = "There is no module call named \"" + label(0) +
             "\". An override file can only override a module call that was defined in a "
             "primary configuration file.";
  } else if (b.type == "variable") {
    summary = "Missing base variable declaration to override";
    detail = "There is no variable named \"" + label(0) +
             "\". An override file can only override a variable that was already declared in a "
             "primary configuration file.";
  } else if (b.type == "output") {
    summary = "Missing base output definition to override";
    detail = "There is no output named \"" + label(0) +
             "\". An override file can only override an output that was already defined in a "
             "primary configuration file.";
  } else {
    summary = "Missing base provider configuration for override";
    detail = "There is no " + label(0) + " provider configuration" +
             (alias.empty() ? std::string() : " with the alias \"" + alias + "\"") +
             ". An override file can only override a provider configuration that was already "
             "defined in a primary configuration file.";
  }
  diags.AddError(std::move(summary), std::move(detail), b.def_range);
}

}  // namespace

bool IsOverrideFile(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return name == "override.tf" || name == "override.tf.json" || EndsWith(name, "_override.tf") ||
         EndsWith(name, "_override.tf.json");
}

std::string BlockKey(const BlockRef& b) {
  const size_t n = b.labels.size();
  if ((b.type == "resource" || b.type == "data") && n == 2) {
    return b.type + "." + b.labels[0] + "." + b.labels[1];
  }
  if ((b.type == "module" || b.type == "variable" || b.type == "output") && n == 1) {
    return b.type + "." + b.labels[0];
  }
  if (b.type == "provider" && n == 1) {
    return "provider." + b.labels[0] + "." + ProviderAlias(*b.body);
  }
  return "";
}

MergedBody::MergedBody(const hcl::AnyBody* base, const hcl::AnyBody* over)
    : base_(base), over_(over) {
  static const BodySchema lifecycle_only{{}, {{"lifecycle", {}}}};
  Diagnostics ignored;
  BodyContent b = base->PartialContent(lifecycle_only, ignored, nullptr);
  BodyContent o = over->PartialContent(lifecycle_only, ignored, nullptr);
  if (b.blocks.size() == 1 && o.blocks.size() == 1) {
    lifecycle_ = std::make_unique<MergedBody>(b.blocks[0].body, o.blocks[0].body);
  }
}

BodyContent MergedBody::ContentImpl(const BodySchema& schema, const HiddenItems& hidden,
                                    bool partial, Diagnostics& diags) const {
  // Required arguments are checked on the merged result, not on either half.
  BodySchema relaxed = schema;
  for (hcl::AttributeSchema& a : relaxed.attributes) a.required = false;
  BodyContent over = over_->ContentImpl(relaxed, hidden, partial, diags);
  HiddenItems base_hidden = hidden;
  std::set<std::string> replaced;  // nested block types the override replaces
  bool merge_lifecycle = false;
  for (const AttributeRef& a : over.attributes) base_hidden.attributes.insert(a.name);
  for (const BlockRef& b : over.blocks) {
    if (b.type == "lifecycle" && lifecycle_ != nullptr) {
      merge_lifecycle = true;
      continue;
    }
    replaced.insert(b.type == "dynamic" && !b.labels.empty() ? b.labels[0] : b.type);
  }
  for (const std::string& t : replaced) base_hidden.blocks.insert(t);
  BodyContent base = base_->ContentImpl(relaxed, base_hidden, partial, diags);

  BodyContent out;
  out.missing_item_range = base.missing_item_range;
  out.attributes = std::move(base.attributes);
  out.attributes.insert(out.attributes.end(), over.attributes.begin(), over.attributes.end());
  for (BlockRef& b : base.blocks) {
    if (b.type == "dynamic" && !b.labels.empty() && replaced.count(b.labels[0]) > 0) continue;
    if (b.type == "lifecycle" && merge_lifecycle) b.body = lifecycle_.get();
    out.blocks.push_back(std::move(b));
  }
  for (BlockRef& b : over.blocks) {
    if (b.type == "lifecycle" && merge_lifecycle) continue;
    out.blocks.push_back(std::move(b));
  }
  hcl::CheckRequiredAttributes(schema, out, diags);
  return out;
}

std::vector<AttributeRef> MergedBody::JustAttributesImpl(const HiddenItems& hidden,
                                                         Diagnostics& diags) const {
  std::vector<AttributeRef> over = over_->JustAttributesImpl(hidden, diags);
  HiddenItems base_hidden = hidden;
  for (const AttributeRef& a : over) base_hidden.attributes.insert(a.name);
  std::vector<AttributeRef> out = base_->JustAttributesImpl(base_hidden, diags);
  out.insert(out.end(), over.begin(), over.end());
  return out;
}

void ApplyOverride(const BlockRef& over, BlockIndex& index, Module* m, Diagnostics& diags) {
  if (over.type == "terraform") {
    Module settings;
    DecodeTerraform(over, &settings, diags);
    if (!settings.terraform.required_versions.empty()) {
      m->terraform.required_versions = settings.terraform.required_versions;
      m->terraform.required_version_ranges = settings.terraform.required_version_ranges;
    }
    for (auto& [name, p] : settings.terraform.required_providers) {
      m->terraform.required_providers[name] = p;
    }
    return;
  }
  if (over.type == "locals") {
    for (const AttributeRef& a : over.body->JustAttributes(diags)) {
      auto it = m->locals.find(a.name);
      if (it == m->locals.end()) {
        diags.AddError("Missing base local value definition to override",
                       "There is no local value named \"" + a.name +
                           "\". An override file can only override a local value that was "
                           "already defined in a primary configuration file.",
                       a.range);
        continue;
      }
      it->second = Local{a.name, a.expr, a.range};
    }
    return;
  }
  if (over.type == "moved" || over.type == "import") {
    diags.AddError("Cannot override '" + over.type + "' blocks",
                   over.type == "moved"
                       ? "Records of moved objects can appear only in normal files, not in "
                         "override files."
                       : "Import blocks can appear only in normal files, not in override files.",
                   over.def_range);
    return;
  }
  if (over.type == "check") return DecodeCheck(over, m, diags);
  const std::string key = BlockKey(over);
  if (key.empty()) return;  // `removed`, or a block whose labels were already reported
  auto it = index.find(key);
  if (it == index.end()) {
    MissingBase(over, over.type == "provider" ? ProviderAlias(*over.body) : "", diags);
    return;
  }
  auto merged = std::make_unique<MergedBody>(it->second.body, over.body);
  BlockRef ref = it->second;
  ref.body = merged.get();
  m->remains.push_back(std::move(merged));
  it->second = ref;
  // The merged block is decoded again in place of the original.
  const std::string& l0 = ref.labels[0];
  if (ref.type == "resource") {
    m->managed_resources.erase(l0 + "." + ref.labels[1]);
    DecodeResource(ref, ResourceMode::kManaged, m, diags);
  } else if (ref.type == "data") {
    m->data_resources.erase(l0 + "." + ref.labels[1]);
    DecodeResource(ref, ResourceMode::kData, m, diags);
  } else if (ref.type == "module") {
    m->module_calls.erase(l0);
    DecodeModuleCall(ref, m, diags);
  } else if (ref.type == "variable") {
    m->variables.erase(l0);
    DecodeVariable(ref, m, diags);
  } else if (ref.type == "output") {
    m->outputs.erase(l0);
    DecodeOutput(ref, m, diags);
  } else if (ref.type == "provider") {
    std::string alias = ProviderAlias(*ref.body);
    m->providers.erase(alias.empty() ? l0 : l0 + "." + alias);
    DecodeProvider(ref, m, diags);
  }
}

}  // namespace fw::config::decode_internal
