// Source files and positions for the HCL syntax layer.
//
// A Pos is a byte offset plus a 1-based line and a 1-based column counted in Unicode characters
// (a tab counts as one column). A Range names its file through a shared, immutable string so
// that AST nodes and diagnostics can outlive the parser without copying the name per node.
//
// Thread-safety: values; safe to copy and read from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fw::hcl {

struct Pos {
  int line = 1;
  int column = 1;
  size_t byte = 0;

  friend bool operator==(const Pos&, const Pos&) = default;
};

// An interned file name: a pointer to a process-wide string that lives forever, so that every
// Range can name its file for the cost of a pointer (no reference count on the parse path).
// Interning keeps one copy per distinct name.
class FileName {
 public:
  FileName() = default;
  const std::string& operator*() const { return *p_; }
  const std::string* operator->() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }
  friend bool operator==(const FileName& a, const FileName& b) { return a.p_ == b.p_; }

 private:
  friend FileName MakeFileName(std::string_view name);
  explicit FileName(const std::string* p) : p_(p) {}
  const std::string* p_ = nullptr;
};

// Interns `name` (thread-safe).
FileName MakeFileName(std::string_view name);

struct Range {
  FileName file;
  Pos start;
  Pos end;

  std::string_view filename() const { return file ? std::string_view(*file) : std::string_view(); }
  bool empty() const { return start.byte == end.byte; }
  bool Contains(size_t byte) const { return byte >= start.byte && byte < end.byte; }
  // "main.tf:3,5-9" (Terraform's short form).
  std::string ToString() const;
};

// Returns the smallest range covering both (same file assumed).
Range Span(const Range& a, const Range& b);

// A source file: its name and bytes, with a lazily built line index for mapping byte offsets
// back to positions (used for JSON string templates and diagnostics).
class SourceFile {
 public:
  SourceFile(std::string_view name, std::string bytes);

  const FileName& name() const { return name_; }
  std::string_view bytes() const { return bytes_; }

  // Position of `byte` (clamped to the file size). O(log lines + line length).
  Pos PosAt(size_t byte) const;
  // The text of 1-based line `line` without its newline ("" when out of range).
  std::string_view Line(int line) const;

 private:
  FileName name_;
  std::string bytes_;
  std::vector<size_t> line_starts_;
};

// Counts the Unicode characters in `text` (bytes that are not UTF-8 continuation bytes).
int CountChars(std::string_view text);

// Position of `byte` in `text`, counting from `origin` (which corresponds to offset 0).
Pos AdvancePos(Pos origin, std::string_view text, size_t byte);

}  // namespace fw::hcl
