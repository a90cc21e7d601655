// Terraform's regular-expression functions: regex, regexall, and replace (plain, or a regular
// expression when the search string is written /.../). Patterns use RE2 syntax, which is what
// Go's regexp package (and so Terraform) accepts; `$1`/`${name}` in replacements expand as Go's
// Regexp.Expand does, and repeated matches follow Go's rules for empty matches.
#include <re2/re2.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "hcl/functions/function.h"
#include "hcl/functions/string_common.h"

namespace fw::hcl {
namespace {

using functions_internal::ArgError;
using functions_internal::DecodeUtf8;
using functions_internal::Param;
using functions_internal::WithCtyUnknowns;

// Go's regexp/syntax error code text for an RE2 error code.
std::string GoErrorCode(RE2::ErrorCode code) {
  switch (code) {
    case RE2::ErrorBadEscape:
      return "invalid escape sequence";
    case RE2::ErrorBadCharClass:
      return "invalid character class";
    case RE2::ErrorBadCharRange:
      return "invalid character class range";
    case RE2::ErrorMissingBracket:
      return "missing closing ]";
    case RE2::ErrorMissingParen:
      return "missing closing )";
    case RE2::ErrorUnexpectedParen:
      return "unexpected )";
    case RE2::ErrorTrailingBackslash:
      return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument:
      return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize:
      return "invalid repeat count";
    case RE2::ErrorRepeatOp:
      return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp:
      return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8:
      return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture:
      return "invalid named capture";
    case RE2::ErrorPatternTooLarge:
      return "expression too large";
    default:
      return "unexpected error";
  }
}

struct Compiled {
  std::unique_ptr<RE2> re;
  std::string code;  // Go's error code text when compilation failed
  std::string expr;  // the offending part of the pattern
};

Compiled Compile(const std::string& pattern) {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_encoding(RE2::Options::EncodingUTF8);
  Compiled c;
  c.re = std::make_unique<RE2>(pattern, opts);
  if (!c.re->ok()) {
    c.code = GoErrorCode(c.re->error_code());
    c.expr = c.re->error_arg();
  }
  return c;
}

// One match: [start, end) pairs for the whole match and each group; -1 when a group did not
// participate.
using Match = std::vector<std::pair<int64_t, int64_t>>;

// The next leftmost-first match at or after `pos`, with the whole text as context.
bool FindAt(const RE2& re, const std::string& s, size_t pos, Match* m) {
  int n = 1 + re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub(static_cast<size_t>(n));
  if (!re.Match(s, pos, s.size(), RE2::UNANCHORED, sub.data(), n)) return false;
  m->clear();
  for (const re2::StringPiece& p : sub) {
    if (p.data() == nullptr) {
      m->push_back({-1, -1});
    } else {
      int64_t start = p.data() - s.data();
      m->push_back({start, start + static_cast<int64_t>(p.size())});
    }
  }
  return true;
}

size_t RuneWidth(const std::string& s, size_t pos) {
  if (pos >= s.size()) return 0;
  size_t i = pos;
  DecodeUtf8(s, &i);
  return i - pos;
}

// Go's FindAllStringSubmatchIndex(s, -1).
std::vector<Match> FindAll(const RE2& re, const std::string& s) {
  std::vector<Match> out;
  int64_t prev_end = -1;
  size_t pos = 0;
  Match m;
  while (pos <= s.size() && FindAt(re, s, pos, &m)) {
    bool accept = true;
    if (m[0].second == static_cast<int64_t>(pos)) {
      if (m[0].first == prev_end) accept = false;
      pos = pos < s.size() ? pos + RuneWidth(s, pos) : s.size() + 1;
    } else {
      pos = static_cast<size_t>(m[0].second);
    }
    prev_end = m[0].second;
    if (accept) out.push_back(m);
  }
  return out;
}

// Result type of a pattern: string (no groups), tuple of strings (unnamed groups), object of
// strings (named groups).
Result<Type> PatternResultType(const std::string& pattern) {
  Compiled c = Compile(pattern);
  if (!c.re->ok()) {
    return ArgError("pattern", "invalid regexp pattern: " + c.code + " in " + c.expr);
  }
  int groups = c.re->NumberOfCapturingGroups();
  const std::map<int, std::string>& names = c.re->CapturingGroupNames();
  int named = static_cast<int>(names.size());
  int unnamed = groups - named;
  if (groups == 0) return Type::String();
  if (unnamed > 0 && named > 0) {
    return ArgError("pattern",
                    "invalid regexp pattern: cannot mix both named and unnamed capture groups");
  }
  if (unnamed > 0)
    return Type::Tuple(std::vector<Type>(static_cast<size_t>(unnamed), Type::String()));
  std::vector<std::pair<std::string, Type>> attrs;
  for (const auto& [index, name] : names) {
    bool dup = false;
    for (const auto& a : attrs) dup = dup || a.first == name;
    if (!dup) attrs.push_back({name, Type::String()});
  }
  return Type::Object(std::move(attrs));
}

Value MatchResult(const RE2& re, const std::string& s, const Match& m, const Type& ret) {
  auto group = [&](size_t i) {
    if (m[i].first < 0) return Value::Null(Type::String());
    return Value::String(
        s.substr(static_cast<size_t>(m[i].first), static_cast<size_t>(m[i].second - m[i].first)));
  };
  if (ret.kind() == TypeKind::kString) return group(0);
  if (ret.IsTuple()) {
    std::vector<Value> vals;
    for (size_t i = 1; i < m.size(); ++i) vals.push_back(group(i));
    return Value::Tuple(std::move(vals));
  }
  std::vector<std::pair<std::string, Value>> attrs;
  for (const auto& [index, name] : re.CapturingGroupNames()) {
    Value v = group(static_cast<size_t>(index));
    bool replaced = false;
    for (auto& a : attrs) {
      if (a.first == name) {
        a.second = v;  // Go keeps the last group of a repeated name
        replaced = true;
      }
    }
    if (!replaced) attrs.push_back({name, v});
  }
  return Value::Object(std::move(attrs));
}

Result<Type> RegexReturnType(const std::vector<Value>& args) {
  if (!args[0].IsKnown()) return Type::Dynamic();
  return PatternResultType(args[0].AsString());
}

Result<Value> RegexImpl(const std::vector<Value>& args, const Type& ret) {
  if (ret.IsDynamic()) return Value::DynamicUnknown();
  Compiled c = Compile(args[0].AsString());
  if (!c.re->ok()) return ArgError("pattern", "error parsing pattern: " + c.code);
  const std::string& s = args[1].AsString();
  Match m;
  if (!FindAt(*c.re, s, 0, &m)) {
    return InvalidArgument("pattern did not match any part of the given string");
  }
  return MatchResult(*c.re, s, m, ret);
}

Result<Value> RegexAllImpl(const std::vector<Value>& args, const Type& ret) {
  const Type& ety = ret.ElementType();
  if (ety.IsDynamic()) return Value::Unknown(ret);
  Compiled c = Compile(args[0].AsString());
  if (!c.re->ok()) return ArgError("pattern", "error parsing pattern: " + c.code);
  const std::string& s = args[1].AsString();
  std::vector<Value> elems;
  for (const Match& m : FindAll(*c.re, s)) elems.push_back(MatchResult(*c.re, s, m, ety));
  return Value::List(ety, std::move(elems));
}

// Go's Regexp.Expand of `tmpl` for match `m` of `s`.
void Expand(const RE2& re, const std::string& tmpl, const std::string& s, const Match& m,
            std::string* out) {
  auto append_group = [&](int64_t i) {
    if (i >= 0 && static_cast<size_t>(i) < m.size() && m[static_cast<size_t>(i)].first >= 0) {
      const auto& g = m[static_cast<size_t>(i)];
      out->append(s, static_cast<size_t>(g.first), static_cast<size_t>(g.second - g.first));
    }
  };
  size_t i = 0;
  while (i < tmpl.size()) {
    size_t dollar = tmpl.find('$', i);
    if (dollar == std::string::npos) break;
    out->append(tmpl, i, dollar - i);
    i = dollar;
    if (i + 1 < tmpl.size() && tmpl[i + 1] == '$') {
      out->push_back('$');
      i += 2;
      continue;
    }
    // extract(): $name or ${name}
    size_t p = i + 1;
    bool brace = p < tmpl.size() && tmpl[p] == '{';
    if (brace) ++p;
    size_t name_start = p;
    while (p < tmpl.size()) {
      size_t q = p;
      uint32_t cp = DecodeUtf8(tmpl, &q);
      if (!functions_internal::IsUnicodeLetterOrDigit(cp) && cp != '_') break;
      p = q;
    }
    std::string name = tmpl.substr(name_start, p - name_start);
    bool ok = !name.empty() && i + 1 < tmpl.size();
    if (ok && brace) {
      if (p >= tmpl.size() || tmpl[p] != '}') {
        ok = false;
      } else {
        ++p;
      }
    }
    if (!ok) {
      out->push_back('$');
      ++i;
      continue;
    }
    i = p;
    int64_t num = 0;
    for (char c : name) {
      if (c < '0' || c > '9' || num >= 100000000) {
        num = -1;
        break;
      }
      num = num * 10 + (c - '0');
    }
    if (name[0] == '0' && name.size() > 1) num = -1;
    if (num >= 0) {
      append_group(num);
    } else {
      for (const auto& [index, group_name] : re.CapturingGroupNames()) {
        if (group_name == name) {
          append_group(index);
          break;
        }
      }
    }
  }
  out->append(tmpl, i, std::string::npos);
}

// Go's Regexp.ReplaceAllString.
Result<std::string> RegexReplace(const RE2& re, const std::string& s, const std::string& repl) {
  std::string out;
  size_t last_end = 0;
  size_t search = 0;
  Match m;
  while (search <= s.size() && FindAt(re, s, search, &m)) {
    size_t start = static_cast<size_t>(m[0].first);
    size_t end = static_cast<size_t>(m[0].second);
    out.append(s, last_end, start - last_end);
    if (end > last_end || start == 0) Expand(re, repl, s, m, &out);
    FW_RETURN_IF_ERROR(functions_internal::CheckResultSize(out.size()));
    last_end = end;
    size_t width = RuneWidth(s, search);
    if (search + width > end) {
      search += width;
    } else if (search + 1 > end) {
      ++search;
    } else {
      search = end;
    }
  }
  out.append(s, last_end, std::string::npos);
  FW_RETURN_IF_ERROR(functions_internal::CheckResultSize(out.size()));
  return out;
}

Result<Value> ReplaceImpl(const std::vector<Value>& args, const Type&) {
  const std::string& str = args[0].AsString();
  const std::string& substr = args[1].AsString();
  const std::string& repl = args[2].AsString();
  if (substr.size() > 1 && substr.front() == '/' && substr.back() == '/') {
    Compiled c = Compile(substr.substr(1, substr.size() - 2));
    if (!c.re->ok()) {
      return InvalidArgument("error parsing regexp: " + c.code + ": `" + c.expr + "`");
    }
    FW_ASSIGN_OR_RETURN(std::string out, RegexReplace(*c.re, str, repl));
    return Value::String(std::move(out));
  }
  if (substr.empty()) {
    // Go's strings.Replace with an empty old string inserts at every code point boundary.
    std::string out = repl;
    for (size_t i = 0; i < str.size();) {
      size_t start = i;
      DecodeUtf8(str, &i);
      out.append(str, start, i - start);
      out += repl;
      FW_RETURN_IF_ERROR(functions_internal::CheckResultSize(out.size()));
    }
    return Value::String(std::move(out));
  }
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t hit = str.find(substr, pos);
    if (hit == std::string::npos) break;
    out.append(str, pos, hit - pos);
    out += repl;
    FW_RETURN_IF_ERROR(functions_internal::CheckResultSize(out.size()));
    pos = hit + substr.size();
  }
  out.append(str, pos, std::string::npos);
  return Value::String(std::move(out));
}

}  // namespace

void RegisterRegexFunctions(FunctionRegistry* registry) {
  registry->Register(WithCtyUnknowns(FunctionSpec{
      .name = "regex",
      .description = "Applies the given regular expression pattern to the given string and "
                     "returns information about a single match, or raises an error if there "
                     "is no match.",
      .params = {Param("pattern", Type::String()), Param("string", Type::String())},
      .variadic = std::nullopt,
      .return_type = RegexReturnType,
      .impl = RegexImpl,
  }));
  registry->Register(WithCtyUnknowns(FunctionSpec{
      .name = "regexall",
      .description = "Applies the given regular expression pattern to the given string and "
                     "returns a list of information about all non-overlapping matches, or an "
                     "empty list if there are no matches.",
      .params = {Param("pattern", Type::String()), Param("string", Type::String())},
      .variadic = std::nullopt,
      .return_type = [](const std::vector<Value>& args) -> Result<Type> {
        FW_ASSIGN_OR_RETURN(Type t, RegexReturnType(args));
        return Type::List(t);
      },
      .impl = RegexAllImpl,
  }));
  registry->Register(WithCtyUnknowns(FunctionSpec{
      .name = "replace",
      .description = "Replaces all occurrences of a given substring in the given string with "
                     "another string, or a regular expression match when the substring is "
                     "written between slashes.",
      .params = {Param("str", Type::String()), Param("substr", Type::String()),
                 Param("replace", Type::String())},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::String()),
      .impl = ReplaceImpl,
  }));
}

}  // namespace fw::hcl
