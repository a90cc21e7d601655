// Fuzzes the canonical-request builder and the Authorization parser with arbitrary request
// parts: no crash, no hang, bounded work.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "auth/signature_verifier.h"
#include "auth/signing.h"
#include "base/time_format.h"

// Input layout: fields separated by '\n': method, path, query, authorization, sdk-date,
// then "name:value" header lines until an empty line, then the body.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto next = [&in]() {
    size_t nl = in.find('\n');
    std::string_view part = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
    return part;
  };
  fw::auth::SignableRequest req;
  req.method = next();
  req.raw_path = next();
  req.raw_query = next();
  std::string_view authorization = next();
  std::string_view date = next();
  std::vector<std::pair<std::string, std::string>> storage;
  storage.emplace_back("Authorization", std::string(authorization));
  storage.emplace_back("X-Sdk-Date", std::string(date));
  while (!in.empty()) {
    std::string_view line = next();
    if (line.empty()) break;
    size_t colon = line.find(':');
    storage.emplace_back(std::string(line.substr(0, colon)),
                         colon == std::string_view::npos ? "" : std::string(line.substr(colon + 1)));
  }
  for (const auto& [k, v] : storage) req.headers.emplace_back(k, v);
  req.body = in;

  (void)fw::auth::CanonicalUri(req.raw_path);
  (void)fw::auth::CanonicalQueryString(req.raw_query);
  if (auto parsed = fw::auth::ParseAuthorization(authorization); parsed.ok()) {
    (void)fw::auth::CanonicalRequest(req, parsed->signed_headers);
  }
  fw::auth::SecretLookup lookup = [](std::string_view ak) -> std::optional<std::string> {
    if (ak == "AK") return std::string("SK");
    return std::nullopt;
  };
  auto now = fw::ParseSdkDate(date).value_or(fw::TimePoint());
  (void)fw::auth::VerifySignature(req, lookup, now, {});
  (void)fw::auth::SignRequest(req, "AK", "SK");
  return 0;
}
