// terraform_data: Terraform's built-in resource holding a value. `output` is `input` after
// apply; a change of `input` is an in-place update (output known after apply); a change of
// `triggers_replace` replaces the instance (new `id`, a UUID). Both arguments take any type.
#include "base/ids.h"
#include "providers/utility/local_resource.h"
#include "providers/utility/utility_types.h"

namespace fw::providers::utility {
namespace {

using hcl::Type;
using hcl::Value;

Schema DataSchema() {
  Block b;
  b.Add(Attr::Optional("input", Type::Dynamic())
            .Describe("A value to store in the instance state and reflect in output."));
  b.Add(Attr::Optional("triggers_replace", Type::Dynamic())
            .ForceNew()
            .Describe("A value which will trigger replacement of the instance when changed."));
  b.Add(Attr::Computed("output", Type::Dynamic())
            .Describe("The value of input after apply."));
  b.Add(Attr::Computed("id", Type::String()));
  return Schema{std::move(b)};
}

const Value& AttrOrNull(const Value& v, std::string_view name) {
  static const Value kNull;
  if (!v.IsKnown() || v.IsNull() || !v.type().IsObject()) return kNull;
  const Value* a = v.Get(name);
  return a ? *a : kNull;
}

// Output follows input: null stays null (of input's type), anything else is known after apply,
// and sensitive when input is (so a sensitive input never shows through output).
Value PendingOutput(const Value& input) {
  return input.IsNull() ? input : Value::Unknown(input.type()).WithMarks(input.DeepMarks());
}

class TerraformData final : public LocalResource {
 public:
  TerraformData() : LocalResource("terraform_data", DataSchema()) {}

  Value Plan(const Value& prior, const Value& config) const override {
    Value planned = PlanFromSchema(schema(), prior, config);
    if (!planned.IsKnown() || planned.IsNull()) return planned;
    const Value& input = AttrOrNull(config, "input");
    const bool create = prior.IsNull() || !prior.IsKnown();
    if (create || !AttrOrNull(prior, "triggers_replace")
                       .RawEquals(AttrOrNull(config, "triggers_replace"))) {
      return WithAttributes(planned, {{"id", Value::Unknown(Type::String())},
                                      {"output", PendingOutput(input)}});
    }
    if (!AttrOrNull(prior, "input").RawEquals(input)) {
      return WithAttributes(planned, {{"output", PendingOutput(input)}});
    }
    return planned;
  }

  Result<Value> Create(CallContext&, const Value& planned) const override {
    return WithAttributes(planned, {{"id", Value::String(NewUuid())},
                                    {"output", AttrOrNull(planned, "input")}});
  }

  Result<Value> Update(CallContext&, const Value& prior, const Value& planned) const override {
    return WithAttributes(planned, {{"id", AttrOrNull(prior, "id")},
                                    {"output", AttrOrNull(planned, "input")}});
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewTerraformData() { return std::make_unique<TerraformData>(); }

}  // namespace fw::providers::utility
