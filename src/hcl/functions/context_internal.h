// Path helpers (Go's path/filepath on Unix) and fileset's glob (internal).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace fw::hcl::context_internal {

std::string CleanPath(std::string_view path);
std::string JoinPath(std::string_view a, std::string_view b);
std::string BasePath(std::string_view path);
std::string DirPath(std::string_view path);
// filepath.Rel for two clean absolute (or two clean relative) paths.
std::string RelPath(std::string_view base, std::string_view target);

// The non-empty '/'-separated segments of `path` (views into it).
std::vector<std::string_view> PathSegments(std::string_view path);

// Matches one path segment against a glob segment: `*`, `?`, `[...]`/`[^...]`, `{a,b}`, `\`.
// An invalid pattern (unclosed `[` or `{`) sets *bad.
bool MatchSegment(std::string_view pattern, std::string_view name, bool* bad);

// The regular files matching the clean absolute `pattern` (segments may be `**`), absolute.
Result<std::set<std::string>> Glob(const std::string& pattern, size_t max_matches);

}  // namespace fw::hcl::context_internal
