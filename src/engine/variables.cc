#include "engine/variables.h"

#include "hcl/convert.h"
#include "hcl/eval/evaluator.h"
#include "hcl/parser.h"

namespace fw::engine {

using hcl::Value;

hcl::Value FinalizeVariable(const config::Variable& v, const hcl::Value* given,
                            hcl::Diagnostics& diags) {
  Value value;
  if (given && !(given->IsKnown() && given->IsNull() && !v.nullable)) {
    value = *given;
  } else if (v.default_value) {
    value = *v.default_value;
  } else if (given) {
    value = *given;
  } else {
    value = Value::Null(v.type.WithoutOptionalAttributes());
  }
  auto converted = hcl::Convert(value, v.type);
  if (!converted.ok()) {
    diags.AddError("Invalid value for input variable",
                   "The given value is not suitable for var." + v.name + " declared at " +
                       v.decl_range.ToString() + ": " + converted.status().message(),
                   v.decl_range);
    return Value::Unknown(v.type.WithoutOptionalAttributes());
  }
  value = *converted;
  if (!v.nullable && value.IsKnown() && value.IsNull()) {
    diags.AddError("Required variable not set",
                   "Unsuitable value for var." + v.name +
                       " set from outside of the configuration: required variable may not be "
                       "set to null.",
                   v.decl_range);
  }
  if (v.sensitive) value = value.WithMarks(hcl::kSensitive);
  return value;
}

void ValidateVariable(const config::Variable& v, const hcl::Value& value,
                      const hcl::FunctionRegistry* functions, hcl::Diagnostics& diags) {
  if (v.validations.empty()) return;
  hcl::MapScope scope({{"var", Value::Object({{v.name, value}})}});
  hcl::EvalContext ctx{&scope, functions};
  for (const config::CheckRule& rule : v.validations) {
    if (!rule.condition) continue;
    hcl::Diagnostics local;
    Value ok = hcl::EvaluateAs(*rule.condition, hcl::Type::Bool(), ctx, local);
    if (local.HasErrors()) {
      diags.Append(std::move(local));
      continue;
    }
    if (!ok.IsKnown() || ok.IsNull() || ok.Unmark().AsBool()) continue;
    std::string message = "Invalid value for variable";
    if (rule.error_message) {
      hcl::Diagnostics ignored;
      Value m = hcl::EvaluateAs(*rule.error_message, hcl::Type::String(), ctx, ignored);
      if (m.IsKnown() && !m.IsNull()) {
        message = m.IsMarked() ? "(sensitive value)" : m.AsString();
      }
    }
    diags.AddError("Invalid value for variable",
                   message + "\n\nThis was checked by the validation rule at " +
                       rule.decl_range.ToString() + ".",
                   rule.condition->range());
  }
}

std::map<std::string, hcl::Value> ResolveRootVariables(const config::Module& root,
                                                       const PlanOptions& options,
                                                       hcl::Diagnostics& diags) {
  std::map<std::string, Value> out;
  for (const auto& [name, v] : root.variables) {
    std::optional<Value> given;
    if (auto it = options.variables.find(name); it != options.variables.end()) {
      given = it->second;
    }
    if (auto it = options.raw_variables.find(name); it != options.raw_variables.end()) {
      const hcl::Type t = v.type.WithoutOptionalAttributes();
      if (!v.type_set || t == hcl::Type::String()) {
        given = Value::String(it->second);
      } else {
        auto parsed = hcl::ParseExpression(it->second, "<value for var." + name + ">");
        hcl::Diagnostics local = parsed.diags;
        Value val = parsed.expr ? hcl::Evaluate(*parsed.expr, hcl::EvalContext{}, local)
                                : Value::DynamicUnknown();
        if (local.HasErrors()) {
          diags.AddError("Invalid value for input variable",
                         "The value given for var." + name + " is not a valid expression.",
                         std::nullopt);
          continue;
        }
        given = val;
      }
    }
    if (!given && v.Required()) {
      diags.AddError("No value for required variable",
                     "The root module input variable \"" + name +
                         "\" is not set, and has no default value. Use a -var or -var-file "
                         "command line argument to provide a value for this variable.",
                     v.decl_range);
      out[name] = Value::Unknown(v.type.WithoutOptionalAttributes());
      continue;
    }
    out[name] = FinalizeVariable(v, given ? &*given : nullptr, diags);
    ValidateVariable(v, out[name], nullptr, diags);
  }
  return out;
}

}  // namespace fw::engine
