// String functions, basic family: upper (and the UTF-8 helpers the family shares).
#include <cstdint>
#include <string>

#include "hcl/functions/function.h"

namespace fw::hcl {
namespace {

// Decodes one UTF-8 code point at s[*i] (invalid bytes decode as themselves, one byte each).
uint32_t NextCodePoint(const std::string& s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n <= 1 || *i + n > s.size()) {
    ++*i;
    return n == 1 ? c : 0xFFFD;
  }
  uint32_t cp = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += n;
  return cp;
}

void AppendCodePoint(std::string* out, uint32_t cp) {
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

// Upper case for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic (Go's unicode.ToUpper
// on those blocks); other code points are unchanged.
uint32_t ToUpper(uint32_t cp) {
  if (cp >= 'a' && cp <= 'z') return cp - 32;
  if (cp < 0x80) return cp;
  if (cp == 0xB5) return 0x39C;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;
  if (cp == 0xFF) return 0x178;
  if (cp >= 0x100 && cp <= 0x17F) {
    bool odd_lower = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (cp == 0x131) return 'I';
    if (cp == 0x17F) return 'S';
    if (odd_lower ? (cp % 2 == 0) : (cp % 2 == 1)) {
      if (cp != 0x138 && cp != 0x149) return cp - 1;
    }
    return cp;
  }
  if (cp >= 0x3B1 && cp <= 0x3C9 && cp != 0x3C2) return cp - 32;
  if (cp == 0x3C2) return 0x3A3;
  if (cp >= 0x430 && cp <= 0x44F) return cp - 32;
  if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
  return cp;
}

}  // namespace

void RegisterStringBasicFunctions(FunctionRegistry* registry) {
  registry->Register(FunctionSpec{
      .name = "upper",
      .description = "Converts all cased letters in the given string to uppercase.",
      .params = {Parameter{.name = "str", .type = Type::String()}},
      .variadic = std::nullopt,
      .return_type = StaticReturnType(Type::String()),
      .impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
        const std::string& s = args[0].AsString();
        std::string out;
        out.reserve(s.size());
        for (size_t i = 0; i < s.size();) {
          if (static_cast<unsigned char>(s[i]) < 0x80) {
            char c = s[i++];
            out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
            continue;
          }
          AppendCodePoint(&out, ToUpper(NextCodePoint(s, &i)));
        }
        return Value::String(std::move(out));
      },
  });
}

}  // namespace fw::hcl
