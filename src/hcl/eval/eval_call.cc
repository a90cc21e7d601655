// Function calls (with `...` expansion), the evaluator-level functions try() and can(), and
// templatefile()/templatestring(), which parse and evaluate a template of their own.
#include <memory>

#include "hcl/body.h"
#include "hcl/eval/evaluator_internal.h"
#include "hcl/functions/context_functions.h"
#include "hcl/parser.h"

namespace fw::hcl {
namespace eval_internal {
namespace {

std::string WithPeriod(std::string s) {
  if (!s.empty() && s.back() != '.') s += '.';
  return s;
}

}  // namespace

Value Evaluator::Call(const FunctionCallExpr& e) {
  if (e.name == "try") return TryCall(e);
  if (e.name == "can") return CanCall(e);
  const FunctionSpec* spec = functions_->Find(e.name);
  if (spec == nullptr) {
    std::vector<std::string> names = functions_->Names();
    names.push_back("try");
    names.push_back("can");
    std::vector<std::string_view> views(names.begin(), names.end());
    Diagnostic d;
    d.summary = "Call to unknown function";
    d.detail = "There is no function named " + Quote(e.name) + "." + SuggestName(e.name, views);
    d.subject = e.name_range;
    d.context = e.range();
    diags_.Add(std::move(d));
    return Value::DynamicUnknown();
  }
  std::vector<Value> args;
  std::vector<const Expression*> arg_exprs;  // parallel to args (expanded ones share one)
  args.reserve(e.args.size());
  for (size_t i = 0; i < e.args.size(); ++i) {
    Value v = Eval(*e.args[i]);
    if (e.expand_final && i + 1 == e.args.size()) {
      Marks m = v.marks();
      Value list = v.Unmark();
      const Type& t = list.type();
      if (list.IsNull()) {
        Error("Invalid expanding argument value",
              "The expanding argument (indicated by ...) must not be null.", e.args[i]->range());
        return Value::DynamicUnknown();
      }
      if (!t.IsList() && !t.IsSet() && !t.IsTuple() && !t.IsDynamic()) {
        Error("Invalid expanding argument value",
              "The expanding argument (indicated by ...) must be of a tuple, list, or set type.",
              e.args[i]->range());
        return Value::DynamicUnknown();
      }
      if (!list.IsKnown()) return Value::DynamicUnknown().WithMarks(m);
      for (const Value& el : list.Elements()) {
        args.push_back(el.WithMarks(m));
        arg_exprs.push_back(e.args[i]);
      }
      continue;
    }
    args.push_back(std::move(v));
    arg_exprs.push_back(e.args[i]);
  }
  const size_t fixed = spec->params.size();
  if (args.size() < fixed) {
    Diagnostic d;
    d.summary = "Not enough function arguments";
    d.detail = "Function " + Quote(e.name) + " expects " + std::to_string(fixed) +
               " argument(s). Missing value for " + Quote(spec->params[args.size()].name) + ".";
    d.subject = e.close_paren_range;
    d.context = e.range();
    diags_.Add(std::move(d));
    return Value::DynamicUnknown();
  }
  if (args.size() > fixed && !spec->variadic) {
    Diagnostic d;
    d.summary = "Too many function arguments";
    d.detail =
        "Function " + Quote(e.name) + " expects only " + std::to_string(fixed) + " argument(s).";
    d.subject = arg_exprs[fixed]->range();
    d.context = e.range();
    diags_.Add(std::move(d));
    return Value::DynamicUnknown();
  }
  int error_arg = -1;
  Result<Value> r = hcl::Call(*spec, std::move(args), &error_arg);
  if (r.ok()) return std::move(r).value();
  Diagnostic d;
  if (error_arg >= 0 && static_cast<size_t>(error_arg) < arg_exprs.size()) {
    d.summary = "Invalid function argument";
    d.detail = WithPeriod(r.status().message());
    d.subject = arg_exprs[static_cast<size_t>(error_arg)]->range();
  } else {
    d.summary = "Error in function call";
    d.detail = "Call to function " + Quote(e.name) + " failed: " + WithPeriod(r.status().message());
    d.subject = e.range();
  }
  d.context = e.range();
  diags_.Add(std::move(d));
  return Value::DynamicUnknown();
}

Value Evaluator::TryCall(const FunctionCallExpr& e) {
  if (e.args.empty()) {
    Error("Not enough function arguments", "Function \"try\" expects at least one argument.",
          e.close_paren_range);
    return Value::DynamicUnknown();
  }
  std::string failures;
  for (const ExprPtr& arg : e.args) {
    Diagnostics local;
    std::swap(local, diags_);
    Value v = Eval(*arg);
    std::swap(local, diags_);
    if (!local.HasErrors()) {
      diags_.Append(std::move(local));  // warnings
      // An unknown result might still fail once known: the whole call is unknown.
      if (!v.IsWhollyKnown()) return Value::DynamicUnknown().WithMarks(v.DeepMarks());
      return v;
    }
    for (const Diagnostic& d : local) {
      if (d.severity != Severity::kError) continue;
      failures += "\n- " + d.summary;
      if (d.subject) failures += " (at " + d.subject->ToString() + ")";
      if (!d.detail.empty()) failures += "\n  " + d.detail;
    }
  }
  Error("Error in function call",
        "Call to function \"try\" failed: no expression succeeded:" + failures +
            "\n\nAt least one expression must produce a successful result.",
        e.range());
  return Value::DynamicUnknown();
}

Value Evaluator::CanCall(const FunctionCallExpr& e) {
  if (e.args.size() != 1) {
    Error(e.args.empty() ? "Not enough function arguments" : "Too many function arguments",
          "Function \"can\" expects 1 argument(s).",
          e.args.empty() ? e.close_paren_range : e.args[1]->range());
    return Value::DynamicUnknown();
  }
  Diagnostics local;
  std::swap(local, diags_);
  Value v = Eval(*e.args[0]);
  std::swap(local, diags_);
  if (local.HasErrors()) return Value::False();
  if (!v.IsWhollyKnown()) return Value::Unknown(Type::Bool());
  return Value::True();
}

namespace {

bool IsIdentifier(std::string_view s) {
  if (s.empty()) return false;
  auto letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  if (!letter(s[0])) return false;
  for (char c : s) {
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '-') return false;
  }
  return true;
}

Result<std::map<std::string, Value, std::less<>>> TemplateVars(const Value& vars) {
  std::map<std::string, Value, std::less<>> out;
  const Type& t = vars.type();
  if (!t.IsMap() && !t.IsObject()) {
    return InvalidArgument("Invalid value for \"vars\" parameter: vars must be an object");
  }
  if (!vars.IsKnown()) return InvalidArgument("vars must be known");
  for (size_t i = 0; i < vars.Keys().size(); ++i) {
    const std::string& k = vars.Keys()[i];
    if (!IsIdentifier(k)) {
      return InvalidArgument("invalid template variable name " + Quote(k) +
                             ": must start with a letter, followed by zero or more letters, "
                             "digits, and underscores");
    }
    out.emplace(k, vars.Elements()[i]);
  }
  return out;
}

Result<Value> RenderTemplate(std::string_view text, std::string_view filename, const Value& vars,
                             const FunctionRegistry* functions) {
  if (!vars.IsKnown()) return Value::DynamicUnknown();
  FW_ASSIGN_OR_RETURN(auto names, TemplateVars(vars));
  Diagnostics diags;
  Value v = EvaluateTemplate(text, filename, names, functions, diags);
  for (const Diagnostic& d : diags) {
    if (d.severity != Severity::kError) continue;
    std::string where = d.subject ? d.subject->ToString() + ": " : std::string();
    return InvalidArgument(where + d.summary + "; " + d.detail);
  }
  return v;
}

}  // namespace
}  // namespace eval_internal

Value EvaluateTemplate(std::string_view text, std::string_view filename,
                       const std::map<std::string, Value, std::less<>>& vars,
                       const FunctionRegistry* functions, Diagnostics& diags) {
  ExprResult parsed = ParseTemplate(text, filename);
  if (parsed.diags.HasErrors()) {
    diags.Append(std::move(parsed.diags));
    return Value::DynamicUnknown();
  }
  MapScope scope(vars);
  EvalContext ctx{&scope, functions};
  return Evaluate(*parsed.expr, ctx, diags);
}

FunctionRegistry EvalFunctions(std::shared_ptr<const FileSource> files,
                               const FunctionRegistry* base) {
  if (base == nullptr) base = &FunctionRegistry::Builtins();
  if (files == nullptr) files = EmptyFileSource();
  FunctionRegistry reg = *base;
  RegisterFileFunctions(&reg, files);
  // What templates see: everything but templatefile and templatestring (Terraform forbids the
  // recursion), owned by the functions that render them.
  auto inner = std::make_shared<const FunctionRegistry>(reg);
  Parameter vars{"vars", Type::Dynamic(), false, /*allow_unknown=*/true, false, false};

  FunctionSpec file;
  file.name = "templatefile";
  file.description = "Reads the file at the given path and renders it as a template.";
  file.params = {Parameter{"path", Type::String()}, vars};
  file.return_type = StaticReturnType(Type::Dynamic());
  file.impl = [files, inner](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const std::string& path = args[0].AsString();
    Result<std::string> text = files->ReadPath(path, kMaxTemplateFileBytes);
    if (!text.ok()) return FileReadError(text.status(), path, false);
    return eval_internal::RenderTemplate(*text, path, args[1], inner.get());
  };
  reg.Register(std::move(file));

  FunctionSpec str;
  str.name = "templatestring";
  str.description = "Renders the given string as a template.";
  str.params = {Parameter{"template", Type::String()}, vars};
  str.return_type = StaticReturnType(Type::Dynamic());
  str.impl = [inner](const std::vector<Value>& args, const Type&) -> Result<Value> {
    return eval_internal::RenderTemplate(args[0].AsString(), "<templatestring>", args[1],
                                         inner.get());
  };
  reg.Register(std::move(str));
  return reg;
}

}  // namespace fw::hcl
