// random_string: a random string of `length` characters from the enabled classes; `id` is the
// string itself. Every argument forces a new string (there is no in-place change).
#include "providers/utility/local_resource.h"
#include "providers/utility/random_chars.h"
#include "providers/utility/utility_types.h"

namespace fw::providers::utility {
namespace {

class RandomString final : public LocalResource {
 public:
  RandomString() : LocalResource("random_string", Schema{RandomCharsBlock(false)}) {}

  void ValidateConfig(const hcl::Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    CheckRandomChars(config, address, diags);
  }

  Result<hcl::Value> Create(CallContext&, const hcl::Value& planned) const override {
    FW_ASSIGN_OR_RETURN(std::string result, GenerateRandomChars(planned));
    return WithAttributes(planned,
                          {{"result", hcl::Value::String(result)}, {"id", hcl::Value::String(result)}});
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewRandomString() { return std::make_unique<RandomString>(); }

}  // namespace fw::providers::utility
