// The lexer of the HCL native syntax: bytes → a vector of tokens.
//
// The lexer is modal: it tracks braces, quoted templates, heredocs and interpolations with an
// explicit stack (never recursion), so that `}` closing `${` returns to template mode. Comments
// are dropped, except that a line comment yields the newline that ends it. Lexical errors
// (invalid UTF-8, stray characters, unterminated comments, a byte order mark) are reported here
// exactly once and leave a kInvalid/kBadUTF8 token behind for the parser to recover from.
//
// Thread-safety: pure function.
#pragma once

#include <string_view>
#include <vector>

#include "hcl/diagnostics.h"
#include "hcl/token.h"

namespace fw::hcl {

enum class LexMode {
  kNormal,    // configuration files and expressions
  kTemplate,  // a standalone template (templatefile, JSON strings): starts as literal text
};

// Tokenizes `bytes`; positions start at `origin` (so byte offsets are origin.byte + index).
// The last token is always kEOF.
std::vector<Token> Lex(std::string_view bytes, const FileName& file, Pos origin, LexMode mode,
                       Diagnostics& diags);

// Validates one UTF-8 sequence at text[i]; returns its length, or 0 when invalid.
size_t Utf8SequenceLength(std::string_view text, size_t i);

// Decodes one valid UTF-8 sequence at text[i] (call Utf8SequenceLength first).
uint32_t DecodeUtf8(std::string_view text, size_t i, size_t len);

// Appends code point `cp` as UTF-8.
void AppendUtf8(std::string& out, uint32_t cp);

}  // namespace fw::hcl
