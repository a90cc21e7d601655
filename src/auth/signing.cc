#include "auth/signing.h"

#include <algorithm>

#include "crypto/crypto.h"

namespace fw::auth {
namespace {

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '_' || c == '.' || c == '~';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

const std::string_view* SignableRequest::FindHeader(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (EqualsIgnoreCase(k, name)) return &v;
  }
  return nullptr;
}

std::string UriEncode(std::string_view raw) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(raw.size());
  for (unsigned char c : raw) {
    if (IsUnreserved(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string UriDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%' && i + 2 < s.size()) {
      int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(plus_is_space && c == '+' ? ' ' : c);
  }
  return out;
}

std::string CanonicalUri(std::string_view raw_path) {
  std::string decoded = UriDecode(raw_path, false);
  std::string out;
  out.reserve(decoded.size() + 8);
  size_t start = 0;
  while (true) {
    size_t slash = decoded.find('/', start);
    std::string_view seg = std::string_view(decoded).substr(
        start, slash == std::string::npos ? std::string::npos : slash - start);
    out += UriEncode(seg);
    if (slash == std::string::npos) break;
    out.push_back('/');
    start = slash + 1;
  }
  if (out.empty() || out.back() != '/') out.push_back('/');
  return out;
}

Result<std::string> CanonicalQueryString(std::string_view raw_query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t start = 0;
  while (start <= raw_query.size()) {
    size_t amp = raw_query.find('&', start);
    std::string_view part = raw_query.substr(
        start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    if (!part.empty()) {
      if (pairs.size() >= kMaxQueryPairs) {
        return InvalidArgument("too many query parameters");
      }
      size_t eq = part.find('=');
      if (eq == std::string_view::npos) {
        pairs.emplace_back(UriDecode(part, true), "");
      } else {
        pairs.emplace_back(UriDecode(part.substr(0, eq), true),
                           UriDecode(part.substr(eq + 1), true));
      }
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [k, v] : pairs) {
    if (!out.empty()) out.push_back('&');
    out += UriEncode(k);
    out.push_back('=');
    out += UriEncode(v);
  }
  return out;
}

std::string SignedHeadersFor(const std::vector<std::string>& header_names) {
  std::vector<std::string> names;
  for (const auto& n : header_names) {
    std::string lower(n);
    std::transform(lower.begin(), lower.end(), lower.begin(), AsciiLower);
    names.push_back(std::move(lower));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out.push_back(';');
    out += n;
  }
  return out;
}

Result<std::string> CanonicalRequest(const SignableRequest& req,
                                     std::string_view signed_headers) {
  std::string out;
  out.reserve(256 + req.raw_path.size() + req.raw_query.size());
  out.append(req.method);
  out.push_back('\n');
  out += CanonicalUri(req.raw_path);
  out.push_back('\n');
  FW_ASSIGN_OR_RETURN(std::string query, CanonicalQueryString(req.raw_query));
  out += query;
  out.push_back('\n');
  size_t count = 0;
  size_t start = 0;
  while (start < signed_headers.size()) {
    size_t semi = signed_headers.find(';', start);
    std::string_view name = signed_headers.substr(
        start, semi == std::string_view::npos ? std::string_view::npos : semi - start);
    if (name.empty()) return Unauthenticated("empty name in SignedHeaders");
    if (++count > kMaxSignedHeaders) return Unauthenticated("too many signed headers");
    const std::string_view* value = req.FindHeader(name);
    if (value == nullptr) {
      return Unauthenticated("signed header '" + std::string(name) + "' is missing");
    }
    for (char c : name) out.push_back(AsciiLower(c));
    out.push_back(':');
    out.append(Trim(*value));
    out.push_back('\n');
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  out.push_back('\n');
  out.append(signed_headers);
  out.push_back('\n');
  const std::string_view* content_sha = req.FindHeader("x-sdk-content-sha256");
  if (content_sha != nullptr && Trim(*content_sha) == kUnsignedPayload) {
    out.append(kUnsignedPayload);
  } else {
    out += crypto::Sha256Hex(req.body);
  }
  return out;
}

std::string StringToSign(std::string_view sdk_date, std::string_view canonical_request) {
  std::string out(kAlgorithm);
  out.push_back('\n');
  out.append(sdk_date);
  out.push_back('\n');
  out += crypto::Sha256Hex(canonical_request);
  return out;
}

std::string ComputeSignature(std::string_view secret_key, std::string_view string_to_sign) {
  return crypto::HmacSha256Hex(secret_key, string_to_sign);
}

Result<AuthorizationHeader> ParseAuthorization(std::string_view header) {
  header = Trim(header);
  if (header.substr(0, kAlgorithm.size()) != kAlgorithm ||
      header.size() == kAlgorithm.size() ||
      (header[kAlgorithm.size()] != ' ' && header[kAlgorithm.size()] != '\t')) {
    return Unauthenticated("unsupported authorization scheme");
  }
  AuthorizationHeader out;
  bool seen_access = false, seen_signed = false, seen_sig = false;
  std::string_view rest = header.substr(kAlgorithm.size());
  size_t start = 0;
  while (start <= rest.size()) {
    size_t comma = rest.find(',', start);
    std::string_view part = Trim(rest.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) return Unauthenticated("malformed authorization header");
    std::string_view key = Trim(part.substr(0, eq));
    std::string_view value = Trim(part.substr(eq + 1));
    if (key == "Access") {
      out.access_key = value;
      seen_access = true;
    } else if (key == "SignedHeaders") {
      out.signed_headers = value;
      seen_signed = true;
    } else if (key == "Signature") {
      out.signature = value;
      seen_sig = true;
    } else {
      return Unauthenticated("malformed authorization header");
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (!seen_access || !seen_signed || !seen_sig || out.access_key.empty() ||
      out.signed_headers.empty() || out.signature.empty()) {
    return Unauthenticated("malformed authorization header");
  }
  return out;
}

Result<std::string> SignRequest(const SignableRequest& req, std::string_view access_key,
                                std::string_view secret_key) {
  const std::string_view* date = req.FindHeader("x-sdk-date");
  if (date == nullptr) return InvalidArgument("X-Sdk-Date must be set before signing");
  std::vector<std::string> names;
  for (const auto& [k, v] : req.headers) {
    if (k.find('_') == std::string_view::npos && !EqualsIgnoreCase(k, "authorization")) {
      names.emplace_back(k);
    }
  }
  std::string signed_headers = SignedHeadersFor(names);
  FW_ASSIGN_OR_RETURN(std::string canonical, CanonicalRequest(req, signed_headers));
  std::string sig = ComputeSignature(secret_key, StringToSign(*date, canonical));
  return std::string(kAlgorithm) + " Access=" + std::string(access_key) +
         ", SignedHeaders=" + signed_headers + ", Signature=" + sig;
}

}  // namespace fw::auth
