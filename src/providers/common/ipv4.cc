#include "providers/common/ipv4.h"

#include <charconv>

namespace fw::providers {

std::optional<uint32_t> ParseIpv4(std::string_view text) {
  uint32_t out = 0;
  int parts = 0;
  size_t i = 0;
  while (parts < 4) {
    size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    size_t len = i - start;
    if (len == 0 || len > 3 || (len > 1 && text[start] == '0')) return std::nullopt;
    unsigned octet = 0;
    std::from_chars(text.data() + start, text.data() + i, octet);
    if (octet > 255) return std::nullopt;
    out = (out << 8) | octet;
    ++parts;
    if (parts < 4) {
      if (i >= text.size() || text[i] != '.') return std::nullopt;
      ++i;
    }
  }
  if (i != text.size()) return std::nullopt;
  return out;
}

std::string FormatIpv4(uint32_t a) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
         std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255);
}

std::optional<Ipv4Cidr> ParseIpv4Cidr(std::string_view text) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto addr = ParseIpv4(text.substr(0, slash));
  std::string_view p = text.substr(slash + 1);
  if (!addr || p.empty() || p.size() > 2) return std::nullopt;
  int prefix = 0;
  auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), prefix);
  if (ec != std::errc() || ptr != p.data() + p.size() || prefix < 0 || prefix > 32) {
    return std::nullopt;
  }
  Ipv4Cidr c{*addr, prefix};
  if ((c.network & c.Mask()) != c.network) return std::nullopt;
  return c;
}

std::string FormatIpv4Cidr(const Ipv4Cidr& c) {
  return FormatIpv4(c.network) + "/" + std::to_string(c.prefix);
}

}  // namespace fw::providers
