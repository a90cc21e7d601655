#include "providers/utility/random_source.h"

#include <algorithm>
#include <cstring>

#include "base/ids.h"
#include "crypto/crypto.h"

namespace fw::providers::utility {

void RandomSource::Fill(void* out, size_t n) {
  if (!seed_) {
    RandomBytes(out, n);
    return;
  }
  auto* bytes = static_cast<uint8_t*>(out);
  while (n > 0) {
    crypto::Digest256 block = crypto::Sha256(*seed_ + "#" + std::to_string(counter_++));
    size_t take = std::min(n, block.size());
    std::memcpy(bytes, block.data(), take);
    bytes += take;
    n -= take;
  }
}

uint64_t RandomSource::Below(uint64_t bound) {
  if (bound <= 1) return 0;
  // The largest multiple of bound that fits; draws at or above it are rejected.
  const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  for (;;) {
    uint64_t x;
    Fill(&x, sizeof x);
    if (x < limit) return x % bound;
  }
}

std::vector<size_t> RandomSource::Permutation(size_t n) {
  std::vector<size_t> p(n);
  for (size_t i = 0; i < n; ++i) p[i] = i;
  for (size_t i = n; i > 1; --i) std::swap(p[i - 1], p[Below(i)]);
  return p;
}

}  // namespace fw::providers::utility
