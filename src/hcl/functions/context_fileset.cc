// Path helpers with Go's filepath semantics, and the glob behind fileset (bmatcuk/doublestar's
// rules, which Terraform uses: `*` and `?` never match '/', `**` as a whole segment matches any
// number of directories, `[...]` classes, `{a,b}` alternatives, `\` escapes).
#include <dirent.h>
#include <sys/stat.h>

#include <vector>

#include "hcl/functions/context_internal.h"

namespace fw::hcl::context_internal {
namespace {

constexpr int kMaxGlobDepth = 64;
constexpr size_t kMaxGlobVisits = 1000000;
constexpr int kMaxBraceDepth = 16;

}  // namespace

std::vector<std::string_view> PathSegments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

namespace {

bool HasMeta(std::string_view s) { return s.find_first_of("*?[{\\") != std::string_view::npos; }

// Matches a class at pattern[*p] == '['; advances *p past ']'.
bool MatchClass(std::string_view pattern, size_t* p, uint32_t ch, bool* bad) {
  size_t i = *p + 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '^' || pattern[i] == '!')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (true) {
    if (i >= pattern.size()) {
      *bad = true;
      return false;
    }
    if (pattern[i] == ']' && !first) break;
    first = false;
    unsigned char lo = static_cast<unsigned char>(pattern[i]);
    if (lo == '\\' && i + 1 < pattern.size()) lo = static_cast<unsigned char>(pattern[++i]);
    ++i;
    unsigned char hi = lo;
    if (i + 1 < pattern.size() && pattern[i] == '-' && pattern[i + 1] != ']') {
      hi = static_cast<unsigned char>(pattern[i + 1]);
      if (hi == '\\' && i + 2 < pattern.size()) {
        hi = static_cast<unsigned char>(pattern[i + 2]);
        ++i;
      }
      i += 2;
    }
    if (ch >= lo && ch <= hi) matched = true;
  }
  *p = i + 1;
  return matched != negate;
}

// Matches without braces (they are expanded first).
bool MatchSimple(std::string_view pattern, std::string_view name, bool* bad) {
  size_t p = 0, n = 0;
  size_t star_p = std::string_view::npos, star_n = 0;
  while (n < name.size()) {
    if (p < pattern.size()) {
      char c = pattern[p];
      if (c == '*') {
        star_p = ++p;
        star_n = n;
        continue;
      }
      if (c == '?') {
        // One character (a whole UTF-8 sequence).
        ++p;
        ++n;
        while (n < name.size() && (static_cast<unsigned char>(name[n]) & 0xc0) == 0x80) ++n;
        continue;
      }
      if (c == '[') {
        size_t q = p;
        if (MatchClass(pattern, &q, static_cast<unsigned char>(name[n]), bad)) {
          p = q;
          ++n;
          continue;
        }
        if (*bad) return false;
      } else {
        if (c == '\\' && p + 1 < pattern.size()) c = pattern[++p];
        if (c == name[n]) {
          ++p;
          ++n;
          continue;
        }
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p;
    n = ++star_n;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool MatchBraces(std::string_view pattern, std::string_view name, bool* bad, int depth) {
  if (depth > kMaxBraceDepth) {
    *bad = true;
    return false;
  }
  size_t open = std::string_view::npos;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern[i] == '{') {
      open = i;
      break;
    }
  }
  if (open == std::string_view::npos) return MatchSimple(pattern, name, bad);
  // Find the matching '}' and the top-level commas.
  std::vector<size_t> commas;
  int level = 0;
  size_t close = std::string_view::npos;
  for (size_t i = open + 1; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (c == '{') {
      ++level;
    } else if (c == '}') {
      if (level == 0) {
        close = i;
        break;
      }
      --level;
    } else if (c == ',' && level == 0) {
      commas.push_back(i);
    }
  }
  if (close == std::string_view::npos) {
    *bad = true;
    return false;
  }
  std::string_view prefix = pattern.substr(0, open), suffix = pattern.substr(close + 1);
  size_t start = open + 1;
  commas.push_back(close);
  for (size_t comma : commas) {
    std::string alt = std::string(prefix);
    alt += pattern.substr(start, comma - start);
    alt += suffix;
    if (MatchBraces(alt, name, bad, depth + 1)) return true;
    if (*bad) return false;
    start = comma + 1;
  }
  return false;
}

struct GlobState {
  std::set<std::string>* out;
  size_t max_matches;
  size_t visits = 0;
  Status status;
};

bool IsRegular(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool IsDir(const std::string& path, bool follow) {
  struct stat st;
  int rc = follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
  return rc == 0 && S_ISDIR(st.st_mode);
}

std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return names;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(std::move(name));
  }
  ::closedir(d);
  return names;
}

void Walk(GlobState* st, const std::string& dir, const std::vector<std::string_view>& segs,
          size_t k, int depth) {
  if (!st->status.ok()) return;
  if (++st->visits > kMaxGlobVisits || depth > kMaxGlobDepth) {
    st->status = InvalidArgument("the pattern visits too many files");
    return;
  }
  if (k == segs.size()) {
    if (IsRegular(dir)) {
      if (st->out->size() >= st->max_matches) {
        st->status = InvalidArgument("the pattern matches too many files");
        return;
      }
      st->out->insert(dir);
    }
    return;
  }
  std::string_view seg = segs[k];
  if (seg == "**") {
    // Zero directories...
    Walk(st, dir, segs, k + 1, depth + 1);
    // ...or one more (symbolic links to directories are not descended into).
    if (!IsDir(dir, true)) return;
    for (const std::string& name : ListDir(dir)) {
      std::string child = JoinPath(dir, name);
      if (IsDir(child, false) || IsRegular(child)) Walk(st, child, segs, k, depth + 1);
    }
    return;
  }
  if (!HasMeta(seg)) {
    Walk(st, JoinPath(dir, seg), segs, k + 1, depth + 1);
    return;
  }
  if (!IsDir(dir, true)) return;
  for (const std::string& name : ListDir(dir)) {
    bool bad = false;
    bool m = MatchSegment(seg, name, &bad);
    if (bad) {
      st->status = InvalidArgument("syntax error in pattern");
      return;
    }
    if (m) Walk(st, JoinPath(dir, name), segs, k + 1, depth + 1);
  }
}

}  // namespace

std::string CleanPath(std::string_view path) {
  if (path.empty()) return ".";
  bool rooted = path[0] == '/';
  std::vector<std::string_view> parts;
  for (std::string_view seg : PathSegments(path)) {
    if (seg == ".") continue;
    if (seg == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(seg);
      }
      continue;
    }
    parts.push_back(seg);
  }
  std::string out = rooted ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '/';
    out += parts[i];
  }
  return out.empty() ? "." : out;
}

std::string JoinPath(std::string_view a, std::string_view b) {
  if (a.empty()) return b.empty() ? "" : CleanPath(b);
  if (b.empty()) return CleanPath(a);
  return CleanPath(std::string(a) + "/" + std::string(b));
}

std::string BasePath(std::string_view path) {
  if (path.empty()) return ".";
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  if (path == "/") return "/";
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string DirPath(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view dir = slash == std::string_view::npos ? "" : path.substr(0, slash + 1);
  return CleanPath(dir);
}

std::string RelPath(std::string_view base, std::string_view target) {
  std::vector<std::string_view> b = PathSegments(base), t = PathSegments(target);
  if (base == ".") b.clear();
  if (target == ".") t.clear();
  size_t common = 0;
  while (common < b.size() && common < t.size() && b[common] == t[common]) ++common;
  std::string out;
  for (size_t i = common; i < b.size(); ++i) out += out.empty() ? ".." : "/..";
  for (size_t i = common; i < t.size(); ++i) {
    if (!out.empty()) out += '/';
    out += t[i];
  }
  return out.empty() ? "." : out;
}

bool MatchSegment(std::string_view pattern, std::string_view name, bool* bad) {
  return MatchBraces(pattern, name, bad, 0);
}

Result<std::set<std::string>> Glob(const std::string& pattern, size_t max_matches) {
  std::vector<std::string_view> segs = PathSegments(pattern);
  std::set<std::string> out;
  GlobState st{&out, max_matches};
  Walk(&st, pattern.empty() || pattern[0] != '/' ? "." : "/", segs, 0, 0);
  if (!st.status.ok()) return st.status;
  return out;
}

}  // namespace fw::hcl::context_internal
