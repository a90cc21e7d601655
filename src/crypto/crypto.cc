#include "crypto/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <charconv>
#include <vector>

#include "base/ids.h"

namespace fw::crypto {

Digest256 Sha256(std::string_view data) {
  Digest256 out;
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data());
  return out;
}

std::string Sha256Hex(std::string_view data) { return HexEncode(Sha256(data)); }

Digest256 HmacSha256(std::string_view key, std::string_view message) {
  Digest256 out;
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), out.data(), &len);
  return out;
}

std::string HmacSha256Hex(std::string_view key, std::string_view message) {
  return HexEncode(HmacSha256(key, message));
}

std::string HexEncode(const void* data, size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* p = static_cast<const uint8_t*>(data);
  std::string out(2 * n, '0');
  for (size_t i = 0; i < n; ++i) {
    out[2 * i] = kHex[p[i] >> 4];
    out[2 * i + 1] = kHex[p[i] & 15];
  }
  return out;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

namespace {

std::string Base64(std::string_view data, bool url) {
  static constexpr char kStd[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  static constexpr char kUrl[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const char* alphabet = url ? kUrl : kStd;
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  size_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(data.data());
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    out.push_back(alphabet[(v >> 6) & 63]);
    out.push_back(alphabet[v & 63]);
  }
  size_t rest = data.size() - i;
  if (rest > 0) {
    uint32_t v = p[i] << 16;
    if (rest == 2) v |= p[i + 1] << 8;
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    if (rest == 2) out.push_back(alphabet[(v >> 6) & 63]);
    if (!url) out.append(rest == 1 ? "==" : "=");
  }
  return out;
}

constexpr int kPbkdf2Iterations = 100000;

std::string Pbkdf2Hex(std::string_view password, const std::vector<uint8_t>& salt, int iters) {
  uint8_t out[32];
  PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                    static_cast<int>(salt.size()), iters, EVP_sha256(), sizeof out, out);
  return HexEncode(out, sizeof out);
}

bool HexDecode(std::string_view hex, std::vector<uint8_t>* out) {
  if (hex.size() % 2 != 0) return false;
  out->clear();
  for (size_t i = 0; i < hex.size(); i += 2) {
    uint8_t b = 0;
    auto [ptr, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, b, 16);
    if (ec != std::errc() || ptr != hex.data() + i + 2) return false;
    out->push_back(b);
  }
  return true;
}

}  // namespace

std::string Base64Encode(std::string_view data) { return Base64(data, false); }
std::string Base64UrlEncode(std::string_view data) { return Base64(data, true); }

namespace {
std::optional<std::string> Unbase64(std::string_view text, bool url) {
  auto sextet = [url](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == (url ? '-' : '+')) return 62;
    if (c == (url ? '_' : '/')) return 63;
    return -1;
  };
  size_t pad = 0;
  while (!text.empty() && text.back() == '=' && pad < 2) {
    text.remove_suffix(1);
    ++pad;
  }
  if (text.size() % 4 == 1 || (pad > 0 && (text.size() + pad) % 4 != 0)) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v = sextet(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return out;
}
}  // namespace

std::optional<std::string> Base64Decode(std::string_view text) { return Unbase64(text, false); }
std::optional<std::string> Base64UrlDecode(std::string_view text) { return Unbase64(text, true); }

std::string HashPassword(std::string_view password) {
  std::vector<uint8_t> salt(16);
  RandomBytes(salt.data(), salt.size());
  return "pbkdf2-sha256$" + std::to_string(kPbkdf2Iterations) + "$" +
         HexEncode(salt.data(), salt.size()) + "$" +
         Pbkdf2Hex(password, salt, kPbkdf2Iterations);
}

bool VerifyPassword(std::string_view password, std::string_view encoded) {
  constexpr std::string_view kPrefix = "pbkdf2-sha256$";
  if (encoded.substr(0, kPrefix.size()) != kPrefix) return false;
  std::string_view rest = encoded.substr(kPrefix.size());
  size_t a = rest.find('$');
  if (a == std::string_view::npos) return false;
  size_t b = rest.find('$', a + 1);
  if (b == std::string_view::npos) return false;
  int iters = 0;
  auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + a, iters);
  if (ec != std::errc() || iters <= 0 || iters > 10'000'000) return false;
  std::vector<uint8_t> salt;
  if (!HexDecode(rest.substr(a + 1, b - a - 1), &salt)) return false;
  return ConstantTimeEquals(Pbkdf2Hex(password, salt, iters), rest.substr(b + 1));
}

}  // namespace fw::crypto
