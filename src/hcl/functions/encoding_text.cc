// textencodebase64 and textdecodebase64: strings in other character encodings.
//
// Supported IANA names (case-insensitive, with common aliases): UTF-8, UTF-16 (big-endian with a
// byte order mark on encode; BOM-detected, default big-endian, on decode), UTF-16LE, UTF-16BE,
// ISO-8859-1 (Latin-1), US-ASCII. Terraform supports every encoding Go's ianaindex knows; other
// names are an error here.
#include <algorithm>
#include <cctype>

#include "hcl/functions/encoding_internal.h"

namespace fw::hcl::encoding_internal {
namespace {

enum class Charset { kUtf8, kUtf16, kUtf16Le, kUtf16Be, kLatin1, kAscii };

struct CharsetName {
  const char* alias;
  Charset charset;
  const char* canonical;
};

constexpr CharsetName kCharsets[] = {
    {"utf-8", Charset::kUtf8, "UTF-8"},
    {"utf8", Charset::kUtf8, "UTF-8"},
    {"csutf8", Charset::kUtf8, "UTF-8"},
    {"utf-16", Charset::kUtf16, "UTF-16"},
    {"csutf16", Charset::kUtf16, "UTF-16"},
    {"utf-16le", Charset::kUtf16Le, "UTF-16LE"},
    {"csutf16le", Charset::kUtf16Le, "UTF-16LE"},
    {"utf-16be", Charset::kUtf16Be, "UTF-16BE"},
    {"csutf16be", Charset::kUtf16Be, "UTF-16BE"},
    {"iso-8859-1", Charset::kLatin1, "ISO-8859-1"},
    {"iso_8859-1", Charset::kLatin1, "ISO-8859-1"},
    {"iso_8859-1:1987", Charset::kLatin1, "ISO-8859-1"},
    {"latin1", Charset::kLatin1, "ISO-8859-1"},
    {"l1", Charset::kLatin1, "ISO-8859-1"},
    {"iso-ir-100", Charset::kLatin1, "ISO-8859-1"},
    {"csisolatin1", Charset::kLatin1, "ISO-8859-1"},
    {"ibm819", Charset::kLatin1, "ISO-8859-1"},
    {"cp819", Charset::kLatin1, "ISO-8859-1"},
    {"us-ascii", Charset::kAscii, "US-ASCII"},
    {"ascii", Charset::kAscii, "US-ASCII"},
    {"us", Charset::kAscii, "US-ASCII"},
    {"iso646-us", Charset::kAscii, "US-ASCII"},
    {"ansi_x3.4-1968", Charset::kAscii, "US-ASCII"},
    {"csascii", Charset::kAscii, "US-ASCII"},
};

const CharsetName* FindCharset(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const CharsetName& c : kCharsets) {
    if (lower == c.alias) return &c;
  }
  return nullptr;
}

Status UnsupportedEncoding(std::string_view name) {
  return ArgError("encoding", GoQuote(name) +
                                  " is not a supported IANA encoding name or alias in this "
                                  "Terraform version");
}

// Decodes one code point of valid UTF-8 at `*i`.
uint32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int len = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : 4;
  uint32_t cp = len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
  for (int k = 1; k < len && *i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3f);
  }
  *i += len;
  return cp;
}

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

void AppendUnit(std::string* out, uint16_t unit, bool big_endian) {
  char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xff);
  if (big_endian) {
    *out += hi;
    *out += lo;
  } else {
    *out += lo;
    *out += hi;
  }
}

// Returns false when a character cannot be represented.
bool Encode(Charset cs, std::string_view s, std::string* out) {
  if (cs == Charset::kUtf8) {
    *out = std::string(s);
    return true;
  }
  bool big_endian = cs != Charset::kUtf16Le;
  if (cs == Charset::kUtf16) AppendUnit(out, 0xfeff, true);
  size_t i = 0;
  while (i < s.size()) {
    uint32_t cp = NextCodePoint(s, &i);
    switch (cs) {
      case Charset::kLatin1:
        if (cp > 0xff) return false;
        *out += static_cast<char>(cp);
        break;
      case Charset::kAscii:
        if (cp > 0x7f) return false;
        *out += static_cast<char>(cp);
        break;
      default:
        if (cp >= 0x10000) {
          cp -= 0x10000;
          AppendUnit(out, static_cast<uint16_t>(0xd800 | (cp >> 10)), big_endian);
          AppendUnit(out, static_cast<uint16_t>(0xdc00 | (cp & 0x3ff)), big_endian);
        } else {
          AppendUnit(out, static_cast<uint16_t>(cp), big_endian);
        }
    }
  }
  return true;
}

// Returns false when the bytes are not valid in the encoding.
bool Decode(Charset cs, std::string_view b, std::string* out) {
  switch (cs) {
    case Charset::kUtf8: {
      // Invalid sequences become U+FFFD, as Go's UTF-8 decoder does.
      size_t i = 0;
      while (i < b.size()) {
        unsigned char c = static_cast<unsigned char>(b[i]);
        size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 :
                     (c & 0xf8) == 0xf0 ? 4 : 0;
        if (len > 0 && i + len <= b.size() && IsValidUtf8(b.substr(i, len))) {
          out->append(b.substr(i, len));
          i += len;
        } else {
          *out += "\xef\xbf\xbd";
          ++i;
        }
      }
      return true;
    }
    case Charset::kLatin1:
      for (unsigned char c : b) AppendUtf8(out, c);
      return true;
    case Charset::kAscii:
      for (unsigned char c : b) {
        if (c > 0x7f) return false;
        *out += static_cast<char>(c);
      }
      return true;
    default:
      break;
  }
  bool big_endian = cs != Charset::kUtf16Le;
  size_t i = 0;
  if (cs == Charset::kUtf16 && b.size() >= 2) {
    unsigned char b0 = static_cast<unsigned char>(b[0]), b1 = static_cast<unsigned char>(b[1]);
    if (b0 == 0xfe && b1 == 0xff) {
      i = 2;
    } else if (b0 == 0xff && b1 == 0xfe) {
      big_endian = false;
      i = 2;
    }
  }
  auto unit_at = [&](size_t k) -> uint32_t {
    uint32_t x = static_cast<unsigned char>(b[k]), y = static_cast<unsigned char>(b[k + 1]);
    return big_endian ? (x << 8 | y) : (y << 8 | x);
  };
  while (i + 1 < b.size()) {
    uint32_t u = unit_at(i);
    i += 2;
    if (u >= 0xd800 && u < 0xdc00 && i + 1 < b.size()) {
      uint32_t low = unit_at(i);
      if (low >= 0xdc00 && low < 0xe000) {
        i += 2;
        AppendUtf8(out, 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00));
        continue;
      }
    }
    if (u >= 0xd800 && u < 0xe000) u = 0xfffd;
    AppendUtf8(out, u);
  }
  if (i < b.size()) *out += "\xef\xbf\xbd";  // a dangling byte
  return true;
}

}  // namespace

FunctionSpec TextEncodeBase64Function() {
  FunctionSpec spec;
  spec.name = "textencodebase64";
  spec.description =
      "Encodes the input string using the given character encoding and then encodes the "
      "result in base64.";
  spec.params = {Parameter{.name = "string", .type = Type::String()},
                 Parameter{.name = "encoding", .type = Type::String()}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const CharsetName* cs = FindCharset(args[1].AsString());
    if (cs == nullptr) return UnsupportedEncoding(args[1].AsString());
    std::string bytes;
    if (!Encode(cs->charset, args[0].AsString(), &bytes)) {
      return ArgError("string",
                      std::string("the given string contains characters that cannot be "
                                  "represented in ") + cs->canonical);
    }
    return Value::String(Base64Encode(bytes));
  };
  return spec;
}

FunctionSpec TextDecodeBase64Function() {
  FunctionSpec spec;
  spec.name = "textdecodebase64";
  spec.description =
      "Decodes a string that was previously encoded in base64 and then interprets the result "
      "as characters in the given character encoding.";
  spec.params = {Parameter{.name = "source", .type = Type::String()},
                 Parameter{.name = "encoding", .type = Type::String()}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const CharsetName* cs = FindCharset(args[1].AsString());
    if (cs == nullptr) return UnsupportedEncoding(args[1].AsString());
    std::string bytes;
    size_t bad = 0;
    if (!Base64Decode(args[0].AsString(), &bytes, &bad)) {
      return ArgError("source", "the given value has an invalid base64 symbol at offset " +
                                    std::to_string(bad));
    }
    std::string text;
    if (!Decode(cs->charset, bytes, &text)) {
      return ArgError("source",
                      std::string("the given string contains symbols that are not defined for ") +
                          cs->canonical);
    }
    return Value::String(std::move(text));
  };
  return spec;
}

}  // namespace fw::hcl::encoding_internal
