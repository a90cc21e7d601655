// Terraform's encoding functions: base64decode, base64encode, base64gzip, jsondecode,
// jsonencode, urlencode (csvdecode in encoding_csv.cc, textencodebase64 and textdecodebase64 in
// encoding_text.cc; yamldecode and yamlencode in yaml_functions.cc).
#include <zlib.h>

#include <array>
#include <cstdint>

#include "hcl/functions/encoding_internal.h"
#include "hcl/functions/function.h"
#include "hcl/value_json.h"

namespace fw::hcl {
namespace encoding_internal {
namespace {

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int Base64Index(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t v = (static_cast<uint8_t>(bytes[i]) << 16) |
                 (static_cast<uint8_t>(bytes[i + 1]) << 8) | static_cast<uint8_t>(bytes[i + 2]);
    out += kBase64Alphabet[v >> 18];
    out += kBase64Alphabet[(v >> 12) & 63];
    out += kBase64Alphabet[(v >> 6) & 63];
    out += kBase64Alphabet[v & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t v = static_cast<uint8_t>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    out += kBase64Alphabet[v >> 18];
    out += kBase64Alphabet[(v >> 12) & 63];
    out += rest == 2 ? kBase64Alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool Base64Decode(std::string_view text, std::string* out, size_t* bad_offset) {
  out->clear();
  uint32_t quantum[4];
  int n = 0;
  size_t pad_at = std::string_view::npos;  // offset of the first '='
  int pads = 0;
  size_t last = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\r' || c == '\n') continue;
    last = i;
    if (pad_at != std::string_view::npos) {
      // Only more padding may follow the first '=' (up to the end of the quantum).
      if (c != '=' || n + pads >= 4) {
        *bad_offset = i;
        return false;
      }
      ++pads;
      continue;
    }
    if (c == '=') {
      if (n < 2) {
        *bad_offset = i;
        return false;
      }
      pad_at = i;
      pads = 1;
      continue;
    }
    int idx = Base64Index(c);
    if (idx < 0) {
      *bad_offset = i;
      return false;
    }
    quantum[n++] = static_cast<uint32_t>(idx);
    if (n == 4) {
      uint32_t v = (quantum[0] << 18) | (quantum[1] << 12) | (quantum[2] << 6) | quantum[3];
      out->push_back(static_cast<char>(v >> 16));
      out->push_back(static_cast<char>((v >> 8) & 0xff));
      out->push_back(static_cast<char>(v & 0xff));
      n = 0;
    }
  }
  if (pad_at != std::string_view::npos) {
    if (n + pads != 4) {
      *bad_offset = text.size();
      return false;
    }
  } else if (n != 0) {
    *bad_offset = text.size() > 0 ? last + 1 - (last + 1) % 4 : 0;
    if (*bad_offset > text.size()) *bad_offset = text.size();
    return false;
  }
  if (n >= 2) {
    uint32_t v = (quantum[0] << 18) | (quantum[1] << 12);
    if (n == 3) v |= quantum[2] << 6;
    out->push_back(static_cast<char>(v >> 16));
    if (n == 3) out->push_back(static_cast<char>((v >> 8) & 0xff));
  }
  return true;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    uint32_t cp = 0;
    if ((c & 0xe0) == 0xc0) {
      len = 2;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      len = 3;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (int k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += len;
  }
  return true;
}

std::string GoQuote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\v': out += "\\v"; break;
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        default:
          if (c < 0x20 || c == 0x7f) {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 15];
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    size_t len = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 1;
    if (len == 1 || i + len > s.size() || !IsValidUtf8(s.substr(i, len))) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
      ++i;
      continue;
    }
    uint32_t cp = len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    // Non-printable code points Go escapes: C1 controls, separators, BOM, private use is fine.
    if (cp < 0xa0 || cp == 0xad || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff) {
      char buf[12];
      snprintf(buf, sizeof buf, "\\u%04x", cp);
      out += buf;
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  out += '"';
  return out;
}

std::string RedactIfSensitive(std::string_view s, bool sensitive) {
  return sensitive ? "(sensitive value)" : GoQuote(s);
}

Status ArgError(std::string_view param, std::string_view msg) {
  return InvalidArgument("Invalid value for \"" + std::string(param) +
                         "\" parameter: " + std::string(msg) + ".");
}

}  // namespace encoding_internal

namespace {

using encoding_internal::Base64Decode;
using encoding_internal::Base64Encode;

Parameter StringParam(std::string name) {
  return Parameter{.name = std::move(name), .type = Type::String()};
}

FunctionSpec Base64DecodeFn() {
  FunctionSpec spec;
  spec.name = "base64decode";
  spec.description = "Decodes a string containing a base64 sequence.";
  spec.params = {Parameter{.name = "str",
                           .type = Type::String(),
                           .allow_unknown = true,
                           .allow_marked = true}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const Value& v = args[0];
    if (!v.IsKnown()) return Value::Unknown(Type::String()).WithMarks(v.marks());
    const std::string& s = v.AsString();
    std::string decoded;
    size_t bad = 0;
    if (!Base64Decode(s, &decoded, &bad)) {
      return InvalidArgument("failed to decode base64 data " +
                             encoding_internal::RedactIfSensitive(s, v.HasMark(kSensitive)));
    }
    if (!encoding_internal::IsValidUtf8(decoded)) {
      return InvalidArgument("the result of decoding the provided string is not valid UTF-8");
    }
    return Value::String(std::move(decoded)).WithMarks(v.marks());
  };
  return spec;
}

FunctionSpec Base64EncodeFn() {
  FunctionSpec spec;
  spec.name = "base64encode";
  spec.description = "Encodes a string to a base64 sequence.";
  spec.params = {StringParam("str")};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    return Value::String(Base64Encode(args[0].AsString()));
  };
  return spec;
}

// gzip (RFC 1952) with the header Go's compress/gzip writes (no name, mtime 0, OS unknown).
Result<std::string> Gzip(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return Internal("failed to initialise the gzip writer");
  }
  std::string out = std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
  size_t header = out.size();
  out.resize(header + deflateBound(&zs, data.size()) + 8);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data() + header);
  zs.avail_out = static_cast<uInt>(out.size() - header);
  int rc = deflate(&zs, Z_FINISH);
  size_t written = zs.total_out;
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return Internal("failed to write gzip raw data");
  out.resize(header + written);
  uint32_t crc = static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
  uint32_t size = static_cast<uint32_t>(data.size());
  for (int i = 0; i < 4; ++i) out += static_cast<char>((crc >> (8 * i)) & 0xff);
  for (int i = 0; i < 4; ++i) out += static_cast<char>((size >> (8 * i)) & 0xff);
  return out;
}

FunctionSpec Base64GzipFn() {
  FunctionSpec spec;
  spec.name = "base64gzip";
  spec.description = "Compresses the given string with gzip and then encodes the result in base64.";
  spec.params = {StringParam("str")};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const std::string& s = args[0].AsString();
    if (s.size() > UINT32_MAX / 2) return InvalidArgument("failed to write gzip raw data");
    FW_ASSIGN_OR_RETURN(std::string gz, Gzip(s));
    return Value::String(Base64Encode(gz));
  };
  return spec;
}

FunctionSpec UrlEncodeFn() {
  FunctionSpec spec;
  spec.name = "urlencode";
  spec.description = "Applies URL encoding to a given string.";
  spec.params = {StringParam("str")};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : args[0].AsString()) {
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
          c == '-' || c == '_' || c == '.' || c == '~') {
        out += static_cast<char>(c);
      } else if (c == ' ') {
        out += '+';
      } else {
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
    return Value::String(std::move(out));
  };
  return spec;
}

FunctionSpec JsonEncodeFn() {
  FunctionSpec spec;
  spec.name = "jsonencode";
  spec.description = "Returns a string containing a JSON representation of the given value.";
  spec.params = {Parameter{.name = "val",
                           .type = Type::Dynamic(),
                           .allow_null = true,
                           .allow_unknown = true,
                           .allow_dynamic = true}};
  spec.return_type = StaticReturnType(Type::String());
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    const Value& v = args[0];
    if (!v.IsWhollyKnown()) return Value::Unknown(Type::String());
    if (v.IsNull()) return Value::String("null");
    FW_ASSIGN_OR_RETURN(std::string json, EncodeJsonPlain(v, /*escape_html=*/true));
    return Value::String(std::move(json));
  };
  return spec;
}

FunctionSpec JsonDecodeFn() {
  FunctionSpec spec;
  spec.name = "jsondecode";
  spec.description =
      "Parses the given string as JSON and returns a value corresponding to what the JSON "
      "document describes.";
  spec.params = {StringParam("str")};
  spec.return_type = [](const std::vector<Value>& args) -> Result<Type> {
    if (!args[0].IsKnown()) return Type::Dynamic();
    return ImpliedTypeOfJson(args[0].AsString());
  };
  spec.impl = [](const std::vector<Value>& args, const Type&) -> Result<Value> {
    return DecodeJsonImplied(args[0].AsString());
  };
  return spec;
}

}  // namespace

void RegisterEncodingFunctions(FunctionRegistry* registry) {
  registry->Register(Base64DecodeFn());
  registry->Register(Base64EncodeFn());
  registry->Register(Base64GzipFn());
  registry->Register(UrlEncodeFn());
  registry->Register(JsonEncodeFn());
  registry->Register(JsonDecodeFn());
  registry->Register(encoding_internal::CsvDecodeFunction());
  registry->Register(encoding_internal::TextEncodeBase64Function());
  registry->Register(encoding_internal::TextDecodeBase64Function());
}

}  // namespace fw::hcl
