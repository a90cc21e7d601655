#include "stacks/download_tokens.h"

#include <vector>

#include "base/ids.h"
#include "base/time_format.h"
#include "crypto/crypto.h"

namespace fw::stacks {
namespace {

std::string Base64UrlDecode(const std::string& in) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
  };
  std::string out;
  int bits = 0;
  uint32_t acc = 0;
  for (char c : in) {
    if (c == '=') break;
    int v = val(c);
    if (v < 0) return {};
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

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
  std::string payload = Base64UrlDecode(body);
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
