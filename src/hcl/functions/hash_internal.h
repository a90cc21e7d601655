// Digest helpers shared by the hash and context function families (internal), and bcrypt.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "hcl/functions/bcrypt.h"

namespace fw::hcl::hash_internal {

enum class Digest { kMd5, kSha1, kSha256, kSha512 };

// The raw digest bytes of `data`.
std::string DigestBytes(Digest digest, std::string_view data);
std::string HexLower(std::string_view bytes);

// bcrypt is public (bcrypt.h); the function families use it through this namespace too.
using hcl::kBcryptDefaultCost;
using hcl::kBcryptMaxSupportedCost;
using hcl::BcryptGenerate;
using hcl::BcryptWithSalt;
using hcl::BcryptVerify;

}  // namespace fw::hcl::hash_internal
