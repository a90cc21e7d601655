// random_password: random_string whose `result` is sensitive (never shown in plans or output),
// with `bcrypt_hash` (sensitive) of the result; `id` is "none", as the real provider sets it.
#include "hcl/functions/bcrypt.h"
#include "providers/utility/local_resource.h"
#include "providers/utility/random_chars.h"
#include "providers/utility/utility_types.h"

namespace fw::providers::utility {
namespace {

Schema PasswordSchema() {
  Block b = RandomCharsBlock(true);
  b.Add(Attr::Computed("bcrypt_hash", hcl::Type::String())
            .Sensitive()
            .Describe("A bcrypt hash of the generated random string."));
  return Schema{std::move(b)};
}

class RandomPassword final : public LocalResource {
 public:
  RandomPassword() : LocalResource("random_password", PasswordSchema()) {}

  void ValidateConfig(const hcl::Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    CheckRandomChars(config, address, diags);
  }

  Result<hcl::Value> Create(CallContext&, const hcl::Value& planned) const override {
    FW_ASSIGN_OR_RETURN(std::string result, GenerateRandomChars(planned));
    // Only the first 72 bytes count in bcrypt (the provider's Go bcrypt truncated them).
    FW_ASSIGN_OR_RETURN(std::string hash,
                        hcl::BcryptGenerate(std::string_view(result).substr(0, 72),
                                            hcl::kBcryptDefaultCost));
    return WithAttributes(planned, {{"result", hcl::Value::String(std::move(result))},
                                    {"bcrypt_hash", hcl::Value::String(std::move(hash))},
                                    {"id", hcl::Value::String("none")}});
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewRandomPassword() { return std::make_unique<RandomPassword>(); }

}  // namespace fw::providers::utility
