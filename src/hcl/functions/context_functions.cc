// Filesystem and clock functions bound to a FunctionContext (see context_functions.h).
#include "hcl/functions/context_functions.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "hcl/functions/context_internal.h"
#include "hcl/functions/datetime_internal.h"
#include "hcl/functions/encoding_internal.h"
#include "hcl/functions/hash_internal.h"

namespace fw::hcl {
namespace {

using context_internal::CleanPath;
using context_internal::JoinPath;
using encoding_internal::RedactIfSensitive;
using hash_internal::Digest;

Parameter PathParam(bool marked_unknown) {
  return Parameter{.name = "path",
                   .type = Type::String(),
                   .allow_unknown = marked_unknown,
                   .allow_marked = marked_unknown};
}

std::string AbsBase(const std::string& base_dir) {
  if (!base_dir.empty() && base_dir[0] == '/') return CleanPath(base_dir);
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  return JoinPath(cwd, base_dir.empty() ? "." : base_dir);
}

// go-homedir's Expand.
Result<std::string> ExpandHome(const std::string& path) {
  if (path.empty() || path[0] != '~') return path;
  if (path.size() > 1 && path[1] != '/' && path[1] != '\\') {
    return InvalidArgument("cannot expand user-specific home dir");
  }
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') return InvalidArgument("HOME environment variable is unset");
  return JoinPath(home, path.substr(1));
}

Result<std::string> ResolvePath(const std::string& base_dir, const std::string& path) {
  Result<std::string> expanded = ExpandHome(path);
  if (!expanded.ok()) return InvalidArgument("failed to expand ~: " + expanded.status().message());
  std::string p = *expanded;
  if (p.empty() || p[0] != '/') p = JoinPath(base_dir, p);
  return CleanPath(p);
}

// Reads a file like Terraform's readFileBytes, refusing files over the size limit.
Result<std::string> ReadFile(const std::string& base_dir, const std::string& path, bool sensitive,
                             bool hash_style) {
  FW_ASSIGN_OR_RETURN(std::string full, ResolvePath(base_dir, path));
  struct stat st;
  if (::stat(full.c_str(), &st) != 0) {
    int err = errno;
    if (err == ENOENT && !hash_style) {
      return InvalidArgument(
          "no file exists at " + RedactIfSensitive(path, sensitive) +
          "; this function works only with files that are distributed as part of the "
          "configuration source code, so if this file will be created by a resource in this "
          "configuration you must instead obtain this result from an attribute of that "
          "resource");
    }
    return InvalidArgument("open " + full + ": " + std::strerror(err));
  }
  std::string prefix = hash_style ? "" : "failed to read file: ";
  if (S_ISDIR(st.st_mode)) return InvalidArgument(prefix + "read " + full + ": is a directory");
  if (static_cast<uint64_t>(st.st_size) > kMaxFunctionFileBytes) {
    return InvalidArgument(prefix + full + " is larger than the " +
                           std::to_string(kMaxFunctionFileBytes) + "-byte limit");
  }
  std::ifstream in(full, std::ios::binary);
  if (!in) return InvalidArgument("open " + full + ": " + std::strerror(errno));
  std::string data;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<size_t>(in.gcount()));
    if (data.size() > kMaxFunctionFileBytes) {
      return InvalidArgument(prefix + full + " is larger than the " +
                             std::to_string(kMaxFunctionFileBytes) + "-byte limit");
    }
  }
  return data;
}

FunctionSpec FileFn(const std::string& base, bool base64) {
  FunctionSpec spec;
  spec.name = base64 ? "filebase64" : "file";
  spec.description = base64 ? "Reads the contents of a file at the given path and returns them "
                              "as a base64-encoded string."
                            : "Reads the contents of a file at the given path and returns them "
                              "as a string.";
  spec.params = {PathParam(true)};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [base, base64](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const Value& v = args[0];
    if (!v.IsKnown()) return Value::Unknown(Type::String()).WithMarks(v.marks());
    const std::string& path = v.Unmark().AsString();
    Result<std::string> data = ReadFile(base, path, v.HasMark(kSensitive), false);
    if (!data.ok()) {
      if (data.status().message().rfind("failed to expand", 0) == 0) {
        return encoding_internal::ArgError("path", data.status().message());
      }
      return data.status();
    }
    if (base64) return Value::String(encoding_internal::Base64Encode(*data)).WithMarks(v.marks());
    if (!encoding_internal::IsValidUtf8(*data)) {
      return InvalidArgument(
          "contents of " + RedactIfSensitive(path, v.HasMark(kSensitive)) +
          " are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded "
          "contents or the other file functions (e.g. filemd5, filesha256) to obtain file "
          "hashing results instead");
    }
    return Value::String(std::move(data).value()).WithMarks(v.marks());
  };
  return spec;
}

FunctionSpec FileHashFn(const std::string& base, std::string name, Digest digest, bool base64) {
  FunctionSpec spec;
  spec.name = std::move(name);
  spec.description = "Computes a hash of the contents of the file at the given path.";
  spec.params = {PathParam(false)};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [base, digest, base64](const std::vector<Value>& args, const Type&) -> Result<Value> {
    FW_ASSIGN_OR_RETURN(std::string data, ReadFile(base, args[0].AsString(), false, true));
    std::string raw = hash_internal::DigestBytes(digest, data);
    return Value::String(base64 ? encoding_internal::Base64Encode(raw)
                                : hash_internal::HexLower(raw));
  };
  return spec;
}

FunctionSpec FileExistsFn(const std::string& base) {
  FunctionSpec spec;
  spec.name = "fileexists";
  spec.description = "Determines whether a file exists at the given path.";
  spec.params = {PathParam(true)};
  spec.return_type = StaticReturnType(Type::Bool());
  spec.impl = [base](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const Value& v = args[0];
    if (!v.IsKnown()) return Value::Unknown(Type::Bool()).WithMarks(v.marks());
    bool sensitive = v.HasMark(kSensitive);
    FW_ASSIGN_OR_RETURN(std::string full, ResolvePath(base, v.Unmark().AsString()));
    struct stat st;
    if (::stat(full.c_str(), &st) != 0) {
      if (errno == ENOENT || errno == ENOTDIR) return Value::False().WithMarks(v.marks());
      return InvalidArgument("failed to stat " + RedactIfSensitive(full, sensitive));
    }
    if (S_ISREG(st.st_mode)) return Value::True().WithMarks(v.marks());
    std::string name = RedactIfSensitive(full, sensitive);
    std::string what = S_ISDIR(st.st_mode)    ? " is a directory, not a file"
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)
                           ? " is a device node, not a regular file"
                       : S_ISFIFO(st.st_mode) ? " is a named pipe, not a regular file"
                       : S_ISSOCK(st.st_mode) ? " is a unix domain socket, not a regular file"
                                              : " is not a regular file";
    return encoding_internal::ArgError("path", name + what);
  };
  return spec;
}

FunctionSpec FileSetFn(const std::string& base) {
  FunctionSpec spec;
  spec.name = "fileset";
  spec.description = "Enumerates a set of regular file names given a pattern.";
  Parameter path = PathParam(true);
  Parameter pattern = path;
  pattern.name = "pattern";
  spec.params = {path, pattern};
  spec.return_type = StaticReturnType(Type::Set(Type::String()));
  spec.impl = [base](const std::vector<Value>& args, const Type& ret) -> Result<Value> {
    Marks marks = args[0].marks() | args[1].marks();
    if (!args[0].IsKnown() || !args[1].IsKnown()) return Value::Unknown(ret).WithMarks(marks);
    bool sensitive = (marks & kSensitive) != 0;
    std::string path = args[0].Unmark().AsString();
    if (path.empty() || path[0] != '/') path = JoinPath(base, path);
    std::string pattern = JoinPath(path, args[1].Unmark().AsString());
    Result<std::set<std::string>> matches = context_internal::Glob(pattern, kMaxFilesetMatches);
    if (!matches.ok()) {
      return InvalidArgument("failed to glob pattern " + RedactIfSensitive(pattern, sensitive) +
                             ": " + matches.status().message());
    }
    std::vector<Value> out;
    for (const std::string& m : *matches) {
      out.push_back(Value::String(context_internal::RelPath(CleanPath(path), m)));
    }
    return Value::Set(Type::String(), std::move(out)).WithMarks(marks);
  };
  return spec;
}

FunctionSpec PathFn(std::string name, std::string description,
                    std::function<Result<std::string>(const std::string&)> fn) {
  FunctionSpec spec;
  spec.name = std::move(name);
  spec.description = std::move(description);
  spec.params = {PathParam(false)};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [fn](const std::vector<Value>& args, const Type&) -> Result<Value> {
    FW_ASSIGN_OR_RETURN(std::string s, fn(args[0].AsString()));
    return Value::String(std::move(s));
  };
  return spec;
}

std::string NowRfc3339(const Clock* clock) {
  TimePoint now = clock ? clock->Now() : SystemClock::Instance().Now();
  datetime_internal::Timestamp t;
  t.unix_seconds = std::chrono::floor<std::chrono::seconds>(now.time_since_epoch()).count();
  return datetime_internal::FormatRfc3339(t);
}

FunctionSpec ClockFn(std::string name, std::string description, const Clock* clock,
                     bool unknown) {
  FunctionSpec spec;
  spec.name = std::move(name);
  spec.description = std::move(description);
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [clock, unknown](const std::vector<Value>&, const Type&) -> Result<Value> {
    if (unknown) return Value::Unknown(Type::String());
    return Value::String(NowRfc3339(clock));
  };
  return spec;
}

}  // namespace

void RegisterContextFunctions(FunctionRegistry* registry, const FunctionContext& context) {
  const std::string base = AbsBase(context.base_dir);
  registry->Register(PathFn("abspath", "Converts a string path into an absolute path.",
                            [base](const std::string& p) -> Result<std::string> {
                              if (!p.empty() && p[0] == '/') return CleanPath(p);
                              return JoinPath(base, p);
                            }));
  registry->Register(PathFn("basename",
                            "Takes a string containing a filesystem path and removes all except "
                            "the last portion from it.",
                            [](const std::string& p) -> Result<std::string> {
                              return context_internal::BasePath(p);
                            }));
  registry->Register(PathFn("dirname",
                            "Takes a string containing a filesystem path and removes the last "
                            "portion from it.",
                            [](const std::string& p) -> Result<std::string> {
                              return context_internal::DirPath(p);
                            }));
  registry->Register(PathFn("pathexpand",
                            "Takes a filesystem path that might begin with a `~` segment, and "
                            "if so it replaces that segment with the current user's home "
                            "directory path.",
                            [](const std::string& p) { return ExpandHome(p); }));
  registry->Register(FileFn(base, false));
  registry->Register(FileFn(base, true));
  registry->Register(FileExistsFn(base));
  registry->Register(FileSetFn(base));
  registry->Register(FileHashFn(base, "filemd5", Digest::kMd5, false));
  registry->Register(FileHashFn(base, "filesha1", Digest::kSha1, false));
  registry->Register(FileHashFn(base, "filesha256", Digest::kSha256, false));
  registry->Register(FileHashFn(base, "filesha512", Digest::kSha512, false));
  registry->Register(FileHashFn(base, "filebase64sha256", Digest::kSha256, true));
  registry->Register(FileHashFn(base, "filebase64sha512", Digest::kSha512, true));
  registry->Register(ClockFn("timestamp",
                             "Returns a UTC timestamp string in RFC 3339 format (unknown while "
                             "planning).",
                             context.clock, context.plan_time));
  registry->Register(ClockFn("plantimestamp",
                             "Returns a UTC timestamp string in RFC 3339 format of the plan's "
                             "time.",
                             context.clock, false));
  if (context.plan_time) {
    // Impure functions give unknown results while planning, as in Terraform.
    for (const char* name : {"uuid", "bcrypt"}) {
      const FunctionSpec* impure = registry->Find(name);
      if (impure == nullptr) continue;
      FunctionSpec spec = *impure;
      spec.impl = [](const std::vector<Value>&, const Type& ret) -> Result<Value> {
        return Value::Unknown(ret);
      };
      registry->Register(std::move(spec));
    }
  }
}

}  // namespace fw::hcl
