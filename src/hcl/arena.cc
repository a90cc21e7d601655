#include "hcl/arena.h"

#include <cstdlib>

namespace fw::hcl {

namespace {
constexpr size_t kMaxChunk = size_t{1} << 20;
}  // namespace

Arena::~Arena() {
  for (Destructor* d = destructors_; d != nullptr; d = d->next) d->fn(d->obj);
  for (Chunk* c = chunks_; c != nullptr;) {
    Chunk* next = c->next;
    std::free(c);
    c = next;
  }
}

void* Arena::AllocateSlow(size_t size, size_t align) {
  size_t need = sizeof(Chunk) + size + align;
  size_t bytes = std::max(next_chunk_, need);
  if (next_chunk_ < kMaxChunk) next_chunk_ *= 2;
  auto* chunk = static_cast<Chunk*>(std::malloc(bytes));
  if (chunk == nullptr) throw std::bad_alloc();
  chunk->next = chunks_;
  chunks_ = chunk;
  reserved_ += bytes;
  cur_ = reinterpret_cast<char*>(chunk) + sizeof(Chunk);
  end_ = reinterpret_cast<char*>(chunk) + bytes;
  return Allocate(size, align);
}

}  // namespace fw::hcl
