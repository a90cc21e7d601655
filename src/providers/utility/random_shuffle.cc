// random_shuffle: `input` in a random order; with `result_count`, that many elements (further
// shuffles of the input follow when it asks for more than the input holds, as the real provider
// does). `seed` makes the order repeatable. `id` is "-". Every argument forces a new order.
#include "providers/utility/local_resource.h"
#include "providers/utility/random_source.h"
#include "providers/utility/utility_types.h"

namespace fw::providers::utility {
namespace {

using hcl::Type;
using hcl::Value;

constexpr int64_t kMaxResults = 1 << 20;

Schema ShuffleSchema() {
  Block b;
  b.Add(Attr::Required("input", Type::List(Type::String()))
            .ForceNew()
            .Describe("The list of strings to shuffle."));
  b.Add(Attr::Optional("result_count", Type::Number())
            .ForceNew()
            .Describe("The number of results to return. Defaults to the number of items in the "
                      "input list."));
  b.Add(Attr::Optional("seed", Type::String())
            .ForceNew()
            .Describe("Arbitrary string with which to seed the random number generator."));
  b.Add(KeepersAttr("keepers",
                    "Arbitrary map of values that, when changed, will trigger recreation of "
                    "resource."));
  b.Add(Attr::Computed("result", Type::List(Type::String()))
            .Describe("Random permutation of the list of strings given in input."));
  b.Add(Attr::Computed("id", Type::String()));
  return Schema{std::move(b)};
}

class RandomShuffle final : public LocalResource {
 public:
  RandomShuffle() : LocalResource("random_shuffle", ShuffleSchema()) {}

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    Value v = config.UnmarkDeep();
    if (!IsSet(v, "result_count")) return;
    int64_t n = IntAttr(v, "result_count", -1);
    if (n < 0 || n > kMaxResults) {
      diags.AddError("Invalid Attribute Value",
                     std::string(address) + ": Attribute result_count value must be between 0 and " +
                         std::to_string(kMaxResults) + ", got: " +
                         v.Get("result_count")->AsNumber().ToString(),
                     std::nullopt);
    }
  }

  Result<Value> Create(CallContext&, const Value& planned) const override {
    const Value* input = planned.Get("input");
    std::vector<Value> elements;
    if (input && input->IsKnown() && !input->IsNull()) elements = input->Elements();
    int64_t count = IntAttr(planned, "result_count", static_cast<int64_t>(elements.size()));
    if (count < 0 || count > kMaxResults) return InvalidArgument("result_count is out of range");
    RandomSource random = IsSet(planned, "seed") ? RandomSource(StringAttr(planned, "seed"))
                                                 : RandomSource();
    std::vector<Value> result;
    result.reserve(static_cast<size_t>(count));
    while (!elements.empty() && static_cast<int64_t>(result.size()) < count) {
      for (size_t i : random.Permutation(elements.size())) {
        if (static_cast<int64_t>(result.size()) >= count) break;
        result.push_back(elements[i]);
      }
    }
    return WithAttributes(planned, {{"result", Value::List(Type::String(), std::move(result))},
                                    {"id", Value::String("-")}});
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewRandomShuffle() { return std::make_unique<RandomShuffle>(); }

}  // namespace fw::providers::utility
