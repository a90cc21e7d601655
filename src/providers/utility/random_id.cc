// random_id: `byte_length` random bytes, shown as `id` (unpadded URL-safe base64, no prefix),
// and `b64_url`, `b64_std` (padded), `hex` and `dec` (the bytes as one big-endian unsigned
// integer), each after `prefix`. Every argument forces new bytes.
#include "crypto/crypto.h"
#include "providers/utility/local_resource.h"
#include "providers/utility/random_source.h"
#include "providers/utility/utility_types.h"

namespace fw::providers::utility {
namespace {

using hcl::Type;
using hcl::Value;

constexpr int64_t kMaxByteLength = 1 << 16;

// The bytes as a big-endian unsigned integer in decimal (schoolbook division by 10).
std::string Decimal(std::string bytes) {
  std::string digits;
  size_t start = 0;
  while (start < bytes.size()) {
    unsigned remainder = 0;
    for (size_t i = start; i < bytes.size(); ++i) {
      unsigned cur = remainder * 256 + static_cast<uint8_t>(bytes[i]);
      bytes[i] = static_cast<char>(cur / 10);
      remainder = cur % 10;
    }
    digits += static_cast<char>('0' + remainder);
    while (start < bytes.size() && bytes[start] == 0) ++start;
  }
  if (digits.empty()) digits = "0";
  return std::string(digits.rbegin(), digits.rend());
}

Schema IdSchema() {
  Block b;
  b.Add(Attr::Required("byte_length", Type::Number())
            .ForceNew()
            .Describe("The number of random bytes to produce. The minimum value is 1, which "
                      "produces eight bits of randomness."));
  b.Add(Attr::Optional("prefix", Type::String())
            .ForceNew()
            .Describe("Arbitrary string to prefix the output value with. This string is "
                      "supplied as-is, meaning it is not guaranteed to be URL-safe or "
                      "base64 encoded."));
  b.Add(KeepersAttr("keepers",
                    "Arbitrary map of values that, when changed, will trigger recreation of "
                    "resource."));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("b64_url", Type::String()));
  b.Add(Attr::Computed("b64_std", Type::String()));
  b.Add(Attr::Computed("hex", Type::String()));
  b.Add(Attr::Computed("dec", Type::String()));
  return Schema{std::move(b)};
}

class RandomId final : public LocalResource {
 public:
  RandomId() : LocalResource("random_id", IdSchema()) {}

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    Value v = config.UnmarkDeep();
    if (!IsSet(v, "byte_length")) return;
    int64_t n = IntAttr(v, "byte_length", 0);
    if (n < 1) {
      diags.AddError("Invalid Attribute Value",
                     std::string(address) +
                         ": Attribute byte_length value must be at least 1, got: " +
                         std::to_string(n),
                     std::nullopt);
    } else if (n > kMaxByteLength) {
      diags.AddError("Invalid Attribute Value",
                     std::string(address) + ": Attribute byte_length value must be at most " +
                         std::to_string(kMaxByteLength) + ", got: " + std::to_string(n),
                     std::nullopt);
    }
  }

  Result<Value> Create(CallContext&, const Value& planned) const override {
    int64_t n = IntAttr(planned, "byte_length", 0);
    if (n < 1 || n > kMaxByteLength) return InvalidArgument("byte_length is out of range");
    std::string bytes(static_cast<size_t>(n), '\0');
    RandomSource().Fill(bytes.data(), bytes.size());
    const std::string prefix = StringAttr(planned, "prefix");
    const std::string url = crypto::Base64UrlEncode(bytes);
    return WithAttributes(planned,
                          {{"id", Value::String(url)},
                           {"b64_url", Value::String(prefix + url)},
                           {"b64_std", Value::String(prefix + crypto::Base64Encode(bytes))},
                           {"hex", Value::String(prefix + crypto::HexEncode(bytes.data(), n))},
                           {"dec", Value::String(prefix + Decimal(bytes))}});
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewRandomId() { return std::make_unique<RandomId>(); }

}  // namespace fw::providers::utility
