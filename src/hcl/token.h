// Tokens of the HCL native syntax, as produced by the lexer (lexer.h).
//
// A token does not own text: its bytes are source.substr(start.byte - origin, ...). Template
// literal tokens keep their raw bytes (escapes undecoded); the parser decodes them.
#pragma once

#include <cstdint>
#include <string_view>

#include "hcl/source.h"

namespace fw::hcl {

enum class TokenType : uint8_t {
  kEOF,
  kNewline,
  kIdent,
  kNumber,
  kOBrace,     // {
  kCBrace,     // }
  kOBrack,     // [
  kCBrack,     // ]
  kOParen,     // (
  kCParen,     // )
  kOQuote,     // " opening a quoted template
  kCQuote,     // " closing it
  kOHeredoc,   // <<EOT or <<-EOT, including the newline that follows
  kCHeredoc,   // the closing marker (with leading spaces)
  kQuotedLit,  // literal text inside "…" (raw, escapes undecoded)
  kStringLit,  // literal text of a heredoc or standalone template (one line at most)
  kTemplateInterp,   // ${ or ${~
  kTemplateControl,  // %{ or %{~
  kTemplateSeqEnd,   // } or ~} closing an interpolation or directive
  kEqual,            // =
  kEqualOp,          // ==
  kNotEqual,         // !=
  kLessThan,         // <
  kLessThanEq,       // <=
  kGreaterThan,      // >
  kGreaterThanEq,    // >=
  kAnd,              // &&
  kOr,               // ||
  kBang,             // !
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kQuestion,     // ?
  kColon,        // :
  kDoubleColon,  // ::
  kFatArrow,     // =>
  kDot,          // .
  kComma,        // ,
  kEllipsis,     // ...
  kInvalid,      // a character that starts no token (already reported by the lexer)
  kBadUTF8,      // invalid UTF-8 bytes (already reported by the lexer)
};

struct Token {
  TokenType type = TokenType::kEOF;
  bool strip = false;        // ${~ / %{~ / ~} strip marker; for kOHeredoc: the <<- form.
  bool line_start = false;   // kStringLit in a heredoc that begins a line.
  Pos start;
  Pos end;
};

// A human description used in "Expected …, found …" messages ("a newline", "\"{\"").
std::string_view TokenDescription(TokenType type);

}  // namespace fw::hcl
