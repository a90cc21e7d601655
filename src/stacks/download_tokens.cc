#include "stacks/download_tokens.h"

#include <vector>

#include "base/ids.h"
#include "base/time_format.h"
#include "crypto/crypto.h"

namespace fw::stacks {
namespace {

// Lists travel comma-joined: IPs, CIDRs and VPC ids contain no ',' (CheckDownloadAccess).
std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

std::vector<std::string> Split(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t p; (p = text.find(sep, start)) != std::string::npos; start = p + 1) {
    out.push_back(text.substr(start, p - start));
  }
  out.push_back(text.substr(start));
  return out;
}

Status Invalid() {
  return NotFound("the download link is invalid or has expired", "RF.10013023");
}

}  // namespace

DownloadTokens::DownloadTokens() {
  key_.resize(32);
  RandomBytes(key_.data(), key_.size());
}

std::string DownloadTokens::Issue(const DownloadGrant& g, TimePoint expires_at) const {
  std::string payload = g.stack_id + "|" + g.deployment_id + "|" + g.file_name + "|" +
                        std::to_string(ToUnixMillis(expires_at)) + "|" +
                        Join(g.access.source_ips) + "|" + Join(g.access.source_vpc_ids);
  std::string body = crypto::Base64UrlEncode(payload);
  // '.' never occurs in base64url, so it separates the signature.
  return body + "." + crypto::HmacSha256Hex(key_, body).substr(0, 32);
}

Result<DownloadGrant> DownloadTokens::Verify(const std::string& token, TimePoint now) const {
  size_t dot = token.find('.');
  if (dot == std::string::npos) return Invalid();
  std::string body = token.substr(0, dot);
  std::string mac = token.substr(dot + 1);
  if (!crypto::ConstantTimeEquals(mac, crypto::HmacSha256Hex(key_, body).substr(0, 32))) {
    return Invalid();
  }
  std::string payload = crypto::Base64UrlDecode(body).value_or("");
  std::vector<std::string> parts = Split(payload, '|');
  if (parts.size() != 6) return Invalid();
  int64_t expires_ms = 0;
  try {
    expires_ms = std::stoll(parts[3]);
  } catch (...) {
    return Invalid();
  }
  if (now >= FromUnixMillis(expires_ms)) return Invalid();
  DownloadGrant grant{parts[0], parts[1], parts[2], {}};
  if (!parts[4].empty()) grant.access.source_ips = Split(parts[4], ',');
  if (!parts[5].empty()) grant.access.source_vpc_ids = Split(parts[5], ',');
  return grant;
}

}  // namespace fw::stacks
