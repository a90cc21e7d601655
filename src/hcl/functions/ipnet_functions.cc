// Terraform's IP network functions: cidrhost, cidrnetmask, cidrsubnet, cidrsubnets, for IPv4 and
// IPv6. Addresses are 128-bit integers (IPv4 in the low 32 bits); prefixes parse as Go's
// net.ParseCIDR does (Terraform's copy also accepts leading zeros in IPv4 octets), and print as
// Go prints them (RFC 5952 for IPv6, IPv4-mapped IPv6 addresses in dotted form).
#include <cstdint>
#include <optional>
#include <string>

#include "hcl/functions/encoding_internal.h"
#include "hcl/functions/function.h"

namespace fw::hcl {
namespace {

using U128 = unsigned __int128;

struct Prefix {
  U128 addr = 0;  // network address (masked)
  int len = 0;
  int bits = 32;  // 32 or 128
};

U128 HostMask(int len, int bits) {
  int host = bits - len;
  if (host <= 0) return 0;
  if (host >= 128) return ~U128{0};
  return (U128{1} << host) - 1;
}

U128 NetMask(int len, int bits) {
  U128 all = bits == 128 ? ~U128{0} : ((U128{1} << 32) - 1);
  return all & ~HostMask(len, bits);
}

std::optional<uint32_t> ParseIpv4(std::string_view s) {
  uint32_t out = 0;
  int parts = 0;
  size_t i = 0;
  while (parts < 4) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
    uint32_t v = 0;
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      v = v * 10 + static_cast<uint32_t>(s[i] - '0');
      if (v > 255 || i - start > 3) return std::nullopt;
      ++i;
    }
    out = (out << 8) | v;
    ++parts;
    if (parts < 4) {
      if (i >= s.size() || s[i] != '.') return std::nullopt;
      ++i;
    }
  }
  if (i != s.size()) return std::nullopt;
  return out;
}

std::optional<U128> ParseIpv6(std::string_view s) {
  uint16_t groups[8] = {};
  int n = 0;
  int ellipsis = -1;
  size_t i = 0;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    ellipsis = 0;
    i = 2;
  }
  while (i < s.size()) {
    // An embedded IPv4 address ends the text.
    size_t j = i;
    uint32_t v = 0;
    while (j < s.size() && j - i < 5) {
      char c = s[j];
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0) break;
      v = v * 16 + static_cast<uint32_t>(d);
      ++j;
    }
    if (j < s.size() && s[j] == '.') {
      if (n > 6) return std::nullopt;
      auto v4 = ParseIpv4(s.substr(i));
      if (!v4) return std::nullopt;
      groups[n++] = static_cast<uint16_t>(*v4 >> 16);
      groups[n++] = static_cast<uint16_t>(*v4 & 0xffff);
      i = s.size();
      break;
    }
    if (j == i || j - i > 4 || n >= 8) return std::nullopt;
    groups[n++] = static_cast<uint16_t>(v);
    i = j;
    if (i == s.size()) break;
    if (s[i] != ':') return std::nullopt;
    ++i;
    if (i < s.size() && s[i] == ':') {
      if (ellipsis >= 0) return std::nullopt;
      ellipsis = n;
      ++i;
    } else if (i == s.size()) {
      return std::nullopt;
    }
  }
  if (ellipsis >= 0) {
    if (n >= 8) return std::nullopt;
    int missing = 8 - n;
    for (int k = n - 1; k >= ellipsis; --k) groups[k + missing] = groups[k];
    for (int k = ellipsis; k < ellipsis + missing; ++k) groups[k] = 0;
  } else if (n != 8) {
    return std::nullopt;
  }
  U128 out = 0;
  for (uint16_t g : groups) out = (out << 16) | g;
  return out;
}

Result<Prefix> ParseCidr(std::string_view text) {
  auto bad = [&] {
    return InvalidArgument("invalid CIDR expression: invalid CIDR address: " + std::string(text));
  };
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return bad();
  std::string_view addr = text.substr(0, slash), len = text.substr(slash + 1);
  Prefix p;
  if (addr.find(':') != std::string_view::npos) {
    auto v6 = ParseIpv6(addr);
    if (!v6) return bad();
    p.addr = *v6;
    p.bits = 128;
  } else {
    auto v4 = ParseIpv4(addr);
    if (!v4) return bad();
    p.addr = *v4;
  }
  if (len.empty() || len.size() > 3) return bad();
  int n = 0;
  for (char c : len) {
    if (c < '0' || c > '9') return bad();
    n = n * 10 + (c - '0');
  }
  if (n > p.bits) return bad();
  p.len = n;
  p.addr &= NetMask(n, p.bits);
  return p;
}

std::string FormatIpv4(uint32_t v) {
  return std::to_string(v >> 24) + "." + std::to_string((v >> 16) & 0xff) + "." +
         std::to_string((v >> 8) & 0xff) + "." + std::to_string(v & 0xff);
}

std::string FormatAddr(U128 a, int bits) {
  if (bits == 32) return FormatIpv4(static_cast<uint32_t>(a));
  if ((a >> 32) == 0xffff) return FormatIpv4(static_cast<uint32_t>(a));  // IPv4-mapped
  uint16_t g[8];
  for (int i = 7; i >= 0; --i) {
    g[i] = static_cast<uint16_t>(a & 0xffff);
    a >>= 16;
  }
  int best = -1, best_len = 1;
  for (int i = 0; i < 8;) {
    if (g[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && g[j] == 0) ++j;
    if (j - i > best_len) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  std::string out;
  char buf[8];
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    snprintf(buf, sizeof buf, "%x", g[i]);
    out += buf;
  }
  return out;
}

std::string FormatPrefix(U128 a, int len, int bits) {
  return FormatAddr(a, bits) + "/" + std::to_string(len);
}

// A whole number as sign and magnitude; nullopt magnitude when it does not fit 128 bits.
struct BigInt {
  bool negative = false;
  std::optional<U128> magnitude;
  std::string text;
};

Result<BigInt> ToBigInt(const Number& n) {
  if (!n.IsInteger()) return InvalidArgument("value must be a whole number");
  BigInt b;
  b.text = n.ToString();
  std::string_view digits = b.text;
  if (!digits.empty() && digits[0] == '-') {
    b.negative = true;
    digits.remove_prefix(1);
  }
  U128 v = 0;
  const U128 limit = ~U128{0} / 10;
  for (char c : digits) {
    if (v > limit) return b;
    v = v * 10 + static_cast<unsigned>(c - '0');
    if (v < static_cast<unsigned>(c - '0')) return b;
  }
  b.magnitude = v;
  return b;
}

Result<int64_t> ToInt(const Number& n) {
  std::optional<int64_t> v = n.ToInt64();
  if (!v) {
    return InvalidArgument(
        "value must be a whole number, between -9223372036854775808 and 9223372036854775807");
  }
  return *v;
}

FunctionSpec CidrHost() {
  FunctionSpec spec;
  spec.name = "cidrhost";
  spec.description =
      "Calculates a full host IP address within a given IP network address prefix.";
  spec.params = {Parameter{.name = "prefix", .type = Type::String()},
                 Parameter{.name = "hostnum", .type = Type::Number()}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    FW_ASSIGN_OR_RETURN(BigInt num, ToBigInt(args[1].AsNumber()));
    FW_ASSIGN_OR_RETURN(Prefix p, ParseCidr(args[0].AsString()));
    U128 max = HostMask(p.len, p.bits);
    auto fail = [&] {
      return InvalidArgument("prefix of " + std::to_string(p.len) +
                             " does not accommodate a host numbered " + num.text);
    };
    if (!num.magnitude) return fail();
    U128 host;
    if (num.negative) {
      U128 back = *num.magnitude - 1;  // -1 is the last address
      if (back > max) return fail();
      host = max - back;
    } else {
      if (*num.magnitude > max) return fail();
      host = *num.magnitude;
    }
    return Value::String(FormatAddr(p.addr | host, p.bits));
  };
  return spec;
}

FunctionSpec CidrNetmask() {
  FunctionSpec spec;
  spec.name = "cidrnetmask";
  spec.description =
      "Converts an IPv4 address prefix given in CIDR notation into a subnet mask address.";
  spec.params = {Parameter{.name = "prefix", .type = Type::String()}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    FW_ASSIGN_OR_RETURN(Prefix p, ParseCidr(args[0].AsString()));
    if (p.bits == 128) {
      return InvalidArgument("IPv6 addresses cannot have a netmask: " + args[0].AsString());
    }
    return Value::String(FormatIpv4(static_cast<uint32_t>(NetMask(p.len, 32))));
  };
  return spec;
}

FunctionSpec CidrSubnet() {
  FunctionSpec spec;
  spec.name = "cidrsubnet";
  spec.description = "Calculates a subnet address within a given IP network address prefix.";
  spec.params = {Parameter{.name = "prefix", .type = Type::String()},
                 Parameter{.name = "newbits", .type = Type::Number()},
                 Parameter{.name = "netnum", .type = Type::Number()}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    FW_ASSIGN_OR_RETURN(int64_t newbits, ToInt(args[1].AsNumber()));
    FW_ASSIGN_OR_RETURN(BigInt num, ToBigInt(args[2].AsNumber()));
    FW_ASSIGN_OR_RETURN(Prefix p, ParseCidr(args[0].AsString()));
    if (newbits < 0 || p.len + newbits > p.bits) {
      return InvalidArgument("insufficient address space to extend prefix of " +
                             std::to_string(p.len) + " by " + std::to_string(newbits));
    }
    int new_len = p.len + static_cast<int>(newbits);
    U128 max_net = newbits >= 128 ? ~U128{0} : (U128{1} << newbits) - 1;
    if (num.negative || !num.magnitude || *num.magnitude > max_net) {
      return InvalidArgument("prefix extension of " + std::to_string(newbits) +
                             " does not accommodate a subnet numbered " + num.text);
    }
    int shift = p.bits - new_len;
    U128 net = shift >= 128 ? 0 : (*num.magnitude << shift);
    return Value::String(FormatPrefix(p.addr | net, new_len, p.bits));
  };
  return spec;
}

FunctionSpec CidrSubnets() {
  FunctionSpec spec;
  spec.name = "cidrsubnets";
  spec.description =
      "Calculates a sequence of consecutive IP address ranges within a particular CIDR prefix.";
  spec.params = {Parameter{.name = "prefix", .type = Type::String()}};
  spec.variadic = Parameter{.name = "newbits", .type = Type::Number()};
  spec.return_type = StaticReturnType(Type::List(Type::String()));
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    Result<Prefix> parsed = ParseCidr(args[0].AsString());
    if (!parsed.ok()) return encoding_internal::ArgError("prefix", parsed.status().message());
    const Prefix p = *parsed;
    if (args.size() == 1) return Value::List(Type::String(), {});
    auto arg_error = [](const std::string& msg) {
      return encoding_internal::ArgError("newbits", msg);
    };
    std::vector<int64_t> lengths;
    for (size_t i = 1; i < args.size(); ++i) {
      Result<int64_t> n = ToInt(args[i].AsNumber());
      if (!n.ok()) return arg_error(n.status().message());
      lengths.push_back(*n);
    }
    // The subnet just before the prefix, of the first requested size.
    int first_len = static_cast<int>(std::min<int64_t>(std::max<int64_t>(lengths[0], 0), 128)) +
                    p.len;
    if (first_len > p.bits) first_len = p.bits;
    U128 all = p.bits == 128 ? ~U128{0} : ((U128{1} << 32) - 1);
    U128 cur = ((p.addr - 1) & all) & NetMask(first_len, p.bits);
    int cur_len = first_len;
    std::vector<Value> out;
    for (int64_t extend : lengths) {
      if (extend < 1) return arg_error("must extend prefix by at least one bit");
      if (extend > 32) return arg_error("may not extend prefix by more than 32 bits");
      int len = p.len + static_cast<int>(extend);
      if (len > p.bits) {
        return arg_error("would extend prefix to " + std::to_string(len) +
                         " bits, which is too long for an " + (p.bits == 32 ? "IPv4" : "IPv6") +
                         " address");
      }
      U128 last = cur | HostMask(cur_len, p.bits);
      U128 sub_last = (last & NetMask(len, p.bits)) | HostMask(len, p.bits);
      U128 next = (sub_last + 1) & all;
      bool rollover = next == 0;
      next &= NetMask(len, p.bits);
      if (rollover || (next & NetMask(p.len, p.bits)) != p.addr) {
        return arg_error("not enough remaining address space for a subnet with a prefix of " +
                         std::to_string(len) + " bits after " +
                         FormatPrefix(cur, cur_len, p.bits));
      }
      cur = next;
      cur_len = len;
      out.push_back(Value::String(FormatPrefix(cur, cur_len, p.bits)));
    }
    return Value::List(Type::String(), std::move(out));
  };
  return spec;
}

}  // namespace

void RegisterIpNetFunctions(FunctionRegistry* registry) {
  registry->Register(CidrHost());
  registry->Register(CidrNetmask());
  registry->Register(CidrSubnet());
  registry->Register(CidrSubnets());
}

}  // namespace fw::hcl
