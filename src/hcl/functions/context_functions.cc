// Filesystem and clock functions bound to a FunctionContext (see context_functions.h).
#include "hcl/functions/context_functions.h"

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

using Files = std::shared_ptr<const FileSource>;

// A path the source cannot resolve: refused (memory sources), or `~` that cannot be expanded.
Status ResolveError(const Status& status, const std::string& path, bool sensitive) {
  if (status.code() == ErrorCode::kPermissionDenied) return FileReadError(status, path, sensitive);
  return encoding_internal::ArgError("path", status.message());
}

// Reads a file like Terraform's readFileBytes. `hash_style`: the file hash functions, which
// report a missing file as the error opening it.
Result<std::string> ReadFile(const FileSource& files, const std::string& path, bool sensitive,
                             bool hash_style) {
  Result<std::string> resolved = files.Resolve(path);
  if (!resolved.ok()) return ResolveError(resolved.status(), path, sensitive);
  Result<std::string> data = files.Read(*resolved, kMaxFunctionFileBytes);
  if (data.ok()) return data;
  if (hash_style && data.status().code() != ErrorCode::kPermissionDenied) {
    return InvalidArgument(data.status().message());
  }
  return FileReadError(data.status(), path, sensitive);
}

FunctionSpec FileFn(const Files& files, bool base64) {
  FunctionSpec spec;
  spec.name = base64 ? "filebase64" : "file";
  spec.description = base64 ? "Reads the contents of a file at the given path and returns them "
                              "as a base64-encoded string."
                            : "Reads the contents of a file at the given path and returns them "
                              "as a string.";
  spec.params = {PathParam(true)};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [files, base64](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const Value& v = args[0];
    if (!v.IsKnown()) return Value::Unknown(Type::String()).WithMarks(v.marks());
    const std::string& path = v.Unmark().AsString();
    FW_ASSIGN_OR_RETURN(std::string data, ReadFile(*files, path, v.HasMark(kSensitive), false));
    if (base64) return Value::String(encoding_internal::Base64Encode(data)).WithMarks(v.marks());
    if (!encoding_internal::IsValidUtf8(data)) {
      return InvalidArgument(
          "contents of " + RedactIfSensitive(path, v.HasMark(kSensitive)) +
          " are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded "
          "contents or the other file functions (e.g. filemd5, filesha256) to obtain file "
          "hashing results instead");
    }
    return Value::String(std::move(data)).WithMarks(v.marks());
  };
  return spec;
}

FunctionSpec FileHashFn(const Files& files, std::string name, Digest digest, bool base64) {
  FunctionSpec spec;
  spec.name = std::move(name);
  spec.description = "Computes a hash of the contents of the file at the given path.";
  spec.params = {PathParam(false)};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [files, digest, base64](const std::vector<Value>& args,
                                      const Type&) -> Result<Value> {
    FW_ASSIGN_OR_RETURN(std::string data, ReadFile(*files, args[0].AsString(), false, true));
    std::string raw = hash_internal::DigestBytes(digest, data);
    return Value::String(base64 ? encoding_internal::Base64Encode(raw)
                                : hash_internal::HexLower(raw));
  };
  return spec;
}

FunctionSpec FileExistsFn(const Files& files) {
  FunctionSpec spec;
  spec.name = "fileexists";
  spec.description = "Determines whether a file exists at the given path.";
  spec.params = {PathParam(true)};
  spec.return_type = StaticReturnType(Type::Bool());
  spec.impl = [files](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const Value& v = args[0];
    if (!v.IsKnown()) return Value::Unknown(Type::Bool()).WithMarks(v.marks());
    bool sensitive = v.HasMark(kSensitive);
    const std::string& path = v.Unmark().AsString();
    Result<std::string> full = files->Resolve(path);
    if (!full.ok()) return ResolveError(full.status(), path, sensitive);
    Result<FileKind> kind = files->Kind(*full);
    if (!kind.ok()) return InvalidArgument("failed to stat " + RedactIfSensitive(*full, sensitive));
    if (*kind == FileKind::kNone) return Value::False().WithMarks(v.marks());
    if (*kind == FileKind::kRegular) return Value::True().WithMarks(v.marks());
    std::string name = RedactIfSensitive(*full, sensitive);
    std::string what = *kind == FileKind::kDirectory ? " is a directory, not a file"
                       : *kind == FileKind::kDevice  ? " is a device node, not a regular file"
                       : *kind == FileKind::kPipe    ? " is a named pipe, not a regular file"
                       : *kind == FileKind::kSocket ? " is a unix domain socket, not a regular file"
                                                     : " is not a regular file";
    return encoding_internal::ArgError("path", name + what);
  };
  return spec;
}

FunctionSpec FileSetFn(const Files& files) {
  FunctionSpec spec;
  spec.name = "fileset";
  spec.description = "Enumerates a set of regular file names given a pattern.";
  Parameter path = PathParam(true);
  Parameter pattern = path;
  pattern.name = "pattern";
  spec.params = {path, pattern};
  spec.return_type = StaticReturnType(Type::Set(Type::String()));
  spec.impl = [files](const std::vector<Value>& args, const Type& ret) -> Result<Value> {
    Marks marks = args[0].marks() | args[1].marks();
    if (!args[0].IsKnown() || !args[1].IsKnown()) return Value::Unknown(ret).WithMarks(marks);
    bool sensitive = (marks & kSensitive) != 0;
    const std::string& path = args[0].Unmark().AsString();
    // Like Terraform, fileset does not expand `~`: "~x" is a directory named so.
    Result<std::string> resolved =
        files->Resolve(!path.empty() && path[0] == '~' ? "./" + path : path);
    if (!resolved.ok()) return ResolveError(resolved.status(), path, sensitive);
    std::string pattern = JoinPath(*resolved, args[1].Unmark().AsString());
    Result<std::set<std::string>> matches = files->Glob(pattern, kMaxFilesetMatches);
    if (!matches.ok()) {
      return InvalidArgument("failed to glob pattern " + RedactIfSensitive(pattern, sensitive) +
                             ": " + matches.status().message());
    }
    std::vector<Value> out;
    for (const std::string& m : *matches) {
      out.push_back(Value::String(context_internal::RelPath(*resolved, m)));
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

std::string Rfc3339(TimePoint now) {
  datetime_internal::Timestamp t;
  t.unix_seconds = std::chrono::floor<std::chrono::seconds>(now.time_since_epoch()).count();
  return datetime_internal::FormatRfc3339(t);
}

// `fixed`: the value of every call; otherwise the clock's now at each call.
FunctionSpec ClockFn(std::string name, std::string description, const Clock* clock,
                     bool unknown, std::optional<TimePoint> fixed) {
  FunctionSpec spec;
  spec.name = std::move(name);
  spec.description = std::move(description);
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [clock, unknown, fixed](const std::vector<Value>&, const Type&) -> Result<Value> {
    if (unknown) return Value::Unknown(Type::String());
    if (fixed) return Value::String(Rfc3339(*fixed));
    return Value::String(Rfc3339(clock ? clock->Now() : SystemClock::Instance().Now()));
  };
  return spec;
}

}  // namespace

void RegisterFileFunctions(FunctionRegistry* registry, std::shared_ptr<const FileSource> files) {
  if (files == nullptr) files = EmptyFileSource();
  const std::string base = files->WorkingDirectory();
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
                            [files](const std::string& p) { return files->ExpandHome(p); }));
  registry->Register(FileFn(files, false));
  registry->Register(FileFn(files, true));
  registry->Register(FileExistsFn(files));
  registry->Register(FileSetFn(files));
  registry->Register(FileHashFn(files, "filemd5", Digest::kMd5, false));
  registry->Register(FileHashFn(files, "filesha1", Digest::kSha1, false));
  registry->Register(FileHashFn(files, "filesha256", Digest::kSha256, false));
  registry->Register(FileHashFn(files, "filesha512", Digest::kSha512, false));
  registry->Register(FileHashFn(files, "filebase64sha256", Digest::kSha256, true));
  registry->Register(FileHashFn(files, "filebase64sha512", Digest::kSha512, true));
}

void RegisterContextFunctions(FunctionRegistry* registry, const FunctionContext& context) {
  RegisterFileFunctions(registry, context.files);
  registry->Register(ClockFn("timestamp",
                             "Returns a UTC timestamp string in RFC 3339 format (unknown while "
                             "planning).",
                             context.clock, context.plan_time, std::nullopt));
  registry->Register(ClockFn("plantimestamp",
                             "Returns a UTC timestamp string in RFC 3339 format of the plan's "
                             "time.",
                             context.clock, false, context.plan_timestamp));
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
