// What random_string and random_password share: their arguments (length, the four character
// classes and their minimums, override_special, keepers), the provider's checks on them, and the
// generation: the minimum of each class first, the rest from every enabled class, then shuffled.
//
// Thread-safety: pure (randomness from the kernel's CSPRNG).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "hcl/diagnostics.h"
#include "hcl/value.h"
#include "providers/schema.h"

namespace fw::providers::utility {

// The default special characters, as the real provider has them.
inline constexpr std::string_view kDefaultSpecial = "!@#$%&*()-_=+[]{}<>:?";

// The arguments of both types (every one force-new) and `result`/`id` (`result` sensitive when
// `sensitive_result`).
Block RandomCharsBlock(bool sensitive_result);

// "Attribute length value must be at least 1, got: 0", "... at least sum of min_upper +
// min_lower + min_numeric + min_special, got: 9", "At least one attribute out of
// [special,upper,lower,numeric] must be specified as true".
void CheckRandomChars(const hcl::Value& config, std::string_view address,
                      hcl::Diagnostics& diags);

// A string as `planned` asks (planned holds the defaults already).
Result<std::string> GenerateRandomChars(const hcl::Value& planned);

}  // namespace fw::providers::utility
