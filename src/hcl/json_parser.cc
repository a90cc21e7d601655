#include "hcl/json_parser.h"

#include "hcl/body.h"
#include "hcl/lexer.h"

namespace fw::hcl {
namespace {

class JsonParser {
 public:
  JsonParser(std::string_view src, const FileName& file, const ParseOptions& options,
             Diagnostics& diags)
      : src_(src), file_(file), options_(options), diags_(diags) {}

  std::unique_ptr<JsonValue> ParseDocument() {
    SkipSpace();
    if (i_ >= src_.size()) {
      Error("Empty JSON file", "A JSON document must contain a value.", i_, i_);
      return nullptr;
    }
    auto v = ParseValue();
    if (failed_) return v;
    SkipSpace();
    if (i_ < src_.size()) {
      Error("Extraneous data after value",
            "Extra characters appear after the JSON value.", i_, i_ + 1);
    }
    return v;
  }

 private:
  unsigned char At(size_t k) const {
    return k < src_.size() ? static_cast<unsigned char>(src_[k]) : 0;
  }

  Pos PosAt(size_t k) {
    if (k < cursor_i_) return AdvancePos(Pos{}, src_, k);
    for (size_t j = cursor_i_; j < k; ++j) {
      unsigned char c = static_cast<unsigned char>(src_[j]);
      if (c == '\n') {
        ++cursor_.line;
        cursor_.column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++cursor_.column;
      }
    }
    cursor_.byte = k;
    cursor_i_ = k;
    return cursor_;
  }

  Range RangeOf(size_t a, size_t b) {
    Pos s = PosAt(a);
    Pos e = PosAt(b);
    return Range{file_, s, e};
  }

  void Error(std::string summary, std::string detail, size_t a, size_t b) {
    if (failed_) return;
    failed_ = true;
    b = std::min(b, src_.size());
    diags_.AddError(std::move(summary), std::move(detail), RangeOf(a, std::max(a, b)));
  }

  void SkipSpace() {
    while (i_ < src_.size()) {
      char c = src_[i_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++i_;
    }
  }

  std::unique_ptr<JsonValue> ParseValue() {
    auto v = std::make_unique<JsonValue>();
    size_t start = i_;
    const Pos start_pos = PosAt(start);
    unsigned char c = At(i_);
    if (c == '{' || c == '[') {
      if (++depth_ > options_.max_depth) {
        Error("Nesting too deep",
              "This JSON document nests arrays or objects more than " +
                  std::to_string(options_.max_depth) + " levels deep, which is not supported.",
              i_, i_ + 1);
        return v;
      }
      if (c == '{') {
        ParseObject(*v);
      } else {
        ParseArray(*v);
      }
      --depth_;
    } else if (c == '"') {
      v->kind = JsonKind::kString;
      ParseString(v->text, v->verbatim);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v->kind = JsonKind::kNumber;
      ParseNumber(v->text);
    } else if (src_.substr(i_, 4) == "true" || src_.substr(i_, 5) == "false") {
      v->kind = JsonKind::kBool;
      v->text = c == 't' ? "true" : "false";
      i_ += v->text.size();
    } else if (src_.substr(i_, 4) == "null") {
      v->kind = JsonKind::kNull;
      i_ += 4;
    } else {
      Error("Invalid JSON value",
            i_ >= src_.size() ? "Expected a JSON value, but found the end of the file."
                              : "Expected a JSON value (object, array, string, number, boolean "
                                "or null).",
            i_, i_ + 1);
      return v;
    }
    v->range = Range{file_, start_pos, PosAt(i_)};
    return v;
  }

  void ParseObject(JsonValue& v) {
    v.kind = JsonKind::kObject;
    size_t open = i_++;
    SkipSpace();
    if (At(i_) == '}') {
      ++i_;
      return;
    }
    for (;;) {
      SkipSpace();
      if (At(i_) != '"') {
        Error("Invalid JSON object property",
              i_ >= src_.size() ? "The object opened here is not closed before the end of the file."
                                : "An object property name must be a quoted string.",
              i_ >= src_.size() ? open : i_, i_ >= src_.size() ? open + 1 : i_ + 1);
        return;
      }
      JsonProperty prop;
      const Pos name_start = PosAt(i_);
      bool verbatim = true;
      if (!ParseString(prop.name, verbatim)) return;
      prop.name_range = Range{file_, name_start, PosAt(i_)};
      SkipSpace();
      if (At(i_) != ':') {
        Error("Missing property value colon",
              "A colon must appear between an object property's name and its value.", i_, i_ + 1);
        return;
      }
      ++i_;
      SkipSpace();
      prop.value = ParseValue();
      v.properties.push_back(std::move(prop));
      if (failed_) return;
      SkipSpace();
      if (At(i_) == ',') {
        ++i_;
        SkipSpace();
        if (At(i_) == '}') {
          Error("Trailing comma in object",
                "JSON does not permit a trailing comma after the last object property.", i_ - 1,
                i_);
          return;
        }
        continue;
      }
      if (At(i_) == '}') {
        ++i_;
        return;
      }
      Error(i_ >= src_.size() ? "Unclosed object" : "Missing property separator",
            i_ >= src_.size() ? "The object opened here is not closed before the end of the file."
                              : "A comma must separate object properties, or a closing brace "
                                "end the object.",
            i_ >= src_.size() ? open : i_, i_ >= src_.size() ? open + 1 : i_ + 1);
      return;
    }
  }

  void ParseArray(JsonValue& v) {
    v.kind = JsonKind::kArray;
    size_t open = i_++;
    SkipSpace();
    if (At(i_) == ']') {
      ++i_;
      return;
    }
    for (;;) {
      SkipSpace();
      v.elements.push_back(ParseValue());
      if (failed_) return;
      SkipSpace();
      if (At(i_) == ',') {
        ++i_;
        SkipSpace();
        if (At(i_) == ']') {
          Error("Trailing comma in array",
                "JSON does not permit a trailing comma after the last array element.", i_ - 1, i_);
          return;
        }
        continue;
      }
      if (At(i_) == ']') {
        ++i_;
        return;
      }
      Error(i_ >= src_.size() ? "Unclosed array" : "Missing array element separator",
            i_ >= src_.size() ? "The array opened here is not closed before the end of the file."
                              : "A comma must separate array elements, or a closing bracket end "
                                "the array.",
            i_ >= src_.size() ? open : i_, i_ >= src_.size() ? open + 1 : i_ + 1);
      return;
    }
  }

  static int Hex(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool Hex4(size_t at, uint32_t* out) {
    uint32_t v = 0;
    for (size_t k = 0; k < 4; ++k) {
      int h = Hex(At(at + k));
      if (h < 0) return false;
      v = v * 16 + static_cast<uint32_t>(h);
    }
    *out = v;
    return true;
  }

  bool ParseString(std::string& out, bool& verbatim) {
    size_t open = i_++;
    for (;;) {
      if (i_ >= src_.size()) {
        Error("Unterminated string", "The string opened here has no closing quote.", open,
              open + 1);
        return false;
      }
      unsigned char c = At(i_);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) {
        Error("Invalid character in string",
              "Control characters (such as newlines) must be escaped in JSON strings.", i_, i_ + 1);
        return false;
      }
      if (c >= 0x80) {
        size_t len = Utf8SequenceLength(src_, i_);
        if (len == 0) {
          Error("Invalid character encoding",
                "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected "
                "in your editor.",
                i_, i_ + 1);
          return false;
        }
        out.append(src_.substr(i_, len));
        i_ += len;
        continue;
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        ++i_;
        continue;
      }
      verbatim = false;
      unsigned char e = At(i_ + 1);
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(i_ + 2, &cp)) {
            Error("Invalid string escape", "A \\u escape needs four hexadecimal digits.", i_,
                  i_ + 2);
            return false;
          }
          i_ += 6;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo;
            if (At(i_) == '\\' && At(i_ + 1) == 'u' && Hex4(i_ + 2, &lo) && lo >= 0xDC00 &&
                lo <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
              i_ += 6;
            } else {
              cp = 0xFFFD;
            }
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
          }
          AppendUtf8(out, cp);
          continue;
        }
        default:
          Error("Invalid string escape",
                "Valid escapes are \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX.", i_,
                i_ + 2);
          return false;
      }
      i_ += 2;
    }
  }

  void ParseNumber(std::string& out) {
    size_t start = i_;
    auto digits = [&] {
      size_t s = i_;
      while (At(i_) >= '0' && At(i_) <= '9') ++i_;
      return i_ > s;
    };
    if (At(i_) == '-') ++i_;
    if (At(i_) == '0') {
      ++i_;
    } else if (!digits()) {
      Error("Invalid number", "A number must have digits.", start, i_ + 1);
      return;
    }
    if (At(i_) == '.') {
      ++i_;
      if (!digits()) {
        Error("Invalid number", "A decimal point must be followed by digits.", start, i_);
        return;
      }
    }
    if (At(i_) == 'e' || At(i_) == 'E') {
      ++i_;
      if (At(i_) == '+' || At(i_) == '-') ++i_;
      if (!digits()) {
        Error("Invalid number", "An exponent must have digits.", start, i_);
        return;
      }
    }
    out = std::string(src_.substr(start, i_ - start));
  }

  std::string_view src_;
  const FileName& file_;
  ParseOptions options_;
  Diagnostics& diags_;
  size_t i_ = 0;
  int depth_ = 0;
  bool failed_ = false;
  Pos cursor_;
  size_t cursor_i_ = 0;
};

}  // namespace

std::unique_ptr<JsonValue> ParseJson(std::string_view bytes, const FileName& file,
                                     const ParseOptions& options, Diagnostics& diags) {
  if (bytes.size() > options.max_bytes) {
    diags.AddError("Input too large",
                   "The input is " + std::to_string(bytes.size()) + " bytes long; the limit is " +
                       std::to_string(options.max_bytes) + " bytes.",
                   Range{file, Pos{}, Pos{}});
    return nullptr;
  }
  JsonParser p(bytes, file, options, diags);
  return p.ParseDocument();
}

}  // namespace fw::hcl
