#include "hcl/number.h"

#include <boost/multiprecision/cpp_int.hpp>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <vector>

namespace fw::hcl {

namespace number_internal {
struct BigInt {
  boost::multiprecision::cpp_int v;
};
}  // namespace number_internal

namespace {

using boost::multiprecision::cpp_int;

constexpr int64_t kMaxExponent = int64_t{1} << 30;  // beyond: overflow to inf / underflow to 0

// 10^n as a big integer; cached for the sizes rounding uses.
const cpp_int& Pow10(int64_t n) {
  static const std::vector<cpp_int> table = [] {
    std::vector<cpp_int> t(2 * Number::kPrecisionDigits + 40);
    t[0] = 1;
    for (size_t i = 1; i < t.size(); ++i) t[i] = t[i - 1] * 10;
    return t;
  }();
  if (n >= 0 && static_cast<size_t>(n) < table.size()) return table[n];
  thread_local cpp_int scratch;
  scratch = boost::multiprecision::pow(cpp_int(10), static_cast<unsigned>(n));
  return scratch;
}

// Number of decimal digits of |c| (1 for zero).
int64_t DigitCount(const cpp_int& c) {
  if (c == 0) return 1;
  cpp_int a = abs(c);
  int64_t bits = static_cast<int64_t>(boost::multiprecision::msb(a)) + 1;
  int64_t est = static_cast<int64_t>(static_cast<double>(bits - 1) * 0.30102999566398120) + 1;
  // est is exact or one short.
  if (a >= Pow10(est)) return est + 1;
  return est;
}

const cpp_int& PrecisionLimit() {
  static const cpp_int limit = Pow10(Number::kPrecisionDigits);
  return limit;
}

bool ParseDigits(std::string_view s, cpp_int* out) {
  // Accumulate in 18-digit chunks for speed.
  *out = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t n = std::min<size_t>(18, s.size() - i);
    uint64_t chunk = 0;
    for (size_t j = 0; j < n; ++j) {
      char ch = s[i + j];
      if (ch < '0' || ch > '9') return false;
      chunk = chunk * 10 + static_cast<uint64_t>(ch - '0');
    }
    *out *= Pow10(static_cast<int64_t>(n));
    *out += chunk;
    i += n;
  }
  return true;
}

}  // namespace

// Internal arithmetic on the representation.
class NumberOps {
 public:
  using Kind = Number::Kind;

  static cpp_int Coef(const Number& n) {
    if (n.kind_ == Kind::kBig) return n.big_->v;
    return cpp_int(n.small_);
  }

  // Builds the canonical number c * 10^e, rounding c to kPrecisionDigits (half-even; `sticky`
  // says the true value is a bit larger in magnitude than c * 10^e).
  static Number Make(cpp_int c, int64_t e, bool sticky = false) {
    if (c == 0) return Number();
    bool neg = c < 0;
    if (neg) c = -c;
    if (c >= PrecisionLimit()) {
      int64_t drop = DigitCount(c) - Number::kPrecisionDigits;
      const cpp_int& p = Pow10(drop);
      cpp_int q, r;
      boost::multiprecision::divide_qr(c, p, q, r);
      cpp_int half = p / 2;
      if (r > half || (r == half && (sticky || (q & 1) != 0))) q += 1;
      c = std::move(q);
      e += drop;
    }
    // Strip trailing zeros.
    while (true) {
      cpp_int q, r;
      boost::multiprecision::divide_qr(c, cpp_int(10), q, r);
      if (r != 0) break;
      c = std::move(q);
      ++e;
    }
    if (neg) c = -c;
    if (e > kMaxExponent) return Number::Infinity(neg);
    if (e < -kMaxExponent) return Number();
    if (c >= std::numeric_limits<int64_t>::min() && c <= std::numeric_limits<int64_t>::max()) {
      return MakeSmall(static_cast<int64_t>(c), e);
    }
    Number n;
    n.kind_ = Kind::kBig;
    n.exponent_ = static_cast<int32_t>(e);
    n.big_ = std::make_shared<const number_internal::BigInt>(number_internal::BigInt{std::move(c)});
    return n;
  }

  // c * 10^e with c an int64 (any trailing zeros).
  static Number MakeSmall(int64_t c, int64_t e) {
    if (c == 0) return Number();
    while (c % 10 == 0) {
      c /= 10;
      ++e;
    }
    // Fold a positive exponent into the coefficient when the whole product fits.
    if (e > 0 && e <= 18) {
      int64_t folded = c;
      bool fits = true;
      for (int64_t i = 0; i < e && fits; ++i) fits = !__builtin_mul_overflow(folded, 10, &folded);
      if (fits) {
        c = folded;
        e = 0;
      }
    }
    if (e > kMaxExponent) return Number::Infinity(c < 0);
    if (e < -kMaxExponent) return Number();
    Number n;
    n.small_ = c;
    n.exponent_ = static_cast<int32_t>(e);
    return n;
  }

  // Aligns a and b to a common exponent; returns the exponent.
  static int64_t Align(const Number& a, const Number& b, cpp_int* ca, cpp_int* cb, bool* sticky) {
    *ca = Coef(a);
    *cb = Coef(b);
    int64_t ea = a.exponent_, eb = b.exponent_;
    *sticky = false;
    // When one operand is far below the other's precision it only affects rounding.
    int64_t da = ea + DigitCount(*ca), db = eb + DigitCount(*cb);
    const int64_t gap = Number::kPrecisionDigits + 3;
    if (*ca != 0 && *cb != 0) {
      if (da - db > gap && eb < ea) {
        eb = ea - gap + (da - ea) - 1;
        *cb = (*cb < 0 ? -1 : 1);
        *sticky = true;
        eb = std::min(eb, ea);
      } else if (db - da > gap && ea < eb) {
        ea = eb - gap + (db - eb) - 1;
        *ca = (*ca < 0 ? -1 : 1);
        *sticky = true;
        ea = std::min(ea, eb);
      }
    }
    int64_t e = std::min(ea, eb);
    if (ea > e) *ca *= Pow10(ea - e);
    if (eb > e) *cb *= Pow10(eb - e);
    return e;
  }

  // Aligns two inline coefficients to the smaller exponent without overflow; false if it would.
  static bool AlignSmall(const Number& a, const Number& b, int64_t* ca, int64_t* cb, int64_t* e) {
    static constexpr int64_t kPow10[] = {1,
                                         10,
                                         100,
                                         1000,
                                         10000,
                                         100000,
                                         1000000,
                                         10000000,
                                         100000000,
                                         1000000000,
                                         10000000000,
                                         100000000000,
                                         1000000000000,
                                         10000000000000,
                                         100000000000000,
                                         1000000000000000,
                                         10000000000000000,
                                         100000000000000000,
                                         1000000000000000000};
    *ca = a.small_;
    *cb = b.small_;
    *e = std::min(a.exponent_, b.exponent_);
    int64_t da = a.exponent_ - *e, db = b.exponent_ - *e;
    if (da > 18 || db > 18) return false;
    return !__builtin_mul_overflow(*ca, kPow10[da], ca) &&
           !__builtin_mul_overflow(*cb, kPow10[db], cb);
  }

  static Result<Number> AddImpl(const Number& a, const Number& b) {
    if (a.kind_ == Kind::kSmall && b.kind_ == Kind::kSmall && a.exponent_ == b.exponent_) {
      int64_t r;
      if (!__builtin_add_overflow(a.small_, b.small_, &r)) {
        if (a.exponent_ == 0) {
          Number n;
          n.small_ = r;
          return n;
        }
        return MakeSmall(r, a.exponent_);
      }
    }
    if (a.kind_ == Kind::kSmall && b.kind_ == Kind::kSmall) {
      int64_t ca, cb, e, r;
      if (AlignSmall(a, b, &ca, &cb, &e) && !__builtin_add_overflow(ca, cb, &r)) {
        return MakeSmall(r, e);
      }
    }
    if (a.IsInfinite() || b.IsInfinite()) {
      if (a.IsInfinite() && b.IsInfinite() && a.kind_ != b.kind_) {
        return InvalidArgument("can't add infinities of opposite sign");
      }
      return a.IsInfinite() ? a : b;
    }
    cpp_int ca, cb;
    bool sticky;
    int64_t e = Align(a, b, &ca, &cb, &sticky);
    return Make(ca + cb, e);
  }

  static Result<Number> MulImpl(const Number& a, const Number& b) {
    if (a.kind_ == Kind::kSmall && b.kind_ == Kind::kSmall) {
      int64_t r;
      if (!__builtin_mul_overflow(a.small_, b.small_, &r)) {
        if (a.exponent_ == 0 && b.exponent_ == 0) {
          Number n;
          n.small_ = r;
          return n;
        }
        return MakeSmall(r, int64_t{a.exponent_} + b.exponent_);
      }
    }
    if (a.IsInfinite() || b.IsInfinite()) {
      if (a.IsZero() || b.IsZero()) return InvalidArgument("can't multiply zero by infinity");
      return Number::Infinity(a.Sign() * b.Sign() < 0);
    }
    return Make(Coef(a) * Coef(b), int64_t{a.exponent_} + b.exponent_);
  }

  static Result<Number> DivImpl(const Number& a, const Number& b) {
    if (b.IsZero()) return InvalidArgument("division by zero");
    if (a.IsInfinite()) {
      if (b.IsInfinite()) return InvalidArgument("can't divide infinity by infinity");
      return Number::Infinity(a.Sign() * b.Sign() < 0);
    }
    if (b.IsInfinite()) return Number();
    if (a.IsZero()) return Number();
    if (a.IsSmallInt() && b.IsSmallInt() && b.small_ != -1 && a.small_ % b.small_ == 0) {
      Number n;
      n.small_ = a.small_ / b.small_;
      return n;
    }
    cpp_int ca = Coef(a), cb = Coef(b);
    int64_t k =
        std::max<int64_t>(0, Number::kPrecisionDigits + 2 + DigitCount(cb) - DigitCount(ca));
    ca *= Pow10(k);
    cpp_int q, r;
    boost::multiprecision::divide_qr(ca, cb, q, r);
    return Make(std::move(q), int64_t{a.exponent_} - b.exponent_ - k, r != 0);
  }

  static Result<Number> ModImpl(const Number& a, const Number& b) {
    if (a.IsInfinite() || b.IsInfinite()) return MulImpl(a, b);
    if (b.IsZero()) return a;
    if (a.IsSmallInt() && b.IsSmallInt()) {
      if (b.small_ == -1) return Number();
      Number n;
      n.small_ = a.small_ % b.small_;
      return n;
    }
    cpp_int ca, cb;
    bool sticky;
    int64_t e = Align(a, b, &ca, &cb, &sticky);
    if (sticky) {
      // |b| is negligible next to |a| or the other way round.
      if (DigitCount(ca) < DigitCount(cb)) return a;
      return Number();  // rounding noise: a is (to our precision) a multiple of b
    }
    return Make(ca % cb, e);
  }

  static int CompareImpl(const Number& a, const Number& b) {
    if (a.IsSmallInt() && b.IsSmallInt()) {
      return a.small_ < b.small_ ? -1 : (a.small_ > b.small_ ? 1 : 0);
    }
    auto rank = [](const Number& n) {
      return n.kind_ == Kind::kNegInf ? -1 : (n.kind_ == Kind::kPosInf ? 1 : 0);
    };
    if (rank(a) != rank(b)) return rank(a) < rank(b) ? -1 : 1;
    if (a.IsInfinite()) return 0;
    int sa = a.Sign(), sb = b.Sign();
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    if (a.kind_ == Kind::kSmall && b.kind_ == Kind::kSmall) {
      int64_t x, y, e;
      if (AlignSmall(a, b, &x, &y, &e)) return x < y ? -1 : (x > y ? 1 : 0);
    }
    cpp_int ca = Coef(a), cb = Coef(b);
    // Compare magnitudes by leading digit position first.
    int64_t ma = a.exponent_ + DigitCount(ca), mb = b.exponent_ + DigitCount(cb);
    if (ma != mb) return (ma < mb ? -1 : 1) * sa;
    int64_t e = std::min<int64_t>(a.exponent_, b.exponent_);
    if (a.exponent_ > e) ca *= Pow10(a.exponent_ - e);
    if (b.exponent_ > e) cb *= Pow10(b.exponent_ - e);
    return ca < cb ? -1 : (ca > cb ? 1 : 0);
  }

  // floor (toward -inf) or ceil (toward +inf) of a finite number.
  static Number Round(const Number& n, bool up) {
    if (n.exponent_ >= 0 || n.IsInfinite()) return n;
    cpp_int c = Coef(n);
    cpp_int q, r;
    boost::multiprecision::divide_qr(c, Pow10(-int64_t{n.exponent_}), q, r);  // truncates
    if (r != 0) {
      if (up && c > 0) q += 1;
      if (!up && c < 0) q -= 1;
    }
    return Make(std::move(q), 0);
  }

  static std::string ToStringImpl(const Number& n) {
    if (n.kind_ == Kind::kPosInf) return "+Inf";
    if (n.kind_ == Kind::kNegInf) return "-Inf";
    std::string digits;
    bool neg;
    if (n.kind_ == Kind::kSmall) {
      char buf[24];
      auto res = std::to_chars(buf, buf + sizeof buf, n.small_);
      if (n.exponent_ == 0) return std::string(buf, res.ptr);
      neg = n.small_ < 0;
      digits.assign(buf + (neg ? 1 : 0), res.ptr);
    } else {
      neg = n.big_->v < 0;
      digits = cpp_int(abs(n.big_->v)).str();
    }
    std::string out = neg ? "-" : "";
    int64_t e = n.exponent_;
    if (e >= 0) {
      out += digits;
      out.append(static_cast<size_t>(e), '0');
    } else {
      int64_t point = static_cast<int64_t>(digits.size()) + e;  // digits before the point
      if (point <= 0) {
        out += "0.";
        out.append(static_cast<size_t>(-point), '0');
        out += digits;
      } else {
        out.append(digits, 0, static_cast<size_t>(point));
        out += '.';
        out.append(digits, static_cast<size_t>(point));
      }
    }
    return out;
  }

  // Parses mantissa digits (with optional '.') and an optional exponent; `text` has no sign.
  static Result<Number> ParseUnsigned(std::string_view text, bool negative,
                                      bool allow_empty_parts) {
    static const Status kBad = InvalidArgument("a number is required");
    size_t i = 0;
    std::string digits;
    int64_t frac = 0;
    size_t int_digits = 0, frac_digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++int_digits;
    digits.append(text.substr(0, i));
    if (i < text.size() && text[i] == '.') {
      ++i;
      size_t start = i;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++frac_digits;
      digits.append(text.substr(start, i - start));
      frac = static_cast<int64_t>(frac_digits);
      if (frac_digits == 0 && !allow_empty_parts) return kBad;
    }
    if (int_digits == 0 && (!allow_empty_parts || frac_digits == 0)) return kBad;
    int64_t exp = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
      ++i;
      bool exp_neg = false;
      if (i < text.size() && (text[i] == '+' || text[i] == '-')) exp_neg = text[i++] == '-';
      size_t start = i;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (exp <= kMaxParseExponent * 10) exp = exp * 10 + (text[i] - '0');
        ++i;
      }
      if (i == start) return kBad;
      if (exp > Number::kMaxParseExponent) return InvalidArgument("number out of range");
      if (exp_neg) exp = -exp;
    }
    if (i != text.size()) return kBad;
    // Drop leading zeros.
    size_t nz = digits.find_first_not_of('0');
    if (nz == std::string::npos) return Number();
    std::string_view sig = std::string_view(digits).substr(nz);
    int64_t e = exp - frac;
    if (sig.size() <= 18) {
      int64_t c = 0;
      for (char ch : sig) c = c * 10 + (ch - '0');
      return MakeSmall(negative ? -c : c, e);
    }
    cpp_int c;
    ParseDigits(sig, &c);
    if (negative) c = -c;
    return Make(std::move(c), e);
  }

  static constexpr int64_t kMaxParseExponent = Number::kMaxParseExponent;
};

Number Number::FromUint64(uint64_t v) {
  if (v <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return Number(static_cast<int64_t>(v));
  }
  return NumberOps::Make(cpp_int(v), 0);
}

Result<Number> Number::FromDouble(double v) {
  if (std::isnan(v)) return InvalidArgument("the result is not a number (NaN)");
  if (std::isinf(v)) return Infinity(v < 0);
  if (v == std::trunc(v) && std::fabs(v) < 9.0e18) return Number(static_cast<int64_t>(v));
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
  std::string_view text(buf, static_cast<size_t>(res.ptr - buf));
  return ParseString(text);
}

Number Number::Infinity(bool negative) {
  Number n;
  n.kind_ = negative ? Kind::kNegInf : Kind::kPosInf;
  return n;
}

Result<Number> Number::ParseLiteral(std::string_view text) {
  return NumberOps::ParseUnsigned(text, false, false);
}

Result<Number> Number::ParseString(std::string_view text) {
  bool neg = false;
  std::string_view rest = text;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    neg = rest[0] == '-';
    rest.remove_prefix(1);
  }
  if (rest == "Inf" || rest == "inf") return Infinity(neg);
  return NumberOps::ParseUnsigned(rest, neg, true);
}

std::string Number::ToString() const { return NumberOps::ToStringImpl(*this); }

bool Number::IsInteger() const {
  return kind_ == Kind::kSmall ? exponent_ >= 0 : (kind_ == Kind::kBig && exponent_ >= 0);
}

int Number::Sign() const {
  switch (kind_) {
    case Kind::kSmall:
      return small_ < 0 ? -1 : (small_ > 0 ? 1 : 0);
    case Kind::kBig:
      return big_->v < 0 ? -1 : 1;
    case Kind::kPosInf:
      return 1;
    case Kind::kNegInf:
      return -1;
  }
  return 0;
}

std::optional<int64_t> Number::ToInt64() const {
  if (IsSmallInt()) return small_;
  return std::nullopt;  // canonical form: any other int64-sized integer is stored small
}

double Number::ToDouble() const {
  if (IsSmallInt()) return static_cast<double>(small_);
  if (kind_ == Kind::kPosInf) return std::numeric_limits<double>::infinity();
  if (kind_ == Kind::kNegInf) return -std::numeric_limits<double>::infinity();
  std::string s = NumberOps::Coef(*this).str() + "e" + std::to_string(exponent_);
  return std::strtod(s.c_str(), nullptr);  // correctly rounded
}

Result<Number> Number::Add(const Number& other) const { return NumberOps::AddImpl(*this, other); }
Result<Number> Number::Sub(const Number& other) const {
  return NumberOps::AddImpl(*this, other.Negate());
}
Result<Number> Number::Mul(const Number& other) const { return NumberOps::MulImpl(*this, other); }
Result<Number> Number::Div(const Number& other) const { return NumberOps::DivImpl(*this, other); }
Result<Number> Number::Mod(const Number& other) const { return NumberOps::ModImpl(*this, other); }

Number Number::Negate() const {
  switch (kind_) {
    case Kind::kPosInf:
      return Infinity(true);
    case Kind::kNegInf:
      return Infinity(false);
    case Kind::kSmall:
      if (small_ != std::numeric_limits<int64_t>::min()) {
        Number n = *this;
        n.small_ = -small_;
        return n;
      }
      break;
    case Kind::kBig:
      break;
  }
  return NumberOps::Make(-NumberOps::Coef(*this), exponent_);
}

Number Number::Abs() const { return Sign() < 0 ? Negate() : *this; }
Number Number::Floor() const { return NumberOps::Round(*this, false); }
Number Number::Ceil() const { return NumberOps::Round(*this, true); }
Number Number::Signum() const { return Number(Sign()); }

Result<Number> Number::Pow(const Number& base, const Number& power) {
  return FromDouble(std::pow(base.ToDouble(), power.ToDouble()));
}

Result<Number> Number::Log(const Number& num, const Number& base) {
  return FromDouble(std::log(num.ToDouble()) / std::log(base.ToDouble()));
}

int Number::Compare(const Number& other) const { return NumberOps::CompareImpl(*this, other); }

size_t Number::Hash() const {
  size_t h = std::hash<int64_t>()(small_) ^ (std::hash<int32_t>()(exponent_) * 31) ^
             (static_cast<size_t>(kind_) << 7);
  if (kind_ == Kind::kBig) h ^= boost::multiprecision::hash_value(big_->v) * 1099511628211ULL;
  return h;
}

}  // namespace fw::hcl
