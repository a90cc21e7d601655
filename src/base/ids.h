// Identifier generation in the real cloud's formats, from the kernel's CSPRNG.
//
// Thread-safety: all functions are safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace fw {

// Fills `out` with `n` cryptographically random bytes (getrandom(2)); aborts only if the kernel
// refuses, which cannot be recovered from.
void RandomBytes(void* out, size_t n);

// 32 lowercase hex characters: project ids, domain ids, request ids.
std::string NewHexId32();
// A random (version 4) UUID in canonical 8-4-4-4-12 lowercase form.
std::string NewUuid();
// A uniformly random integer in [0, bound).
uint64_t RandomBelow(uint64_t bound);
// `n` characters drawn uniformly from `alphabet`.
std::string RandomString(size_t n, std::string_view alphabet);

}  // namespace fw
