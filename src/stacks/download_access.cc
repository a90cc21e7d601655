#include "stacks/download_access.h"

#include <charconv>
#include <optional>

#include "providers/common/ipv4.h"

namespace fw::stacks {
namespace {

constexpr size_t kMaxEntries = 100;

// "a.b.c.d" (a /32) or "a.b.c.d/n"; host bits are ignored, as a bucket policy's IpAddress is.
std::optional<providers::Ipv4Cidr> ParseSource(std::string_view text) {
  size_t slash = text.find('/');
  auto address = providers::ParseIpv4(text.substr(0, slash));
  if (!address) return std::nullopt;
  int prefix = 32;
  if (slash != std::string_view::npos) {
    std::string_view digits = text.substr(slash + 1);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
        prefix < 0 || prefix > 32) {
      return std::nullopt;
    }
  }
  providers::Ipv4Cidr cidr;
  cidr.prefix = prefix;
  cidr.network = *address & cidr.Mask();
  return cidr;
}

bool IsVpcId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace

Status CheckDownloadAccess(const DownloadAccess& access) {
  if (access.source_ips.size() > kMaxEntries || access.source_vpc_ids.size() > kMaxEntries) {
    return InvalidArgument("at most 100 access_control_source_ips and 100 "
                           "access_control_source_vpc_ids may be given", "RF.10011028");
  }
  for (const std::string& ip : access.source_ips) {
    if (!ParseSource(ip)) {
      return InvalidArgument("access_control_source_ips: \"" + ip +
                             "\" is not an IPv4 address or CIDR block", "RF.10011028");
    }
  }
  for (const std::string& id : access.source_vpc_ids) {
    if (!IsVpcId(id)) {
      return InvalidArgument("access_control_source_vpc_ids: \"" + id +
                             "\" may contain only lowercase letters, digits and hyphens",
                             "RF.10011028");
    }
  }
  return Status::Ok();
}

bool DownloadAllowedFrom(const DownloadAccess& access, std::string_view remote) {
  if (access.source_ips.empty() && access.source_vpc_ids.empty()) return true;
  auto address = providers::ParseIpv4(remote.substr(0, remote.find(':')));
  if (!address) return false;
  for (const std::string& ip : access.source_ips) {
    auto cidr = ParseSource(ip);
    if (cidr && cidr->Contains(*address)) return true;
  }
  return false;
}

}  // namespace fw::stacks
