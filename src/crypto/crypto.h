// OpenSSL wrappers: digests, HMAC, hex, random bytes, constant-time comparison, password hashing.
//
// Thread-safety: all functions are pure (or use OpenSSL's thread-safe RNG) and reentrant.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fw::crypto {

using Digest256 = std::array<uint8_t, 32>;

Digest256 Sha256(std::string_view data);
std::string Sha256Hex(std::string_view data);
Digest256 HmacSha256(std::string_view key, std::string_view message);
std::string HmacSha256Hex(std::string_view key, std::string_view message);

// Lowercase hex of the bytes.
std::string HexEncode(const void* data, size_t n);
inline std::string HexEncode(const Digest256& d) { return HexEncode(d.data(), d.size()); }

// True when the two strings are equal, in time that depends only on their lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Standard base64 (with padding) and the URL-safe variant without padding.
std::string Base64Encode(std::string_view data);
std::string Base64UrlEncode(std::string_view data);
// Their inverses: padding optional, no whitespace; nullopt on any other character or a
// length no encoding has.
std::optional<std::string> Base64Decode(std::string_view text);
std::optional<std::string> Base64UrlDecode(std::string_view text);

// Password hashes: "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>".
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, std::string_view encoded);

}  // namespace fw::crypto
