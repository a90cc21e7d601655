#include "config/dump.h"

#include "hcl/eval/evaluator.h"

namespace fw::config {
namespace {

std::string Quoted(const std::string& s) {
  std::string out;
  hcl::AppendJsonString(out, s);
  return out;
}

std::string Traversals(const std::vector<hcl::Traversal>& ts) {
  std::string out = "[";
  for (size_t i = 0; i < ts.size(); ++i) out += (i ? ", " : "") + ts[i].ToString();
  return out + "]";
}

void DumpResource(const Resource& r, std::string* out) {
  *out += std::string("  ") + (r.mode == ResourceMode::kData ? "data " : "resource ") + r.type +
          "." + r.name + " provider=" + r.ProviderName();
  if (r.provider && !r.provider->alias.empty()) *out += "." + r.provider->alias;
  if (r.count) *out += " count";
  if (r.for_each) *out += " for_each";
  if (!r.depends_on.empty()) *out += " depends_on=" + Traversals(r.depends_on);
  const Lifecycle& lc = r.lifecycle;
  if (lc.create_before_destroy) *out += " create_before_destroy";
  if (lc.prevent_destroy) *out += " prevent_destroy";
  if (lc.ignore_all_changes) *out += " ignore_changes=all";
  if (!lc.ignore_changes.empty()) *out += " ignore_changes=" + Traversals(lc.ignore_changes);
  if (!lc.replace_triggered_by.empty()) {
    *out += " replace_triggered_by=" + std::to_string(lc.replace_triggered_by.size());
  }
  if (!lc.preconditions.empty())
    *out += " preconditions=" + std::to_string(lc.preconditions.size());
  if (!lc.postconditions.empty()) {
    *out += " postconditions=" + std::to_string(lc.postconditions.size());
  }
  *out += "\n";
}

void DumpModule(const Config& c, std::string* out) {
  const Module& m = *c.module;
  *out += "module " + (c.IsRoot() ? std::string("(root)") : c.PathString()) + "\n";
  for (const std::string& v : m.terraform.required_versions) {
    *out += "  required_version " + Quoted(v) + "\n";
  }
  for (const auto& [n, p] : m.terraform.required_providers) {
    *out += "  required_provider " + n + " source=" + Quoted(p.source) +
            " version=" + Quoted(p.version_constraint) + "\n";
  }
  for (const auto& [k, p] : m.providers) *out += "  provider " + k + "\n";
  for (const auto& [n, v] : m.variables) {
    *out += "  variable " + n + " type=" + v.type.ToTypeExpr();
    if (v.default_value) *out += " default=" + v.default_value->DebugString();
    if (v.sensitive) *out += " sensitive";
    if (!v.nullable) *out += " nullable=false";
    if (!v.validations.empty()) *out += " validations=" + std::to_string(v.validations.size());
    if (!v.description.empty()) *out += " description=" + Quoted(v.description);
    *out += "\n";
  }
  for (const auto& [n, l] : m.locals) *out += "  local " + n + "\n";
  for (const auto& [k, r] : m.managed_resources) DumpResource(r, out);
  for (const auto& [k, r] : m.data_resources) DumpResource(r, out);
  for (const auto& [n, mc] : m.module_calls) {
    *out += "  module " + n + " source=" + Quoted(mc.source);
    if (mc.count) *out += " count";
    if (mc.for_each) *out += " for_each";
    *out += " inputs=[";
    for (size_t i = 0; i < mc.inputs.size(); ++i) *out += (i ? ", " : "") + mc.inputs[i].name;
    *out += "]\n";
  }
  for (const auto& [n, o] : m.outputs) {
    *out += "  output " + n;
    if (o.sensitive) *out += " sensitive";
    if (!o.depends_on.empty()) *out += " depends_on=" + Traversals(o.depends_on);
    if (!o.preconditions.empty())
      *out += " preconditions=" + std::to_string(o.preconditions.size());
    *out += "\n";
  }
  for (const Moved& mv : m.moved) {
    *out += "  moved " + mv.from.ToString() + " -> " + mv.to.ToString() + "\n";
  }
  for (size_t i = 0; i < m.imports.size(); ++i) *out += "  import #" + std::to_string(i) + "\n";
  for (const auto& [n, ch] : m.checks) {
    *out += "  check " + n + " asserts=" + std::to_string(ch.asserts.size()) + "\n";
  }
  for (const auto& [n, child] : c.children) DumpModule(*child, out);
}

}  // namespace

std::string DumpConfig(const Config& config) {
  std::string out;
  DumpModule(config, &out);
  return out;
}

}  // namespace fw::config
