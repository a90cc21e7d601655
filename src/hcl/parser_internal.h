// The recursive-descent parser shared by parser.cc (structure), parser_expr.cc (expressions)
// and parser_template.cc (templates). Internal to the hcl module.
//
// Error handling: the first error inside an item sets `error_`; later errors are suppressed
// until the body-level recovery skips to the next newline and clears it. Every recursive entry
// goes through DepthGuard, so input cannot drive the stack past ParseOptions::max_depth.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hcl/ast.h"
#include "hcl/diagnostics.h"
#include "hcl/parser.h"
#include "hcl/token.h"

namespace fw::hcl::internal {

class Parser {
 public:
  // Nodes are allocated from `arena`; names and literal text point into `src`, which must live
  // as long as the arena.
  Parser(const std::vector<Token>& tokens, std::string_view src, Pos origin, FileName file,
         const ParseOptions& options, Diagnostics& diags, Arena& arena);

  Body* ParseFileBody();
  ExprPtr ParseWholeExpression();
  ExprPtr ParseWholeTemplate();
  Traversal ParseWholeTraversal();

 private:
  friend class DepthGuard;
  class DepthGuard {
   public:
    explicit DepthGuard(Parser& p) : p_(p) { ok_ = p_.Enter(); }
    ~DepthGuard() { --p_.depth_; }
    bool ok() const { return ok_; }

   private:
    Parser& p_;
    bool ok_;
  };

  // --- tokens (parser.cc)
  // Skips newlines when newlines are ignored.
  const Token& Peek() {
    if (ignore_newlines_top_) {
      while (tokens_[pos_].type == TokenType::kNewline) ++pos_;
    }
    return tokens_[pos_];
  }
  const Token& PeekAt(size_t ahead);
  const Token& Next();
  const Token& PeekRaw() const { return tokens_[pos_]; }
  const Token& NextRaw();
  std::string_view Text(const Token& t) const;
  Range R(const Token& t) const { return Range{file_, t.start, t.end}; }
  Range R(const Pos& s, const Pos& e) const { return Range{file_, s, e}; }
  void PushNewlines(bool ignore) {
    ignore_newlines_.push_back(ignore);
    ignore_newlines_top_ = ignore;
  }
  void PopNewlines() {
    ignore_newlines_.pop_back();
    ignore_newlines_top_ = !ignore_newlines_.empty() && ignore_newlines_.back();
  }
  // A copy of `s` in the arena (for decoded text that is not a slice of the source).
  std::string_view Keep(std::string_view s) { return arena_.Copy(s); }
  bool Enter();
  // Reports an error at `r` unless one is already pending for this item.
  void Error(std::string summary, std::string detail, const Range& r);
  // For kInvalid / kBadUTF8 tokens: the lexer already reported them.
  void SilentError() {
    if (!error_) error_braces_ = open_braces_;
    error_ = true;
  }
  // Counts the braces of the item being parsed, so that recovery after an error inside an
  // object or one-line block skips to its closing brace rather than stopping there.
  class BraceGuard {
   public:
    explicit BraceGuard(Parser& p) : p_(p) { ++p_.open_braces_; }
    ~BraceGuard() { --p_.open_braces_; }

   private:
    Parser& p_;
  };
  void ErrorAtToken(const Token& t, std::string summary, std::string detail_prefix);
  // Skips to the end of the current line (respecting bracket nesting), leaving a newline, EOF
  // or an unmatched closing brace as the next token.
  void RecoverToNewline();
  // Skips tokens until `close` at the current nesting (consumed) or EOF.
  // After an open brace: skips to its matching close brace (consumed) or EOF.
  void SkipBalancedBraces();
  ExprPtr Invalid(const Range& r) { return arena_.New<InvalidExpr>(r); }

  // --- structure (parser.cc)
  Body* ParseBody(bool nested, const Token* open);
  void ParseBodyItem(Body& body);
  bool ParseBlockRest(Body& body, const Token& type_tok);
  bool ParseOneLineBlockBody(Block& block);
  bool ExpectItemEnd(const char* what);

  // --- expressions (parser_expr.cc)
  ExprPtr ParseExpression();
  ExprPtr ParseBinary(int level);
  ExprPtr ParseUnary();
  ExprPtr ParseTermWithPostfix();
  ExprPtr ParseTermBase();
  ExprPtr ParsePostfix(ExprPtr term);
  ExprPtr ParseSplatEach(bool full, const Range& marker);
  bool SplatNext();
  // Parses one `.name`, legacy `.0` or (when allow_index) `[key]` step onto `term`; returns
  // false (consuming nothing) when the next tokens are not such a step.
  bool ParseOneStep(ExprPtr& term, bool allow_index, int& chain);
  ExprPtr AppendIndexStep(ExprPtr term, ExprPtr key, const Token& open, const Token& close,
                          int& chain);
  ExprPtr AppendStep(ExprPtr term, TraversalStep step, int& chain);
  ExprPtr ParseFunctionCall();
  ExprPtr ParseParens();
  ExprPtr ParseTuple();
  ExprPtr ParseObject();
  ExprPtr ParseFor(const Token& open, bool object);
  bool ParseTraversalTail(Traversal& t);

  // --- templates (parser_template.cc)
  struct TemplateItem;
  ExprPtr ParseQuotedTemplate();
  ExprPtr ParseHeredoc();
  ExprPtr ParseTemplateItems(std::vector<TemplateItem>& items, TokenType end, bool quoted,
                             Pos start);
  bool CollectTemplateItems(std::vector<TemplateItem>& items, TokenType end, bool quoted);
  bool ParseDirective(std::vector<TemplateItem>& items, const Token& open);
  // Ends a template sequence ("${ … }" or "%{ … }"): consumes its "}" and pops the newline mode
  // pushed when it opened. Returns the "}" token, or null after an earlier error or when
  // something else stands there (reported with `summary` and `detail_prefix`).
  const Token* CloseSequence(std::string summary, std::string detail_prefix);
  ExprPtr BuildTemplate(std::vector<TemplateItem>& items, size_t& i, Pos start, Pos end,
                        int stop_mask);
  // Decoded text: a slice of the source when nothing needed decoding, else an arena copy.
  std::string_view DecodeQuoted(const Token& t);
  std::string_view DecodeHeredoc(std::string_view raw);

  const std::vector<Token>& tokens_;
  std::string_view src_;
  Pos origin_;
  FileName file_;
  ParseOptions options_;
  Diagnostics& diags_;
  size_t pos_ = 0;
  int depth_ = 0;
  bool error_ = false;
  int open_braces_ = 0;
  int error_braces_ = 0;
  bool unclosed_reported_ = false;
  std::vector<uint8_t> ignore_newlines_;
  bool ignore_newlines_top_ = false;
  Arena& arena_;
};

}  // namespace fw::hcl::internal
