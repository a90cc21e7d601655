// How Terraform's YAML decoder (go-cty-yaml) gives plain scalars a type: YAML 1.1 style
// booleans (y/yes/on/true...), null (~, null, empty), infinities, integers (decimal, 0x, 0o),
// floats, timestamps (normalised to RFC 3339 strings); everything else, and every quoted
// scalar, is a string.
#include <cstdio>

#include "hcl/functions/datetime_internal.h"
#include "hcl/functions/encoding_internal.h"
#include "hcl/functions/yaml_internal.h"

namespace fw::hcl::yaml_internal {
namespace {

constexpr char kTagPrefix[] = "tag:yaml.org,2002:";

std::string Tag(const char* name) { return std::string(kTagPrefix) + name; }

std::optional<Value> Special(std::string_view s) {
  static constexpr std::string_view kTrue[] = {"y", "Y", "yes", "Yes", "YES", "true", "True",
                                               "TRUE", "on", "On", "ON"};
  static constexpr std::string_view kFalse[] = {"n",     "N",     "no",  "No",  "NO",  "false",
                                                "False", "FALSE", "off", "Off", "OFF"};
  static constexpr std::string_view kNull[] = {"", "~", "null", "Null", "NULL"};
  for (auto t : kTrue) {
    if (s == t) return Value::True();
  }
  for (auto f : kFalse) {
    if (s == f) return Value::False();
  }
  for (auto n : kNull) {
    if (s == n) return Value();
  }
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF") {
    return Value::Num(Number::Infinity());
  }
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") return Value::Num(Number::Infinity(true));
  return std::nullopt;
}

bool IsDigits(std::string_view s, std::string_view alphabet) {
  if (s.empty()) return false;
  for (char c : s) {
    if (alphabet.find(c) == std::string_view::npos) return false;
  }
  return true;
}

// `[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+`
bool IsIntLiteral(std::string_view s) {
  if (s.substr(0, 2) == "0o") return IsDigits(s.substr(2), "01234567");
  if (s.substr(0, 2) == "0x") return IsDigits(s.substr(2), "0123456789abcdefABCDEF");
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return IsDigits(s, "0123456789");
}

// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
bool IsFloatLiteral(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  } else {
    if (!digits()) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

// Go's strconv.ParseInt(s, 0, 64) (and ParseUint for the positive overflow range).
std::optional<Number> ParseGoInt(std::string_view s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  int base = 10;
  if (s.size() > 1 && s[0] == '0') {
    char p = s[1];
    if (p == 'x' || p == 'X') {
      base = 16;
      s.remove_prefix(2);
    } else if (p == 'o' || p == 'O') {
      base = 8;
      s.remove_prefix(2);
    } else if (p == 'b' || p == 'B') {
      base = 2;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
  }
  if (s.empty()) return std::nullopt;
  unsigned __int128 v = 0;
  for (char c : s) {
    int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : 99;
    if (d >= base) return std::nullopt;
    v = v * base + d;
    if (v > UINT64_MAX) return std::nullopt;
  }
  if (neg) {
    if (v > static_cast<unsigned __int128>(INT64_MAX) + 1) return std::nullopt;
    return Number(0).Sub(Number::FromUint64(static_cast<uint64_t>(v))).value();
  }
  return Number::FromUint64(static_cast<uint64_t>(v));
}

// One or two digits (Go's "1", "2", "15", "4", "5" layout elements).
bool Num12(std::string_view* s, int* out) {
  if (s->empty() || (*s)[0] < '0' || (*s)[0] > '9') return false;
  *out = (*s)[0] - '0';
  size_t n = 1;
  if (s->size() > 1 && (*s)[1] >= '0' && (*s)[1] <= '9') {
    *out = *out * 10 + ((*s)[1] - '0');
    n = 2;
  }
  s->remove_prefix(n);
  return true;
}

bool Expect(std::string_view* s, char c) {
  if (s->empty() || (*s)[0] != c) return false;
  s->remove_prefix(1);
  return true;
}

// The YAML timestamp forms go-cty-yaml accepts; RFC 3339 text on success.
std::optional<std::string> ParseYamlTimestamp(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i != 4 || i == s.size() || s[i] != '-') return std::nullopt;
  int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  std::string_view v = s.substr(5);
  int month, day, hour = 0, minute = 0, second = 0;
  if (!Num12(&v, &month) || !Expect(&v, '-') || !Num12(&v, &day)) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > datetime_internal::DaysIn(month, year)) {
    return std::nullopt;
  }
  int offset = 0;
  if (!v.empty()) {
    char sep = v[0];
    if (sep != 'T' && sep != 't' && sep != ' ') return std::nullopt;
    v.remove_prefix(1);
    if (!Num12(&v, &hour) || !Expect(&v, ':') || !Num12(&v, &minute) || !Expect(&v, ':') ||
        !Num12(&v, &second)) {
      return std::nullopt;
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    if (!v.empty() && v[0] == '.') {
      v.remove_prefix(1);
      size_t k = 0;
      while (k < v.size() && v[k] >= '0' && v[k] <= '9') ++k;
      if (k == 0 || k > 9) return std::nullopt;
      v.remove_prefix(k);
    }
    if (sep == ' ') {
      if (!v.empty()) return std::nullopt;
    } else if (v == "Z") {
      v = {};
    } else {
      if (v.size() != 6 || (v[0] != '+' && v[0] != '-') || v[3] != ':') return std::nullopt;
      std::string_view hh = v.substr(1, 2), mm = v.substr(4, 2);
      int oh, om;
      if (!Num12(&hh, &oh) || !Num12(&mm, &om) || !hh.empty() || !mm.empty()) return std::nullopt;
      offset = (oh * 60 + om) * 60 * (v[0] == '-' ? -1 : 1);
    }
  }
  datetime_internal::Timestamp t;
  t.unix_seconds = datetime_internal::DaysFromCivil(year, month, day) * 86400 + hour * 3600 +
                   minute * 60 + second - offset;
  t.offset_seconds = offset;
  return datetime_internal::FormatRfc3339(t);
}

Status CannotParse(std::string_view src, const std::string& tag, const char* extra = "") {
  return InvalidArgument("cannot parse " + encoding_internal::GoQuote(src) + " as " + tag + extra);
}

}  // namespace

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xc0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xe0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    *out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    *out += static_cast<char>(0xf0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    *out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

Result<Value> ResolveScalar(const std::string& tag_in, std::string_view src, ScalarStyle style) {
  std::string tag = tag_in;
  static const std::string kStr = Tag("str"), kBinary = Tag("binary"), kBool = Tag("bool"),
                           kInt = Tag("int"), kFloat = Tag("float"), kNull = Tag("null"),
                           kTimestamp = Tag("timestamp");
  if (!(tag.empty() || tag == kStr || tag == kBool || tag == kInt || tag == kFloat ||
        tag == kNull || tag == kTimestamp || tag == kBinary)) {
    return InvalidArgument("unsupported tag " + encoding_internal::GoQuote(tag));
  }
  char hint = 'N';
  if (!src.empty()) {
    unsigned char c = static_cast<unsigned char>(src[0]);
    hint = (c == '+' || c == '-')                                     ? 'S'
           : (c >= '0' && c <= '9')                                    ? 'D'
           : std::string_view("yYnNtTfFoO~").find(static_cast<char>(c)) != std::string_view::npos ? 'M'
           : c == '.'                                                  ? '.'
                                                                       : 0;
  }
  bool quoted = style == ScalarStyle::kSingleQuoted || style == ScalarStyle::kDoubleQuoted;
  if (hint != 0 && tag != kStr && tag != kBinary) {
    if (quoted) return Value::String(std::string(src));
    if (auto v = Special(src)) return *v;
    if (tag.empty() && (src == ".nan" || src == ".NaN" || src == ".NAN")) {
      return InvalidArgument("floating point NaN is not supported");
    }
    if (hint == '.') {
      if (auto n = Number::ParseString(src); n.ok()) return Value::Num(*n);
    } else if (hint == 'D' || hint == 'S') {
      if (tag.empty() || tag == kTimestamp) {
        if (auto ts = ParseYamlTimestamp(src)) return Value::String(*ts);
      }
      if (IsIntLiteral(src)) {
        tag = kInt;
      } else if (IsFloatLiteral(src)) {
        tag = kFloat;
      }
    }
  }
  if (tag == kStr || tag == kBinary) {
    if (tag == kBinary) {
      std::string ignored;
      size_t bad;
      if (!encoding_internal::Base64Decode(src, &ignored, &bad)) {
        return CannotParse(src, tag, ": not valid base64");
      }
    }
    return Value::String(std::string(src));
  }
  if (tag == kBool) {
    auto v = Special(src);
    if (!v || v->IsNull() || v->type().kind() != TypeKind::kBool) return CannotParse(src, tag);
    return *v;
  }
  if (tag == kInt || tag == kFloat) {
    std::string plain;
    for (char c : src) {
      if (c != '_') plain += c;
    }
    if (auto n = Number::ParseString(plain); n.ok()) return Value::Num(*n);
    if (auto n = ParseGoInt(plain)) return Value::Num(*n);
    return CannotParse(src, tag);
  }
  if (tag == kTimestamp) {
    if (auto ts = ParseYamlTimestamp(src)) return Value::String(*ts);
    return CannotParse(src, tag);
  }
  if (tag == kNull) return Value();
  return Value::String(std::string(src));
}

Result<std::string> KeyString(const Value& key,
                              const std::function<Status(const std::string&)>& error) {
  if (key.IsNull()) return error("mapping key cannot be null");
  switch (key.type().kind()) {
    case TypeKind::kString:
      return key.AsString();
    case TypeKind::kNumber:
      return key.AsNumber().ToString();
    case TypeKind::kBool:
      return std::string(key.AsBool() ? "true" : "false");
    default:
      return error("only strings are allowed as mapping keys");
  }
}

}  // namespace fw::hcl::yaml_internal
