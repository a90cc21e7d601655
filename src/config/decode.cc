// Decoding of the module-level blocks: terraform, provider, variable, locals, output; and the
// helpers the other decoders share.
#include "config/decode.h"

#include "config/type_constraint.h"
#include "config/version.h"
#include "hcl/convert.h"
#include "hcl/eval/evaluator.h"
#include "hcl/static_analysis.h"

namespace fw::config::decode_internal {

using hcl::AttributeRef;
using hcl::BlockRef;
using hcl::BodySchema;
using hcl::Diagnostics;
using hcl::Expression;

const BodySchema& FileSchema() {
  static const BodySchema* schema = new BodySchema{{},
                                                   {{"terraform", {}},
                                                    {"provider", {"name"}},
                                                    {"variable", {"name"}},
                                                    {"locals", {}},
                                                    {"output", {"name"}},
                                                    {"module", {"name"}},
                                                    {"resource", {"type", "name"}},
                                                    {"data", {"type", "name"}},
                                                    {"moved", {}},
                                                    {"import", {}},
                                                    {"check", {"name"}},
                                                    {"removed", {}}}};
  return *schema;
}

void DecodeFile(const hcl::AnyBody& body, Module* m, Diagnostics& diags,
                std::vector<BlockRef>* blocks) {
  hcl::BodyContent content = body.Content(FileSchema(), diags);
  if (blocks != nullptr) blocks->insert(blocks->end(), content.blocks.begin(), content.blocks.end());
  for (const BlockRef& b : content.blocks) {
    if (b.type == "terraform")
      DecodeTerraform(b, m, diags);
    else if (b.type == "provider")
      DecodeProvider(b, m, diags);
    else if (b.type == "variable")
      DecodeVariable(b, m, diags);
    else if (b.type == "locals")
      DecodeLocals(b, m, diags);
    else if (b.type == "output")
      DecodeOutput(b, m, diags);
    else if (b.type == "module")
      DecodeModuleCall(b, m, diags);
    else if (b.type == "resource")
      DecodeResource(b, ResourceMode::kManaged, m, diags);
    else if (b.type == "data")
      DecodeResource(b, ResourceMode::kData, m, diags);
    else if (b.type == "moved")
      DecodeMoved(b, m, diags);
    else if (b.type == "import")
      DecodeImport(b, m, diags);
    else if (b.type == "check")
      DecodeCheck(b, m, diags);
    // `removed` blocks only matter to state operations; they are accepted and ignored.
  }
}

// Evaluates an expression that must not reference anything, converted to `type`; `what`
// completes "A static … is required here." on failure.
std::optional<hcl::Value> StaticValue(const Expression& e, const hcl::Type& type,
                                      std::string_view what, Diagnostics& diags) {
  if (!hcl::Variables(e).empty()) {
    diags.AddError("Variables not allowed", "Variables may not be used here.", e.range());
    return std::nullopt;
  }
  Diagnostics local;
  hcl::Value v = hcl::Evaluate(e, hcl::EvalContext{}, local);
  if (local.HasErrors()) {
    diags.Append(std::move(local));
    return std::nullopt;
  }
  Result<hcl::Value> converted = hcl::Convert(v.UnmarkDeep(), type);
  if (!converted.ok() || converted->IsNull() || !converted->IsKnown()) {
    diags.AddError("Invalid value", "A static " + std::string(what) + " is required here.",
                   e.range());
    return std::nullopt;
  }
  return *converted;
}

std::optional<std::string> StaticString(const Expression& e, Diagnostics& diags) {
  auto v = StaticValue(e, hcl::Type::String(), "string", diags);
  if (!v) return std::nullopt;
  return v->AsString();
}

std::optional<bool> StaticBool(const Expression& e, Diagnostics& diags) {
  auto v = StaticValue(e, hcl::Type::Bool(), "boolean (true or false)", diags);
  if (!v) return std::nullopt;
  return v->AsBool();
}

std::vector<hcl::Traversal> DecodeDependsOn(const Expression& e, Diagnostics& diags) {
  std::vector<hcl::Traversal> out;
  auto list = hcl::ExprList(e, diags);
  if (!list) return out;
  for (const Expression* item : *list) {
    std::optional<hcl::Traversal> t = hcl::AbsTraversalForExpr(*item, diags);
    if (t) out.push_back(std::move(*t));
  }
  return out;
}

CheckRule DecodeCheckRule(const BlockRef& b, Diagnostics& diags) {
  static const BodySchema schema{{{"condition", true}, {"error_message", true}}, {}};
  hcl::BodyContent c = b.body->Content(schema, diags);
  CheckRule rule;
  rule.decl_range = b.def_range;
  if (const AttributeRef* a = c.Attribute("condition")) rule.condition = a->expr;
  if (const AttributeRef* a = c.Attribute("error_message")) rule.error_message = a->expr;
  return rule;
}

bool ValidName(std::string_view name) {
  if (name.empty()) return false;
  auto letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  if (!letter(name[0])) return false;
  for (char c : name) {
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '-') return false;
  }
  return true;
}

void CheckName(const std::string& name, const hcl::Range& range, Diagnostics& diags) {
  if (!ValidName(name)) {
    diags.AddError("Invalid name",
                   "A name must start with a letter or underscore and may contain only letters, "
                   "digits, underscores, and dashes.",
                   range);
  }
}

std::optional<ProviderRef> DecodeProviderRef(const Expression& e, Diagnostics& diags) {
  std::optional<hcl::Traversal> t = hcl::AbsTraversalForExpr(e, diags);
  if (!t) return std::nullopt;
  ProviderRef ref;
  ref.range = e.range();
  ref.name = t->steps[0].name;
  if (t->steps.size() == 2 && t->steps[1].kind == hcl::StepKind::kAttr) {
    ref.alias = t->steps[1].name;
  } else if (t->steps.size() != 1) {
    diags.AddError("Invalid provider reference",
                   "Provider argument requires a provider name followed by an optional alias, "
                   "like \"aws.foo\".",
                   e.range());
    return std::nullopt;
  }
  return ref;
}

bool CheckVersionConstraint(const std::string& text, const hcl::Range& range, Diagnostics& diags) {
  Result<std::vector<VersionConstraint>> parsed = ParseVersionConstraints(text);
  if (parsed.ok()) return true;
  diags.AddError("Invalid version constraint",
                 "This string does not use correct version constraint syntax: " +
                     parsed.status().message() + ".",
                 range);
  return false;
}

void DecodeTerraform(const BlockRef& b, Module* m, Diagnostics& diags) {
  static const BodySchema schema{{{"required_version"}, {"experiments"}, {"language"}},
                                 {{"required_providers", {}},
                                  {"backend", {"type"}},
                                  {"cloud", {}},
                                  {"provider_meta", {"provider"}}}};
  hcl::BodyContent c = b.body->Content(schema, diags);
  if (const AttributeRef* a = c.Attribute("required_version")) {
    if (auto v = StaticString(*a->expr, diags)) {
      if (CheckVersionConstraint(*v, a->expr->range(), diags)) {
        m->terraform.required_versions.push_back(*v);
        m->terraform.required_version_ranges.push_back(a->expr->range());
      }
    }
  }
  for (const BlockRef& rp : c.blocks) {
    if (rp.type != "required_providers") continue;
    for (const AttributeRef& a : rp.body->JustAttributes(diags)) {
      RequiredProvider p;
      p.name = a.name;
      p.decl_range = a.range;
      const Expression& e = hcl::UnwrapExpr(*a.expr);
      if (e.kind() == hcl::ExprKind::kObject || e.json_origin() != nullptr) {
        Diagnostics md;
        auto map = hcl::ExprMap(e, md);
        if (!map) {
          if (auto v = StaticString(e, diags)) {
            if (CheckVersionConstraint(*v, e.range(), diags)) p.version_constraint = *v;
          }
        } else {
          for (const auto& [k, v] : *map) {
            std::optional<std::string> key = hcl::ExprAsKeyword(*k);
            if (!key) key = StaticString(*k, diags);
            if (!key) continue;
            if (*key == "source") {
              if (auto s = StaticString(*v, diags)) p.source = *s;
            } else if (*key == "version") {
              if (auto s = StaticString(*v, diags)) {
                if (CheckVersionConstraint(*s, v->range(), diags)) p.version_constraint = *s;
              }
            } else if (*key != "configuration_aliases") {
              diags.AddError("Invalid required_providers object",
                             "required_providers objects can only contain \"version\", "
                             "\"source\" and \"configuration_aliases\" attributes.",
                             k->range());
            }
          }
        }
      } else if (auto v = StaticString(e, diags)) {
        if (CheckVersionConstraint(*v, e.range(), diags)) p.version_constraint = *v;
      }
      m->terraform.required_providers[p.name] = std::move(p);
    }
  }
}

void DecodeProvider(const BlockRef& b, Module* m, Diagnostics& diags) {
  static const BodySchema schema{{{"alias"}, {"version"}}, {}};
  std::unique_ptr<hcl::AnyBody> remain;
  hcl::BodyContent c = b.body->PartialContent(schema, diags, &remain);
  ProviderConfig p;
  p.name = b.labels[0];
  p.decl_range = b.def_range;
  CheckName(p.name, b.label_ranges[0], diags);
  if (const AttributeRef* a = c.Attribute("alias")) {
    if (auto kw = hcl::ExprAsKeyword(*a->expr)) {
      p.alias = *kw;
    } else if (auto s = StaticString(*a->expr, diags)) {
      p.alias = *s;
    }
    CheckName(p.alias, a->expr->range(), diags);
  }
  p.config = remain.get();
  m->remains.push_back(std::move(remain));
  auto [it, inserted] = m->providers.emplace(p.Key(), p);
  if (!inserted) {
    std::string where = it->second.decl_range.ToString();
    diags.AddError("Duplicate provider configuration",
                   p.alias.empty()
                       ? "A default (non-aliased) provider configuration for \"" + p.name +
                             "\" was already given at " + where +
                             ". If multiple configurations are required, set the \"alias\" "
                             "argument for alternative configurations."
                       : "A provider configuration for \"" + p.name + "\" with alias \"" + p.alias +
                             "\" was already given at " + where +
                             ". Each configuration for the same provider must have a distinct "
                             "alias.",
                   b.def_range);
  }
}

void DecodeVariable(const BlockRef& b, Module* m, Diagnostics& diags) {
  static const BodySchema schema{
      {{"description"}, {"default"}, {"type"}, {"sensitive"}, {"nullable"}, {"ephemeral"}},
      {{"validation", {}}}};
  hcl::BodyContent c = b.body->Content(schema, diags);
  Variable v;
  v.name = b.labels[0];
  v.decl_range = b.def_range;
  v.type = hcl::Type::Dynamic();
  if (!ValidName(v.name)) {
    CheckName(v.name, b.label_ranges[0], diags);
  } else {
    static const char* kReserved[] = {"source",   "version",   "providers",  "count",
                                      "for_each", "lifecycle", "depends_on", "locals"};
    for (const char* r : kReserved) {
      if (v.name == r) {
        diags.AddError("Invalid variable name",
                       "The variable name \"" + v.name +
                           "\" is reserved due to its special meaning inside module blocks.",
                       b.label_ranges[0]);
      }
    }
  }
  if (const AttributeRef* a = c.Attribute("description")) {
    if (auto s = StaticString(*a->expr, diags)) v.description = *s;
  }
  if (const AttributeRef* a = c.Attribute("sensitive")) {
    if (auto s = StaticBool(*a->expr, diags)) v.sensitive = *s;
  }
  if (const AttributeRef* a = c.Attribute("nullable")) {
    if (auto s = StaticBool(*a->expr, diags)) v.nullable = *s;
  }
  if (const AttributeRef* a = c.Attribute("ephemeral")) {
    if (auto s = StaticBool(*a->expr, diags)) v.ephemeral = *s;
  }
  if (const AttributeRef* a = c.Attribute("type")) {
    if (auto t = ParseTypeConstraint(*a->expr, diags)) {
      v.type = *t;
      v.type_set = true;
    }
  }
  if (const AttributeRef* a = c.Attribute("default")) {
    v.default_expr = a->expr;
    if (!hcl::Variables(*a->expr).empty()) {
      diags.AddError("Variables not allowed", "Variables may not be used here.", a->expr->range());
    } else {
      Diagnostics dd;
      hcl::Value val = hcl::Evaluate(*a->expr, hcl::EvalContext{}, dd);
      if (dd.HasErrors()) {
        diags.Append(std::move(dd));
      } else if (val.IsNull() && !v.nullable) {
        diags.AddError("Invalid default value for variable",
                       "A null default value is not valid when nullable=false.", a->expr->range());
      } else {
        Result<hcl::Value> conv = hcl::Convert(val, v.type);
        if (!conv.ok()) {
          diags.AddError("Invalid default value for variable",
                         "This default value is not compatible with the variable's type "
                         "constraint: " +
                             conv.status().message() + ".",
                         a->expr->range());
        } else {
          v.default_value = std::move(conv).value();
        }
      }
    }
  }
  for (const BlockRef& vb : c.blocks) v.validations.push_back(DecodeCheckRule(vb, diags));
  auto [it, inserted] = m->variables.emplace(v.name, v);
  if (!inserted) {
    diags.AddError("Duplicate variable declaration",
                   "A variable named \"" + v.name + "\" was already declared at " +
                       it->second.decl_range.ToString() +
                       ". Variable names must be unique within a module.",
                   b.def_range);
  }
}

void DecodeLocals(const BlockRef& b, Module* m, Diagnostics& diags) {
  for (const AttributeRef& a : b.body->JustAttributes(diags)) {
    Local l{a.name, a.expr, a.range};
    CheckName(a.name, a.name_range, diags);
    InsertUnique(m->locals, a.name, l, "Duplicate local value definition", "A local value",
                 "Local value names must be unique within a module.", a.range, diags);
  }
}

void DecodeOutput(const BlockRef& b, Module* m, Diagnostics& diags) {
  static const BodySchema schema{
      {{"description"}, {"value", true}, {"sensitive"}, {"depends_on"}, {"ephemeral"}},
      {{"precondition", {}}}};
  hcl::BodyContent c = b.body->Content(schema, diags);
  Output o;
  o.name = b.labels[0];
  o.decl_range = b.def_range;
  CheckName(o.name, b.label_ranges[0], diags);
  if (const AttributeRef* a = c.Attribute("value")) o.value = a->expr;
  if (const AttributeRef* a = c.Attribute("description")) {
    if (auto s = StaticString(*a->expr, diags)) o.description = *s;
  }
  if (const AttributeRef* a = c.Attribute("sensitive")) {
    if (auto s = StaticBool(*a->expr, diags)) o.sensitive = *s;
  }
  if (const AttributeRef* a = c.Attribute("ephemeral")) {
    if (auto s = StaticBool(*a->expr, diags)) o.ephemeral = *s;
  }
  if (const AttributeRef* a = c.Attribute("depends_on")) {
    o.depends_on = DecodeDependsOn(*a->expr, diags);
  }
  for (const BlockRef& pb : c.blocks) o.preconditions.push_back(DecodeCheckRule(pb, diags));
  InsertUnique(m->outputs, o.name, o, "Duplicate output definition", "An output",
               "Output names must be unique within a module.", b.def_range, diags);
}

}  // namespace fw::config::decode_internal
