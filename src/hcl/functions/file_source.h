// Where the filesystem functions (file, fileset, templatefile...) and resource arguments that
// name a file (huaweicloud_obs_bucket_object's `source`) read files: a read-only view of the
// configuration's own files.
//
//   auto disk = std::make_shared<DiskFileSource>("stack");       // the CLI: the real disk
//   auto mem = std::make_shared<MemoryFileSource>(std::map<std::string, std::string>{
//       {"main.tf", "..."}, {"modules/net/init.sh", "#!/bin/sh"}});  // an RFS stack's template
//   Result<std::string> r = mem->Resolve("modules/net/../net/init.sh");  // "modules/net/init.sh"
//   if (r.ok()) bytes = mem->Read(*r, kMaxFunctionFileBytes);
//
// Paths are written as in the configuration: relative ones resolve against the source's root
// (the root module's directory, which is Terraform's working directory, so
// `"${path.module}/init.sh"` names a module's file). Resolve() gives the canonical name the
// other operations take and messages show:
//  * DiskFileSource: `~` expanded, made absolute against the root, cleaned lexically. Any path is
//    allowed, as in Terraform (the CLI reads the disk of the one who runs it).
//  * MemoryFileSource: exactly the given files, by clean relative POSIX paths ("./a/../b.sh" is
//    "b.sh"; "." is the root); directories are the prefixes of their paths. Absolute paths,
//    paths leading outside the root ("../x") and `~` are refused with kPermissionDenied, so a
//    template submitted to the server can never read the server's own files.
//
// Errors: kNotFound when nothing is at a path (its message names the path), kPermissionDenied
// for a refused path (the message is the reason, without the path), kPayloadTooLarge for a file
// over the size limit, kInvalidArgument otherwise (a directory where a file is wanted, a bad
// glob pattern, an unreadable file).
//
// Thread-safety: sources are immutable; every operation may be called from many threads.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "base/status.h"

namespace fw::hcl {

inline constexpr size_t kMaxFunctionFileBytes = 64 * 1024 * 1024;
inline constexpr size_t kMaxFilesetMatches = 100000;

enum class FileKind { kNone, kRegular, kDirectory, kDevice, kPipe, kSocket, kOther };

class FileSource {
 public:
  virtual ~FileSource() = default;

  // The canonical name of `path` as the configuration writes it (see above).
  virtual Result<std::string> Resolve(std::string_view path) const = 0;
  // What is at a resolved name (kNone when nothing is).
  virtual Result<FileKind> Kind(const std::string& resolved) const = 0;
  // The bytes of the regular file at a resolved name, refused when larger than `max_bytes`.
  virtual Result<std::string> Read(const std::string& resolved, size_t max_bytes) const = 0;
  // The regular files whose resolved names match `pattern`, itself a resolved name whose
  // segments may be glob patterns (`*`, `?`, `[...]`, `{a,b}`, `\`, and `**` as a whole segment
  // for any number of directories), sorted; an error past `max_matches`.
  virtual Result<std::set<std::string>> Glob(const std::string& pattern,
                                             size_t max_matches) const = 0;
  // The root relative paths resolve against, as abspath and path.cwd show it: absolute on disk,
  // "." in memory (a template has no place on the server's disk).
  virtual std::string WorkingDirectory() const = 0;
  // `path` with a leading `~` replaced by the home directory (pathexpand). A memory source has
  // no home directory: such paths are refused.
  virtual Result<std::string> ExpandHome(std::string_view path) const = 0;

  // Resolve + Read.
  Result<std::string> ReadPath(std::string_view path, size_t max_bytes) const;
};

// The real disk; relative paths resolve against `root_dir` (made absolute against the process's
// current directory when relative; "" is the current directory).
class DiskFileSource final : public FileSource {
 public:
  explicit DiskFileSource(std::string root_dir);

  Result<std::string> Resolve(std::string_view path) const override;
  Result<FileKind> Kind(const std::string& resolved) const override;
  Result<std::string> Read(const std::string& resolved, size_t max_bytes) const override;
  Result<std::set<std::string>> Glob(const std::string& pattern,
                                     size_t max_matches) const override;
  std::string WorkingDirectory() const override { return root_; }
  Result<std::string> ExpandHome(std::string_view path) const override;

 private:
  std::string root_;  // absolute, clean
};

// Exactly `files` (relative path → bytes). Names are cleaned lexically; names that are absolute
// or lead outside the root are dropped (nothing could read them), and of two names that clean to
// the same path the first in the map's order is kept.
class MemoryFileSource final : public FileSource {
 public:
  explicit MemoryFileSource(const std::map<std::string, std::string>& files);

  Result<std::string> Resolve(std::string_view path) const override;
  Result<FileKind> Kind(const std::string& resolved) const override;
  Result<std::string> Read(const std::string& resolved, size_t max_bytes) const override;
  Result<std::set<std::string>> Glob(const std::string& pattern,
                                     size_t max_matches) const override;
  std::string WorkingDirectory() const override { return "."; }
  Result<std::string> ExpandHome(std::string_view path) const override;

  size_t size() const { return files_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> files_;  // by clean relative path
};

// A source with no files at all (for configurations built without a loader).
std::shared_ptr<const FileSource> EmptyFileSource();

// The message a file-reading function gives when `source` could not read `path` (as the
// configuration wrote it, redacted when `sensitive`): Terraform's "no file exists at ..." for a
// missing or refused file, the source's message otherwise.
Status FileReadError(const Status& status, std::string_view path, bool sensitive);

}  // namespace fw::hcl
