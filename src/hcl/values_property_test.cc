// Property tests (rapidcheck): number text round trip, arithmetic against int64, conversion
// idempotence, JSON round trip.
#include <gtest/gtest.h>

#if FW_HAVE_RAPIDCHECK
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "hcl/convert.h"
#include "hcl/value_json.h"

namespace fw::hcl {
namespace {

// A decimal number text: up to 30 digits with an optional fraction and exponent.
rc::Gen<std::string> GenNumberText() {
  return rc::gen::map(
      rc::gen::tuple(
          rc::gen::element(std::string(""), std::string("-")),
          rc::gen::container<std::string>(rc::gen::inRange('0', static_cast<char>('9' + 1))),
          rc::gen::container<std::string>(rc::gen::inRange('0', static_cast<char>('9' + 1))),
          rc::gen::inRange(-40, 40)),
      [](const std::tuple<std::string, std::string, std::string, int>& t) {
        std::string ip = std::get<1>(t).substr(0, 30);
        std::string fp = std::get<2>(t).substr(0, 30);
        if (ip.empty()) ip = "0";
        std::string s = std::get<0>(t) + ip;
        if (!fp.empty()) s += "." + fp;
        if (std::get<3>(t) != 0) s += "e" + std::to_string(std::get<3>(t));
        return s;
      });
}

RC_GTEST_PROP(NumberProperty, FormatParseRoundTrip, ()) {
  std::string text = *GenNumberText();
  auto n = Number::ParseString(text);
  RC_ASSERT(n.ok());
  std::string formatted = n->ToString();
  auto back = Number::ParseString(formatted);
  RC_ASSERT(back.ok());
  RC_ASSERT(*back == *n);
  RC_ASSERT(back->ToString() == formatted);
  RC_ASSERT(back->Hash() == n->Hash());
}

RC_GTEST_PROP(NumberProperty, ArithmeticMatchesInt64, (int32_t a, int32_t b)) {
  Number x(static_cast<int64_t>(a)), y(static_cast<int64_t>(b));
  RC_ASSERT(x.Add(y)->ToString() == std::to_string(int64_t{a} + b));
  RC_ASSERT(x.Sub(y)->ToString() == std::to_string(int64_t{a} - b));
  RC_ASSERT(x.Mul(y)->ToString() == std::to_string(int64_t{a} * b));
  RC_ASSERT(x.Compare(y) == (a < b ? -1 : (a > b ? 1 : 0)));
  if (b != 0) {
    RC_ASSERT(x.Mod(y)->ToString() == std::to_string(int64_t{a} % b));
    // Exact division: (a*b)/b == a.
    RC_ASSERT(*Number(int64_t{a} * b).Div(y) == x);
  }
}

RC_GTEST_PROP(NumberProperty, DecimalArithmeticIsExact, ()) {
  auto a = *Number::ParseString(*GenNumberText());
  auto b = *Number::ParseString(*GenNumberText());
  // (a + b) - b == a and (a * b) / b == a for nonzero b (within precision).
  RC_ASSERT(*a.Add(b)->Sub(b) == a);
  RC_ASSERT(a.Compare(b) == -b.Compare(a));
}

Value GenLeaf(int pick, int64_t n, const std::string& s) {
  switch (pick % 4) {
    case 0:
      return Value::Int(n);
    case 1:
      return Value::String(s);
    case 2:
      return Value::Bool(n % 2 == 0);
    default:
      return Value::Num(*Number::ParseString(std::to_string(n) + ".25"));
  }
}

RC_GTEST_PROP(ValueProperty, JsonRoundTripAndConvertIdempotence,
              (std::vector<int64_t> nums, std::string raw, int pick)) {
  // Strings are UTF-8 (invalid bytes would be written as U+FFFD); keep the generator to ASCII.
  std::string s;
  for (char c : raw) s.push_back(static_cast<char>(static_cast<unsigned char>(c) % 128));
  std::vector<Value> strings;
  std::vector<std::pair<std::string, Value>> attrs;
  for (size_t i = 0; i < nums.size() && i < 20; ++i) {
    strings.push_back(Value::String(s + std::to_string(nums[i])));
    attrs.emplace_back("k" + std::to_string(i), GenLeaf(pick + static_cast<int>(i), nums[i], s));
  }
  Value obj = Value::Object({{"list", Value::List(Type::String(), strings)},
                             {"set", Value::Set(Type::String(), strings)},
                             {"obj", Value::Object(attrs)}});
  auto j = EncodeJson(obj, obj.type());
  RC_ASSERT(j.ok());
  auto back = DecodeJson(*j, obj.type());
  RC_ASSERT(back.ok());
  RC_ASSERT(back->RawEquals(obj));
  // Converting to a type and then again to the same type changes nothing.
  Type target = Type::Object({{"list", Type::Set(Type::String())},
                              {"set", Type::List(Type::String())},
                              {"obj", Type::Map(Type::Dynamic())}});
  auto once = Convert(obj, target);
  if (once.ok()) {
    auto twice = Convert(*once, target);
    RC_ASSERT(twice.ok());
    RC_ASSERT(twice->RawEquals(*once));
  }
}

}  // namespace
}  // namespace fw::hcl
#endif
