// libFuzzer target for the evaluator: the input is parsed as an expression and as a template
// and evaluated against a scope with known, unknown, null and sensitive values, with every
// built-in function plus templatestring. Any crash, hang or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "hcl/eval/evaluator.h"
#include "hcl/parser.h"

namespace {

const fw::hcl::MapScope& FuzzScope() {
  using fw::hcl::Type;
  using fw::hcl::Value;
  static const auto* scope = [] {
    auto* s = new fw::hcl::MapScope();
    s->Set("var",
           Value::Object({
               {"list", Value::Tuple({Value::String("a"), Value::String("b")})},
               {"nums", Value::List(Type::Number(), {Value::Int(1), Value::Int(2)})},
               {"map", Value::Map(Type::String(), {{"k", Value::String("v")}})},
               {"obj", Value::Object({{"name", Value::String("x")}, {"n", Value::Int(3)}})},
               {"nothing", Value()},
               {"unknown", Value::Unknown(Type::String())},
               {"dyn", Value::DynamicUnknown()},
               {"secret", Value::String("s").WithMarks(fw::hcl::kSensitive)},
               {"set", Value::Set(Type::String(), {Value::String("q"), Value::String("p")})},
           }));
    s->Set("count", Value::Object({{"index", Value::Int(0)}}));
    s->Set("each", Value::Object({{"key", Value::String("k")}, {"value", Value::Int(1)}}));
    return s;
  }();
  return *scope;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  static const fw::hcl::FunctionRegistry* functions =
      new fw::hcl::FunctionRegistry(fw::hcl::EvalFunctions(fw::hcl::EmptyFileSource()));
  std::string bytes(reinterpret_cast<const char*>(data), size);
  fw::hcl::ParseOptions options;
  options.max_depth = 64;
  fw::hcl::EvalContext ctx{&FuzzScope(), functions, 128};

  fw::hcl::ExprResult e = fw::hcl::ParseExpression(bytes, "fuzz.tf", {}, options);
  fw::hcl::Diagnostics diags;
  fw::hcl::Value v = fw::hcl::Evaluate(*e.expr, ctx, diags);
  (void)fw::hcl::RenderValue(v);

  fw::hcl::ExprResult t = fw::hcl::ParseTemplate(bytes, "fuzz.tmpl", {}, options);
  fw::hcl::Diagnostics tdiags;
  (void)fw::hcl::RenderValue(fw::hcl::Evaluate(*t.expr, ctx, tdiags));
  return 0;
}
