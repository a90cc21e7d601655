#include "base/ids.h"

#include <sys/random.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace fw {

namespace {

void KernelRandom(unsigned char* p, size_t n) {
  while (n > 0) {
    ssize_t got = getrandom(p, n, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      std::abort();
    }
    p += got;
    n -= static_cast<size_t>(got);
  }
}

}  // namespace

void RandomBytes(void* out, size_t n) {
  // Small requests (ids: every request has one) are served from a per-thread buffer of kernel
  // randomness, so they cost no system call; the bytes are the kernel's CSPRNG output either way.
  constexpr size_t kBuffer = 512;
  thread_local unsigned char buffer[kBuffer];
  thread_local size_t available = 0;
  auto* p = static_cast<unsigned char*>(out);
  if (n > kBuffer / 4) {
    KernelRandom(p, n);
    return;
  }
  if (available < n) {
    KernelRandom(buffer, kBuffer);
    available = kBuffer;
  }
  std::memcpy(p, buffer + kBuffer - available, n);
  std::memset(buffer + kBuffer - available, 0, n);  // never hand out the same bytes twice
  available -= n;
}

namespace {
constexpr char kHex[] = "0123456789abcdef";
}

std::string NewHexId32() {
  unsigned char b[16];
  RandomBytes(b, sizeof b);
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[2 * i] = kHex[b[i] >> 4];
    out[2 * i + 1] = kHex[b[i] & 15];
  }
  return out;
}

std::string NewUuid() {
  unsigned char b[16];
  RandomBytes(b, sizeof b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 15]);
  }
  return out;
}

uint64_t RandomBelow(uint64_t bound) {
  if (bound <= 1) return 0;
  // Rejection sampling avoids modulo bias.
  const uint64_t limit = UINT64_MAX - (UINT64_MAX % bound);
  uint64_t v;
  do {
    RandomBytes(&v, sizeof v);
  } while (v >= limit);
  return v % bound;
}

std::string RandomString(size_t n, std::string_view alphabet) {
  std::string out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(alphabet[RandomBelow(alphabet.size())]);
  return out;
}

}  // namespace fw
