// Reference checks and evaluation with unknown values over every expression of a module.
#include "config/validate.h"

#include <algorithm>
#include <map>
#include <set>

#include "config/version.h"
#include "hcl/eval/evaluator.h"
#include "hcl/functions/context_functions.h"
#include "hcl/static_analysis.h"

namespace fw::config {
namespace {

using hcl::Diagnostics;
using hcl::Expression;
using hcl::StepKind;
using hcl::Traversal;
using hcl::Value;

struct Context {
  bool count = false;
  bool each = false;
  bool self = false;
  const Resource* resource = nullptr;  // the block being checked (self-references)
};

std::string ModuleWhere(const Config& c) { return c.IsRoot() ? "the root module" : c.PathString(); }

// The scope validation evaluates with: declared names resolve to unknown values of their
// declared types, iterators of dynamic blocks to unknown values.
class ValidationScope final : public hcl::Scope {
 public:
  ValidationScope(const Module& m, const std::vector<std::string>& iterators)
      : m_(m), iterators_(iterators) {}

  std::optional<Value> Root(std::string_view name) const override {
    for (const std::string& it : iterators_) {
      if (it == name) {
        return Value::Object(
            {{"key", Value::DynamicUnknown()}, {"value", Value::DynamicUnknown()}});
      }
    }
    if (name == "var") {
      std::vector<std::pair<std::string, Value>> attrs;
      for (const auto& [n, v] : m_.variables) {
        Value u = Value::Unknown(v.type.WithoutOptionalAttributes());
        attrs.emplace_back(n, v.sensitive ? u.WithMarks(hcl::kSensitive) : u);
      }
      return Value::Object(std::move(attrs));
    }
    if (name == "count") return Value::Object({{"index", Value::Unknown(hcl::Type::Number())}});
    if (name == "each") {
      return Value::Object(
          {{"key", Value::Unknown(hcl::Type::String())}, {"value", Value::DynamicUnknown()}});
    }
    if (name == "path") {
      return Value::Object({{"module", Value::Unknown(hcl::Type::String())},
                            {"root", Value::Unknown(hcl::Type::String())},
                            {"cwd", Value::Unknown(hcl::Type::String())}});
    }
    if (name == "terraform") {
      return Value::Object({{"workspace", Value::Unknown(hcl::Type::String())}});
    }
    // local, module, data, resource types, self: their values are only known when planning.
    return Value::DynamicUnknown();
  }

 private:
  const Module& m_;
  const std::vector<std::string>& iterators_;
};

class Checker {
 public:
  Checker(const Config& c, const hcl::FunctionRegistry& fns, Diagnostics& diags)
      : c_(c), m_(*c.module), fns_(fns), diags_(diags) {}

  void Run() {
    Context none;
    for (const auto& [n, v] : m_.variables) {
      for (const CheckRule& r : v.validations) Rule(r, none);
    }
    for (const auto& [n, l] : m_.locals) Expr(l.expr, none);
    for (const auto& [n, o] : m_.outputs) {
      Expr(o.value, none);
      for (const CheckRule& r : o.preconditions) Rule(r, none);
      for (const Traversal& t : o.depends_on) Ref(t, none);
    }
    for (const auto& [k, p] : m_.providers) {
      if (p.config) Body(*p.config, none, {});
    }
    for (const auto& [k, r] : m_.managed_resources) Resource(r);
    for (const auto& [k, r] : m_.data_resources) Resource(r);
    for (const auto& [n, mc] : m_.module_calls) {
      Expr(mc.count, none);
      Expr(mc.for_each, none);
      Context ctx;
      ctx.count = mc.count != nullptr;
      ctx.each = mc.for_each != nullptr;
      for (const hcl::AttributeRef& a : mc.inputs) Expr(a.expr, ctx);
      for (const Traversal& t : mc.depends_on) Ref(t, none);
    }
    for (const auto& [n, ch] : m_.checks) {
      for (const CheckRule& r : ch.asserts) Rule(r, none);
    }
    for (const Import& im : m_.imports) {
      Context ctx;
      ctx.each = im.for_each != nullptr;
      Expr(im.for_each, none);
      Expr(im.id, ctx);
    }
  }

 private:
  void Resource(const config::Resource& r) {
    Context meta;
    Expr(r.count, meta);
    Expr(r.for_each, meta);
    Context ctx;
    ctx.count = r.count != nullptr;
    ctx.each = r.for_each != nullptr;
    ctx.resource = &r;
    static const std::set<std::string, std::less<>> kMeta = {
        "count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"};
    if (r.full_body) Body(*r.full_body, ctx, kMeta);
    for (const Traversal& t : r.depends_on) Ref(t, meta);
    for (const Expression* e : r.lifecycle.replace_triggered_by) Expr(e, ctx);
    for (const CheckRule& rule : r.lifecycle.preconditions) Rule(rule, ctx);
    Context post = ctx;
    post.self = true;
    for (const CheckRule& rule : r.lifecycle.postconditions) Rule(rule, post);
  }

  void Rule(const CheckRule& r, const Context& ctx) {
    Expr(r.condition, ctx);
    Expr(r.error_message, ctx);
  }

  // Walks a body (native or JSON): attributes, nested blocks and dynamic blocks, skipping the
  // names in `skip` (meta-arguments checked on their own).
  void Body(const hcl::AnyBody& body, const Context& ctx,
            const std::set<std::string, std::less<>>& skip) {
    if (const auto* native = dynamic_cast<const hcl::Body*>(&body)) {
      for (const auto& a : native->attributes) {
        if (!skip.count(a->name)) Expr(a->expr, ctx);
      }
      for (const auto& b : native->blocks) {
        if (skip.count(b->type)) continue;
        if (b->type == "dynamic" && !b->labels.empty()) {
          Dynamic(*b, ctx);
        } else {
          Body(*b->body, ctx, {});
        }
      }
      return;
    }
    Diagnostics ignored;
    for (const hcl::AttributeRef& a : body.JustAttributes(ignored)) {
      if (skip.count(a.name)) continue;
      if (a.name == "dynamic") {
        JsonDynamic(*a.expr, ctx);
      } else {
        Expr(a.expr, ctx);
      }
    }
  }

  void Dynamic(const hcl::Block& b, const Context& ctx) {
    std::string iterator(b.labels[0].value);
    for (const auto& a : b.body->attributes) {
      if (a->name == "iterator") {
        if (auto kw = hcl::ExprAsKeyword(*a->expr)) iterator = *kw;
      }
    }
    for (const auto& a : b.body->attributes) {
      if (a->name == "for_each") Expr(a->expr, ctx);
    }
    iterators_.push_back(iterator);
    for (const auto& a : b.body->attributes) {
      if (a->name == "labels") Expr(a->expr, ctx);
    }
    for (const auto& nb : b.body->blocks) {
      if (nb->type == "content") Body(*nb->body, ctx, {});
    }
    iterators_.pop_back();
  }

  void JsonDynamic(const Expression& e, const Context& ctx) {
    Diagnostics ignored;
    auto blocks = hcl::ExprMap(e, ignored);
    if (!blocks) return;
    for (const auto& [label, spec] : *blocks) {
      std::string iterator = hcl::ExprAsKeyword(*label).value_or("");
      auto items = hcl::ExprMap(*spec, ignored);
      if (!items) continue;
      for (const auto& [k, v] : *items) {
        if (hcl::ExprAsKeyword(*k).value_or("") == "iterator") {
          iterator = hcl::ExprAsKeyword(*v).value_or(iterator);
        }
      }
      for (const auto& [k, v] : *items) {
        std::string key = hcl::ExprAsKeyword(*k).value_or("");
        if (key == "for_each") Expr(v, ctx);
        if (key == "content" || key == "labels") {
          iterators_.push_back(iterator);
          Expr(v, ctx);
          iterators_.pop_back();
        }
      }
    }
  }

  void Expr(const Expression* e, const Context& ctx) {
    if (e == nullptr) return;
    size_t before = diags_.size();
    for (const Traversal& t : hcl::Variables(*e)) Ref(t, ctx);
    if (diags_.size() != before) return;  // evaluation would only repeat the problem
    ValidationScope scope(m_, iterators_);
    hcl::EvalContext ectx{&scope, &fns_};
    Diagnostics ed;
    hcl::Evaluate(*e, ectx, ed);
    diags_.Append(std::move(ed));
  }

  void Error(std::string summary, std::string detail, const hcl::Range& r) {
    diags_.AddError(std::move(summary), std::move(detail), r);
  }

  template <typename Map>
  std::string Suggest(const std::string& name, const Map& map) {
    std::vector<std::string_view> names;
    for (const auto& [k, v] : map) names.push_back(k);
    return hcl::SuggestName(name, names);
  }

  static std::optional<std::string> Attr(const Traversal& t, size_t i) {
    if (i >= t.steps.size() || t.steps[i].kind != StepKind::kAttr) return std::nullopt;
    return std::string(t.steps[i].name);
  }

  void Ref(const Traversal& t, const Context& ctx) {
    if (t.empty()) return;
    const std::string root(t.steps[0].name);
    for (const std::string& it : iterators_) {
      if (it == root) return;
    }
    hcl::Range range = t.range();
    std::optional<std::string> a1 = Attr(t, 1);
    if (root == "var") {
      if (!a1)
        return Error("Invalid reference",
                     "The \"var\" object cannot be accessed directly. Instead, access one of its "
                     "attributes.",
                     range);
      if (!m_.variables.count(*a1)) {
        Error("Reference to undeclared input variable",
              "An input variable with the name \"" + *a1 +
                  "\" has not been declared. This variable can be declared with a variable \"" +
                  *a1 + "\" {} block." + Suggest(*a1, m_.variables),
              range);
      }
    } else if (root == "local") {
      if (!a1)
        return Error("Invalid reference",
                     "The \"local\" object cannot be accessed directly. Instead, access one of its "
                     "attributes.",
                     range);
      if (!m_.locals.count(*a1)) {
        Error("Reference to undeclared local value",
              "A local value with the name \"" + *a1 + "\" has not been declared." +
                  Suggest(*a1, m_.locals),
              range);
      }
    } else if (root == "module") {
      if (!a1)
        return Error("Invalid reference",
                     "The \"module\" object cannot be accessed directly. Instead, access one of "
                     "its attributes.",
                     range);
      auto call = m_.module_calls.find(*a1);
      if (call == m_.module_calls.end()) {
        return Error("Reference to undeclared module",
                     "No module call named \"" + *a1 + "\" is declared in " + ModuleWhere(c_) +
                         "." + Suggest(*a1, m_.module_calls),
                     range);
      }
      auto child = c_.children.find(*a1);
      if (child == c_.children.end()) return;
      size_t i = 2;
      if (i < t.steps.size() && t.steps[i].kind == StepKind::kIndex) ++i;
      std::optional<std::string> out = Attr(t, i);
      if (out && !child->second->module->outputs.count(*out)) {
        Error("Unsupported attribute",
              "This object does not have an attribute named \"" + *out + "\"." +
                  Suggest(*out, child->second->module->outputs),
              t.steps[i].range);
      }
    } else if (root == "data") {
      std::optional<std::string> type = a1;
      std::optional<std::string> name = Attr(t, 2);
      if (!type || !name) {
        return Error("Invalid reference",
                     "The \"data\" object must be followed by two attribute names: the data "
                     "source type and the resource name.",
                     range);
      }
      const config::Resource* r = m_.FindResource(ResourceMode::kData, *type, *name);
      if (r == nullptr) {
        Error("Reference to undeclared resource",
              "A data resource \"" + *type + "\" \"" + *name + "\" has not been declared in " +
                  ModuleWhere(c_) + ".",
              range);
      } else if (r == ctx.resource) {
        Error("Self-referential block",
              "Configuration for " + r->Address() + " may not refer to itself.", range);
      }
    } else if (root == "count") {
      if (!ctx.count) {
        return Error("Reference to \"count\" in non-counted context",
                     "The \"count\" object can only be used in \"module\", \"resource\", and "
                     "\"data\" blocks, and only when the \"count\" argument is set.",
                     range);
      }
      if (!a1 || *a1 != "index") {
        Error("Invalid \"count\" attribute",
              "The \"count\" object does not have an attribute named \"" +
                  (a1 ? *a1 : std::string()) +
                  "\". The only supported attribute is count.index, which is the index of each "
                  "instance of a resource block that has the \"count\" argument set.",
              range);
      }
    } else if (root == "each") {
      if (!ctx.each) {
        return Error("Reference to \"each\" in context without for_each",
                     "The \"each\" object can be used only in \"module\" or \"resource\" "
                     "blocks, and only when the \"for_each\" argument is set.",
                     range);
      }
      if (!a1 || (*a1 != "key" && *a1 != "value")) {
        Error("Invalid \"each\" attribute",
              "The \"each\" object does not have an attribute named \"" +
                  (a1 ? *a1 : std::string()) +
                  "\". The supported attributes are each.key and each.value, the current key "
                  "and value pair of the \"for_each\" attribute set.",
              range);
      }
    } else if (root == "self") {
      if (!ctx.self) {
        Error("Invalid \"self\" reference",
              "The \"self\" object is not available in this context. This object can be used "
              "only in resource provisioner, connection, and postcondition blocks.",
              range);
      }
    } else if (root == "path") {
      if (!a1 || (*a1 != "module" && *a1 != "root" && *a1 != "cwd")) {
        Error("Invalid \"path\" attribute",
              "The \"path\" object does not have an attribute named \"" +
                  (a1 ? *a1 : std::string()) +
                  "\". The supported attributes are path.cwd, the current working directory; "
                  "path.module, the path of this module; and path.root, the path of the root "
                  "module.",
              range);
      }
    } else if (root == "terraform") {
      if (!a1 || *a1 != "workspace") {
        Error("Invalid \"terraform\" attribute",
              "The \"terraform\" object does not have an attribute named \"" +
                  (a1 ? *a1 : std::string()) +
                  "\". The only supported attribute is terraform.workspace, the name of the "
                  "currently-selected workspace.",
              range);
      }
    } else {
      if (!a1) {
        return Error("Invalid reference",
                     "A reference to a resource type must be followed by at least one "
                     "attribute access, specifying the resource name.",
                     range);
      }
      const config::Resource* r = m_.FindResource(ResourceMode::kManaged, root, *a1);
      if (r == nullptr) {
        Error("Reference to undeclared resource",
              "A managed resource \"" + root + "\" \"" + *a1 + "\" has not been declared in " +
                  ModuleWhere(c_) + ".",
              range);
      } else if (r == ctx.resource) {
        Error("Self-referential block",
              "Configuration for " + r->Address() + " may not refer to itself.", range);
      }
    }
  }

  const Config& c_;
  const Module& m_;
  const hcl::FunctionRegistry& fns_;
  Diagnostics& diags_;
  std::vector<std::string> iterators_;
};

// `required_version` against the Terraform version Formwork is compatible with.
void CheckRequiredVersions(const Module& m, Diagnostics& diags) {
  const TerraformSettings& t = m.terraform;
  for (size_t i = 0; i < t.required_versions.size(); ++i) {
    Result<std::vector<VersionConstraint>> c = ParseVersionConstraints(t.required_versions[i]);
    if (!c.ok() || AllowsVersion(*c, TerraformVersion())) continue;
    diags.AddError("Unsupported Terraform Core version",
                   "This configuration does not support Terraform version " +
                       std::string(kTerraformVersion) +
                       ". To proceed, either choose another supported Terraform version or "
                       "update this version constraint. Version constraints are normally set "
                       "for good reason, so updating the constraint may lead to other errors or "
                       "unexpected behavior.",
                   i < t.required_version_ranges.size()
                       ? std::optional<hcl::Range>(t.required_version_ranges[i])
                       : std::nullopt);
  }
}

// Local values that refer to each other in a loop: each strongly connected component of the
// local → local reference graph with more than one member is reported as Terraform's graph
// reports it ("Cycle: local.a, local.b"), a local referring to itself as "Self reference".
// Variables cannot form cycles (defaults are static) and outputs cannot be referred to from
// inside their module, so locals are the only declarations of a module that can.
void CheckLocalCycles(const Module& m, Diagnostics& diags) {
  std::vector<const Local*> nodes;
  std::map<std::string_view, size_t> index;
  for (const auto& [name, l] : m.locals) {
    index.emplace(name, nodes.size());
    nodes.push_back(&l);
  }
  std::vector<std::vector<size_t>> edges(nodes.size());
  std::vector<bool> self(nodes.size(), false);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i]->expr == nullptr) continue;
    for (const Traversal& t : hcl::Variables(*nodes[i]->expr)) {
      if (t.RootName() != "local" || t.steps.size() < 2 || t.steps[1].kind != StepKind::kAttr) {
        continue;
      }
      auto it = index.find(t.steps[1].name);
      if (it == index.end()) continue;
      if (it->second == i) self[i] = true;
      edges[i].push_back(it->second);
    }
  }
  // Tarjan's algorithm, iteratively (a long chain of locals must not exhaust the stack).
  const size_t n = nodes.size();
  std::vector<int> order(n, -1), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<size_t> stack;
  std::vector<std::vector<size_t>> components;
  int counter = 0;
  for (size_t root = 0; root < n; ++root) {
    if (order[root] >= 0) continue;
    std::vector<std::pair<size_t, size_t>> work{{root, 0}};  // node, next edge
    order[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!work.empty()) {
      auto& [v, next] = work.back();
      if (next < edges[v].size()) {
        size_t w = edges[v][next++];
        if (order[w] < 0) {
          order[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          work.emplace_back(w, 0);
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], order[w]);
        }
        continue;
      }
      const size_t done = v;
      work.pop_back();
      if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
      if (low[done] != order[done]) continue;
      std::vector<size_t> component;
      size_t w;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        component.push_back(w);
      } while (w != done);
      components.push_back(std::move(component));
    }
  }
  for (std::vector<size_t>& c : components) {
    if (c.size() == 1) {
      const Local& l = *nodes[c[0]];
      if (self[c[0]]) {
        diags.AddError("Self reference: local." + l.name,
                       "The local value \"" + l.name + "\" refers to itself.", l.decl_range);
      }
      continue;
    }
    std::sort(c.begin(), c.end());  // nodes are in name order
    std::string names;
    for (size_t k : c) names += (names.empty() ? "local." : ", local.") + nodes[k]->name;
    diags.AddError("Cycle: " + names,
                   "These local values refer to each other in a loop, so none of them can be "
                   "evaluated.",
                   nodes[c[0]]->decl_range);
  }
}

void ValidateTree(const Config& config, Diagnostics& diags) {
  CheckRequiredVersions(*config.module, diags);
  CheckLocalCycles(*config.module, diags);
  // Every function a module may call, with timestamp(), uuid() and bcrypt() unknown as while
  // planning (there is no plan yet) and plantimestamp() on the system clock.
  hcl::FunctionRegistry base = hcl::FunctionRegistry::Builtins();
  hcl::FunctionContext context;
  context.files = config.files;
  context.plan_time = true;
  hcl::RegisterContextFunctions(&base, context);
  hcl::FunctionRegistry fns = hcl::EvalFunctions(config.files, &base);
  Checker(config, fns, diags).Run();
  for (const auto& [name, child] : config.children) ValidateTree(*child, diags);
}

}  // namespace

void ValidateConfig(const Config& config, hcl::Diagnostics& diags) { ValidateTree(config, diags); }

}  // namespace fw::config
