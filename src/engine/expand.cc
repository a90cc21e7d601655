#include "engine/expand.h"

namespace fw::engine {
namespace {

using hcl::Value;

Expanded ExpandCount(const hcl::Expression& expr, const hcl::EvalContext& ctx,
                     hcl::Diagnostics& diags) {
  Expanded e;
  e.expansion = Expansion::kCount;
  hcl::Diagnostics local;
  Value v = hcl::EvaluateAs(expr, hcl::Type::Number(), ctx, local);
  const bool had_errors = local.HasErrors();
  diags.Append(std::move(local));
  if (had_errors) return e;
  auto fail = [&](std::string detail) {
    diags.AddError("Invalid count argument", std::move(detail), expr.range());
    return e;
  };
  if (!v.IsKnown()) {
    return fail(
        "The \"count\" value depends on resource attributes that cannot be determined until "
        "apply, so Terraform cannot predict how many instances will be created. To work around "
        "this, use the -target argument to first apply only the resources that the count "
        "depends on.");
  }
  if (v.IsNull()) {
    return fail("The given \"count\" argument value is null. An integer is required.");
  }
  if (v.IsMarked()) {
    return fail(
        "Sensitive values, or values derived from sensitive values, cannot be used as count "
        "arguments. If used, the sensitive value could be exposed as a resource instance key.");
  }
  std::optional<int64_t> n = v.AsNumber().ToInt64();
  if (!n || !v.AsNumber().IsInteger()) {
    return fail("The given \"count\" argument value is unsuitable: value must be a whole number.");
  }
  if (*n < 0) {
    return fail(
        "The given \"count\" argument value is unsuitable: must be greater than or equal to "
        "zero.");
  }
  e.keys.reserve(*n);
  for (int64_t i = 0; i < *n; ++i) e.keys.push_back(Value::Int(i));
  e.ok = true;
  return e;
}

Expanded ExpandForEach(const hcl::Expression& expr, const hcl::EvalContext& ctx,
                       hcl::Diagnostics& diags) {
  Expanded e;
  e.expansion = Expansion::kForEach;
  hcl::Diagnostics local;
  Value v = hcl::Evaluate(expr, ctx, local);
  const bool had_errors = local.HasErrors();
  diags.Append(std::move(local));
  if (had_errors) return e;
  auto fail = [&](std::string detail) {
    diags.AddError("Invalid for_each argument", std::move(detail), expr.range());
    return e;
  };
  const hcl::Type& t = v.type();
  if (v.IsNull()) {
    return fail(
        "The given \"for_each\" argument value is unsuitable: the given \"for_each\" argument "
        "value is null. A map, or set of strings is allowed.");
  }
  if (v.IsMarked()) {
    return fail(
        "Sensitive values, or values derived from sensitive values, cannot be used as "
        "for_each arguments. If used, the sensitive value could be exposed as a resource "
        "instance key.");
  }
  const bool is_map = t.IsMap() || t.IsObject();
  const bool is_set = t.IsSet();
  if (!t.IsDynamic() && !is_map && !is_set) {
    return fail(
        "The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be "
        "a map, or set of strings, and you have provided a value of type " +
        t.FriendlyName() + ".");
  }
  if (is_set && !t.ElementType().IsDynamic() && t.ElementType() != hcl::Type::String()) {
    return fail(
        "The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be "
        "a map, or set of strings, and you have provided a value of type " +
        t.FriendlyName() + ".");
  }
  bool unknown = !v.IsKnown();
  if (!unknown && is_set) {
    for (const Value& el : v.Elements()) unknown = unknown || !el.IsKnown();
  }
  if (unknown) {
    return fail(
        "The \"for_each\" map includes keys or set values that cannot be determined until "
        "apply, and so Terraform cannot determine the full set of keys that will identify the "
        "instances of this resource.\n\nWhen working with unknown values in for_each, it's "
        "better to define the map keys statically in your configuration and place apply-time "
        "results only in the map values.\n\nAlternatively, you could use the -target planning "
        "option to first apply only the resources that the for_each value depends on, and then "
        "apply a second time to fully converge.");
  }
  if (is_set) {
    for (const Value& el : v.Elements()) {
      if (el.IsNull()) {
        return fail(
            "The given \"for_each\" argument value is unsuitable: \"for_each\" sets must not "
            "contain null values.");
      }
      e.keys.push_back(el.Unmark());
      e.each_values.push_back(el.Unmark());
    }
  } else {
    const auto& keys = v.Keys();
    const auto& vals = v.Elements();
    for (size_t i = 0; i < keys.size(); ++i) {
      e.keys.push_back(Value::String(keys[i]));
      e.each_values.push_back(vals[i]);
    }
  }
  e.ok = true;
  return e;
}

}  // namespace

Expanded Expand(const hcl::Expression* count, const hcl::Expression* for_each,
                const hcl::EvalContext& ctx, hcl::Diagnostics& diags) {
  if (count) return ExpandCount(*count, ctx, diags);
  if (for_each) return ExpandForEach(*for_each, ctx, diags);
  Expanded e;
  e.ok = true;
  e.keys.push_back(Value());
  return e;
}

}  // namespace fw::engine
