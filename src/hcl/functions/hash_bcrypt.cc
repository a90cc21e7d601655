// bcrypt (Provos and Mazières' EksBlowfish), over a Blowfish written here. The Blowfish initial
// state is the fractional part of pi in hexadecimal; it is computed once, with Machin's formula
// in fixed point, instead of being spelled out as a 4 KiB table.
#include <array>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <vector>

#include "base/ids.h"
#include "hcl/functions/bcrypt.h"

namespace fw::hcl {
namespace {

constexpr int kPWords = 18;
constexpr int kSWords = 4 * 256;

struct BlowfishState {
  uint32_t p[kPWords];
  uint32_t s[4][256];
};

// Fixed-point numbers: limb 0 is the integer part, then fractional limbs (base 2^32).
using Fixed = std::vector<uint32_t>;

void DivSmall(Fixed* a, uint32_t d) {
  uint64_t rem = 0;
  for (uint32_t& limb : *a) {
    uint64_t cur = (rem << 32) | limb;
    limb = static_cast<uint32_t>(cur / d);
    rem = cur % d;
  }
}

void AddTo(Fixed* a, const Fixed& b, bool subtract) {
  int64_t carry = 0;
  for (size_t i = a->size(); i-- > 0;) {
    int64_t cur = static_cast<int64_t>((*a)[i]) + (subtract ? -1 : 1) * static_cast<int64_t>(b[i]) + carry;
    carry = 0;
    if (cur < 0) {
      cur += int64_t{1} << 32;
      carry = -1;
    } else if (cur >= (int64_t{1} << 32)) {
      cur -= int64_t{1} << 32;
      carry = 1;
    }
    (*a)[i] = static_cast<uint32_t>(cur);
  }
}

bool IsZero(const Fixed& a) {
  for (uint32_t limb : a) {
    if (limb) return false;
  }
  return true;
}

// multiplier * atan(1/x), added to *sum.
void AddArctanInverse(Fixed* sum, uint32_t x, uint32_t multiplier) {
  Fixed power(sum->size(), 0);
  power[0] = multiplier;
  DivSmall(&power, x);  // multiplier / x
  const uint32_t x2 = x * x;
  for (uint32_t k = 0; !IsZero(power); ++k) {
    Fixed term = power;
    DivSmall(&term, 2 * k + 1);
    AddTo(sum, term, /*subtract=*/k % 2 == 1);
    DivSmall(&power, x2);
  }
}

const BlowfishState& InitialState() {
  static const BlowfishState* state = [] {
    constexpr size_t kGuard = 4;
    Fixed pi(1 + kPWords + kSWords + kGuard, 0);
    AddArctanInverse(&pi, 5, 16);
    Fixed minus(pi.size(), 0);
    AddArctanInverse(&minus, 239, 4);
    AddTo(&pi, minus, /*subtract=*/true);
    auto* s = new BlowfishState();
    for (int i = 0; i < kPWords; ++i) s->p[i] = pi[1 + i];
    for (int i = 0; i < kSWords; ++i) s->s[i / 256][i % 256] = pi[1 + kPWords + i];
    return s;
  }();
  return *state;
}

inline uint32_t F(const BlowfishState& st, uint32_t x) {
  return ((st.s[0][x >> 24] + st.s[1][(x >> 16) & 0xff]) ^ st.s[2][(x >> 8) & 0xff]) +
         st.s[3][x & 0xff];
}

inline void Encrypt(const BlowfishState& st, uint32_t* l, uint32_t* r) {
  uint32_t xl = *l, xr = *r;
  for (int i = 0; i < 16; i += 2) {
    xl ^= st.p[i];
    xr ^= F(st, xl);
    xr ^= st.p[i + 1];
    xl ^= F(st, xr);
  }
  xl ^= st.p[16];
  xr ^= st.p[17];
  *l = xr;
  *r = xl;
}

// The next big-endian 32-bit word of `data`, cycling.
uint32_t StreamWord(const uint8_t* data, size_t len, size_t* pos) {
  uint32_t w = 0;
  for (int i = 0; i < 4; ++i) {
    w = (w << 8) | data[*pos];
    *pos = (*pos + 1) % len;
  }
  return w;
}

void ExpandKey(BlowfishState* st, const uint8_t* salt, size_t salt_len, const uint8_t* key,
               size_t key_len) {
  size_t kpos = 0;
  for (uint32_t& p : st->p) p ^= StreamWord(key, key_len, &kpos);
  uint32_t l = 0, r = 0;
  size_t spos = 0;
  auto next = [&](uint32_t* a, uint32_t* b) {
    if (salt_len) {
      l ^= StreamWord(salt, salt_len, &spos);
      r ^= StreamWord(salt, salt_len, &spos);
    }
    Encrypt(*st, &l, &r);
    *a = l;
    *b = r;
  };
  for (int i = 0; i < kPWords; i += 2) next(&st->p[i], &st->p[i + 1]);
  for (auto& box : st->s) {
    for (int j = 0; j < 256; j += 2) next(&box[j], &box[j + 1]);
  }
}

constexpr char kBcryptAlphabet[] =
    "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

std::string BcryptBase64(const uint8_t* data, size_t len) {
  std::string out;
  size_t i = 0;
  while (i < len) {
    uint32_t c1 = data[i++];
    out += kBcryptAlphabet[c1 >> 2];
    c1 = (c1 & 0x03) << 4;
    if (i >= len) {
      out += kBcryptAlphabet[c1];
      break;
    }
    uint32_t c2 = data[i++];
    c1 |= c2 >> 4;
    out += kBcryptAlphabet[c1];
    c1 = (c2 & 0x0f) << 2;
    if (i >= len) {
      out += kBcryptAlphabet[c1];
      break;
    }
    c2 = data[i++];
    c1 |= c2 >> 6;
    out += kBcryptAlphabet[c1];
    out += kBcryptAlphabet[c2 & 0x3f];
  }
  return out;
}

bool BcryptUnbase64(std::string_view text, size_t want, std::string* out) {
  auto idx = [](char c) -> int {
    const char* p = std::strchr(kBcryptAlphabet, c);
    return (c != 0 && p) ? static_cast<int>(p - kBcryptAlphabet) : -1;
  };
  uint32_t acc = 0;
  int bits = 0;
  out->clear();
  for (char c : text) {
    int v = idx(c);
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (out->size() < want) out->push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return out->size() == want;
}

std::string Raw(std::string_view password, int cost, const uint8_t salt[16]) {
  uint8_t key[73];
  size_t key_len = std::min<size_t>(password.size(), 72);
  std::memcpy(key, password.data(), key_len);
  key[key_len] = 0;
  key_len = std::min<size_t>(key_len + 1, 72);

  BlowfishState st = InitialState();
  ExpandKey(&st, salt, 16, key, key_len);
  const uint64_t rounds = uint64_t{1} << cost;
  for (uint64_t i = 0; i < rounds; ++i) {
    ExpandKey(&st, nullptr, 0, key, key_len);
    ExpandKey(&st, nullptr, 0, salt, 16);
  }
  static constexpr char kMagic[] = "OrpheanBeholderScryDoubt";
  uint32_t c[6];
  size_t pos = 0;
  for (uint32_t& w : c) w = StreamWord(reinterpret_cast<const uint8_t*>(kMagic), 24, &pos);
  for (int i = 0; i < 64; ++i) {
    for (int j = 0; j < 6; j += 2) Encrypt(st, &c[j], &c[j + 1]);
  }
  uint8_t out[24];
  for (int i = 0; i < 6; ++i) {
    out[4 * i] = static_cast<uint8_t>(c[i] >> 24);
    out[4 * i + 1] = static_cast<uint8_t>(c[i] >> 16);
    out[4 * i + 2] = static_cast<uint8_t>(c[i] >> 8);
    out[4 * i + 3] = static_cast<uint8_t>(c[i]);
  }
  char cost_text[4];
  snprintf(cost_text, sizeof cost_text, "%02d", cost);
  return std::string(cost_text) + "$" + BcryptBase64(salt, 16) + BcryptBase64(out, 23);
}

}  // namespace

Result<std::string> BcryptWithSalt(std::string_view password, int cost, std::string_view salt) {
  if (cost < 4) cost = kBcryptDefaultCost;
  if (cost > 31) {
    return InvalidArgument("crypto/bcrypt: cost " + std::to_string(cost) +
                           " is outside allowed inclusive range 4..31");
  }
  if (cost > kBcryptMaxSupportedCost) {
    return InvalidArgument("cost " + std::to_string(cost) + " is above " +
                           std::to_string(kBcryptMaxSupportedCost) +
                           ", the highest cost Formwork computes");
  }
  if (password.size() > 72) return InvalidArgument("bcrypt: password length exceeds 72 bytes");
  if (salt.size() != 16) return InvalidArgument("bcrypt: the salt must be 16 bytes");
  return "$2a$" + Raw(password, cost, reinterpret_cast<const uint8_t*>(salt.data()));
}

Result<std::string> BcryptGenerate(std::string_view password, int cost) {
  uint8_t salt[16];
  RandomBytes(salt, sizeof salt);
  return BcryptWithSalt(password, cost,
                        std::string_view(reinterpret_cast<const char*>(salt), sizeof salt));
}

bool BcryptVerify(std::string_view password, std::string_view hash) {
  // $2x$NN$ + 22 salt + 31 hash
  if (hash.size() != 60 || hash[0] != '$' || hash[1] != '2' || hash[3] != '$' || hash[6] != '$') {
    return false;
  }
  if (hash[2] != 'a' && hash[2] != 'b' && hash[2] != 'y') return false;
  if (hash[4] < '0' || hash[4] > '9' || hash[5] < '0' || hash[5] > '9') return false;
  int cost = (hash[4] - '0') * 10 + (hash[5] - '0');
  if (cost < 4 || cost > kBcryptMaxSupportedCost) return false;
  std::string salt;
  if (!BcryptUnbase64(hash.substr(7, 22), 16, &salt)) return false;
  if (password.size() > 72) password = password.substr(0, 72);
  std::string got = "$2" + std::string(1, hash[2]) + "$" +
                    Raw(password, cost, reinterpret_cast<const uint8_t*>(salt.data()));
  return got == hash;
}

}  // namespace fw::hcl
