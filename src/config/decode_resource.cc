// Decoding of resource, data, module, moved, import and check blocks.
#include "config/decode.h"
#include "hcl/static_analysis.h"

namespace fw::config::decode_internal {

using hcl::AttributeRef;
using hcl::BlockRef;
using hcl::BodySchema;
using hcl::Diagnostics;
using hcl::Expression;

namespace {

void DecodeLifecycle(const BlockRef& b, ResourceMode mode, Lifecycle* lc, Diagnostics& diags) {
  static const BodySchema managed{{{"create_before_destroy"},
                                   {"prevent_destroy"},
                                   {"ignore_changes"},
                                   {"replace_triggered_by"}},
                                  {{"precondition", {}}, {"postcondition", {}}}};
  static const BodySchema data{{}, {{"precondition", {}}, {"postcondition", {}}}};
  hcl::BodyContent c = b.body->Content(mode == ResourceMode::kManaged ? managed : data, diags);
  if (const AttributeRef* a = c.Attribute("create_before_destroy")) {
    if (auto v = StaticBool(*a->expr, diags)) lc->create_before_destroy = *v;
  }
  if (const AttributeRef* a = c.Attribute("prevent_destroy")) {
    if (auto v = StaticBool(*a->expr, diags)) lc->prevent_destroy = *v;
  }
  if (const AttributeRef* a = c.Attribute("ignore_changes")) {
    std::optional<std::string> kw = hcl::ExprAsKeyword(*a->expr);
    if (kw && *kw == "all") {
      lc->ignore_all_changes = true;
    } else if (auto list = hcl::ExprList(*a->expr, diags)) {
      for (const Expression* item : *list) {
        if (auto t = hcl::AbsTraversalForExpr(*item, diags)) lc->ignore_changes.push_back(*t);
      }
    }
  }
  if (const AttributeRef* a = c.Attribute("replace_triggered_by")) {
    if (auto list = hcl::ExprList(*a->expr, diags)) lc->replace_triggered_by = *list;
  }
  for (const BlockRef& cb : c.blocks) {
    (cb.type == "precondition" ? lc->preconditions : lc->postconditions)
        .push_back(DecodeCheckRule(cb, diags));
  }
}

}  // namespace

void DecodeResource(const BlockRef& b, ResourceMode mode, Module* m, Diagnostics& diags,
                    const std::string& check_name) {
  static const BodySchema schema{
      {{"count"}, {"for_each"}, {"provider"}, {"depends_on"}},
      {{"lifecycle", {}}, {"provisioner", {"type"}}, {"connection", {}}, {"_", {}}}};
  std::unique_ptr<hcl::AnyBody> remain;
  hcl::BodyContent c = b.body->PartialContent(schema, diags, &remain);
  Resource r;
  r.mode = mode;
  r.type = b.labels[0];
  r.name = b.labels[1];
  r.decl_range = b.def_range;
  r.type_range = b.label_ranges[0];
  r.full_body = b.body;
  CheckName(r.type, b.label_ranges[0], diags);
  CheckName(r.name, b.label_ranges[1], diags);
  if (const AttributeRef* a = c.Attribute("count")) r.count = a->expr;
  if (const AttributeRef* a = c.Attribute("for_each")) r.for_each = a->expr;
  if (r.count != nullptr && r.for_each != nullptr) {
    diags.AddError("Invalid combination of \"count\" and \"for_each\"",
                   "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only "
                   "one should be used to be explicit about the number of resources to be "
                   "created.",
                   c.Attribute("for_each")->name_range);
  }
  if (const AttributeRef* a = c.Attribute("provider"))
    r.provider = DecodeProviderRef(*a->expr, diags);
  if (const AttributeRef* a = c.Attribute("depends_on")) {
    r.depends_on = DecodeDependsOn(*a->expr, diags);
  }
  bool seen_lifecycle = false;
  for (const BlockRef& nb : c.blocks) {
    if (nb.type == "lifecycle") {
      if (seen_lifecycle) {
        diags.AddError("Duplicate lifecycle block", "This resource already has a lifecycle block.",
                       nb.def_range);
        continue;
      }
      seen_lifecycle = true;
      DecodeLifecycle(nb, mode, &r.lifecycle, diags);
    } else if (nb.type == "provisioner" || nb.type == "connection") {
      diags.AddError(nb.type == "provisioner" ? "Provisioners are not supported"
                                              : "Connection blocks are not supported",
                     "Formwork simulates the cloud and does not run provisioners or connect to "
                     "instances; remove the \"" +
                         nb.type +
                         "\" block (use user_data or a "
                         "provider resource instead).",
                     nb.def_range);
    } else if (nb.type == "_") {
      // Escape block (`_ { count = 1 }`): the provider's own arguments named like meta-arguments.
    }
  }
  if (mode == ResourceMode::kData && !check_name.empty()) r.lifecycle = Lifecycle{};
  r.config = remain.get();
  m->remains.push_back(std::move(remain));
  std::string key = r.type + "." + r.name;
  auto& table = mode == ResourceMode::kManaged ? m->managed_resources : m->data_resources;
  auto [it, inserted] = table.emplace(key, r);
  if (!inserted) {
    bool managed = mode == ResourceMode::kManaged;
    diags.AddError(std::string(managed ? "Duplicate resource \"" : "Duplicate data \"") + r.type +
                       "\" configuration",
                   "A " + r.type + (managed ? " resource" : " data resource") + " named \"" +
                       r.name + "\" was already declared at " + it->second.decl_range.ToString() +
                       ". Resource names must be unique per type in each module.",
                   b.def_range);
  }
}

void DecodeModuleCall(const BlockRef& b, Module* m, Diagnostics& diags) {
  static const BodySchema schema{
      {{"source", true}, {"version"}, {"count"}, {"for_each"}, {"depends_on"}, {"providers"}},
      {{"lifecycle", {}}, {"_", {}}}};
  std::unique_ptr<hcl::AnyBody> remain;
  hcl::BodyContent c = b.body->PartialContent(schema, diags, &remain);
  ModuleCall mc;
  mc.name = b.labels[0];
  mc.decl_range = b.def_range;
  CheckName(mc.name, b.label_ranges[0], diags);
  if (const AttributeRef* a = c.Attribute("source")) {
    mc.source_range = a->expr->range();
    if (auto s = StaticString(*a->expr, diags)) mc.source = *s;
  }
  if (const AttributeRef* a = c.Attribute("version")) {
    if (auto s = StaticString(*a->expr, diags)) mc.version = *s;
  }
  if (const AttributeRef* a = c.Attribute("count")) mc.count = a->expr;
  if (const AttributeRef* a = c.Attribute("for_each")) mc.for_each = a->expr;
  if (mc.count != nullptr && mc.for_each != nullptr) {
    diags.AddError("Invalid combination of \"count\" and \"for_each\"",
                   "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only "
                   "one should be used to be explicit about the number of resources to be "
                   "created.",
                   c.Attribute("for_each")->name_range);
  }
  if (const AttributeRef* a = c.Attribute("depends_on")) {
    mc.depends_on = DecodeDependsOn(*a->expr, diags);
  }
  if (const AttributeRef* a = c.Attribute("providers")) {
    if (auto map = hcl::ExprMap(*a->expr, diags)) {
      for (const auto& [k, v] : *map) {
        std::optional<hcl::Traversal> kt = hcl::AbsTraversalForExpr(*k, diags);
        std::optional<hcl::Traversal> vt = hcl::AbsTraversalForExpr(*v, diags);
        if (kt && vt) mc.providers[kt->ToString()] = vt->ToString();
      }
    }
  }
  for (const BlockRef& nb : c.blocks) {
    if (nb.type == "lifecycle") {
      diags.AddError("Reserved block type name in module block",
                     "The block type name \"lifecycle\" is reserved for use by Terraform in a "
                     "future version.",
                     nb.def_range);
    }
  }
  if (remain) mc.inputs = remain->JustAttributes(diags);
  m->remains.push_back(std::move(remain));
  InsertUnique(m->module_calls, mc.name, mc, "Duplicate module call", "A module call",
               "Module calls must have unique names within a module.", b.def_range, diags);
}

void DecodeMoved(const BlockRef& b, Module* m, Diagnostics& diags) {
  static const BodySchema schema{{{"from", true}, {"to", true}}, {}};
  hcl::BodyContent c = b.body->Content(schema, diags);
  Moved mv;
  mv.decl_range = b.def_range;
  const AttributeRef* from = c.Attribute("from");
  const AttributeRef* to = c.Attribute("to");
  if (from == nullptr || to == nullptr) return;
  auto f = hcl::AbsTraversalForExpr(*from->expr, diags);
  auto t = hcl::AbsTraversalForExpr(*to->expr, diags);
  if (!f || !t) return;
  mv.from = *f;
  mv.to = *t;
  m->moved.push_back(std::move(mv));
}

void DecodeImport(const BlockRef& b, Module* m, Diagnostics& diags) {
  static const BodySchema schema{{{"to", true}, {"id"}, {"identity"}, {"for_each"}, {"provider"}},
                                 {}};
  hcl::BodyContent c = b.body->Content(schema, diags);
  Import im;
  im.decl_range = b.def_range;
  if (const AttributeRef* a = c.Attribute("to")) im.to = a->expr;
  if (const AttributeRef* a = c.Attribute("id")) im.id = a->expr;
  if (const AttributeRef* a = c.Attribute("for_each")) im.for_each = a->expr;
  if (const AttributeRef* a = c.Attribute("provider"))
    im.provider = DecodeProviderRef(*a->expr, diags);
  if (im.id == nullptr && c.Attribute("identity") == nullptr) {
    diags.AddError("Missing required argument",
                   "The argument \"id\" is required, but no definition was found.",
                   b.body->MissingItemRange());
  }
  m->imports.push_back(im);
}

void DecodeCheck(const BlockRef& b, Module* m, Diagnostics& diags) {
  static const BodySchema schema{{}, {{"data", {"type", "name"}}, {"assert", {}}}};
  hcl::BodyContent c = b.body->Content(schema, diags);
  Check ch;
  ch.name = b.labels[0];
  ch.decl_range = b.def_range;
  CheckName(ch.name, b.label_ranges[0], diags);
  for (const BlockRef& nb : c.blocks) {
    if (nb.type == "assert") {
      ch.asserts.push_back(DecodeCheckRule(nb, diags));
    } else {
      DecodeResource(nb, ResourceMode::kData, m, diags, ch.name);
      ch.data_resources.push_back(nb.labels[0] + "." + nb.labels[1]);
    }
  }
  if (ch.asserts.empty()) {
    diags.AddError("Missing assert block", "Check blocks must have at least one assert block.",
                   b.def_range);
  }
  InsertUnique(m->checks, ch.name, ch, "Duplicate check block", "A check block",
               "Check blocks must have unique names within a module.", b.def_range, diags);
}

}  // namespace fw::config::decode_internal
