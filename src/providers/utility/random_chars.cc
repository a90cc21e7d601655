#include "providers/utility/random_chars.h"

#include "providers/utility/local_resource.h"
#include "providers/utility/random_source.h"

namespace fw::providers::utility {

using hcl::Type;
using hcl::Value;

namespace {

constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kNumeric = "0123456789";

Attr ClassFlag(std::string name, std::string what) {
  return Attr::Optional(std::move(name), Type::Bool())
      .ForceNew()
      .Default(Value::True())
      .Describe("Include " + what + " in the result. Default value is true.");
}

Attr ClassMinimum(std::string name, std::string what) {
  return Attr::Optional(std::move(name), Type::Number())
      .ForceNew()
      .Default(Value::Int(0))
      .Describe("Minimum number of " + what + " in the result. Default value is 0.");
}

struct Classes {
  bool upper, lower, numeric, special;
  int64_t min_upper, min_lower, min_numeric, min_special;
  std::string special_chars;
};

Classes ReadClasses(const Value& v) {
  Classes c;
  c.upper = BoolAttr(v, "upper", true);
  c.lower = BoolAttr(v, "lower", true);
  // `number` is the deprecated name of `numeric`: false in either turns digits off.
  c.numeric = BoolAttr(v, "numeric", true) && BoolAttr(v, "number", true);
  c.special = BoolAttr(v, "special", true);
  c.min_upper = IntAttr(v, "min_upper", 0);
  c.min_lower = IntAttr(v, "min_lower", 0);
  c.min_numeric = IntAttr(v, "min_numeric", 0);
  c.min_special = IntAttr(v, "min_special", 0);
  c.special_chars = IsSet(v, "override_special") ? StringAttr(v, "override_special")
                                                 : std::string(kDefaultSpecial);
  return c;
}

void AddError(hcl::Diagnostics& diags, std::string_view address, std::string summary,
              std::string detail) {
  diags.AddError(std::move(summary), std::string(address) + ": " + detail, std::nullopt);
}

}  // namespace

Block RandomCharsBlock(bool sensitive_result) {
  Block b;
  b.Add(Attr::Required("length", Type::Number())
            .ForceNew()
            .Describe("The length of the string desired. The minimum value for length is 1 and, "
                      "length must also be >= (min_upper + min_lower + min_numeric + "
                      "min_special)."));
  b.Add(ClassFlag("upper", "uppercase alphabet characters"));
  b.Add(ClassFlag("lower", "lowercase alphabet characters"));
  b.Add(ClassFlag("numeric", "numeric characters"));
  b.Add(ClassFlag("number", "numeric characters (deprecated: use numeric)"));
  b.Add(ClassFlag("special", "special characters (!@#$%&*()-_=+[]{}<>:?)"));
  b.Add(ClassMinimum("min_upper", "uppercase alphabet characters"));
  b.Add(ClassMinimum("min_lower", "lowercase alphabet characters"));
  b.Add(ClassMinimum("min_numeric", "numeric characters"));
  b.Add(ClassMinimum("min_special", "special characters"));
  b.Add(Attr::Optional("override_special", Type::String())
            .ForceNew()
            .Describe("Supply your own list of special characters to use for string "
                      "generation. This overrides the default character list in the special "
                      "argument."));
  b.Add(KeepersAttr("keepers",
                    "Arbitrary map of values that, when changed, will trigger recreation of "
                    "resource."));
  Attr result = Attr::Computed("result", Type::String()).Describe("The generated random string.");
  result.sensitive = sensitive_result;
  b.Add(std::move(result));
  b.Add(Attr::Computed("id", Type::String()));
  return b;
}

void CheckRandomChars(const Value& config, std::string_view address, hcl::Diagnostics& diags) {
  if (!config.IsKnown() || config.IsNull()) return;
  Value v = config.UnmarkDeep();
  if (IsSet(v, "length")) {
    int64_t length = IntAttr(v, "length", 0);
    if (length < 1) {
      AddError(diags, address, "Invalid Attribute Value",
               "Attribute length value must be at least 1, got: " + std::to_string(length));
    } else if (IsKnownOrUnset(v, "min_upper") && IsKnownOrUnset(v, "min_lower") &&
               IsKnownOrUnset(v, "min_numeric") && IsKnownOrUnset(v, "min_special")) {
      Classes c = ReadClasses(v);
      if (length < c.min_upper + c.min_lower + c.min_numeric + c.min_special) {
        AddError(diags, address, "Invalid Attribute Value",
                 "Attribute length value must be at least sum of min_upper + min_lower + "
                 "min_numeric + min_special, got: " +
                     std::to_string(length));
      }
    }
  }
  for (const char* name : {"min_upper", "min_lower", "min_numeric", "min_special"}) {
    if (IntAttr(v, name, 0) < 0) {
      AddError(diags, address, "Invalid Attribute Value",
               std::string("Attribute ") + name + " value must be at least 0, got: " +
                   std::to_string(IntAttr(v, name, 0)));
    }
  }
  bool all_known = true;
  for (const char* name : {"special", "upper", "lower", "numeric", "number"}) {
    all_known = all_known && IsKnownOrUnset(v, name);
  }
  if (all_known) {
    Classes c = ReadClasses(v);
    if (!c.special && !c.upper && !c.lower && !c.numeric) {
      AddError(diags, address, "Invalid Attribute Combination",
               "At least one attribute out of [special,upper,lower,numeric] must be specified "
               "as true");
    }
  }
}

Result<std::string> GenerateRandomChars(const Value& planned) {
  Classes c = ReadClasses(planned);
  const int64_t length = IntAttr(planned, "length", 0);
  if (length < 1) return InvalidArgument("Attribute length value must be at least 1");
  if (length > 1 << 20) return InvalidArgument("Attribute length value must be at most 1048576");
  RandomSource random;
  std::string all;
  std::string out;
  out.reserve(static_cast<size_t>(length));
  auto take = [&](std::string_view chars, bool enabled, int64_t min) {
    if (!enabled || chars.empty()) return;
    all += chars;
    for (int64_t i = 0; i < min; ++i) out += chars[random.Below(chars.size())];
  };
  take(kUpper, c.upper, c.min_upper);
  take(kLower, c.lower, c.min_lower);
  take(kNumeric, c.numeric, c.min_numeric);
  take(c.special_chars, c.special, c.min_special);
  if (all.empty()) {
    return InvalidArgument(
        "At least one attribute out of [special,upper,lower,numeric] must be specified as true");
  }
  while (static_cast<int64_t>(out.size()) < length) out += all[random.Below(all.size())];
  // The minimums went first: shuffle so their positions are random too.
  for (size_t i = out.size(); i > 1; --i) std::swap(out[i - 1], out[random.Below(i)]);
  return out;
}

}  // namespace fw::providers::utility
