// Benchmarks for the values half of hcl: number arithmetic/formatting, conversion, value copies.
#include <benchmark/benchmark.h>

#include "hcl/convert.h"
#include "hcl/number.h"
#include "hcl/value.h"

namespace fw::hcl {
namespace {

void BM_NumberAddSmall(benchmark::State& state) {  // count.index + 1
  Number a(41), b(1);
  for (auto _ : state) {
    auto r = a.Add(b);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_NumberAddSmall);

void BM_NumberAddDecimal(benchmark::State& state) {  // 0.1 + 0.25
  Number a = *Number::ParseString("0.1"), b = *Number::ParseString("0.25");
  for (auto _ : state) {
    auto r = a.Add(b);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_NumberAddDecimal);

void BM_NumberAddBig(benchmark::State& state) {  // beyond int64
  Number a = *Number::ParseString("123456789012345678901234567890");
  Number b = *Number::ParseString("0.5");
  for (auto _ : state) {
    auto r = a.Add(b);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_NumberAddBig);

void BM_NumberCompare(benchmark::State& state) {
  Number a(1000), b(999);
  for (auto _ : state) benchmark::DoNotOptimize(a.Compare(b));
}
BENCHMARK(BM_NumberCompare);

void BM_NumberCompareDecimal(benchmark::State& state) {
  Number a = *Number::ParseString("1.5"), b = *Number::ParseString("1.25");
  for (auto _ : state) benchmark::DoNotOptimize(a.Compare(b));
}
BENCHMARK(BM_NumberCompareDecimal);

void BM_NumberDivide(benchmark::State& state) {  // 1 / 3 at full precision
  Number a(1), b(3);
  for (auto _ : state) {
    auto r = a.Div(b);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_NumberDivide);

void BM_NumberFormatInt(benchmark::State& state) {
  Number a(1234567);
  for (auto _ : state) benchmark::DoNotOptimize(a.ToString());
}
BENCHMARK(BM_NumberFormatInt);

void BM_NumberFormatDecimal(benchmark::State& state) {
  Number a = *Number::ParseString("1234.5678");
  for (auto _ : state) benchmark::DoNotOptimize(a.ToString());
}
BENCHMARK(BM_NumberFormatDecimal);

void BM_NumberParse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Number::ParseString("1234.5678"));
}
BENCHMARK(BM_NumberParse);

void BM_ConvertTupleToListOfString(benchmark::State& state) {
  std::vector<Value> elems;
  for (int i = 0; i < 1000; ++i) {
    elems.push_back(i % 2 ? Value::String("subnet-" + std::to_string(i)) : Value::Int(i));
  }
  Value tuple = Value::Tuple(std::move(elems));
  Type want = Type::List(Type::String());
  for (auto _ : state) {
    auto r = Convert(tuple, want);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_ConvertTupleToListOfString);

void BM_ValueCopyString(benchmark::State& state) {
  Value v = Value::String("a fairly typical attribute value");
  for (auto _ : state) {
    Value copy = v;
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK(BM_ValueCopyString);

void BM_ValueCopyNumber(benchmark::State& state) {
  Value v = Value::Int(42);
  for (auto _ : state) {
    Value copy = v;
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK(BM_ValueCopyNumber);

void BM_ValueCopyObject(benchmark::State& state) {
  std::vector<std::pair<std::string, Value>> attrs;
  for (int i = 0; i < 50; ++i) attrs.emplace_back("attr" + std::to_string(i), Value::Int(i));
  Value v = Value::Object(std::move(attrs));
  for (auto _ : state) {
    Value copy = v;
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK(BM_ValueCopyObject);

void BM_SetOf1000Strings(benchmark::State& state) {
  std::vector<Value> elems;
  for (int i = 0; i < 1000; ++i)
    elems.push_back(Value::String("sg-" + std::to_string(i * 7919 % 1000)));
  for (auto _ : state) {
    Value s = Value::Set(Type::String(), elems);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_SetOf1000Strings);

}  // namespace
}  // namespace fw::hcl

BENCHMARK_MAIN();
