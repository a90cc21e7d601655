// random_uuid: a random (version 4) UUID, `result` and `id` alike; `keepers` forces a new one.
#include "base/ids.h"
#include "providers/utility/local_resource.h"
#include "providers/utility/utility_types.h"

namespace fw::providers::utility {
namespace {

Schema UuidSchema() {
  Block b;
  b.Add(KeepersAttr("keepers",
                    "Arbitrary map of values that, when changed, will trigger recreation of "
                    "resource."));
  b.Add(Attr::Computed("result", hcl::Type::String()).Describe("The generated uuid presented in string format."));
  b.Add(Attr::Computed("id", hcl::Type::String()));
  return Schema{std::move(b)};
}

class RandomUuid final : public LocalResource {
 public:
  RandomUuid() : LocalResource("random_uuid", UuidSchema()) {}

  Result<hcl::Value> Create(CallContext&, const hcl::Value& planned) const override {
    std::string uuid = NewUuid();
    return WithAttributes(planned,
                          {{"result", hcl::Value::String(uuid)}, {"id", hcl::Value::String(uuid)}});
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewRandomUuid() { return std::make_unique<RandomUuid>(); }

}  // namespace fw::providers::utility
