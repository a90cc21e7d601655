// A bump allocator for the nodes of one parsed file (or expression), and the small array type
// the AST uses for its lists. The parser allocates every node, list and decoded string of a tree
// from the tree's Arena; the tree is freed in one go when the Arena is destroyed (the owner is
// hcl::File, hcl::JsonFile or hcl::ExprResult).
//
// Objects that are not trivially destructible (a Body, a node holding a Traversal) have their
// destructor recorded and run, newest first, when the Arena goes; everything else is only
// memory. Nothing is freed individually.
//
// Thread-safety: an Arena is filled by one thread (the parser); afterwards the objects in it are
// immutable and may be read from any thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>

namespace fw::hcl {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();

  // Uninitialised memory for `size` bytes aligned to `align` (a power of two ≤ 16).
  void* Allocate(size_t size, size_t align) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(cur_) + (align - 1)) & ~uintptr_t(align - 1);
    if (cur_ == nullptr || p + size > reinterpret_cast<uintptr_t>(end_)) {
      return AllocateSlow(size, align);
    }
    cur_ = reinterpret_cast<char*>(p + size);
    return reinterpret_cast<void*>(p);
  }

  // Constructs a T in the arena. Aggregates are brace-initialised.
  template <typename T, typename... Args>
  T* New(Args&&... args) {
    void* mem = Allocate(sizeof(T), alignof(T));
    T* obj;
    if constexpr (std::is_aggregate_v<T>) {
      obj = new (mem) T{std::forward<Args>(args)...};
    } else {
      obj = new (mem) T(std::forward<Args>(args)...);
    }
    if constexpr (!std::is_trivially_destructible_v<T>) {
      AddDestructor(obj, [](void* p) { static_cast<T*>(p)->~T(); });
    }
    return obj;
  }

  // Like New, but the destructor is never run: for objects whose destructor has nothing to do
  // once constructed this way (a traversal node whose steps are in this arena).
  template <typename T, typename... Args>
  T* NewWithoutDestructor(Args&&... args) {
    void* mem = Allocate(sizeof(T), alignof(T));
    return new (mem) T(std::forward<Args>(args)...);
  }

  // A copy of `s` that lives as long as the arena.
  std::string_view Copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(Allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return std::string_view(p, s.size());
  }

  // Grows the block [data, data + old_size) that was the last allocation, in place, when the
  // current chunk has room; returns false otherwise (the caller then copies).
  bool TryExtend(void* data, size_t old_size, size_t new_size) {
    char* d = static_cast<char*>(data);
    if (d + old_size != cur_ || d + new_size > end_) return false;
    cur_ = d + new_size;
    return true;
  }

  // Bytes obtained from the system so far.
  size_t reserved_bytes() const { return reserved_; }

 private:
  struct Chunk {
    Chunk* next;
  };
  struct Destructor {
    void (*fn)(void*);
    void* obj;
    Destructor* next;
  };

  void* AllocateSlow(size_t size, size_t align);
  void AddDestructor(void* obj, void (*fn)(void*)) {
    auto* d = static_cast<Destructor*>(Allocate(sizeof(Destructor), alignof(Destructor)));
    d->fn = fn;
    d->obj = obj;
    d->next = destructors_;
    destructors_ = d;
  }

  char* cur_ = nullptr;
  char* end_ = nullptr;
  Chunk* chunks_ = nullptr;
  Destructor* destructors_ = nullptr;
  size_t next_chunk_ = 2048;
  size_t reserved_ = 0;
};

// A growable array whose storage lives in an Arena: the lists of the AST (call arguments, tuple
// elements, object items, template parts, body items). Elements must be trivially copyable;
// the array itself is trivially destructible, so nodes holding one need no destructor.
template <typename T>
class ArenaVector {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T& front() { return data_[0]; }
  const T& front() const { return data_[0]; }
  T& back() { return data_[size_ - 1]; }
  const T& back() const { return data_[size_ - 1]; }
  T* data() { return data_; }
  const T* data() const { return data_; }

  void push_back(Arena& arena, const T& v) {
    if (size_ == cap_) Grow(arena);
    data_[size_++] = v;
  }
  void pop_back() { --size_; }

 private:
  void Grow(Arena& arena) {
    uint32_t cap = cap_ == 0 ? 2 : cap_ * 2;
    if (data_ != nullptr && arena.TryExtend(data_, cap_ * sizeof(T), cap * sizeof(T))) {
      cap_ = cap;
      return;
    }
    T* d = static_cast<T*>(arena.Allocate(cap * sizeof(T), alignof(T)));
    if (size_ > 0) std::memcpy(static_cast<void*>(d), data_, size_ * sizeof(T));
    data_ = d;
    cap_ = cap;
  }

  T* data_ = nullptr;
  uint32_t size_ = 0;
  uint32_t cap_ = 0;
};

}  // namespace fw::hcl
