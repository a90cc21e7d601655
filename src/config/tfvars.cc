#include "config/tfvars.h"

#include "hcl/ast.h"
#include "hcl/eval/evaluator.h"
#include "hcl/json_body.h"
#include "hcl/parser.h"

namespace fw::config {
namespace {

// Reports the first call inside `e` ("Function calls not allowed").
bool HasCall(const hcl::Expression& e, hcl::Diagnostics& diags) {
  if (e.kind() == hcl::ExprKind::kFunctionCall) {
    diags.AddError("Function calls not allowed", "Functions may not be called here.", e.range());
    return true;
  }
  bool found = false;
  hcl::ForEachChild(e, [&](const hcl::Expression& child) {
    if (!found) found = HasCall(child, diags);
  });
  return found;
}

void Decode(const std::vector<hcl::AttributeRef>& attrs, TfvarsResult* r) {
  for (const hcl::AttributeRef& a : attrs) {
    if (!hcl::Variables(*a.expr).empty()) {
      r->diags.AddError("Variables not allowed", "Variables may not be used here.",
                        a.expr->range());
      continue;
    }
    if (HasCall(*a.expr, r->diags)) continue;
    hcl::Diagnostics d;
    hcl::Value v = hcl::Evaluate(*a.expr, hcl::EvalContext{}, d);
    bool bad = d.HasErrors();
    r->diags.Append(std::move(d));
    if (!bad) r->values[a.name] = v;
  }
}

}  // namespace

TfvarsResult ParseTfvars(std::string content, std::string_view filename) {
  TfvarsResult r;
  bool json = filename.size() >= 5 && filename.substr(filename.size() - 5) == ".json";
  if (json) {
    hcl::JsonFileResult f = hcl::ParseJsonConfig(std::move(content), filename);
    r.diags.Append(std::move(f.diags));
    if (f.file) Decode(f.file->body().JustAttributes(r.diags), &r);
    return r;
  }
  hcl::ParseResult p = hcl::ParseConfig(std::move(content), filename);
  bool syntax = p.diags.HasErrors();
  r.diags.Append(std::move(p.diags));
  if (!syntax) Decode(p.file.body->JustAttributes(r.diags), &r);
  return r;
}

}  // namespace fw::config
