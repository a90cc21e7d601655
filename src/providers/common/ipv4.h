// IPv4 addresses and CIDR blocks, for the checks the simulated services make (a subnet inside
// its VPC, gateways inside the subnet, no overlapping subnets) and for allocating addresses.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fw::providers {

struct Ipv4Cidr {
  uint32_t network = 0;  // host order, host bits cleared
  int prefix = 0;        // 0..32
  uint32_t Mask() const { return prefix == 0 ? 0 : ~uint32_t{0} << (32 - prefix); }
  uint64_t Size() const { return uint64_t{1} << (32 - prefix); }
  bool Contains(uint32_t address) const { return (address & Mask()) == network; }
  bool Contains(const Ipv4Cidr& inner) const {
    return inner.prefix >= prefix && Contains(inner.network);
  }
  bool Overlaps(const Ipv4Cidr& other) const {
    return Contains(other.network) || other.Contains(network);
  }
  // The n-th address of the block ("192.168.1.0/24", 1 → 192.168.1.1).
  uint32_t Host(uint64_t n) const { return network + static_cast<uint32_t>(n); }
};

std::optional<uint32_t> ParseIpv4(std::string_view text);
std::string FormatIpv4(uint32_t address);
// "a.b.c.d/n" with the host bits clear (the real services refuse "10.0.0.1/16").
std::optional<Ipv4Cidr> ParseIpv4Cidr(std::string_view text);
std::string FormatIpv4Cidr(const Ipv4Cidr& cidr);

}  // namespace fw::providers
