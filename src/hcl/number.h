// Number: Terraform's arbitrary-precision number.
//
// A finite Number is an exact decimal, coefficient * 10^exponent, so that every number a user can
// write (123, 0.1, 1.5e3, integers far beyond 2^53) is held exactly and `+ - * %` are exact.
// Division and the float-based functions (log, pow) round: a quotient that does not terminate is
// rounded half-even to kPrecisionDigits significant digits (155, about the 512-bit mantissa cty
// uses, so `1/3` prints as many threes as Terraform does). Results of + and * longer than
// kPrecisionDigits are rounded the same way.
//
// Differences from Terraform (cty uses 512-bit binary floats):
//  * decimals stay exact: `1 - 0.99` is `0.01` here, 0.01000...0003 in Terraform;
//  * `x / 0` is an error ("division by zero"); Terraform yields an infinity. `x % 0` is `x`, as in
//    Terraform.
//  * infinities exist (tonumber("Inf"), log(0), pow overflow): they compare, negate and format as
//    "+Inf"/"-Inf" like Terraform; any NaN-producing operation (inf - inf, 0 * inf) is an error.
//
// Representation: a number whose value is an integer that fits int64 is held inline with no
// allocation (the common case: counts, indexes, ports); other finite numbers hold an int64
// coefficient inline when it fits, else a shared immutable big integer. The form is canonical
// (trailing zeros of the coefficient are folded into the exponent), so equal numbers have equal
// representations.
//
// Thread-safety: immutable value type; safe to copy and share across threads.
#pragma once

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "base/status.h"

namespace fw::hcl {

namespace number_internal {
struct BigInt;
}  // namespace number_internal

class Number {
 public:
  // Significant decimal digits kept by rounding operations.
  static constexpr int kPrecisionDigits = 155;
  // Largest |exponent| accepted by the parsers (1e100000 is accepted, 1e100001 is not).
  static constexpr int64_t kMaxParseExponent = 100000;

  Number() = default;  // zero
  // Any integer type (int, int64_t, size_t...). NOLINTNEXTLINE(google-explicit-constructor)
  template <typename T,
            typename = std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>>
  Number(T v) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(int64_t)) {
      if (v > static_cast<T>(INT64_MAX)) {
        *this = FromUint64(static_cast<uint64_t>(v));
        return;
      }
    }
    small_ = static_cast<int64_t>(v);
  }

  static Number FromUint64(uint64_t v);
  // The double's value, printed the way Terraform prints a float64 result (shortest decimal that
  // round-trips). NaN is an error.
  static Result<Number> FromDouble(double v);
  static Number Infinity(bool negative = false);

  // HCL number literal: digits ["." digits] [("e"|"E") ["+"|"-"] digits]. No sign, no "0x".
  static Result<Number> ParseLiteral(std::string_view text);
  // Terraform's string -> number conversion (Go's big.ParseFloat in base 10): an optional sign,
  // digits with an optional ".", an optional decimal exponent, or "Inf"/"inf". No surrounding
  // spaces. Error message: "a number is required".
  static Result<Number> ParseString(std::string_view text);

  // Terraform's text for the number: "100", "1.5", "-0.001", "+Inf". Never an exponent.
  std::string ToString() const;

  bool IsZero() const { return kind_ == Kind::kSmall && small_ == 0; }
  bool IsInfinite() const { return kind_ == Kind::kPosInf || kind_ == Kind::kNegInf; }
  bool IsInteger() const;  // false for infinities
  int Sign() const;        // -1, 0, 1
  // The value when it is an integer that fits int64.
  std::optional<int64_t> ToInt64() const;
  // Fast check for the inline-integer form.
  bool IsSmallInt() const { return kind_ == Kind::kSmall && exponent_ == 0; }
  int64_t small_int() const { return small_; }  // valid when IsSmallInt()
  double ToDouble() const;

  Result<Number> Add(const Number& other) const;
  Result<Number> Sub(const Number& other) const;
  Result<Number> Mul(const Number& other) const;
  Result<Number> Div(const Number& other) const;
  // Terraform's %: a - b * trunc(a / b) (the sign follows a); a % 0 is a.
  Result<Number> Mod(const Number& other) const;
  Number Negate() const;
  Number Abs() const;
  Number Floor() const;
  Number Ceil() const;
  Number Signum() const;
  // pow and log are computed in float64, as Terraform does.
  static Result<Number> Pow(const Number& base, const Number& power);
  static Result<Number> Log(const Number& num, const Number& base);

  // Total order (-Inf < finite < +Inf).
  int Compare(const Number& other) const;
  friend bool operator==(const Number& a, const Number& b) { return a.Compare(b) == 0; }
  friend std::strong_ordering operator<=>(const Number& a, const Number& b) {
    return a.Compare(b) <=> 0;
  }
  size_t Hash() const;

 private:
  enum class Kind : uint8_t { kSmall, kBig, kPosInf, kNegInf };
  using BigInt = number_internal::BigInt;
  friend class NumberOps;

  // value = small_ (or *big_) * 10^exponent_
  int64_t small_ = 0;
  int32_t exponent_ = 0;
  Kind kind_ = Kind::kSmall;
  std::shared_ptr<const BigInt> big_;
};

}  // namespace fw::hcl
