// Terraform's string functions: chomp, endswith, indent, join, lower, upper, split, startswith,
// strcontains, strrev, substr, title, trim, trimprefix, trimsuffix, trimspace. format and
// formatlist are in string_format.cc; regex, regexall and replace in regex_functions.cc.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hcl/functions/function.h"
#include "hcl/functions/string_common.h"

namespace fw::hcl {
namespace {

using functions_internal::AppendUtf8;
using functions_internal::ArgError;
using functions_internal::CheckResultSize;
using functions_internal::DecodeUtf8;
using functions_internal::GraphemeCount;
using functions_internal::GraphemeLength;
using functions_internal::Param;
using functions_internal::ToInt;
using functions_internal::WithCtyUnknowns;

using StringFn = std::string (*)(const std::string&);

// A function of one string argument returning a string.
FunctionSpec StringToString(std::string name, std::string description, StringFn fn) {
  return FunctionSpec{
      .name = std::move(name),
      .description = std::move(description),
      .params = {Parameter{.name = "str", .type = Type::String(), .allow_dynamic = true}},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::String()),
      .impl = [fn](const std::vector<Value>& args, const Type&) -> Result<Value> {
        return Value::String(fn(args[0].AsString()));
      },
  };
}

// A function of two string arguments.
template <typename Fn>
FunctionSpec TwoStrings(std::string name, std::string description, std::string p0, std::string p1,
                        Type ret, Fn fn) {
  return FunctionSpec{
      .name = std::move(name),
      .description = std::move(description),
      .params = {Param(std::move(p0), Type::String()), Param(std::move(p1), Type::String())},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(std::move(ret)),
      .impl = [fn](const std::vector<Value>& args, const Type&) -> Result<Value> {
        return fn(args[0].AsString(), args[1].AsString());
      },
  };
}

template <typename MapFn>
std::string MapCodePoints(const std::string& s, MapFn map) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) AppendUtf8(&out, map(DecodeUtf8(s, &i)));
  return out;
}

std::string Upper(const std::string& s) {
  return MapCodePoints(s, functions_internal::ToUpperCodePoint);
}
std::string Lower(const std::string& s) {
  return MapCodePoints(s, functions_internal::ToLowerCodePoint);
}

// Go's strings.Title: upper-cases (title-cases) each letter that follows a separator.
std::string Title(const std::string& s) {
  auto is_separator = [](uint32_t cp) {
    if (cp < 0x80) {
      bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                   (cp >= 'A' && cp <= 'Z') || cp == '_';
      return !alnum;
    }
    if (functions_internal::IsUnicodeLetterOrDigit(cp)) return false;
    return functions_internal::IsUnicodeSpace(cp);
  };
  std::string out;
  out.reserve(s.size());
  uint32_t prev = ' ';
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = DecodeUtf8(s, &i);
    AppendUtf8(&out, is_separator(prev) ? functions_internal::ToTitleCodePoint(cp) : cp);
    prev = cp;
  }
  return out;
}

std::string Chomp(const std::string& s) {
  size_t end = s.size();
  while (end > 0 && (s[end - 1] == '\n' || s[end - 1] == '\r')) --end;
  return s.substr(0, end);
}

std::string TrimSpace(const std::string& s) {
  size_t start = 0;
  while (start < s.size()) {
    size_t next = start;
    if (!functions_internal::IsUnicodeSpace(DecodeUtf8(s, &next))) break;
    start = next;
  }
  size_t end = s.size();
  while (end > start) {
    // Step back to the start of the last code point.
    size_t cp_start = end - 1;
    while (cp_start > start && (static_cast<unsigned char>(s[cp_start]) & 0xC0) == 0x80) {
      --cp_start;
    }
    size_t probe = cp_start;
    uint32_t cp = DecodeUtf8(s, &probe);
    if (probe != end || !functions_internal::IsUnicodeSpace(cp)) break;
    end = cp_start;
  }
  return s.substr(start, end - start);
}

std::string Reverse(const std::string& s) {
  std::string out(s.size(), '\0');
  size_t pos = s.size();
  for (size_t i = 0; i < s.size();) {
    size_t d = GraphemeLength(s, i);
    pos -= d;
    std::copy(s.begin() + static_cast<std::ptrdiff_t>(i),
              s.begin() + static_cast<std::ptrdiff_t>(i + d),
              out.begin() + static_cast<std::ptrdiff_t>(pos));
    i += d;
  }
  return out;
}

// Go's strings.Trim: removes leading and trailing code points contained in `cutset`.
Value Trim(const std::string& s, const std::string& cutset) {
  std::vector<uint32_t> cut;
  for (size_t i = 0; i < cutset.size();) cut.push_back(DecodeUtf8(cutset, &i));
  auto in_cut = [&](uint32_t cp) { return std::find(cut.begin(), cut.end(), cp) != cut.end(); };
  std::vector<size_t> starts;  // code point boundaries
  for (size_t i = 0; i < s.size();) {
    starts.push_back(i);
    DecodeUtf8(s, &i);
  }
  starts.push_back(s.size());
  size_t first = 0, last = starts.size() - 1;  // [first, last) in code points
  auto cp_at = [&](size_t k) {
    size_t i = starts[k];
    return DecodeUtf8(s, &i);
  };
  while (first < last && in_cut(cp_at(first))) ++first;
  while (last > first && in_cut(cp_at(last - 1))) --last;
  return Value::String(s.substr(starts[first], starts[last] - starts[first]));
}

// Go's strings.Split (an empty separator splits after each UTF-8 sequence).
std::vector<std::string> SplitString(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  if (sep.empty()) {
    for (size_t i = 0; i < s.size();) {
      size_t start = i;
      DecodeUtf8(s, &i);
      out.push_back(s.substr(start, i - start));
    }
    return out;
  }
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    if (pos == std::string::npos) break;
    out.push_back(s.substr(start, pos - start));
    start = pos + sep.size();
  }
  out.push_back(s.substr(start));
  return out;
}

// substr with cty's exact rules (offsets and lengths in characters; a negative offset counts
// from the end; a negative length means "to the end").
Result<Value> Substr(const std::vector<Value>& args, const Type&) {
  const std::string& in = args[0].AsString();
  auto offset_r = ToInt(args[1].AsNumber());
  if (!offset_r.ok()) return offset_r.status();
  auto length_r = ToInt(args[2].AsNumber());
  if (!length_r.ok()) return length_r.status();
  int64_t offset = *offset_r;
  int64_t length = *length_r;
  if (offset < 0) {
    offset += GraphemeCount(in);
  } else if (length == 0) {
    return Value::String("");
  }
  std::string_view sub = in;
  if (offset > 0) {
    size_t i = 0;
    int64_t pos = 0;
    while (i < sub.size()) {
      i += GraphemeLength(sub, i);
      ++pos;
      if (pos == offset) break;
      if (i >= in.size()) return Value::String("");
    }
    sub = sub.substr(i);
  }
  if (length < 0) return Value::String(std::string(sub));
  size_t i = 0;
  int64_t pos = 0;
  while (i < sub.size()) {
    i += GraphemeLength(sub, i);
    ++pos;
    if (pos == length) break;
  }
  return Value::String(std::string(sub.substr(0, i)));
}

Result<Value> Indent(const std::vector<Value>& args, const Type&) {
  auto spaces_r = ToInt(args[0].AsNumber());
  if (!spaces_r.ok()) return ArgError("spaces", spaces_r.status().message());
  int64_t spaces = *spaces_r;
  if (spaces < 0) return ArgError("spaces", "the number of spaces must not be negative");
  const std::string& data = args[1].AsString();
  size_t newlines = static_cast<size_t>(std::count(data.begin(), data.end(), '\n'));
  if (newlines > 0 && static_cast<uint64_t>(spaces) > functions_internal::kMaxResultBytes) {
    return CheckResultSize(static_cast<size_t>(-1));
  }
  FW_RETURN_IF_ERROR(CheckResultSize(data.size() + newlines * static_cast<size_t>(spaces)));
  std::string pad(static_cast<size_t>(spaces), ' ');
  std::string out;
  out.reserve(data.size() + newlines * pad.size());
  for (char c : data) {
    out.push_back(c);
    if (c == '\n') out += pad;
  }
  return Value::String(std::move(out));
}

Result<Value> Join(const std::vector<Value>& args, const Type&) {
  const std::string& sep = args[0].AsString();
  if (args.size() < 2) return InvalidArgument("at least one list is required");
  for (size_t a = 1; a < args.size(); ++a) {
    if (!args[a].IsWhollyKnown()) return Value::Unknown(Type::String());
  }
  std::string out;
  bool first = true;
  for (size_t a = 1; a < args.size(); ++a) {
    const std::vector<Value>& elems = args[a].Elements();
    for (size_t e = 0; e < elems.size(); ++e) {
      if (elems[e].IsNull()) {
        if (args.size() > 2) {
          return ArgError("lists", "element " + std::to_string(e) + " of list " +
                                       std::to_string(a) +
                                       " is null; cannot concatenate null values");
        }
        return ArgError(
            "lists", "element " + std::to_string(e) + " is null; cannot concatenate null values");
      }
      if (!first) out += sep;
      first = false;
      out += elems[e].AsString();
      FW_RETURN_IF_ERROR(CheckResultSize(out.size()));
    }
  }
  return Value::String(std::move(out));
}

Result<Value> StartsWith(const std::vector<Value>& args, const Type&) {
  const std::string& prefix = args[1].AsString();
  if (!args[0].IsKnown()) {
    if (prefix.empty()) return Value::True();
    return Value::Unknown(Type::Bool());
  }
  return Value::Bool(args[0].AsString().starts_with(prefix));
}

}  // namespace

void RegisterStringFunctions(FunctionRegistry* registry) {
  auto add = [registry](FunctionSpec spec) {
    registry->Register(WithCtyUnknowns(std::move(spec)));
  };
  add(StringToString("upper",
                     "Returns the given string with all Unicode letters translated to their "
                     "uppercase equivalents.",
                     Upper));
  add(StringToString("lower",
                     "Returns the given string with all Unicode letters translated to their "
                     "lowercase equivalents.",
                     Lower));
  add(StringToString("strrev",
                     "Returns the given string with all of its Unicode characters in reverse "
                     "order.",
                     Reverse));
  add(StringToString(
      "chomp", "Removes one or more newline characters from the end of the given string.", Chomp));
  add(StringToString("title",
                     "Replaces one letter after each non-letter and non-digit character with its "
                     "uppercase equivalent.",
                     Title));
  add(StringToString("trimspace",
                     "Removes any consecutive space characters (as defined by Unicode) from the "
                     "start and end of the given string.",
                     TrimSpace));
  add(TwoStrings("trim",
                 "Removes consecutive sequences of characters in \"cutset\" from the start and "
                 "end of the given string.",
                 "str", "cutset", Type::String(), Trim));
  add(TwoStrings("trimprefix", "Removes the given prefix from the start of the given string.",
                 "str", "prefix", Type::String(), [](const std::string& s, const std::string& p) {
                   return Value::String(s.starts_with(p) ? s.substr(p.size()) : s);
                 }));
  add(TwoStrings("trimsuffix", "Removes the given suffix from the end of the given string.", "str",
                 "suffix", Type::String(), [](const std::string& s, const std::string& p) {
                   return Value::String(s.ends_with(p) ? s.substr(0, s.size() - p.size()) : s);
                 }));
  add(TwoStrings("endswith", "Determines if the input string ends with the suffix.", "str",
                 "suffix", Type::Bool(), [](const std::string& s, const std::string& p) {
                   return Value::Bool(s.ends_with(p));
                 }));
  add(TwoStrings("strcontains", "Checks whether a substring is within another string.", "str",
                 "substr", Type::Bool(), [](const std::string& s, const std::string& p) {
                   return Value::Bool(s.find(p) != std::string::npos);
                 }));
  add(TwoStrings("split",
                 "Produces a list of one or more strings by splitting the given string at all "
                 "instances of a given separator substring.",
                 "separator", "str", Type::List(Type::String()),
                 [](const std::string& sep, const std::string& s) {
                   std::vector<Value> elems;
                   for (std::string& part : SplitString(s, sep)) {
                     elems.push_back(Value::String(std::move(part)));
                   }
                   return Value::List(Type::String(), std::move(elems));
                 }));

  FunctionSpec starts = TwoStrings(
      "startswith", "Determines if the input string starts with the prefix.", "str", "prefix",
      Type::Bool(), [](const std::string&, const std::string&) { return Value::False(); });
  starts.params[0].allow_unknown = true;
  starts.impl = StartsWith;
  add(std::move(starts));

  add(FunctionSpec{
      .name = "substr",
      .description = "Extracts a substring from the given string.",
      .params = {Parameter{.name = "str", .type = Type::String(), .allow_dynamic = true},
                 Parameter{.name = "offset", .type = Type::Number(), .allow_dynamic = true},
                 Parameter{.name = "length", .type = Type::Number(), .allow_dynamic = true}},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::String()),
      .impl = Substr,
  });
  add(FunctionSpec{
      .name = "indent",
      .description = "Adds a given number of spaces after each newline character in the given "
                     "string.",
      .params = {Param("spaces", Type::Number()), Param("str", Type::String())},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::String()),
      .impl = Indent,
  });
  add(FunctionSpec{
      .name = "join",
      .description = "Concatenates together the elements of all given lists with a delimiter, "
                     "producing a single string.",
      .params = {Param("separator", Type::String())},
      .variadic = Param("lists", Type::List(Type::String())),
      .return_type = StaticReturnType(Type::String()),
      .impl = Join,
  });
  RegisterFormatFunctions(registry);
}

}  // namespace fw::hcl
