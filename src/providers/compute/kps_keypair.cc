// huaweicloud_kps_keypair: an SSH key pair ("kps.keypair"), named uniquely per project (its id
// is its name). Without public_key, the cloud makes a pair and returns the private key once
// (a plausible OpenSSH RSA public key and a PEM-looking private key; not usable RSA keys).
// Updated in place: description.
#include <cctype>
#include <string>

#include "base/ids.h"
#include "crypto/crypto.h"
#include "providers/compute/compute_common.h"
#include "providers/compute/compute_types.h"

namespace fw::providers {
namespace {

using namespace std::string_literals;
using hcl::Type;
using hcl::Value;
using namespace compute;  // NOLINT: the family's helpers

ValueCheck KeypairName() {
  return [](const Value& v) -> std::string {
    const std::string& s = v.AsString();
    if (s.empty() || s.size() > 64) return "the name must be 1 to 64 characters long";
    for (unsigned char c : s) {
      if (!std::isalnum(c) && c != '_' && c != '-') {
        return "the name can contain only letters, digits, underscores (_) and hyphens (-)";
      }
    }
    return "";
  };
}

Schema MakeSchema() {
  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("name", Type::String()).ForceNew().Check(KeypairName()));
  b.Add(Attr::OptionalComputed("scope", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"user", "account"})));
  b.Add(Attr::Optional("description", Type::String()).Check(NoAngleBrackets(255)));
  b.Add(Attr::OptionalComputed("public_key", Type::String()).ForceNew());
  b.Add(Attr::Optional("key_file", Type::String()).ForceNew());
  b.Add(Attr::Computed("private_key", Type::String()).Sensitive());
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("fingerprint", Type::String()));
  b.Add(Attr::Computed("is_managed", Type::Bool()));
  b.Add(Attr::Computed("created_at", Type::String()));
  return Schema{std::move(b)};
}

// SSH wire encoding: a uint32 length, then the bytes.
void PutString(std::string& out, std::string_view s) {
  uint32_t n = static_cast<uint32_t>(s.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((n >> shift) & 0xff));
  out.append(s);
}

std::string RandomBytesString(size_t n) {
  std::string s(n, '\0');
  RandomBytes(s.data(), n);
  return s;
}

// An ssh-rsa public key blob with a random 2048-bit modulus.
std::string NewRsaBlob() {
  std::string modulus = "\0"s + RandomBytesString(256);
  modulus[1] = static_cast<char>(modulus[1] | 0x80);
  std::string blob;
  PutString(blob, "ssh-rsa");
  PutString(blob, std::string("\x01\x00\x01", 3));
  PutString(blob, modulus);
  return blob;
}

std::string PemLooking(std::string_view label, size_t n) {
  std::string b64 = crypto::Base64Encode(RandomBytesString(n));
  std::string out = "-----BEGIN " + std::string(label) + "-----\n";
  for (size_t i = 0; i < b64.size(); i += 64) out += b64.substr(i, 64) + "\n";
  return out + "-----END " + std::string(label) + "-----\n";
}

// OpenSSH's fingerprint: "SHA256:" + unpadded base64 of the blob's SHA-256.
std::string Fingerprint(std::string_view blob) {
  crypto::Digest256 d = crypto::Sha256(blob);
  std::string b64 = crypto::Base64Encode(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
  while (!b64.empty() && b64.back() == '=') b64.pop_back();
  return "SHA256:" + b64;
}

// The blob of "<type> <base64> [comment]", checked against its own type name.
Result<std::string> ParsePublicKey(const std::string& text) {
  size_t sp = text.find(' ');
  const auto invalid = InvalidArgument(
      "The public key is not a valid OpenSSH public key (\"ssh-rsa AAAA...\", \"ssh-ed25519 "
      "AAAA...\" or \"ecdsa-sha2-nistp256 AAAA...\").");
  if (sp == std::string::npos) return invalid;
  std::string type = text.substr(0, sp);
  if (type != "ssh-rsa" && type != "ssh-ed25519" && !type.starts_with("ecdsa-sha2-")) return invalid;
  size_t end = text.find(' ', sp + 1);
  std::string b64 = text.substr(sp + 1, end == std::string::npos ? std::string::npos : end - sp - 1);
  while (!b64.empty() && (b64.back() == '\n' || b64.back() == '\r')) b64.pop_back();
  auto blob = crypto::Base64Decode(b64);
  if (!blob || blob->size() < 4 + type.size()) return invalid;
  std::string inner_type = blob->substr(4, type.size());
  if (inner_type != type) return invalid;
  return *blob;
}

class KpsKeypairType : public StoredType {
 public:
  KpsKeypairType() : StoredType("huaweicloud_kps_keypair", kKeypairType, MakeSchema()) {}

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    if (IsSet(config, "key_file")) {
      diags.AddError("Unsupported argument",
                     std::string(address) +
                         ": key_file is not supported by Formwork (it never writes files); use the "
                         "private_key attribute instead.",
                     std::nullopt);
    }
  }

 protected:
  std::string ItemId(const CallContext& ctx, const Value& state) const override {
    return KeypairItemId(ctx.project_id, GetString(state, "name"));
  }
  std::string TakenMessage(const Value& state) const override {
    return "The key pair " + GetString(state, "name") + " already exists in this project.";
  }

  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    const std::string name = GetString(planned, "name");
    std::string public_key = GetString(planned, "public_key");
    std::string private_key;
    std::string blob;
    if (public_key.empty()) {
      blob = NewRsaBlob();
      public_key = "ssh-rsa " + crypto::Base64Encode(blob) + " Generated-by-Nova";
      private_key = PemLooking("RSA PRIVATE KEY", 1190);
    } else {
      FW_ASSIGN_OR_RETURN(blob, ParsePublicKey(public_key));
    }
    Value state = WithAttrs(planned, {{"region", Value::String(RegionOf(ctx, planned))},
                                      {"scope", OrElse(planned, "scope", Value::String("user"))},
                                      {"public_key", Value::String(public_key)},
                                      {"private_key", Value::String(private_key)},
                                      {"id", Value::String(name)},
                                      {"fingerprint", Value::String(Fingerprint(blob))},
                                      {"is_managed", Value::Bool(!private_key.empty())},
                                      {"created_at", Value::String(Rfc3339(ctx.Now()))}});
    return Store(ctx, state, std::chrono::seconds(0));
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewKpsKeypairType() { return std::make_unique<KpsKeypairType>(); }

}  // namespace fw::providers
