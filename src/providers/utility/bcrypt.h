// bcrypt hashes ("$2a$10$..."), as random_password's bcrypt_hash (Go's bcrypt at its default
// cost 10), through libxcrypt.
//
// Thread-safety: reentrant (crypt_rn with a caller-owned buffer).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace fw::providers::utility {

inline constexpr int kBcryptDefaultCost = 10;

// bcrypt looks at the first 72 bytes of the password only (as Go's bcrypt before 0.19 did).
Result<std::string> BcryptHash(std::string_view password, int cost = kBcryptDefaultCost);
bool BcryptMatches(std::string_view password, const std::string& hash);

}  // namespace fw::providers::utility
