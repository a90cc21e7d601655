// Evaluator and config benchmarks over a generated configuration of many resources: every
// attribute expression evaluated per instance (count.index, templates, function calls,
// for-expressions, conditionals), and load + validate of the whole configuration.
// See docs/performance.md.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "config/loader.h"
#include "config/validate.h"
#include "hcl/eval/evaluator.h"
#include "hcl/parser.h"

namespace fw::hcl {
namespace {

std::string GeneratedConfig(int resources) {
  const bool cidr = FunctionRegistry::Builtins().Find("cidrsubnet") != nullptr;
  std::string out =
      "variable \"cidr\" { default = \"10.0.0.0/8\" }\n"
      "variable \"azs\" { default = [\"cn-north-4a\", \"cn-north-4b\", \"cn-north-4c\"] }\n"
      "variable \"ports\" { default = [22, 80, 443] }\n"
      "locals {\n  prefix = \"fw-prod\"\n  tags = { env = \"prod\", owner = \"team\" }\n}\n";
  for (int i = 0; i < resources; ++i) {
    std::string n = std::to_string(i);
    out += "resource \"huaweicloud_compute_instance\" \"web_" + n + "\" {\n";
    out += "  count = 2\n";
    out += "  name = \"${local.prefix}-web-" + n + "-${count.index}\"\n";
    out += cidr ? "  cidr = cidrsubnet(var.cidr, 16, " + n + " * 2 + count.index)\n"
                : "  cidr = format(\"10.%d.%d.0/24\", " + n + " % 256, count.index)\n";
    out += "  availability_zone = var.azs[count.index % length(var.azs)]\n";
    out += "  tags = merge(local.tags, { index = tostring(count.index) })\n";
    out += "  ports = [for p in var.ports : p + count.index if p != 80]\n";
    out += "  flavor = count.index == 0 ? \"s6.large.2\" : \"s6.small.1\"\n";
    out += "}\n";
  }
  return out;
}

class BenchScope final : public Scope {
 public:
  BenchScope() {
    var_ = Value::Object(
        {{"cidr", Value::String("10.0.0.0/8")},
         {"azs", Value::Tuple({Value::String("cn-north-4a"), Value::String("cn-north-4b"),
                               Value::String("cn-north-4c")})},
         {"ports", Value::Tuple({Value::Int(22), Value::Int(80), Value::Int(443)})}});
    local_ = Value::Object({{"prefix", Value::String("fw-prod")},
                            {"tags", Value::Object({{"env", Value::String("prod")},
                                                    {"owner", Value::String("team")}})}});
  }
  void SetIndex(int i) { count_ = Value::Object({{"index", Value::Int(i)}}); }
  std::optional<Value> Root(std::string_view name) const override {
    if (name == "var") return var_;
    if (name == "local") return local_;
    if (name == "count") return count_;
    return std::nullopt;
  }

 private:
  Value var_, local_, count_;
};

void BM_EvaluateResourceAttributes(benchmark::State& state) {
  const int resources = static_cast<int>(state.range(0));
  ParseResult parsed = ParseConfig(GeneratedConfig(resources), "bench.tf");
  std::vector<const Expression*> exprs;
  for (const auto& block : parsed.file.body->blocks) {
    if (block->type != "resource") continue;
    for (const auto& attr : block->body->attributes) {
      if (attr->name != "count") exprs.push_back(attr->expr);
    }
  }
  FunctionRegistry fns = EvalFunctions(std::make_shared<DiskFileSource>("."));
  BenchScope scope;
  EvalContext ctx{&scope, &fns};
  size_t errors = 0;
  for (auto _ : state) {
    for (int index = 0; index < 2; ++index) {
      scope.SetIndex(index);
      for (const Expression* e : exprs) {
        Diagnostics diags;
        Value v = Evaluate(*e, ctx, diags);
        errors += diags.size();
        benchmark::DoNotOptimize(v);
      }
    }
  }
  if (errors != 0) state.SkipWithError("evaluation errors");
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(exprs.size()) * 2);
  state.counters["instances"] = resources * 2;
}
BENCHMARK(BM_EvaluateResourceAttributes)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_LoadAndValidate(benchmark::State& state) {
  std::string text = GeneratedConfig(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    config::LoadResult r = config::LoadConfigFromFiles({{"main.tf", text}});
    config::ValidateConfig(*r.config, r.diags);
    if (r.diags.HasErrors()) state.SkipWithError("diagnostics");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.counters["resources"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_LoadAndValidate)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace fw::hcl

BENCHMARK_MAIN();
