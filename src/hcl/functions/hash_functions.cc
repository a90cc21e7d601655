// Terraform's hash and crypto functions: base64sha256, base64sha512, bcrypt, md5, sha1, sha256,
// sha512, uuid, uuidv5, rsadecrypt. (bcrypt itself is in hash_bcrypt.cc; file* digests are
// context functions.)
//
// uuid returns a random version 4 UUID (Terraform's has random bits where the version would
// be). uuid and bcrypt differ per call; the context registration replaces them with functions
// returning unknown values at plan time, as Terraform's impure functions do.
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

#include "base/ids.h"
#include "hcl/functions/encoding_internal.h"
#include "hcl/functions/function.h"
#include "hcl/functions/hash_internal.h"

namespace fw::hcl {
namespace hash_internal {

std::string DigestBytes(Digest digest, std::string_view data) {
  const EVP_MD* md = digest == Digest::kMd5    ? EVP_md5()
                     : digest == Digest::kSha1 ? EVP_sha1()
                     : digest == Digest::kSha256 ? EVP_sha256()
                                                 : EVP_sha512();
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), out, &len, md, nullptr);
  return std::string(reinterpret_cast<const char*>(out), len);
}

std::string HexLower(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

}  // namespace hash_internal

namespace {

using hash_internal::Digest;
using hash_internal::DigestBytes;
using hash_internal::HexLower;

FunctionSpec StringHash(std::string name, Digest digest, bool base64, std::string what) {
  FunctionSpec spec;
  spec.name = std::move(name);
  spec.description = "Computes the " + what + " hash of a given string and encodes it with " +
                     (base64 ? "Base64." : "hexadecimal digits.");
  spec.params = {Parameter{.name = "str", .type = Type::String()}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [digest, base64](const std::vector<Value>& args, const Type&) -> Result<Value> {
    std::string raw = DigestBytes(digest, args[0].AsString());
    return Value::String(base64 ? encoding_internal::Base64Encode(raw) : HexLower(raw));
  };
  return spec;
}

FunctionSpec Bcrypt() {
  FunctionSpec spec;
  spec.name = "bcrypt";
  spec.description =
      "Computes a hash of the given string using the Blowfish cipher, returning a string in the "
      "Modular Crypt Format usually expected in the shadow password file on many Unix systems.";
  spec.params = {Parameter{.name = "str", .type = Type::String()}};
  spec.variadic = Parameter{.name = "cost", .type = Type::Number()};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    int cost = hash_internal::kBcryptDefaultCost;
    if (args.size() > 1) {
      const Number& n = args[1].AsNumber();
      std::optional<int64_t> c = n.ToInt64();
      if (!c || *c < INT32_MIN || *c > INT32_MAX) {
        return InvalidArgument(n.IsInteger() || n.IsInfinite()
                                   ? "value must be a whole number, between -2147483648 and "
                                     "2147483647"
                                   : "value must be a whole number");
      }
      cost = static_cast<int>(*c);
    }
    if (args.size() > 2) return InvalidArgument("bcrypt() takes no more than two arguments");
    Result<std::string> r = hash_internal::BcryptGenerate(args[0].AsString(), cost);
    if (!r.ok()) {
      return InvalidArgument("error occured generating password " + r.status().message());
    }
    return Value::String(std::move(r).value());
  };
  return spec;
}

FunctionSpec Uuid() {
  FunctionSpec spec;
  spec.name = "uuid";
  spec.description = "Generates a unique identifier string.";
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>&, const Type&) -> Result<Value> {
    return Value::String(NewUuid());
  };
  return spec;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// google/uuid's Parse: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, optionally in braces or with a
// "urn:uuid:" prefix, or 32 hex digits.
Result<std::string> ParseUuid(std::string_view s) {
  std::string hex;
  switch (s.size()) {
    case 36 + 9: {
      std::string prefix(s.substr(0, 9));
      for (char& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (prefix != "urn:uuid:") {
        return InvalidArgument("invalid urn prefix: " +
                               encoding_internal::GoQuote(s.substr(0, 9)));
      }
      s.remove_prefix(9);
      break;
    }
    case 36 + 2:
      s = s.substr(1, 36);
      break;
    case 32:
      hex = std::string(s);
      break;
    case 36:
      break;
    default:
      return InvalidArgument("invalid UUID length: " + std::to_string(s.size()));
  }
  if (hex.empty()) {
    if (s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-') {
      return InvalidArgument("invalid UUID format");
    }
    for (size_t i = 0; i < s.size(); ++i) {
      if (i != 8 && i != 13 && i != 18 && i != 23) hex += s[i];
    }
  }
  std::string bytes;
  for (size_t i = 0; i < 32; i += 2) {
    int hi = HexValue(hex[i]), lo = HexValue(hex[i + 1]);
    if (hi < 0 || lo < 0) return InvalidArgument("invalid UUID format");
    bytes += static_cast<char>(hi * 16 + lo);
  }
  return bytes;
}

std::string FormatUuid(std::string_view b) {
  std::string hex = HexLower(b);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

FunctionSpec UuidV5() {
  FunctionSpec spec;
  spec.name = "uuidv5";
  spec.description =
      "Generates a name-based UUID, as described in RFC 4122 section 4.3, also known as a "
      "\"version 5\" UUID.";
  spec.params = {Parameter{.name = "namespace", .type = Type::String()},
                 Parameter{.name = "name", .type = Type::String()}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const std::string& ns = args[0].AsString();
    std::string ns_text = ns == "dns"    ? "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
                          : ns == "url"  ? "6ba7b811-9dad-11d1-80b4-00c04fd430c8"
                          : ns == "oid"  ? "6ba7b812-9dad-11d1-80b4-00c04fd430c8"
                          : ns == "x500" ? "6ba7b814-9dad-11d1-80b4-00c04fd430c8"
                                         : ns;
    Result<std::string> ns_bytes = ParseUuid(ns_text);
    if (!ns_bytes.ok()) {
      return InvalidArgument("uuidv5() doesn't support namespace " + ns + " (" +
                             ns_bytes.status().message() + ")");
    }
    std::string h = DigestBytes(Digest::kSha1, *ns_bytes + args[1].AsString()).substr(0, 16);
    h[6] = static_cast<char>((static_cast<unsigned char>(h[6]) & 0x0f) | 0x50);
    h[8] = static_cast<char>((static_cast<unsigned char>(h[8]) & 0x3f) | 0x80);
    return Value::String(FormatUuid(h));
  };
  return spec;
}

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};

FunctionSpec RsaDecrypt() {
  FunctionSpec spec;
  spec.name = "rsadecrypt";
  spec.description = "Decrypts an RSA-encrypted ciphertext, returning the corresponding cleartext.";
  spec.params = {Parameter{.name = "ciphertext", .type = Type::String()},
                 Parameter{.name = "privatekey", .type = Type::String()}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const std::string& s = args[0].AsString();
    const std::string& key = args[1].AsString();
    std::string cipher;
    size_t bad = 0;
    if (!encoding_internal::Base64Decode(s, &cipher, &bad)) {
      return encoding_internal::ArgError(
          "ciphertext", "failed to decode input " + encoding_internal::GoQuote(s) +
                            ": cipher text must be base64-encoded");
    }
    if (key.size() > (1 << 20)) {
      return encoding_internal::ArgError("privatekey", "invalid private key: key too large");
    }
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(key.data(), static_cast<int>(key.size())));
    if (key.find("-----BEGIN") == std::string::npos) {
      return encoding_internal::ArgError("privatekey", "invalid private key: ssh: no key found");
    }
    std::unique_ptr<EVP_PKEY, PkeyFree> pkey(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, const_cast<char*>("")));
    if (!pkey) {
      return encoding_internal::ArgError(
          "privatekey", "invalid ASN1 data in the given private key: the key could not be parsed");
    }
    if (EVP_PKEY_get_base_id(pkey.get()) != EVP_PKEY_RSA) {
      return encoding_internal::ArgError("privatekey",
                                         "invalid private key type: not an RSA private key");
    }
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new(pkey.get(), nullptr));
    size_t out_len = 0;
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) <= 0 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) <= 0 ||
        EVP_PKEY_decrypt(ctx.get(), nullptr, &out_len,
                         reinterpret_cast<const unsigned char*>(cipher.data()),
                         cipher.size()) <= 0) {
      return InvalidArgument("failed to decrypt: crypto/rsa: decryption error");
    }
    std::string out(out_len, '\0');
    if (EVP_PKEY_decrypt(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &out_len,
                         reinterpret_cast<const unsigned char*>(cipher.data()),
                         cipher.size()) <= 0) {
      return InvalidArgument("failed to decrypt: crypto/rsa: decryption error");
    }
    out.resize(out_len);
    return Value::String(std::move(out));
  };
  return spec;
}

}  // namespace

void RegisterHashFunctions(FunctionRegistry* registry) {
  registry->Register(StringHash("md5", Digest::kMd5, false, "MD5"));
  registry->Register(StringHash("sha1", Digest::kSha1, false, "SHA1"));
  registry->Register(StringHash("sha256", Digest::kSha256, false, "SHA256"));
  registry->Register(StringHash("sha512", Digest::kSha512, false, "SHA512"));
  registry->Register(StringHash("base64sha256", Digest::kSha256, true, "SHA256"));
  registry->Register(StringHash("base64sha512", Digest::kSha512, true, "SHA512"));
  registry->Register(Bcrypt());
  registry->Register(Uuid());
  registry->Register(UuidV5());
  registry->Register(RsaDecrypt());
}

}  // namespace fw::hcl
