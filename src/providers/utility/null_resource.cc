// null_resource: does nothing; `triggers` forces a replacement (what people use it for, with
// provisioners the engine does not run). `id` is a random decimal number, as the real provider
// makes it.
#include "base/ids.h"
#include "providers/utility/local_resource.h"
#include "providers/utility/utility_types.h"

namespace fw::providers::utility {
namespace {

Schema NullSchema() {
  Block b;
  b.Add(KeepersAttr("triggers",
                    "A map of arbitrary strings that, when changed, will force the null resource "
                    "to be replaced, re-running any associated provisioners."));
  b.Add(Attr::Computed("id", hcl::Type::String()));
  return Schema{std::move(b)};
}

class NullResource final : public LocalResource {
 public:
  NullResource() : LocalResource("null_resource", NullSchema()) {}

  Result<hcl::Value> Create(CallContext&, const hcl::Value& planned) const override {
    const uint64_t id = RandomBelow(static_cast<uint64_t>(INT64_MAX));
    return WithAttributes(planned, {{"id", hcl::Value::String(std::to_string(id))}});
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewNullResource() { return std::make_unique<NullResource>(); }

}  // namespace fw::providers::utility
