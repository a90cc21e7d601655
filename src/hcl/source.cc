#include "hcl/source.h"

#include <algorithm>
#include <mutex>
#include <unordered_set>

namespace fw::hcl {

FileName MakeFileName(std::string_view name) {
  static std::mutex mu;
  static auto* names = new std::unordered_set<std::string>();  // never destroyed
  std::lock_guard<std::mutex> lock(mu);
  auto it = names->emplace(name).first;
  return FileName(&*it);
}

std::string Range::ToString() const {
  std::string out(filename());
  out += ':' + std::to_string(start.line) + ',' + std::to_string(start.column);
  if (end.line != start.line) {
    out += '-' + std::to_string(end.line) + ',' + std::to_string(end.column);
  } else if (end.column != start.column) {
    out += '-' + std::to_string(end.column);
  }
  return out;
}

Range Span(const Range& a, const Range& b) {
  Range r;
  r.file = a.file ? a.file : b.file;
  r.start = a.start.byte <= b.start.byte ? a.start : b.start;
  r.end = a.end.byte >= b.end.byte ? a.end : b.end;
  return r;
}

int CountChars(std::string_view text) {
  int n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

Pos AdvancePos(Pos origin, std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  Pos p = origin;
  for (size_t i = 0; i < byte; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  p.byte = origin.byte + byte;
  return p;
}

SourceFile::SourceFile(std::string_view name, std::string bytes)
    : name_(MakeFileName(name)), bytes_(std::move(bytes)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < bytes_.size(); ++i) {
    if (bytes_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

Pos SourceFile::PosAt(size_t byte) const {
  byte = std::min(byte, bytes_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
  size_t line_index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  size_t start = line_starts_[line_index];
  Pos p;
  p.line = static_cast<int>(line_index) + 1;
  p.column = 1 + CountChars(std::string_view(bytes_).substr(start, byte - start));
  p.byte = byte;
  return p;
}

std::string_view SourceFile::Line(int line) const {
  if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return {};
  size_t start = line_starts_[line - 1];
  size_t end = static_cast<size_t>(line) < line_starts_.size() ? line_starts_[line] - 1
                                                                : bytes_.size();
  std::string_view text = std::string_view(bytes_).substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

}  // namespace fw::hcl
