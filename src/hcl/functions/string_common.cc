#include "hcl/functions/string_common.h"

#include <locale.h>
#include <wctype.h>

#include <iterator>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace fw::hcl::functions_internal {
namespace {

struct Range32 {
  uint32_t lo, hi;
};

bool InRanges(uint32_t cp, const Range32* ranges, size_t n) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < ranges[mid].lo) {
      hi = mid;
    } else if (cp > ranges[mid].hi) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

// Grapheme_Extend-like code points (combining marks, variation selectors, emoji modifiers,
// tags), sorted. An approximation of the Unicode property covering the common scripts.
constexpr Range32 kExtend[] = {
    {0x0300, 0x036F},   {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},   {0x05C1, 0x05C2},
    {0x05C4, 0x05C5},   {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F},   {0x0670, 0x0670},
    {0x06D6, 0x06DC},   {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED},   {0x0711, 0x0711},
    {0x0730, 0x074A},   {0x07A6, 0x07B0}, {0x0900, 0x0903}, {0x093A, 0x093C},   {0x093E, 0x094F},
    {0x0951, 0x0957},   {0x0962, 0x0963}, {0x0981, 0x0983}, {0x09BC, 0x09BC},   {0x09BE, 0x09CD},
    {0x09D7, 0x09D7},   {0x0A01, 0x0A03}, {0x0A3C, 0x0A51}, {0x0A81, 0x0A83},   {0x0ABC, 0x0ABC},
    {0x0ABE, 0x0ACD},   {0x0B01, 0x0B03}, {0x0B3C, 0x0B3C}, {0x0B3E, 0x0B57},   {0x0BBE, 0x0BCD},
    {0x0C00, 0x0C04},   {0x0C3E, 0x0C56}, {0x0CBC, 0x0CBC}, {0x0CBE, 0x0CD6},   {0x0D00, 0x0D03},
    {0x0D3E, 0x0D4D},   {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},   {0x0EB1, 0x0EB1},
    {0x0EB4, 0x0EBC},   {0x0EC8, 0x0ECE}, {0x0F71, 0x0F84}, {0x102B, 0x103E},   {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF},   {0x200C, 0x200C}, {0x20D0, 0x20FF}, {0x302A, 0x302F},   {0x3099, 0x309A},
    {0xFE00, 0xFE0F},   {0xFE20, 0xFE2F}, {0xFF9E, 0xFF9F}, {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F},
    {0xE0100, 0xE01EF},
};

// Extended_Pictographic (approximately), sorted.
constexpr Range32 kPictographic[] = {
    {0x00A9, 0x00A9},   {0x00AE, 0x00AE},   {0x203C, 0x203C},   {0x2049, 0x2049},
    {0x2122, 0x2122},   {0x2139, 0x2139},   {0x2194, 0x2199},   {0x21A9, 0x21AA},
    {0x231A, 0x231B},   {0x2328, 0x2328},   {0x23CF, 0x23CF},   {0x23E9, 0x23F3},
    {0x23F8, 0x23FA},   {0x24C2, 0x24C2},   {0x25AA, 0x25AB},   {0x25B6, 0x25B6},
    {0x25C0, 0x25C0},   {0x25FB, 0x25FE},   {0x2600, 0x27BF},   {0x2934, 0x2935},
    {0x2B05, 0x2B07},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x3030, 0x3030},   {0x303D, 0x303D},   {0x3297, 0x3297},   {0x3299, 0x3299},
    {0x1F000, 0x1F1E5}, {0x1F200, 0x1F3FA}, {0x1F400, 0x1FAFF}, {0x1FC00, 0x1FFFD},
};

bool IsExtend(uint32_t cp) { return InRanges(cp, kExtend, std::size(kExtend)); }
bool IsPictographic(uint32_t cp) { return InRanges(cp, kPictographic, std::size(kPictographic)); }
bool IsRegionalIndicator(uint32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }
bool IsControl(uint32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

constexpr uint32_t kZwj = 0x200D;

locale_t Utf8Locale() {
  static locale_t loc = [] {
    locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    if (!l) l = newlocale(LC_CTYPE_MASK, "C.utf8", static_cast<locale_t>(nullptr));
    return l;
  }();
  return loc;
}

}  // namespace

uint32_t DecodeUtf8(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  size_t n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || *i + n > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  uint32_t cp = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[*i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  *i += n;
  return cp;
}

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t GraphemeLength(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  size_t j = i;
  uint32_t first = DecodeUtf8(s, &j);
  if (first == '\r' && j < s.size() && s[j] == '\n') return j + 1 - i;
  if (IsControl(first)) return j - i;
  bool pictographic = IsPictographic(first);
  bool regional_open = IsRegionalIndicator(first);
  bool after_zwj = false;
  while (j < s.size()) {
    size_t k = j;
    uint32_t cp = DecodeUtf8(s, &k);
    if (IsExtend(cp)) {
      after_zwj = false;
    } else if (cp == kZwj) {
      after_zwj = pictographic;
    } else if (after_zwj && IsPictographic(cp)) {
      after_zwj = false;
    } else if (regional_open && IsRegionalIndicator(cp)) {
      regional_open = false;
    } else {
      break;
    }
    regional_open = regional_open && IsRegionalIndicator(cp);
    j = k;
  }
  return j - i;
}

int64_t GraphemeCount(std::string_view s) {
  int64_t n = 0;
  for (size_t i = 0; i < s.size(); i += GraphemeLength(s, i)) ++n;
  return n;
}

uint32_t ToUpperCodePoint(uint32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
  locale_t l = Utf8Locale();
  return l ? static_cast<uint32_t>(towupper_l(static_cast<wint_t>(cp), l)) : cp;
}

uint32_t ToLowerCodePoint(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  locale_t l = Utf8Locale();
  return l ? static_cast<uint32_t>(towlower_l(static_cast<wint_t>(cp), l)) : cp;
}

uint32_t ToTitleCodePoint(uint32_t cp) {
  // The digraphs whose title case differs from their upper case.
  switch (cp) {
    case 0x01C4:
    case 0x01C5:
    case 0x01C6:
      return 0x01C5;
    case 0x01C7:
    case 0x01C8:
    case 0x01C9:
      return 0x01C8;
    case 0x01CA:
    case 0x01CB:
    case 0x01CC:
      return 0x01CB;
    case 0x01F1:
    case 0x01F2:
    case 0x01F3:
      return 0x01F2;
    default:
      return ToUpperCodePoint(cp);
  }
}

bool IsUnicodeSpace(uint32_t cp) {
  switch (cp) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool IsUnicodeLetterOrDigit(uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  locale_t l = Utf8Locale();
  if (!l) return !IsUnicodeSpace(cp);
  return iswalnum_l(static_cast<wint_t>(cp), l) != 0;
}

Status ArgError(std::string_view param, std::string_view msg) {
  return InvalidArgument("Invalid value for \"" + std::string(param) +
                         "\" parameter: " + std::string(msg));
}

Result<int64_t> ToInt(const Number& n) {
  std::optional<int64_t> v = n.ToInt64();
  if (!v) {
    return InvalidArgument(
        "value must be a whole number, between -9223372036854775808 and 9223372036854775807");
  }
  return *v;
}

Status CheckResultSize(size_t bytes) {
  if (bytes > kMaxResultBytes) {
    return InvalidArgument("the result would be longer than " + std::to_string(kMaxResultBytes) +
                           " bytes");
  }
  return Status::Ok();
}

FunctionSpec WithCtyUnknowns(FunctionSpec spec) {
  std::vector<bool> check;
  for (Parameter& p : spec.params) {
    check.push_back(!p.allow_unknown);
    p.allow_unknown = true;
  }
  bool check_variadic = false;
  if (spec.variadic) {
    check_variadic = !spec.variadic->allow_unknown;
    spec.variadic->allow_unknown = true;
  }
  ImplFn impl = std::move(spec.impl);
  spec.impl = [impl = std::move(impl), check = std::move(check), check_variadic](
                  const std::vector<Value>& args, const Type& ret) -> Result<Value> {
    Marks marks = kNoMarks;  // of parameters that allow marks (the others are unmarked)
    bool unknown = false;
    for (size_t i = 0; i < args.size(); ++i) {
      marks |= args[i].marks();
      bool must_check = i < check.size() ? check[i] : check_variadic;
      if (must_check && !args[i].IsKnown()) unknown = true;
    }
    if (unknown) return Value::Unknown(ret).WithMarks(marks);
    return impl(args, ret);
  };
  return spec;
}

Parameter Param(std::string name, Type type) {
  Parameter p;
  p.name = std::move(name);
  p.type = std::move(type);
  return p;
}

}  // namespace fw::hcl::functions_internal
