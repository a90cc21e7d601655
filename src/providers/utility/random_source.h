// RandomSource: where the random_* types draw from. Unseeded, it reads the kernel's CSPRNG
// (base/ids.h RandomBytes), as the real provider uses crypto/rand. Seeded (random_integer and
// random_shuffle's `seed`), it is a deterministic stream (SHA-256 of the seed and a counter), so
// the same seed gives the same result, as the real provider promises; the stream differs from
// the real provider's (Go's math/rand), so the values do too.
//
// Thread-safety: one instance per call; not synchronized.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fw::providers::utility {

class RandomSource {
 public:
  // Crypto-grade.
  RandomSource() = default;
  // Deterministic for `seed`.
  explicit RandomSource(std::string seed) : seed_(std::move(seed)) {}

  void Fill(void* out, size_t n);
  // Uniform in [0, bound); bound > 0. Rejection sampling, no modulo bias.
  uint64_t Below(uint64_t bound);
  // A uniformly random permutation of 0..n-1 (Fisher–Yates).
  std::vector<size_t> Permutation(size_t n);

 private:
  std::optional<std::string> seed_;
  uint64_t counter_ = 0;
};

}  // namespace fw::providers::utility
