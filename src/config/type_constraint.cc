#include "config/type_constraint.h"

#include <memory>
#include <set>

#include "hcl/convert.h"
#include "hcl/eval/evaluator.h"
#include "hcl/parser.h"
#include "hcl/static_analysis.h"

namespace fw::config {
namespace {

using hcl::Expression;
using hcl::ExprKind;
using hcl::Type;

constexpr int kMaxTypeDepth = 64;

class TypeReader {
 public:
  explicit TypeReader(hcl::Diagnostics& diags) : diags_(diags) {}

  std::optional<Type> Read(const Expression& raw, bool allow_optional, int depth) {
    const Expression& e = hcl::UnwrapExpr(raw);
    if (depth > kMaxTypeDepth) return Fail(e, "This type expression is nested too deeply.");
    if (std::optional<std::string> kw = hcl::ExprAsKeyword(e)) {
      if (*kw == "string") return Type::String();
      if (*kw == "number") return Type::Number();
      if (*kw == "bool") return Type::Bool();
      if (*kw == "any") return Type::Dynamic();
      if (*kw == "list" || *kw == "set" || *kw == "map") {
        return Fail(e, "The " + *kw +
                           " type constructor requires one argument specifying the element type.");
      }
      if (*kw == "object") {
        return Fail(e,
                    "The object type constructor requires one argument specifying the "
                    "attribute types as a map.");
      }
      if (*kw == "tuple") {
        return Fail(e,
                    "The tuple type constructor requires one argument specifying the "
                    "element types as a list.");
      }
      return Fail(e, "The keyword \"" + *kw + "\" is not a valid type specification.");
    }
    if (e.json_origin() != nullptr && e.kind() == ExprKind::kTemplate) {
      // JSON syntax: the type expression is written inside a string.
      const auto& t = e.As<hcl::TemplateExpr>();
      if (t.IsStringLiteral() && !t.parts.empty()) {
        std::string_view text = t.parts[0]->As<hcl::LiteralExpr>().text;
        owned_.push_back(hcl::ParseExpression(text, e.range().file, e.range().start));
        if (owned_.back().diags.HasErrors()) {
          diags_.Append(owned_.back().diags);
          return std::nullopt;
        }
        return Read(*owned_.back().expr, allow_optional, depth + 1);
      }
    }
    if (e.kind() != ExprKind::kFunctionCall) {
      return Fail(e,
                  "A type specification is either a primitive type keyword (bool, number, "
                  "string) or a complex type constructor call, like list(string).");
    }
    const auto& call = e.As<hcl::FunctionCallExpr>();
    const std::string name(call.name);
    auto one_arg = [&]() -> const Expression* {
      if (call.args.size() != 1) {
        Fail(e, "The " + name + " type constructor requires one argument specifying the " +
                    (name == "object"  ? "attribute types as a map."
                     : name == "tuple" ? "element types as a list."
                                       : "element type."));
        return nullptr;
      }
      return call.args[0];
    };
    if (name == "list" || name == "set" || name == "map") {
      const Expression* arg = one_arg();
      if (arg == nullptr) return std::nullopt;
      std::optional<Type> el = Read(*arg, false, depth + 1);
      if (!el) return std::nullopt;
      return name == "list" ? Type::List(*el) : name == "set" ? Type::Set(*el) : Type::Map(*el);
    }
    if (name == "tuple") {
      const Expression* arg = one_arg();
      if (arg == nullptr) return std::nullopt;
      hcl::Diagnostics ld;
      auto list = hcl::ExprList(*arg, ld);
      if (!list) return Fail(*arg, "Tuple type constructor requires a list of element types.");
      std::vector<Type> els;
      for (const Expression* el : *list) {
        std::optional<Type> t = Read(*el, false, depth + 1);
        if (!t) return std::nullopt;
        els.push_back(*t);
      }
      return Type::Tuple(std::move(els));
    }
    if (name == "object") {
      const Expression* arg = one_arg();
      if (arg == nullptr) return std::nullopt;
      hcl::Diagnostics md;
      auto map = hcl::ExprMap(*arg, md);
      if (!map) {
        return Fail(*arg,
                    "Object type constructor requires a map whose keys are attribute "
                    "names and whose values are the corresponding attribute types.");
      }
      std::vector<hcl::ObjectAttribute> attrs;
      std::set<std::string> seen;
      for (const auto& [k, v] : *map) {
        std::optional<std::string> key = hcl::ExprAsKeyword(*k);
        if (!key) {
          hcl::Diagnostics kd;
          hcl::Value kv = hcl::Evaluate(*k, hcl::EvalContext{}, kd);
          if (!kd.HasErrors() && kv.IsKnown() && !kv.IsNull() &&
              kv.type().kind() == hcl::TypeKind::kString) {
            key = kv.AsString();
          }
        }
        if (!key) return Fail(*k, "Object constructor map keys must be attribute names.");
        if (!seen.insert(*key).second) {
          return Fail(*k, "Attribute \"" + *key + "\" is declared more than once.");
        }
        hcl::ObjectAttribute attr;
        attr.name = *key;
        const Expression& ve = hcl::UnwrapExpr(*v);
        if (ve.kind() == ExprKind::kFunctionCall &&
            ve.As<hcl::FunctionCallExpr>().name == "optional") {
          if (!ReadOptional(ve.As<hcl::FunctionCallExpr>(), &attr, depth)) return std::nullopt;
        } else {
          std::optional<Type> t = Read(*v, false, depth + 1);
          if (!t) return std::nullopt;
          attr.type = *t;
        }
        attrs.push_back(std::move(attr));
      }
      return Type::ObjectWithOptional(std::move(attrs));
    }
    if (name == "optional") {
      return Fail(e,
                  "Keyword \"optional\" is valid only as a modifier for object type "
                  "attributes.");
    }
    return Fail(e, "Keyword \"" + name + "\" is not a valid type constructor.");
  }

 private:
  bool ReadOptional(const hcl::FunctionCallExpr& call, hcl::ObjectAttribute* attr, int depth) {
    if (call.args.empty() || call.args.size() > 2) {
      Fail(call,
           "Optional attribute modifier requires the attribute type as its first argument "
           "and, optionally, a default value as its second argument.");
      return false;
    }
    std::optional<Type> t = Read(*call.args[0], false, depth + 1);
    if (!t) return false;
    attr->type = *t;
    attr->optional = true;
    if (call.args.size() == 2) {
      hcl::Diagnostics dd;
      if (!hcl::Variables(*call.args[1]).empty()) {
        Fail(*call.args[1], "Variables may not be used here.");
        return false;
      }
      hcl::Value v = hcl::Evaluate(*call.args[1], hcl::EvalContext{}, dd);
      if (dd.HasErrors()) {
        diags_.Append(std::move(dd));
        return false;
      }
      Result<hcl::Value> c = hcl::Convert(v, *t);
      if (!c.ok()) {
        Fail(*call.args[1],
             "Invalid default value for optional attribute: " + c.status().message() + ".");
        return false;
      }
      attr->default_value = std::make_shared<const hcl::Value>(std::move(c).value());
    }
    return true;
  }

  std::nullopt_t Fail(const Expression& e, std::string detail) {
    diags_.AddError("Invalid type specification", std::move(detail), e.range());
    return std::nullopt;
  }

  hcl::Diagnostics& diags_;
  std::vector<hcl::ExprResult> owned_;
};

}  // namespace

std::optional<hcl::Type> ParseTypeConstraint(const hcl::Expression& expr, hcl::Diagnostics& diags) {
  TypeReader reader(diags);
  return reader.Read(expr, false, 0);
}

}  // namespace fw::config
