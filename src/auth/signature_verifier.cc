#include "auth/signature_verifier.h"

#include "base/time_format.h"
#include "crypto/crypto.h"

namespace fw::auth {
namespace {

constexpr std::string_view kPrefix = "Incorrect IAM authentication information: ";

Status Fail(std::string_view why) {
  return Unauthenticated(std::string(kPrefix) + std::string(why), "APIGW.0301");
}

bool ListsHeader(std::string_view signed_headers, std::string_view name) {
  size_t start = 0;
  while (start <= signed_headers.size()) {
    size_t semi = signed_headers.find(';', start);
    if (signed_headers.substr(start, semi == std::string_view::npos ? std::string_view::npos
                                                                    : semi - start) == name) {
      return true;
    }
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  return false;
}

}  // namespace

Result<std::string> VerifySignature(const SignableRequest& req, const SecretLookup& lookup,
                                    TimePoint now, const VerifyOptions& options) {
  const std::string_view* header = req.FindHeader("authorization");
  if (header == nullptr) return Fail("Authorization not found");
  auto parsed = ParseAuthorization(*header);
  if (!parsed.ok()) return Fail("verify aksk signature fail, " + parsed.status().message());
  const AuthorizationHeader& auth = *parsed;

  if (!ListsHeader(auth.signed_headers, "x-sdk-date")) {
    return Fail("verify aksk signature fail, x-sdk-date is not signed");
  }
  const std::string_view* date = req.FindHeader("x-sdk-date");
  if (date == nullptr) return Fail("verify aksk signature fail, X-Sdk-Date not found");
  auto signed_at = ParseSdkDate(*date);
  if (!signed_at) return Fail("verify aksk signature fail, invalid X-Sdk-Date");
  auto skew = now > *signed_at ? now - *signed_at : *signed_at - now;
  if (skew > options.max_clock_skew) {
    return Fail("verify aksk signature fail, X-Sdk-Date is too far from the server time");
  }

  std::optional<std::string> secret = lookup(auth.access_key);
  if (!secret) return Fail("Get secretKey failed, ak not exist");

  auto canonical = CanonicalRequest(req, auth.signed_headers);
  if (!canonical.ok()) return Fail("verify aksk signature fail, " + canonical.status().message());
  std::string expected = ComputeSignature(*secret, StringToSign(*date, *canonical));
  if (!crypto::ConstantTimeEquals(expected, auth.signature)) {
    return Fail("verify aksk signature fail");
  }
  return auth.access_key;
}

}  // namespace fw::auth
