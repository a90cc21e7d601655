// Server-side verification of SDK-HMAC-SHA256 signatures (spec §2.6): parse Authorization,
// find the secret for the access key, check X-Sdk-Date against the clock window, rebuild the
// canonical request from the received bytes and the client's own SignedHeaders list, and
// compare signatures in constant time.
//
// Thread-safety: pure, given a thread-safe SecretLookup.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "auth/signing.h"
#include "base/clock.h"
#include "base/status.h"

namespace fw::auth {

// Returns the secret key for an access key, or nullopt when the key is unknown or disabled.
using SecretLookup = std::function<std::optional<std::string>(std::string_view access_key)>;

struct VerifyOptions {
  std::chrono::seconds max_clock_skew{15 * 60};
};

// On success returns the access key that signed the request. Every failure is
// kUnauthenticated with an APIGW.0301-style message that never contains the secret.
Result<std::string> VerifySignature(const SignableRequest& req, const SecretLookup& lookup,
                                    TimePoint now, const VerifyOptions& options);

}  // namespace fw::auth
