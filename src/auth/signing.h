// The SDK-HMAC-SHA256 request-signing scheme of the Huawei Cloud SDKs (spec:
// shared/spec/iam-and-conventions.md §2): canonical request, string to sign, signature, and
// the parsing of the Authorization header. Pure functions over a view of the request, so the
// same code signs (tests, clients) and verifies (server).
//
// Thread-safety: pure and reentrant.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace fw::auth {

inline constexpr std::string_view kAlgorithm = "SDK-HMAC-SHA256";
inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";

// Limits on what a signature may make the server compute (all far above what SDKs send).
inline constexpr size_t kMaxSignedHeaders = 64;
inline constexpr size_t kMaxQueryPairs = 1024;

// A request as the signer sees it: raw bytes as they were on the wire.
struct SignableRequest {
  std::string_view method;     // "GET"
  std::string_view raw_path;   // "/v1.1/p/clusters" (percent-encoded, no query)
  std::string_view raw_query;  // "a=1&b=2" (no leading '?'), may be empty
  // Header names in any case; looked up case-insensitively.
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  std::string_view body;

  // First header named `name` (case-insensitive), or nullptr.
  const std::string_view* FindHeader(std::string_view name) const;
};

// RFC 3986 percent-encoding with the unreserved set kept and upper-case hex.
std::string UriEncode(std::string_view raw);
// Percent-decoding; with `plus_is_space`, '+' decodes to ' '. Malformed escapes stay literal.
std::string UriDecode(std::string_view encoded, bool plus_is_space);

std::string CanonicalUri(std::string_view raw_path);
// Fails only when the query has more than kMaxQueryPairs pairs.
Result<std::string> CanonicalQueryString(std::string_view raw_query);
// Lowercase, sorted, deduplicated header names joined by ';'.
std::string SignedHeadersFor(const std::vector<std::string>& header_names);

// Builds the canonical request for the given signed-header list (as found in the
// Authorization header, `;`-separated lowercase names). Fails when a signed header is absent.
Result<std::string> CanonicalRequest(const SignableRequest& req, std::string_view signed_headers);
std::string StringToSign(std::string_view sdk_date, std::string_view canonical_request);
std::string ComputeSignature(std::string_view secret_key, std::string_view string_to_sign);

struct AuthorizationHeader {
  std::string access_key;
  std::string signed_headers;  // "content-type;host;x-sdk-date"
  std::string signature;       // 64 lowercase hex
};
// Parses "SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex". The scheme is
// case-sensitive; spaces around the parts are tolerated.
Result<AuthorizationHeader> ParseAuthorization(std::string_view header);

// Signs `req` the way the Python SDK does (every header without '_' is signed) and returns the
// Authorization header value. `req` must already carry X-Sdk-Date. For clients and tests.
Result<std::string> SignRequest(const SignableRequest& req, std::string_view access_key,
                                std::string_view secret_key);

}  // namespace fw::auth
