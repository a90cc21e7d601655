// random_integer: a random whole number in [min, max]; `id` is its decimal text. With `seed`
// the same seed, min and max give the same number. Every argument forces a new number.
#include "providers/utility/local_resource.h"
#include "providers/utility/random_source.h"
#include "providers/utility/utility_types.h"

namespace fw::providers::utility {
namespace {

using hcl::Type;
using hcl::Value;

constexpr std::string_view kMinAboveMax =
    "The minimum (min) value needs to be smaller than or equal to maximum (max) value.";

Schema IntegerSchema() {
  Block b;
  b.Add(Attr::Required("min", Type::Number()).ForceNew().Describe("The minimum inclusive value of the range."));
  b.Add(Attr::Required("max", Type::Number()).ForceNew().Describe("The maximum inclusive value of the range."));
  b.Add(Attr::Optional("seed", Type::String())
            .ForceNew()
            .Describe("A custom seed to always produce the same value."));
  b.Add(KeepersAttr("keepers",
                    "Arbitrary map of values that, when changed, will trigger recreation of "
                    "resource."));
  b.Add(Attr::Computed("result", Type::Number()).Describe("The random integer result."));
  b.Add(Attr::Computed("id", Type::String()));
  return Schema{std::move(b)};
}

bool IsWhole(const Value& v, std::string_view name) {
  const Value* a = v.Get(name);
  return a && a->IsKnown() && !a->IsNull() && a->AsNumber().ToInt64().has_value();
}

class RandomInteger final : public LocalResource {
 public:
  RandomInteger() : LocalResource("random_integer", IntegerSchema()) {}

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    Value v = config.UnmarkDeep();
    if (!v.IsKnown() || v.IsNull()) return;
    for (const char* name : {"min", "max"}) {
      const Value* a = v.Get(name);
      if (a && a->IsKnown() && !a->IsNull() && !IsWhole(v, name)) {
        diags.AddError("Invalid Attribute Value",
                       std::string(address) + ": Attribute " + name +
                           " value must be a whole number that fits in 64 bits, got: " +
                           a->AsNumber().ToString(),
                       std::nullopt);
      }
    }
    if (IsWhole(v, "min") && IsWhole(v, "max") && IntAttr(v, "max", 0) < IntAttr(v, "min", 0)) {
      diags.AddError("Create Random Integer Error",
                     std::string(address) + ": " + std::string(kMinAboveMax), std::nullopt);
    }
  }

  Result<Value> Create(CallContext&, const Value& planned) const override {
    if (!IsWhole(planned, "min") || !IsWhole(planned, "max")) {
      return InvalidArgument("min and max must be whole numbers");
    }
    const int64_t min = IntAttr(planned, "min", 0);
    const int64_t max = IntAttr(planned, "max", 0);
    if (max < min) return InvalidArgument(std::string(kMinAboveMax));
    RandomSource random = IsSet(planned, "seed") ? RandomSource(StringAttr(planned, "seed"))
                                                 : RandomSource();
    // The span as unsigned: max - min + 1 wraps to 0 only for the whole int64 range.
    const uint64_t span = static_cast<uint64_t>(max) - static_cast<uint64_t>(min) + 1;
    uint64_t offset;
    if (span == 0) {
      random.Fill(&offset, sizeof offset);
    } else {
      offset = random.Below(span);
    }
    const int64_t n = static_cast<int64_t>(static_cast<uint64_t>(min) + offset);
    return WithAttributes(planned,
                          {{"result", Value::Int(n)}, {"id", Value::String(std::to_string(n))}});
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewRandomInteger() { return std::make_unique<RandomInteger>(); }

}  // namespace fw::providers::utility
