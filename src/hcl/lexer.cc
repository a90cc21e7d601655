#include "hcl/lexer.h"

#include <string>

namespace fw::hcl {

std::string_view TokenDescription(TokenType type) {
  switch (type) {
    case TokenType::kEOF: return "the end of the file";
    case TokenType::kNewline: return "a newline";
    case TokenType::kIdent: return "an identifier";
    case TokenType::kNumber: return "a number";
    case TokenType::kOBrace: return "an opening brace";
    case TokenType::kCBrace: return "a closing brace";
    case TokenType::kOBrack: return "an opening bracket";
    case TokenType::kCBrack: return "a closing bracket";
    case TokenType::kOParen: return "an opening parenthesis";
    case TokenType::kCParen: return "a closing parenthesis";
    case TokenType::kOQuote: return "an opening quote";
    case TokenType::kCQuote: return "a closing quote";
    case TokenType::kOHeredoc: return "a heredoc introduction";
    case TokenType::kCHeredoc: return "a heredoc end marker";
    case TokenType::kQuotedLit: return "a quoted string";
    case TokenType::kStringLit: return "a string";
    case TokenType::kTemplateInterp: return "a template interpolation";
    case TokenType::kTemplateControl: return "a template directive";
    case TokenType::kTemplateSeqEnd: return "the end of a template sequence";
    case TokenType::kEqual: return "an equals sign";
    case TokenType::kEqualOp: return "an equality operator";
    case TokenType::kNotEqual: return "an inequality operator";
    case TokenType::kLessThan:
    case TokenType::kLessThanEq:
    case TokenType::kGreaterThan:
    case TokenType::kGreaterThanEq: return "a comparison operator";
    case TokenType::kAnd:
    case TokenType::kOr:
    case TokenType::kBang: return "a logical operator";
    case TokenType::kPlus:
    case TokenType::kMinus:
    case TokenType::kStar:
    case TokenType::kSlash:
    case TokenType::kPercent: return "an arithmetic operator";
    case TokenType::kQuestion: return "a question mark";
    case TokenType::kColon: return "a colon";
    case TokenType::kDoubleColon: return "a double colon";
    case TokenType::kFatArrow: return "a fat arrow";
    case TokenType::kDot: return "a dot";
    case TokenType::kComma: return "a comma";
    case TokenType::kEllipsis: return "an ellipsis";
    case TokenType::kInvalid: return "an invalid character";
    case TokenType::kBadUTF8: return "invalid UTF-8";
  }
  return "a token";
}

size_t Utf8SequenceLength(std::string_view text, size_t i) {
  const size_t n = text.size();
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return k < n && (byte(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

uint32_t DecodeUtf8(std::string_view text, size_t i, size_t len) {
  auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(text[i + k])); };
  switch (len) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    case 4:
      return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
  return 0xFFFD;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsIdentStartAscii(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsIdentContinueAscii(unsigned char c) {
  return IsIdentStartAscii(c) || IsDigit(c) || c == '-';
}

enum class Ctx : uint8_t { kBrace, kInterp, kQuoted, kHeredoc, kBareTemplate };

struct Frame {
  Ctx ctx;
  std::string_view marker;  // heredoc end marker
};

class Lexer {
 public:
  Lexer(std::string_view src, const FileName& file, Pos origin, Diagnostics& diags)
      : src_(src), file_(file), origin_(origin), cursor_(origin), diags_(diags) {
    out_.reserve(src.size() / 4 + 16);
  }

  std::vector<Token> Run(LexMode mode) {
    if (src_.size() >= 3 && src_.substr(0, 3) == "\xEF\xBB\xBF") {
      Error("Invalid character encoding",
            "A UTF-8 byte order mark is not permitted at the start of a file.", 0, 3);
      i_ = 3;
    }
    if (mode == LexMode::kTemplate) stack_.push_back({Ctx::kBareTemplate, {}});
    while (i_ < src_.size()) {
      Ctx top = stack_.empty() ? Ctx::kBrace : stack_.back().ctx;
      switch (top) {
        case Ctx::kBrace:
        case Ctx::kInterp: LexNormal(); break;
        case Ctx::kQuoted: LexQuoted(); break;
        case Ctx::kHeredoc:
        case Ctx::kBareTemplate: LexLines(top); break;
      }
    }
    Emit(TokenType::kEOF, src_.size(), src_.size());
    return std::move(out_);
  }

 private:
  unsigned char At(size_t k) const {
    return k < src_.size() ? static_cast<unsigned char>(src_[k]) : 0;
  }

  Pos PosAt(size_t k) {
    if (k < cursor_local_) return AdvancePos(origin_, src_, k);
    for (size_t j = cursor_local_; j < k; ++j) {
      unsigned char c = static_cast<unsigned char>(src_[j]);
      if (c == '\n') {
        ++cursor_.line;
        cursor_.column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++cursor_.column;
      }
    }
    cursor_.byte = origin_.byte + k;
    cursor_local_ = k;
    return cursor_;
  }

  Token& Emit(TokenType type, size_t start, size_t end, bool strip = false) {
    Token t;
    t.type = type;
    t.strip = strip;
    t.start = PosAt(start);
    t.end = PosAt(end);
    out_.push_back(t);
    return out_.back();
  }

  void Error(std::string summary, std::string detail, size_t start, size_t end) {
    Range r{file_, PosAt(start), PosAt(end)};
    diags_.AddError(std::move(summary), std::move(detail), std::move(r));
  }

  // Emits a kBadUTF8 token for the run of invalid bytes at i_, and reports it once.
  void BadUtf8() {
    size_t start = i_;
    while (i_ < src_.size() && At(i_) >= 0x80 && Utf8SequenceLength(src_, i_) == 0) ++i_;
    if (i_ == start) ++i_;
    const Token& t = Emit(TokenType::kBadUTF8, start, i_);
    ErrorAt(t, "Invalid character encoding",
            "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in "
            "your editor.");
  }

  void ErrorAt(const Token& t, std::string summary, std::string detail) {
    diags_.AddError(std::move(summary), std::move(detail), Range{file_, t.start, t.end});
  }

  // Skips bytes up to (not including) the next newline, validating UTF-8.
  void SkipLineComment() {
    while (i_ < src_.size() && At(i_) != '\n') {
      if (At(i_) == '\r' && At(i_ + 1) == '\n') break;
      if (At(i_) >= 0x80) {
        size_t len = Utf8SequenceLength(src_, i_);
        if (len == 0) {
          BadUtf8();
          out_.pop_back();
          continue;
        }
        i_ += len;
      } else {
        ++i_;
      }
    }
  }

  void SkipBlockComment() {
    size_t start = i_;
    i_ += 2;
    while (i_ < src_.size()) {
      if (At(i_) == '*' && At(i_ + 1) == '/') {
        i_ += 2;
        return;
      }
      if (At(i_) >= 0x80) {
        size_t len = Utf8SequenceLength(src_, i_);
        if (len == 0) {
          BadUtf8();
          out_.pop_back();
          continue;
        }
        i_ += len;
      } else {
        ++i_;
      }
    }
    Error("Unterminated comment", "There is no closing */ for this comment.", start, start + 2);
  }

  // Tries to lex a heredoc introduction at i_ ("<<" seen). Returns false if it is not one.
  bool LexHeredocIntro() {
    size_t j = i_ + 2;
    bool flush = false;
    if (At(j) == '-') {
      flush = true;
      ++j;
    }
    size_t name_start = j;
    if (!IsIdentStartAscii(At(j))) return false;
    while (IsIdentContinueAscii(At(j))) ++j;
    std::string_view marker = src_.substr(name_start, j - name_start);
    if (At(j) == '\r') ++j;
    if (At(j) != '\n') return false;
    ++j;
    Emit(TokenType::kOHeredoc, i_, j, flush);
    stack_.push_back({Ctx::kHeredoc, marker});
    i_ = j;
    return true;
  }

  void Op(TokenType type, size_t len) {
    Emit(type, i_, i_ + len);
    i_ += len;
  }

  void LexNormal() {
    const size_t n = src_.size();
    while (i_ < n && (At(i_) == ' ' || At(i_) == '\t' || (At(i_) == '\r' && At(i_ + 1) != '\n'))) {
      ++i_;
    }
    if (i_ >= n) return;
    unsigned char c = At(i_);
    switch (c) {
      case '\n': Op(TokenType::kNewline, 1); return;
      case '\r': Op(TokenType::kNewline, 2); return;
      case '#': SkipLineComment(); return;
      case '/':
        if (At(i_ + 1) == '/') return SkipLineComment();
        if (At(i_ + 1) == '*') return SkipBlockComment();
        return Op(TokenType::kSlash, 1);
      case '"':
        Op(TokenType::kOQuote, 1);
        stack_.push_back({Ctx::kQuoted, {}});
        return;
      case '{':
        Op(TokenType::kOBrace, 1);
        stack_.push_back({Ctx::kBrace, {}});
        return;
      case '}':
        if (!stack_.empty() && stack_.back().ctx == Ctx::kInterp) {
          stack_.pop_back();
          return Op(TokenType::kTemplateSeqEnd, 1);
        }
        if (!stack_.empty()) stack_.pop_back();
        return Op(TokenType::kCBrace, 1);
      case '~':
        if (At(i_ + 1) == '}' && !stack_.empty() && stack_.back().ctx == Ctx::kInterp) {
          stack_.pop_back();
          Emit(TokenType::kTemplateSeqEnd, i_, i_ + 2, true);
          i_ += 2;
          return;
        }
        break;
      case '[': return Op(TokenType::kOBrack, 1);
      case ']': return Op(TokenType::kCBrack, 1);
      case '(': return Op(TokenType::kOParen, 1);
      case ')': return Op(TokenType::kCParen, 1);
      case ',': return Op(TokenType::kComma, 1);
      case '?': return Op(TokenType::kQuestion, 1);
      case ':':
        return At(i_ + 1) == ':' ? Op(TokenType::kDoubleColon, 2) : Op(TokenType::kColon, 1);
      case '.':
        if (At(i_ + 1) == '.' && At(i_ + 2) == '.') return Op(TokenType::kEllipsis, 3);
        return Op(TokenType::kDot, 1);
      case '+': return Op(TokenType::kPlus, 1);
      case '-': return Op(TokenType::kMinus, 1);
      case '*': return Op(TokenType::kStar, 1);
      case '%': return Op(TokenType::kPercent, 1);
      case '=':
        if (At(i_ + 1) == '=') return Op(TokenType::kEqualOp, 2);
        if (At(i_ + 1) == '>') return Op(TokenType::kFatArrow, 2);
        return Op(TokenType::kEqual, 1);
      case '!': return At(i_ + 1) == '=' ? Op(TokenType::kNotEqual, 2) : Op(TokenType::kBang, 1);
      case '<':
        if (At(i_ + 1) == '<') {
          if (LexHeredocIntro()) return;
          Op(TokenType::kInvalid, 2);
          return ErrorAt(
              out_.back(), "Invalid heredoc introduction",
              "A heredoc is introduced by << or <<- followed by an identifier and a newline.");
        }
        return At(i_ + 1) == '=' ? Op(TokenType::kLessThanEq, 2) : Op(TokenType::kLessThan, 1);
      case '>':
        return At(i_ + 1) == '=' ? Op(TokenType::kGreaterThanEq, 2)
                                 : Op(TokenType::kGreaterThan, 1);
      case '&':
        if (At(i_ + 1) == '&') return Op(TokenType::kAnd, 2);
        break;
      case '|':
        if (At(i_ + 1) == '|') return Op(TokenType::kOr, 2);
        break;
      default: break;
    }
    if (IsDigit(c)) return LexNumber();
    if (IsIdentStartAscii(c) || c >= 0x80) {
      if (c >= 0x80 && Utf8SequenceLength(src_, i_) == 0) return BadUtf8();
      return LexIdent();
    }
    // A run of characters that start no token: one diagnostic for the run.
    size_t start = i_;
    ++i_;
    while (i_ < n && (At(i_) == '~' || At(i_) == '$' || At(i_) == '`' || At(i_) == '@' ||
                      At(i_) == '^' || At(i_) == '\\' || At(i_) == ';' || At(i_) == '\'' ||
                      (At(i_) < 0x20 && At(i_) != '\n' && At(i_) != '\t' && At(i_) != '\r'))) {
      ++i_;
    }
    std::string summary = "Invalid character";
    std::string detail = "This character is not used within the language.";
    if (c == '\'') {
      summary = "Invalid character";
      detail = "Single quotes are not valid. Use double quotes (\") to enclose strings.";
    } else if (c == ';') {
      detail = "The ; character is not valid. Use newlines to separate arguments and blocks, "
               "and commas to separate items in collection values.";
    }
    const Token& t = Emit(TokenType::kInvalid, start, i_);
    ErrorAt(t, std::move(summary), std::move(detail));
  }

  void LexNumber() {
    size_t start = i_;
    while (IsDigit(At(i_))) ++i_;
    if (At(i_) == '.' && IsDigit(At(i_ + 1))) {
      ++i_;
      while (IsDigit(At(i_))) ++i_;
    }
    if (At(i_) == 'e' || At(i_) == 'E') {
      size_t j = i_ + 1;
      if (At(j) == '+' || At(j) == '-') ++j;
      if (IsDigit(At(j))) {
        i_ = j;
        while (IsDigit(At(i_))) ++i_;
      }
    }
    Emit(TokenType::kNumber, start, i_);
  }

  void LexIdent() {
    size_t start = i_;
    while (i_ < src_.size()) {
      unsigned char c = At(i_);
      if (c < 0x80) {
        if (!IsIdentContinueAscii(c)) break;
        ++i_;
      } else {
        size_t len = Utf8SequenceLength(src_, i_);
        if (len == 0) break;
        i_ += len;
      }
    }
    Emit(TokenType::kIdent, start, i_);
  }

  // Emits the pending literal [lit_start, i_) if not empty.
  void FlushLiteral(TokenType type, size_t lit_start) {
    if (i_ > lit_start) {
      Token& t = Emit(type, lit_start, i_);
      t.line_start = lit_start == 0 || src_[lit_start - 1] == '\n';
    }
  }

  // At "${" / "%{" (optionally followed by ~): emits the opener and enters an interpolation.
  void OpenSequence() {
    TokenType type = At(i_) == '$' ? TokenType::kTemplateInterp : TokenType::kTemplateControl;
    bool strip = At(i_ + 2) == '~';
    size_t len = strip ? 3 : 2;
    Emit(type, i_, i_ + len, strip);
    i_ += len;
    stack_.push_back({Ctx::kInterp, {}});
  }

  // Advances over one character of template literal text (quoted string or heredoc line):
  // "$${"/"%%{" escapes stay literal, a bad UTF-8 sequence is reported and restarts the literal.
  // Returns true when "${" or "%{" opened a sequence; the literal before it has been emitted as
  // a `type` token and the caller must return.
  bool TemplateStep(TokenType type, size_t* lit) {
    unsigned char c = At(i_);
    if ((c == '$' || c == '%') && At(i_ + 1) == c && At(i_ + 2) == '{') {
      i_ += 3;
      return false;
    }
    if ((c == '$' || c == '%') && At(i_ + 1) == '{') {
      FlushLiteral(type, *lit);
      OpenSequence();
      return true;
    }
    if (c >= 0x80) {
      size_t len = Utf8SequenceLength(src_, i_);
      if (len == 0) {
        FlushLiteral(type, *lit);
        BadUtf8();
        *lit = i_;
        return false;
      }
      i_ += len;
      return false;
    }
    ++i_;
    return false;
  }

  void LexQuoted() {
    size_t lit = i_;
    const size_t n = src_.size();
    while (i_ < n) {
      unsigned char c = At(i_);
      if (c == '"') {
        FlushLiteral(TokenType::kQuotedLit, lit);
        stack_.pop_back();
        return Op(TokenType::kCQuote, 1);
      }
      if (c == '\n' || (c == '\r' && At(i_ + 1) == '\n')) {
        // A newline ends the string; the parser reports the unterminated template.
        FlushLiteral(TokenType::kQuotedLit, lit);
        stack_.pop_back();
        return;
      }
      if (c == '\\') {
        ++i_;
        if (i_ < n && At(i_) < 0x80 && At(i_) != '\n' && At(i_) != '\r') ++i_;
        continue;
      }
      if (TemplateStep(TokenType::kQuotedLit, &lit)) return;
    }
    FlushLiteral(TokenType::kQuotedLit, lit);
  }

  // Heredoc bodies and standalone templates: literal tokens never span a line.
  void LexLines(Ctx ctx) {
    const size_t n = src_.size();
    bool line_start = i_ == 0 || src_[i_ - 1] == '\n';
    if (ctx == Ctx::kHeredoc && line_start) {
      std::string_view marker = stack_.back().marker;
      size_t j = i_;
      while (At(j) == ' ' || At(j) == '\t') ++j;
      if (src_.substr(j, marker.size()) == marker) {
        size_t k = j + marker.size();
        if (k >= n || At(k) == '\n' || (At(k) == '\r' && At(k + 1) == '\n')) {
          Emit(TokenType::kCHeredoc, i_, k);
          i_ = k;
          stack_.pop_back();
          return;
        }
      }
    }
    size_t lit = i_;
    while (i_ < n) {
      unsigned char c = At(i_);
      if (c == '\n') {
        ++i_;
        return FlushLiteral(TokenType::kStringLit, lit);
      }
      if (TemplateStep(TokenType::kStringLit, &lit)) return;
    }
    FlushLiteral(TokenType::kStringLit, lit);
  }

  std::string_view src_;
  const FileName& file_;
  Pos origin_;
  Pos cursor_;
  size_t cursor_local_ = 0;
  Diagnostics& diags_;
  size_t i_ = 0;
  std::vector<Frame> stack_;
  std::vector<Token> out_;
};

}  // namespace

std::vector<Token> Lex(std::string_view bytes, const FileName& file, Pos origin, LexMode mode,
                       Diagnostics& diags) {
  Lexer lexer(bytes, file, origin, diags);
  return lexer.Run(mode);
}

}  // namespace fw::hcl
