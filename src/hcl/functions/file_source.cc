// The disk and in-memory file sources (see file_source.h).
#include "hcl/functions/file_source.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "hcl/functions/context_internal.h"
#include "hcl/functions/encoding_internal.h"

namespace fw::hcl {
namespace {

using context_internal::CleanPath;
using context_internal::JoinPath;
using context_internal::PathSegments;

Status TooLarge(const std::string& name, size_t max_bytes) {
  return Status(ErrorCode::kPayloadTooLarge,
                name + " is larger than the " + std::to_string(max_bytes) + "-byte limit");
}

// go-homedir's Expand with `home` ("" when unset).
Result<std::string> ExpandWithHome(std::string_view path, const char* home) {
  if (path.empty() || path[0] != '~') return std::string(path);
  if (path.size() > 1 && path[1] != '/' && path[1] != '\\') {
    return InvalidArgument("cannot expand user-specific home dir");
  }
  if (home == nullptr || *home == '\0') return InvalidArgument("HOME environment variable is unset");
  return JoinPath(home, path.substr(1));
}

// Whether `name`'s segments match the pattern's (a `**` segment matches any number of them),
// by dynamic programming over (pattern segment, name segment), so `**` cannot blow up.
bool MatchSegments(const std::vector<std::string_view>& pattern,
                   const std::vector<std::string_view>& name, bool* bad) {
  const size_t p = pattern.size(), n = name.size();
  // ok[i][j]: pattern[i..] matches name[j..].
  std::vector<std::vector<char>> ok(p + 1, std::vector<char>(n + 1, 0));
  ok[p][n] = 1;
  for (size_t i = p; i-- > 0;) {
    for (size_t j = n + 1; j-- > 0;) {
      if (pattern[i] == "**") {
        ok[i][j] = ok[i + 1][j] || (j < n && ok[i][j + 1]);
      } else if (j < n && ok[i + 1][j + 1]) {
        ok[i][j] = context_internal::MatchSegment(pattern[i], name[j], bad);
        if (*bad) return false;
      }
    }
  }
  return ok[0][0] != 0;
}

constexpr std::string_view kOnlyOwnFiles =
    "a template can read only its own files, by paths relative to its root";

}  // namespace

Result<std::string> FileSource::ReadPath(std::string_view path, size_t max_bytes) const {
  FW_ASSIGN_OR_RETURN(std::string resolved, Resolve(path));
  return Read(resolved, max_bytes);
}

// ---- DiskFileSource ----

DiskFileSource::DiskFileSource(std::string root_dir) {
  if (!root_dir.empty() && root_dir[0] == '/') {
    root_ = CleanPath(root_dir);
  } else {
    std::error_code ec;
    std::string cwd = std::filesystem::current_path(ec).string();
    root_ = JoinPath(cwd, root_dir.empty() ? "." : root_dir);
  }
}

Result<std::string> DiskFileSource::ExpandHome(std::string_view path) const {
  return ExpandWithHome(path, std::getenv("HOME"));
}

Result<std::string> DiskFileSource::Resolve(std::string_view path) const {
  Result<std::string> expanded = ExpandHome(path);
  if (!expanded.ok()) return InvalidArgument("failed to expand ~: " + expanded.status().message());
  std::string p = std::move(expanded).value();
  if (p.empty() || p[0] != '/') p = JoinPath(root_, p);
  return CleanPath(p);
}

Result<FileKind> DiskFileSource::Kind(const std::string& resolved) const {
  struct stat st;
  if (::stat(resolved.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return FileKind::kNone;
    return InvalidArgument("failed to stat " + resolved);
  }
  if (S_ISREG(st.st_mode)) return FileKind::kRegular;
  if (S_ISDIR(st.st_mode)) return FileKind::kDirectory;
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return FileKind::kDevice;
  if (S_ISFIFO(st.st_mode)) return FileKind::kPipe;
  if (S_ISSOCK(st.st_mode)) return FileKind::kSocket;
  return FileKind::kOther;
}

// Like Terraform's readFileBytes: stat, then read, refusing files over the size limit.
Result<std::string> DiskFileSource::Read(const std::string& resolved, size_t max_bytes) const {
  struct stat st;
  if (::stat(resolved.c_str(), &st) != 0) {
    int err = errno;
    std::string msg = "open " + resolved + ": " + std::strerror(err);
    if (err == ENOENT) return NotFound(std::move(msg));
    return InvalidArgument(std::move(msg));
  }
  if (S_ISDIR(st.st_mode)) return InvalidArgument("read " + resolved + ": is a directory");
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return TooLarge(resolved, max_bytes);
  }
  std::ifstream in(resolved, std::ios::binary);
  if (!in) return InvalidArgument("open " + resolved + ": " + std::strerror(errno));
  std::string data;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<size_t>(in.gcount()));
    if (data.size() > max_bytes) return TooLarge(resolved, max_bytes);
  }
  return data;
}

Result<std::set<std::string>> DiskFileSource::Glob(const std::string& pattern,
                                                   size_t max_matches) const {
  return context_internal::Glob(pattern, max_matches);
}

// ---- MemoryFileSource ----

MemoryFileSource::MemoryFileSource(const std::map<std::string, std::string>& files) {
  for (const auto& [name, bytes] : files) {
    if (name.empty() || name[0] == '/') continue;
    std::string clean = CleanPath(name);
    if (clean == "." || clean == ".." || clean.rfind("../", 0) == 0) continue;
    files_.emplace(std::move(clean), bytes);
  }
}

Result<std::string> MemoryFileSource::ExpandHome(std::string_view path) const {
  if (!path.empty() && path[0] == '~') {
    return PermissionDenied("~ (a home directory) is refused: " + std::string(kOnlyOwnFiles));
  }
  return std::string(path);
}

Result<std::string> MemoryFileSource::Resolve(std::string_view path) const {
  FW_ASSIGN_OR_RETURN(std::string p, ExpandHome(path));
  if (!p.empty() && p[0] == '/') {
    return PermissionDenied("absolute paths are refused: " + std::string(kOnlyOwnFiles));
  }
  std::string clean = CleanPath(p);
  if (clean == ".." || clean.rfind("../", 0) == 0) {
    return PermissionDenied("the path leads outside the template: " + std::string(kOnlyOwnFiles));
  }
  return clean;
}

Result<FileKind> MemoryFileSource::Kind(const std::string& resolved) const {
  if (resolved == ".") return FileKind::kDirectory;
  if (files_.count(resolved) != 0) return FileKind::kRegular;
  std::string prefix = resolved + "/";
  auto it = files_.lower_bound(prefix);
  if (it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0) {
    return FileKind::kDirectory;
  }
  return FileKind::kNone;
}

Result<std::string> MemoryFileSource::Read(const std::string& resolved, size_t max_bytes) const {
  auto it = files_.find(resolved);
  if (it == files_.end()) {
    FW_ASSIGN_OR_RETURN(FileKind kind, Kind(resolved));
    if (kind == FileKind::kDirectory) return InvalidArgument("read " + resolved + ": is a directory");
    return NotFound("open " + resolved + ": no such file in the template");
  }
  if (it->second.size() > max_bytes) return TooLarge(resolved, max_bytes);
  return it->second;
}

Result<std::set<std::string>> MemoryFileSource::Glob(const std::string& pattern,
                                                     size_t max_matches) const {
  if (pattern.empty() || pattern[0] == '/') {
    return PermissionDenied("absolute paths are refused: " + std::string(kOnlyOwnFiles));
  }
  if (pattern == ".." || pattern.rfind("../", 0) == 0) {
    return PermissionDenied("the pattern leads outside the template: " +
                            std::string(kOnlyOwnFiles));
  }
  std::vector<std::string_view> segs = PathSegments(pattern);
  if (pattern == ".") segs.clear();
  std::set<std::string> out;
  for (const auto& entry : files_) {
    bool bad = false;
    bool match = MatchSegments(segs, PathSegments(entry.first), &bad);
    if (bad) return InvalidArgument("syntax error in pattern");
    if (!match) continue;
    if (out.size() >= max_matches) return InvalidArgument("the pattern matches too many files");
    out.insert(entry.first);
  }
  return out;
}

std::shared_ptr<const FileSource> EmptyFileSource() {
  static const std::shared_ptr<const FileSource> empty =
      std::make_shared<MemoryFileSource>(std::map<std::string, std::string>{});
  return empty;
}

Status FileReadError(const Status& status, std::string_view path, bool sensitive) {
  const std::string where =
      "no file exists at " + encoding_internal::RedactIfSensitive(path, sensitive) +
      "; this function works only with files that are distributed as part of the configuration "
      "source code";
  if (status.code() == ErrorCode::kNotFound) {
    return encoding_internal::ArgError(
        "path", where +
                    ", so if this file will be created by a resource in this configuration you "
                    "must instead obtain this result from an attribute of that resource");
  }
  if (status.code() == ErrorCode::kPermissionDenied) {
    return encoding_internal::ArgError("path", where + " (" + status.message() + ")");
  }
  return InvalidArgument("failed to read file: " + status.message());
}

}  // namespace fw::hcl
