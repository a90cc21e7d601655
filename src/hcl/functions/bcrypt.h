// bcrypt ("$2a$" hashes, as Go's golang.org/x/crypto/bcrypt), implemented here: for the
// language's `bcrypt` function and for random_password's `bcrypt_hash`.
//
// Thread-safety: reentrant.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace fw::hcl {

inline constexpr int kBcryptDefaultCost = 10;
// Go's bcrypt allows up to 31 (days of CPU); Formwork refuses costs above this.
inline constexpr int kBcryptMaxSupportedCost = 16;

// A "$2a$" bcrypt hash of `password` with a random salt (as Go's bcrypt.GenerateFromPassword:
// costs below 4 mean the default; passwords over 72 bytes are refused).
Result<std::string> BcryptGenerate(std::string_view password, int cost);
// The same with a given 16-byte salt (for tests).
Result<std::string> BcryptWithSalt(std::string_view password, int cost, std::string_view salt);
// Checks `password` against a "$2a$"/"$2b$"/"$2y$" hash.
bool BcryptVerify(std::string_view password, std::string_view hash);

}  // namespace fw::hcl
