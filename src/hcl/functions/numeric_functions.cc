// Terraform's numeric functions: abs, ceil, floor, log, max, min, parseint, pow, signum.
#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "hcl/functions/function.h"
#include "hcl/functions/string_common.h"

namespace fw::hcl {
namespace {

using functions_internal::ArgError;
using functions_internal::Param;
using functions_internal::ToInt;
using functions_internal::WithCtyUnknowns;

// Longest string parseint accepts (bounds the work of one call).
constexpr size_t kMaxParseIntLength = 100000;

FunctionSpec OneNumber(std::string name, std::string description, bool allow_dynamic,
                       Number (*fn)(const Number&)) {
  return FunctionSpec{
      .name = std::move(name),
      .description = std::move(description),
      .params = {Parameter{.name = "num", .type = Type::Number(), .allow_dynamic = allow_dynamic}},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::Number()),
      .impl = [fn](const std::vector<Value>& args, const Type&) -> Result<Value> {
        return Value::Num(fn(args[0].AsNumber()));
      },
  };
}

FunctionSpec Extreme(std::string name, std::string description, bool want_max) {
  return FunctionSpec{
      .name = std::move(name),
      .description = std::move(description),
      .params = {},
      .variadic = Parameter{.name = "numbers", .type = Type::Number(), .allow_dynamic = true},
      .return_type = StaticReturnType(Type::Number()),
      .impl = [want_max](const std::vector<Value>& args, const Type&) -> Result<Value> {
        if (args.empty()) return InvalidArgument("must pass at least one number");
        Number best = Number::Infinity(/*negative=*/want_max);
        for (const Value& a : args) {
          int c = a.AsNumber().Compare(best);
          if (want_max ? c > 0 : c < 0) best = a.AsNumber();
        }
        return Value::Num(best);
      },
  };
}

// log and pow: computed in float64, as Terraform does; NaN is an error.
FunctionSpec FloatFunction(std::string name, std::string description, std::string second,
                           bool is_log) {
  return FunctionSpec{
      .name = std::move(name),
      .description = std::move(description),
      .params = {Param("num", Type::Number()), Param(std::move(second), Type::Number())},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::Number()),
      .impl = [is_log](const std::vector<Value>& args, const Type&) -> Result<Value> {
        double a = args[0].AsNumber().ToDouble();
        double b = args[1].AsNumber().ToDouble();
        double r = is_log ? std::log(a) / std::log(b) : std::pow(a, b);
        if (std::isnan(r)) return InvalidArgument("result is not a number");
        if (std::isinf(r)) return Value::Num(Number::Infinity(r < 0));
        FW_ASSIGN_OR_RETURN(Number n, Number::FromDouble(r));
        return Value::Num(std::move(n));
      },
  };
}

// Go's strconv-style quoting of a string for messages.
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out + "\"";
}

// The value of digit `c` in `base` (Go's big.Int.SetString rules), or -1.
int DigitValue(char c, int64_t base) {
  int d = -1;
  if (c >= '0' && c <= '9') {
    d = c - '0';
  } else if (c >= 'a' && c <= 'z') {
    d = c - 'a' + 10;
  } else if (c >= 'A' && c <= 'Z') {
    d = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
  }
  return d >= 0 && d < base ? d : -1;
}

Result<Value> ParseInt(const std::vector<Value>& args, const Type&) {
  const std::string& s = args[0].AsString();
  auto base_r = ToInt(args[1].AsNumber());
  if (!base_r.ok()) return ArgError("base", base_r.status().message());
  int64_t base = *base_r;
  if (base < 2 || base > 62) {
    return ArgError("base", "base must be a whole number between 2 and 62 inclusive");
  }
  auto fail = [&]() {
    return ArgError("number",
                    "cannot parse " + Quote(s) + " as a base " + std::to_string(base) + " integer");
  };
  if (s.size() > kMaxParseIntLength) return fail();
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  if (i == s.size()) return fail();
  // Exact, whatever the length (Terraform keeps every digit of the parsed integer).
  boost::multiprecision::cpp_int value = 0;
  while (i < s.size()) {
    int64_t chunk = 0;
    int64_t scale = 1;
    while (i < s.size() && scale <= (int64_t{1} << 56) / base) {
      int d = DigitValue(s[i], base);
      if (d < 0) return fail();
      chunk = chunk * base + d;
      scale *= base;
      ++i;
    }
    value = value * scale + chunk;
  }
  FW_ASSIGN_OR_RETURN(Number n, Number::ParseString(value.str()));
  return Value::Num(negative ? n.Negate() : n);
}

}  // namespace

void RegisterNumericFunctions(FunctionRegistry* registry) {
  auto add = [registry](FunctionSpec spec) {
    registry->Register(WithCtyUnknowns(std::move(spec)));
  };
  add(OneNumber("abs",
                "If the given number is negative then returns its positive equivalent, "
                "or otherwise returns the given number unchanged.",
                true, [](const Number& n) { return n.Abs(); }));
  add(OneNumber("ceil",
                "Returns the smallest whole number that is greater than or equal to the given "
                "value.",
                false, [](const Number& n) { return n.IsInfinite() ? n : n.Ceil(); }));
  add(OneNumber("floor",
                "Returns the greatest whole number that is less than or equal to the given "
                "value.",
                false, [](const Number& n) { return n.IsInfinite() ? n : n.Floor(); }));
  add(Extreme("max", "Returns the greatest of the given numbers.", true));
  add(Extreme("min", "Returns the smallest of the given numbers.", false));
  add(FloatFunction("log", "Returns the logarithm of the given number in the given base.", "base",
                    true));
  add(FloatFunction("pow", "Returns the given number raised to the given power (exponentiation).",
                    "power", false));
  add(FunctionSpec{
      .name = "signum",
      .description = "Returns 0 if the given number is zero, 1 if the given number is positive, "
                     "or -1 if the given number is negative.",
      .params = {Param("num", Type::Number())},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::Number()),
      .impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
        // Terraform converts the argument to a Go int first: fractions are an error.
        FW_ASSIGN_OR_RETURN(int64_t n, ToInt(args[0].AsNumber()));
        return Value::Int(n < 0 ? -1 : n > 0 ? 1 : 0);
      },
  });
  add(FunctionSpec{
      .name = "parseint",
      .description = "Parses the given string as a number of the given base.",
      .params = {Param("number", Type::Dynamic()), Param("base", Type::Number())},
      .variadic = std::nullopt,
      .return_type = [](const std::vector<Value>& args) -> Result<Type> {
        if (args[0].type().kind() != TypeKind::kString) {
          return ArgError("number",
                          "first argument must be a string, not " + args[0].type().FriendlyName());
        }
        return Type::Number();
      },
      .impl = ParseInt,
  });
}

}  // namespace fw::hcl
