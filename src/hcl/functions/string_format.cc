// format and formatlist: cty's printf-like verbs (%v %#v %t %b %d %o %x %X %e %E %f %g %G %s
// %q), flags (space + - 0 #), width, precision, explicit argument indexes (%[n]v) and %%.
// Numbers are formatted as Go formats *big.Float and *big.Int values, from our exact decimals.
#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "hcl/convert.h"
#include "hcl/functions/function.h"
#include "hcl/functions/string_common.h"
#include "hcl/value_json.h"

namespace fw::hcl {
namespace {

using functions_internal::ArgError;
using functions_internal::GraphemeCount;
using functions_internal::GraphemeLength;
using functions_internal::kMaxFormatWidth;

struct Verb {
  std::string raw;
  size_t offset = 0;
  int64_t arg_num = 0;
  char mode = 0;
  bool zero = false, sharp = false, plus = false, minus = false, space = false;
  int64_t width = -1;  // -1: none
  int64_t prec = -1;   // -1: none
};

// Go's %q of a string (all our raw verbs are ASCII).
std::string GoQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

// Go's %q of a rune.
std::string GoQuoteRune(uint32_t cp) {
  switch (cp) {
    case '\a':
      return "'\\a'";
    case '\b':
      return "'\\b'";
    case '\f':
      return "'\\f'";
    case '\n':
      return "'\\n'";
    case '\r':
      return "'\\r'";
    case '\t':
      return "'\\t'";
    case '\v':
      return "'\\v'";
    case '\\':
      return "'\\\\'";
    case '\'':
      return "'\\''";
    default:
      break;
  }
  if (cp < 0x20 || cp == 0x7F) {
    static const char kHex[] = "0123456789abcdef";
    return std::string("'\\x") + kHex[cp >> 4] + kHex[cp & 15] + "'";
  }
  std::string out = "'";
  functions_internal::AppendUtf8(&out, cp);
  return out + "'";
}

std::string Pad(const Verb& v, std::string s) {
  if (v.width < 0) return s;
  int64_t have = GraphemeCount(s);
  if (have >= v.width) return s;
  std::string pad(static_cast<size_t>(v.width - have), v.zero ? '0' : ' ');
  return v.minus ? s + pad : pad + s;
}

// A finite decimal as Go's big decimal: value = 0.mant × 10^exp, mant without leading or
// trailing zeros (empty for zero).
struct Decimal {
  bool neg = false;
  std::string mant;
  int64_t exp = 0;

  char At(int64_t i) const {
    return i >= 0 && i < static_cast<int64_t>(mant.size()) ? mant[static_cast<size_t>(i)] : '0';
  }
  void Trim() {
    while (!mant.empty() && mant.back() == '0') mant.pop_back();
    if (mant.empty()) exp = 0;
  }
  // Rounds to n significant digits. A decimal exactly half-way rounds the way Terraform's
  // 512-bit binary float of it does: up when the float is above the decimal, down when below,
  // to even when the decimal is exactly representable.
  void Round(int64_t n) {
    if (n < 0 || n >= static_cast<int64_t>(mant.size())) return;
    size_t k = static_cast<size_t>(n);
    bool up;
    if (mant[k] == '5' && k + 1 == mant.size()) {
      int dir = BinaryDirection();
      up = dir != 0 ? dir > 0 : (k > 0 && ((mant[k - 1] - '0') & 1) != 0);
    } else {
      up = mant[k] >= '5';
    }
    mant.resize(k);
    if (up) {
      size_t i = k;
      while (i > 0 && mant[i - 1] == '9') --i;
      if (i == 0) {
        mant = "1";
        ++exp;
      } else {
        ++mant[i - 1];
        mant.resize(i);
      }
    }
    Trim();
  }
  // The sign of (the nearest 512-bit binary float to this value) - (this value).
  int BinaryDirection() const {
    using boost::multiprecision::cpp_int;
    cpp_int c(mant);
    int64_t scale = exp - static_cast<int64_t>(mant.size());  // value = c * 10^scale
    if (scale < -400 || scale > 400) return 0;                // far outside common use
    cpp_int num = c, den = 1;
    if (scale >= 0) {
      num *= boost::multiprecision::pow(cpp_int(10), static_cast<unsigned>(scale));
    } else {
      den = boost::multiprecision::pow(cpp_int(10), static_cast<unsigned>(-scale));
    }
    // floor(log2(num / den))
    int64_t t = static_cast<int64_t>(msb(num)) - static_cast<int64_t>(msb(den));
    bool ge = t >= 0 ? num >= (den << static_cast<unsigned>(t))
                     : (num << static_cast<unsigned>(-t)) >= den;
    int64_t fl = ge ? t : t - 1;
    int64_t shift = 511 - fl;  // mantissa of 512 bits: num/den * 2^shift in [2^511, 2^512)
    cpp_int n2 = num, d2 = den;
    if (shift >= 0) {
      n2 <<= static_cast<unsigned>(shift);
    } else {
      d2 <<= static_cast<unsigned>(-shift);
    }
    cpp_int q = n2 / d2, r = n2 % d2;
    if (r == 0) return 0;
    cpp_int twice = r * 2;
    if (twice > d2 || (twice == d2 && (q & 1) != 0)) ++q;
    cpp_int back = q * d2;
    return back > n2 ? 1 : -1;
  }
};

Decimal ToDecimal(const Number& n) {
  Decimal d;
  std::string s = n.ToString();  // "-12.034", never an exponent
  if (!s.empty() && s[0] == '-') {
    d.neg = true;
    s.erase(0, 1);
  }
  size_t dot = s.find('.');
  std::string int_part = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  std::string digits = int_part + frac;
  size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) return d;  // zero
  d.mant = digits.substr(lead);
  d.exp = static_cast<int64_t>(int_part.size()) - static_cast<int64_t>(lead);
  d.Trim();
  return d;
}

void FmtE(std::string* buf, char fmt, int64_t prec, const Decimal& d) {
  buf->push_back(d.mant.empty() ? '0' : d.mant[0]);
  if (prec > 0) {
    buf->push_back('.');
    for (int64_t i = 1; i <= prec; ++i) buf->push_back(d.At(i));
  }
  buf->push_back(fmt);
  int64_t exp = d.mant.empty() ? 0 : d.exp - 1;
  buf->push_back(exp < 0 ? '-' : '+');
  if (exp < 0) exp = -exp;
  if (exp < 10) buf->push_back('0');
  *buf += std::to_string(exp);
}

void FmtF(std::string* buf, int64_t prec, const Decimal& d) {
  if (d.exp > 0) {
    for (int64_t i = 0; i < d.exp; ++i) buf->push_back(d.At(i));
  } else {
    buf->push_back('0');
  }
  if (prec > 0) {
    buf->push_back('.');
    for (int64_t i = 0; i < prec; ++i) buf->push_back(d.At(d.exp + i));
  }
}

// big.Float.Text(fmt, prec) without the sign, for a finite number.
std::string FloatText(Decimal d, char fmt, int64_t prec) {
  std::string buf;
  bool shortest = prec < 0;
  char lower = static_cast<char>(fmt | 0x20);
  if (shortest) {
    int64_t len = static_cast<int64_t>(d.mant.size());
    prec = lower == 'e' ? len - 1 : lower == 'f' ? std::max<int64_t>(len - d.exp, 0) : len;
  } else if (lower == 'e') {
    d.Round(1 + prec);
  } else if (lower == 'f') {
    d.Round(d.exp + prec);
  } else {
    if (prec == 0) prec = 1;
    d.Round(prec);
  }
  if (lower == 'e') {
    FmtE(&buf, fmt, prec, d);
  } else if (lower == 'f') {
    FmtF(&buf, prec, d);
  } else {
    int64_t len = static_cast<int64_t>(d.mant.size());
    int64_t eprec = prec;
    if (eprec > len && len >= d.exp) eprec = len;
    if (shortest) eprec = 6;
    int64_t exp = d.exp - 1;
    if (exp < -4 || exp >= eprec) {
      if (prec > len) prec = len;
      FmtE(&buf, fmt == 'G' ? 'E' : 'e', prec - 1, d);
    } else {
      if (prec > d.exp) prec = len;
      FmtF(&buf, std::max<int64_t>(prec - d.exp, 0), d);
    }
  }
  return buf;
}

// Go's fmt of a *big.Float with flags, width and precision.
std::string FormatFloat(const Verb& v, const Number& n) {
  std::string sign;
  std::string body;
  if (n.IsInfinite()) {
    sign = n.Sign() < 0 ? "-" : (v.space ? " " : "+");
    body = "Inf";
  } else {
    Decimal d = ToDecimal(n);
    int64_t prec = v.prec;
    if (prec < 0 && v.mode != 'g' && v.mode != 'G') prec = 6;
    body = FloatText(d, v.mode, prec);
    if (d.neg) {
      sign = "-";
    } else if (v.plus) {
      sign = "+";
    } else if (v.space) {
      sign = " ";
    }
  }
  int64_t len = static_cast<int64_t>(sign.size() + body.size());
  size_t padding = v.width > len ? static_cast<size_t>(v.width - len) : 0;
  if (v.zero && !v.minus && !n.IsInfinite()) return sign + std::string(padding, '0') + body;
  if (v.minus) return sign + body + std::string(padding, ' ');
  return std::string(padding, ' ') + sign + body;
}

// The digits of a non-negative decimal integer string in base 2, 8 or 16.
std::string ToBase(const std::string& decimal, int bits, bool upper) {
  std::vector<uint32_t> limbs;  // little-endian base 2^32
  for (size_t i = 0; i < decimal.size(); i += 9) {
    std::string chunk = decimal.substr(i, 9);
    uint64_t mul = 1;
    for (size_t k = 0; k < chunk.size(); ++k) mul *= 10;
    uint64_t carry = std::stoull(chunk);
    for (uint32_t& limb : limbs) {
      uint64_t x = static_cast<uint64_t>(limb) * mul + carry;
      limb = static_cast<uint32_t>(x);
      carry = x >> 32;
    }
    while (carry) {
      limbs.push_back(static_cast<uint32_t>(carry));
      carry >>= 32;
    }
  }
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  size_t total_bits = limbs.size() * 32;
  for (size_t pos = 0; pos < total_bits; pos += static_cast<size_t>(bits)) {
    uint32_t d = 0;
    for (int b = 0; b < bits && pos + static_cast<size_t>(b) < total_bits; ++b) {
      size_t bit = pos + static_cast<size_t>(b);
      d |= ((limbs[bit / 32] >> (bit % 32)) & 1u) << b;
    }
    out.push_back(digits[d]);
  }
  while (out.size() > 1 && out.back() == '0') out.pop_back();
  if (out.empty()) out = "0";
  std::reverse(out.begin(), out.end());
  return out;
}

// Go's fmt of a *big.Int (%b %d %o %x %X).
std::string FormatInteger(const Verb& v, const Number& n) {
  std::string dec = n.Abs().ToString();
  std::string digits;
  switch (v.mode) {
    case 'b':
      digits = ToBase(dec, 1, false);
      break;
    case 'o':
      digits = ToBase(dec, 3, false);
      break;
    case 'x':
    case 'X':
      digits = ToBase(dec, 4, v.mode == 'X');
      break;
    default:
      digits = dec;
  }
  std::string sign = n.Sign() < 0 ? "-" : v.plus ? "+" : v.space ? " " : "";
  std::string prefix;
  if (v.sharp) {
    prefix = v.mode == 'b'   ? "0b"
             : v.mode == 'o' ? "0"
             : v.mode == 'x' ? "0x"
             : v.mode == 'X' ? "0X"
                             : "";
  }
  size_t zeros = 0;
  if (v.prec >= 0) {
    if (static_cast<int64_t>(digits.size()) < v.prec) {
      zeros = static_cast<size_t>(v.prec) - digits.size();
    } else if (digits == "0" && v.prec == 0) {
      return "";
    }
  }
  size_t length = sign.size() + prefix.size() + zeros + digits.size();
  size_t left = 0, right = 0;
  if (v.width >= 0 && length < static_cast<size_t>(v.width)) {
    size_t d = static_cast<size_t>(v.width) - length;
    if (v.minus) {
      right = d;
    } else if (v.zero && v.prec < 0) {
      zeros = d;
    } else {
      left = d;
    }
  }
  return std::string(left, ' ') + sign + prefix + std::string(zeros, '0') + digits +
         std::string(right, ' ');
}

Result<std::string> AppendVerb(Verb& v, const std::vector<Value>& args) {
  std::string at = " at " + std::to_string(v.offset);
  size_t idx = static_cast<size_t>(v.arg_num - 1);
  if (idx >= args.size()) {
    return InvalidArgument("not enough arguments for " + GoQuote(v.raw) + at + ": need index " +
                           std::to_string(v.arg_num) + " but have " + std::to_string(args.size()) +
                           " total");
  }
  const Value& arg = args[idx];
  std::string unsupported = "unsupported value for " + GoQuote(v.raw) + at + ": ";
  if (v.mode != 'v' && arg.IsNull()) {
    return InvalidArgument(unsupported + "null value cannot be formatted");
  }
  auto convert = [&](const Type& t) -> Result<Value> {
    auto c = Convert(arg, t);
    if (!c.ok()) return InvalidArgument(unsupported + c.status().message());
    return c;
  };
  switch (v.mode) {
    case 'v': {
      if (!v.sharp && !arg.IsNull()) {
        if (arg.type().kind() == TypeKind::kString) return Pad(v, arg.AsString());
        if (arg.type().kind() == TypeKind::kNumber) {
          const Number& n = arg.AsNumber();
          if (n.IsInfinite()) return Pad(v, n.Sign() < 0 ? "-Inf" : "+Inf");
          Decimal d = ToDecimal(n);
          return Pad(v, (d.neg ? "-" : "") + FloatText(d, 'g', -1));
        }
      }
      auto json = EncodeJsonPlain(arg, true);
      if (!json.ok()) return InvalidArgument(unsupported + json.status().message());
      return Pad(v, *json);
    }
    case 't': {
      FW_ASSIGN_OR_RETURN(Value b, convert(Type::Bool()));
      return std::string(b.AsBool() ? "true" : "false");
    }
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X': {
      FW_ASSIGN_OR_RETURN(Value n, convert(Type::Number()));
      if (!n.AsNumber().IsInteger()) {
        return InvalidArgument(unsupported + "an integer is required");
      }
      return FormatInteger(v, n.AsNumber());
    }
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G': {
      FW_ASSIGN_OR_RETURN(Value n, convert(Type::Number()));
      return FormatFloat(v, n.AsNumber());
    }
    case 's':
    case 'q': {
      FW_ASSIGN_OR_RETURN(Value sv, convert(Type::String()));
      std::string s = sv.AsString();
      if (v.prec > 0) {
        size_t pos = 0;
        for (int64_t i = 0; i < v.prec && pos < s.size(); ++i) pos += GraphemeLength(s, pos);
        s.resize(pos);
      }
      if (v.mode == 's') return Pad(v, std::move(s));
      auto json = EncodeJsonPlain(Value::String(std::move(s)), true);
      if (!json.ok()) return json.status();
      return Pad(v, *json);
    }
    default:
      return InvalidArgument("unsupported format verb " +
                             GoQuoteRune(static_cast<unsigned char>(v.mode)) + " in " +
                             GoQuote(v.raw) + " at offset " + std::to_string(v.offset));
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// cty's format scanner; `arg_error` (if set) receives the index of an extraneous argument.
Result<std::string> FormatString(const std::string& f, const std::vector<Value>& args,
                                 std::string* out) {
  const size_t n = f.size();
  int64_t next_arg = 1;
  int64_t highest = 0;
  size_t p = 0;
  auto bad_char = [&](size_t at) {
    size_t i = at;
    uint32_t cp = functions_internal::DecodeUtf8(f, &i);
    return InvalidArgument("unrecognized format character " + GoQuoteRune(cp) + " at offset " +
                           std::to_string(at));
  };
  auto eof = [&]() {
    return InvalidArgument("invalid format string starting at offset " + std::to_string(n));
  };
  // Reads [1-9][0-9]* at p, capped.
  auto read_num = [&](int64_t* value) -> Status {
    *value = 0;
    while (p < n && IsDigit(f[p])) {
      *value = *value * 10 + (f[p] - '0');
      if (*value > kMaxFormatWidth) {
        return InvalidArgument("width, precision or index too large at offset " +
                               std::to_string(p));
      }
      ++p;
    }
    return Status::Ok();
  };
  while (p < n) {
    if (f[p] != '%') {
      out->push_back(f[p++]);
      continue;
    }
    if (p + 1 < n && f[p + 1] == '%') {
      out->push_back('%');
      p += 2;
      continue;
    }
    Verb v;
    v.offset = p;
    v.arg_num = next_arg;
    ++p;
    for (; p < n; ++p) {
      char c = f[p];
      if (c == '0') {
        v.zero = true;
      } else if (c == '#') {
        v.sharp = true;
      } else if (c == '-') {
        v.minus = true;
      } else if (c == '+') {
        v.plus = true;
      } else if (c == ' ') {
        v.space = true;
      } else {
        break;
      }
    }
    if (p < n && f[p] >= '1' && f[p] <= '9') FW_RETURN_IF_ERROR(read_num(&v.width));
    if (p < n && f[p] == '.') {
      ++p;
      FW_RETURN_IF_ERROR(read_num(&v.prec));
    }
    if (p < n && f[p] == '[') {
      ++p;
      if (p >= n) return eof();
      if (!(f[p] >= '1' && f[p] <= '9')) return bad_char(p);
      FW_RETURN_IF_ERROR(read_num(&v.arg_num));
      if (p >= n) return eof();
      if (f[p] != ']') return bad_char(p);
      ++p;
    }
    if (p >= n) return eof();
    char c = f[p];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return bad_char(p);
    v.mode = c;
    ++p;
    v.raw = f.substr(v.offset, p - v.offset);
    highest = std::max(highest, v.arg_num);
    FW_ASSIGN_OR_RETURN(std::string piece, AppendVerb(v, args));
    *out += piece;
    FW_RETURN_IF_ERROR(functions_internal::CheckResultSize(out->size()));
    next_arg = v.arg_num + 1;
  }
  if (highest < static_cast<int64_t>(args.size())) {
    if (highest == 0) return ArgError("args", "too many arguments; no verbs in format string");
    return ArgError(
        "args", "too many arguments; only " + std::to_string(highest) + " used by format string");
  }
  return *out;
}

Result<std::string> Format(const std::string& f, const std::vector<Value>& args) {
  std::string out;
  return FormatString(f, args, &out);
}

Result<Value> FormatImpl(const std::vector<Value>& args, const Type&) {
  std::vector<Value> rest(args.begin() + 1, args.end());
  for (const Value& a : rest) {
    if (!a.IsWhollyKnown()) return Value::Unknown(Type::String());
  }
  FW_ASSIGN_OR_RETURN(std::string s, Format(args[0].AsString(), rest));
  return Value::String(std::move(s));
}

Result<Value> FormatListImpl(const std::vector<Value>& all, const Type& ret) {
  const std::string& f = all[0].AsString();
  std::vector<Value> args(all.begin() + 1, all.end());
  if (args.empty()) {
    FW_ASSIGN_OR_RETURN(std::string s, Format(f, args));
    return Value::List(Type::String(), {Value::String(std::move(s))});
  }
  int64_t iter_len = -1;
  size_t chooser = 0;
  bool unknown = false;
  std::vector<bool> iterate(args.size(), false);
  for (size_t i = 0; i < args.size(); ++i) {
    const Value& a = args[i];
    const Type& t = a.type();
    if ((t.IsList() || t.IsSet() || t.IsTuple()) && !a.IsNull()) {
      if (!t.IsTuple() && !a.IsKnown()) {
        unknown = true;
        continue;
      }
      int64_t len = t.IsTuple() ? static_cast<int64_t>(t.TupleElements().size())
                                : static_cast<int64_t>(a.Length());
      if (iter_len == -1) {
        iter_len = len;
        chooser = i;
      } else if (len != iter_len) {
        return ArgError("args", "argument " + std::to_string(i + 1) + " has length " +
                                    std::to_string(len) + ", which is inconsistent with argument " +
                                    std::to_string(chooser + 1) + " of length " +
                                    std::to_string(iter_len));
      }
      if (!a.IsKnown()) {
        unknown = true;
        continue;
      }
      iterate[i] = true;
    } else if (!a.IsKnown() && t.IsDynamic()) {
      unknown = true;
    }
  }
  if (unknown) return Value::Unknown(ret);
  if (iter_len == 0) return Value::List(Type::String(), {});
  if (iter_len == -1) iter_len = 1;
  std::vector<Value> results;
  size_t total = 0;
  for (int64_t it = 0; it < iter_len; ++it) {
    std::vector<Value> call_args;
    bool known = true;
    for (size_t i = 0; i < args.size(); ++i) {
      call_args.push_back(iterate[i] ? args[i].Elements()[static_cast<size_t>(it)] : args[i]);
      if (!call_args.back().IsWhollyKnown()) known = false;
    }
    if (!known) {
      results.push_back(Value::Unknown(Type::String()));
      continue;
    }
    auto s = Format(f, call_args);
    if (!s.ok()) {
      return InvalidArgument("error on format iteration " + std::to_string(it) + ": " +
                             s.status().message());
    }
    total += s->size();
    FW_RETURN_IF_ERROR(functions_internal::CheckResultSize(total));
    results.push_back(Value::String(std::move(s).value()));
  }
  return Value::List(Type::String(), std::move(results));
}

Parameter FormatArgs() {
  return Parameter{.name = "args",
                   .type = Type::Dynamic(),
                   .allow_null = true,
                   .allow_unknown = true,
                   .allow_dynamic = true};
}

}  // namespace

void RegisterFormatFunctions(FunctionRegistry* registry) {
  registry->Register(functions_internal::WithCtyUnknowns(FunctionSpec{
      .name = "format",
      .description = "Constructs a string by applying formatting verbs to a series of "
                     "arguments, using a similar syntax to the C function \"printf\".",
      .params = {functions_internal::Param("format", Type::String())},
      .variadic = FormatArgs(),
      .return_type = StaticReturnType(Type::String()),
      .impl = FormatImpl,
  }));
  registry->Register(functions_internal::WithCtyUnknowns(FunctionSpec{
      .name = "formatlist",
      .description = "Constructs a list of strings by applying formatting verbs to a series of "
                     "arguments, using a similar syntax to the C function \"printf\".",
      .params = {functions_internal::Param("format", Type::String())},
      .variadic = FormatArgs(),
      .return_type = StaticReturnType(Type::List(Type::String())),
      .impl = FormatListImpl,
  }));
}

}  // namespace fw::hcl
