// Token access, error recovery, the structural language (bodies, attributes, blocks) and the
// public entry points.
#include "hcl/parser.h"

#include "hcl/lexer.h"
#include "hcl/parser_internal.h"

namespace fw::hcl {
namespace internal {

Parser::Parser(const std::vector<Token>& tokens, std::string_view src, Pos origin, FileName file,
               const ParseOptions& options, Diagnostics& diags, Arena& arena)
    : tokens_(tokens),
      src_(src),
      origin_(origin),
      file_(std::move(file)),
      options_(options),
      diags_(diags),
      arena_(arena) {
  ignore_newlines_.reserve(64);
}

const Token& Parser::PeekAt(size_t ahead) {
  bool skip = ignore_newlines_top_;
  size_t i = pos_;
  const size_t last = tokens_.size() - 1;
  for (;;) {
    while (skip && i < last && tokens_[i].type == TokenType::kNewline) ++i;
    if (ahead == 0 || i >= last) return tokens_[i];
    --ahead;
    ++i;
  }
}

const Token& Parser::Next() {
  const Token& t = Peek();
  if (t.type != TokenType::kEOF) ++pos_;
  return t;
}

const Token& Parser::NextRaw() {
  const Token& t = tokens_[pos_];
  if (t.type != TokenType::kEOF) ++pos_;
  return t;
}

std::string_view Parser::Text(const Token& t) const {
  size_t start = t.start.byte - origin_.byte;
  return src_.substr(start, t.end.byte - t.start.byte);
}

bool Parser::Enter() {
  ++depth_;
  if (depth_ <= options_.max_depth) return true;
  Error("Nesting too deep",
        "This configuration nests blocks, brackets or expressions more than " +
            std::to_string(options_.max_depth) + " levels deep, which is not supported.",
        R(tokens_[pos_]));
  return false;
}

void Parser::Error(std::string summary, std::string detail, const Range& r) {
  if (error_) return;
  error_ = true;
  error_braces_ = open_braces_;
  diags_.AddError(std::move(summary), std::move(detail), r);
}

void Parser::ErrorAtToken(const Token& t, std::string summary, std::string detail_prefix) {
  if (t.type == TokenType::kInvalid || t.type == TokenType::kBadUTF8) {
    SilentError();
    return;
  }
  Error(std::move(summary), detail_prefix + std::string(TokenDescription(t.type)) + ".", R(t));
}

void Parser::RecoverToNewline() {
  std::vector<TokenType> open(static_cast<size_t>(error_braces_), TokenType::kOBrace);
  error_braces_ = 0;
  for (;;) {
    const Token& t = tokens_[pos_];
    switch (t.type) {
      case TokenType::kEOF: return;
      case TokenType::kNewline:
        if (open.empty()) return;
        break;
      case TokenType::kOBrace:
      case TokenType::kOBrack:
      case TokenType::kOParen:
      case TokenType::kTemplateInterp:
      case TokenType::kTemplateControl: open.push_back(t.type); break;
      case TokenType::kCBrace:
      case TokenType::kTemplateSeqEnd: {
        bool found = false;
        while (!open.empty()) {
          TokenType top = open.back();
          open.pop_back();
          if (top == TokenType::kOBrace || top == TokenType::kTemplateInterp ||
              top == TokenType::kTemplateControl) {
            found = true;
            break;
          }
        }
        if (!found && t.type == TokenType::kCBrace) return;  // the enclosing body's brace
        break;
      }
      case TokenType::kCBrack:
        if (!open.empty() && open.back() == TokenType::kOBrack) open.pop_back();
        break;
      case TokenType::kCParen:
        if (!open.empty() && open.back() == TokenType::kOParen) open.pop_back();
        break;
      default: break;
    }
    ++pos_;
  }
}

void Parser::SkipBalancedBraces() {
  int depth = 1;
  while (depth > 0) {
    const Token& t = tokens_[pos_];
    if (t.type == TokenType::kEOF) return;
    if (t.type == TokenType::kOBrace) ++depth;
    if (t.type == TokenType::kCBrace) --depth;
    ++pos_;
  }
}

Body* Parser::ParseFileBody() { return ParseBody(false, nullptr); }

Body* Parser::ParseBody(bool nested, const Token* open) {
  Body* body = arena_.New<Body>();
  PushNewlines(false);
  Pos start = nested ? open->start : tokens_[pos_].start;
  if (!nested) start = origin_;
  for (;;) {
    const Token& t = PeekRaw();
    if (t.type == TokenType::kNewline) {
      ++pos_;
      continue;
    }
    if (t.type == TokenType::kEOF) {
      if (nested && !unclosed_reported_) {
        unclosed_reported_ = true;
        Error("Unclosed configuration block",
              "There is no closing brace for this block before the end of the file. This may be "
              "caused by incorrect brace nesting elsewhere in this file.",
              R(*open));
      }
      body->end_range = R(t);
      break;
    }
    if (t.type == TokenType::kCBrace) {
      if (nested) {
        body->end_range = R(t);
        ++pos_;
        break;
      }
      Error("Argument or block definition required",
            "An argument or block definition is required here.", R(t));
      ++pos_;
      error_ = false;
      continue;
    }
    if (t.type == TokenType::kIdent) {
      ParseBodyItem(*body);
    } else if (t.type == TokenType::kInvalid || t.type == TokenType::kBadUTF8) {
      SilentError();
    } else {
      Error("Argument or block definition required",
            "An argument or block definition is required here.", R(t));
    }
    if (error_) {
      RecoverToNewline();
      error_ = false;
    }
  }
  body->range = R(start, body->end_range.end);
  PopNewlines();
  return body;
}

bool Parser::ExpectItemEnd(const char* what) {
  const Token& t = PeekRaw();
  if (t.type == TokenType::kNewline) {
    NextRaw();
    return true;
  }
  if (t.type == TokenType::kEOF) return true;
  if (t.type == TokenType::kInvalid || t.type == TokenType::kBadUTF8) {
    SilentError();
    return false;
  }
  std::string w = what;
  Error("Missing newline after " + w,
        std::string(w == "argument" ? "An argument definition" : "A block definition") +
            " must end with a newline.",
        R(t));
  return false;
}

void Parser::ParseBodyItem(Body& body) {
  const Token& name = NextRaw();
  const Token& t = PeekRaw();
  if (t.type == TokenType::kEqual) {
    NextRaw();
    Attribute* attr = arena_.New<Attribute>();
    attr->name = Text(name);
    attr->name_range = R(name);
    attr->equals_range = R(t);
    attr->expr = ParseExpression();
    attr->range = R(name.start, attr->expr->range().end);
    body.items.push_back(arena_, Body::Item{attr, nullptr});
    body.attributes.push_back(arena_, attr);
    if (!error_) ExpectItemEnd("argument");
    return;
  }
  if (t.type == TokenType::kIdent || t.type == TokenType::kOQuote ||
      t.type == TokenType::kOBrace) {
    ParseBlockRest(body, name);
    return;
  }
  if (t.type == TokenType::kInvalid || t.type == TokenType::kBadUTF8) return SilentError();
  Error("Argument or block definition required",
        "An argument or block definition is required here. To set an argument, use the equals "
        "sign \"=\" to introduce the argument value.",
        R(t));
}

bool Parser::ParseBlockRest(Body& body, const Token& type_tok) {
  Block* block = arena_.New<Block>();
  block->type = Text(type_tok);
  block->type_range = R(type_tok);
  for (;;) {
    const Token& t = PeekRaw();
    if (t.type == TokenType::kIdent) {
      NextRaw();
      block->labels.push_back(arena_, BlockLabel{Text(t), false, R(t)});
      continue;
    }
    if (t.type == TokenType::kOQuote) {
      NextRaw();
      std::string_view value;
      bool several = false;
      std::string joined;
      for (;;) {
        const Token& s = PeekRaw();
        if (s.type == TokenType::kQuotedLit) {
          NextRaw();
          std::string_view part = DecodeQuoted(s);
          if (value.empty() && !several) {
            value = part;
          } else {
            if (!several) joined.assign(value);
            several = true;
            joined += part;
          }
          continue;
        }
        if (s.type == TokenType::kCQuote) {
          NextRaw();
          if (several) value = Keep(joined);
          block->labels.push_back(arena_, BlockLabel{value, true, R(t.start, s.end)});
          break;
        }
        if (s.type == TokenType::kTemplateInterp || s.type == TokenType::kTemplateControl) {
          Error("Invalid string literal",
                "Template sequences are not allowed in this string. To include a literal \"$\", "
                "double it (as \"$$\") to escape it.",
                R(s));
        } else {
          ErrorAtToken(s, "Unterminated template string",
                       "No closing marker was found for the string; found ");
        }
        return false;
      }
      if (error_) return false;
      continue;
    }
    if (t.type == TokenType::kOBrace) break;
    if (t.type == TokenType::kInvalid || t.type == TokenType::kBadUTF8) {
      SilentError();
      return false;
    }
    Error("Invalid block definition",
          "Either a quoted string block label or an opening brace (\"{\") is expected here.",
          R(t));
    return false;
  }
  const Token& open = NextRaw();
  block->open_brace_range = R(open);
  {
    DepthGuard guard(*this);
    if (!guard.ok()) {
      SkipBalancedBraces();
      return false;
    }
    if (PeekRaw().type == TokenType::kNewline) {
      block->body = ParseBody(true, &open);
      block->close_brace_range = block->body->end_range;
    } else {
      ParseOneLineBlockBody(*block);
    }
  }
  body.items.push_back(arena_, Body::Item{nullptr, block});
  body.blocks.push_back(arena_, block);
  if (error_) return false;
  return ExpectItemEnd("block");
}

bool Parser::ParseOneLineBlockBody(Block& block) {
  BraceGuard braces(*this);
  block.body = arena_.New<Body>();
  Body& body = *block.body;
  const Token& open = tokens_[pos_ - 1];
  const Token& t = PeekRaw();
  if (t.type == TokenType::kIdent && tokens_[pos_ + 1].type == TokenType::kEqual) {
    NextRaw();
    const Token& eq = NextRaw();
    Attribute* attr = arena_.New<Attribute>();
    attr->name = Text(t);
    attr->name_range = R(t);
    attr->equals_range = R(eq);
    attr->expr = ParseExpression();
    attr->range = R(t.start, attr->expr->range().end);
    body.items.push_back(arena_, Body::Item{attr, nullptr});
    body.attributes.push_back(arena_, attr);
    if (error_) return false;
  }
  const Token& close = PeekRaw();
  if (close.type != TokenType::kCBrace) {
    if (close.type == TokenType::kInvalid || close.type == TokenType::kBadUTF8) {
      SilentError();
      return false;
    }
    Error("Invalid single-argument block definition",
          body.attributes.empty()
              ? "A single-line block definition can contain only a single argument. To define "
                "a nested block or several arguments, place them on lines of their own within "
                "the block."
              : "A single-line block definition must end with a closing brace immediately after "
                "its single argument definition.",
          R(close));
    return false;
  }
  NextRaw();
  body.end_range = R(close);
  body.range = R(open.start, close.end);
  block.close_brace_range = R(close);
  return true;
}

ExprPtr Parser::ParseWholeExpression() {
  PushNewlines(true);
  ExprPtr e = ParseExpression();
  const Token& t = Peek();
  if (!error_ && t.type != TokenType::kEOF) {
    ErrorAtToken(t, "Extra characters after expression",
                 "An expression was successfully parsed, but extra characters were found after "
                 "it: ");
  }
  PopNewlines();
  return e;
}

Traversal Parser::ParseWholeTraversal() {
  PushNewlines(true);
  Traversal tr;
  const Token& root = Next();
  if (root.type != TokenType::kIdent) {
    ErrorAtToken(root, "Invalid reference",
                 "A reference must begin with a name, but found ");
    PopNewlines();
    return tr;
  }
  tr.steps.push_back(TraversalStep{StepKind::kRoot, false, false, Text(root), R(root)});
  if (ParseTraversalTail(tr)) {
    const Token& t = Peek();
    if (t.type != TokenType::kEOF) {
      ErrorAtToken(t, "Invalid reference",
                   "A static reference is required: only attribute access and indexing with "
                   "constant keys are allowed here, but found ");
    }
  }
  PopNewlines();
  return tr;
}

}  // namespace internal

namespace {

bool TooLarge(size_t size, const ParseOptions& options, const FileName& file, Diagnostics& diags) {
  if (size <= options.max_bytes) return false;
  diags.AddError("Input too large",
                 "The input is " + std::to_string(size) + " bytes long; the limit is " +
                     std::to_string(options.max_bytes) + " bytes.",
                 Range{file, Pos{}, Pos{}});
  return true;
}

}  // namespace

ParseResult ParseConfig(std::string bytes, std::string_view filename,
                        const ParseOptions& options) {
  ParseResult result;
  auto source = std::make_shared<const SourceFile>(filename, std::move(bytes));
  result.file.source = source;
  result.file.arena = std::make_unique<Arena>();
  Arena& arena = *result.file.arena;
  if (TooLarge(source->bytes().size(), options, source->name(), result.diags)) {
    result.file.body = arena.New<Body>();
    return result;
  }
  std::vector<Token> tokens =
      Lex(source->bytes(), source->name(), Pos{}, LexMode::kNormal, result.diags);
  internal::Parser parser(tokens, source->bytes(), Pos{}, source->name(), options, result.diags,
                          arena);
  result.file.body = parser.ParseFileBody();
  return result;
}

namespace {

// A whole expression (LexMode::kNormal) or a whole template (LexMode::kTemplate).
// `bytes` must live as long as `arena`.
ExprPtr ParseWholeInto(Arena& arena, std::string_view bytes, const FileName& file, Pos start,
                       const ParseOptions& options, LexMode mode, Diagnostics& diags) {
  if (TooLarge(bytes.size(), options, file, diags)) {
    return arena.New<InvalidExpr>(Range{file, start, start});
  }
  std::vector<Token> tokens = Lex(bytes, file, start, mode, diags);
  internal::Parser parser(tokens, bytes, start, file, options, diags, arena);
  return mode == LexMode::kTemplate ? parser.ParseWholeTemplate()
                                    : parser.ParseWholeExpression();
}

ExprResult ParseWhole(std::string_view bytes, const FileName& file, Pos start,
                      const ParseOptions& options, LexMode mode) {
  ExprResult result;
  result.arena = std::make_unique<Arena>();
  // The caller's text may not outlive the result: the tree points into a copy.
  std::string_view kept = bytes.size() <= options.max_bytes ? result.arena->Copy(bytes) : bytes;
  result.expr = ParseWholeInto(*result.arena, kept, file, start, options, mode, result.diags);
  return result;
}

}  // namespace

ExprResult ParseExpression(std::string_view bytes, const FileName& file, Pos start,
                           const ParseOptions& options) {
  return ParseWhole(bytes, file, start, options, LexMode::kNormal);
}

ExprResult ParseExpression(std::string_view bytes, std::string_view filename, Pos start,
                           const ParseOptions& options) {
  return ParseExpression(bytes, MakeFileName(filename), start, options);
}

ExprResult ParseTemplate(std::string_view bytes, const FileName& file, Pos start,
                         const ParseOptions& options) {
  return ParseWhole(bytes, file, start, options, LexMode::kTemplate);
}

ExprResult ParseTemplate(std::string_view bytes, std::string_view filename, Pos start,
                         const ParseOptions& options) {
  return ParseTemplate(bytes, MakeFileName(filename), start, options);
}

ExprPtr ParseTemplateInto(Arena& arena, std::string_view bytes, const FileName& file, Pos start,
                          const ParseOptions& options, Diagnostics& diags) {
  return ParseWholeInto(arena, bytes, file, start, options, LexMode::kTemplate, diags);
}

TraversalResult ParseTraversal(std::string_view bytes, const FileName& file, Pos start,
                               const ParseOptions& options) {
  TraversalResult result;
  if (TooLarge(bytes.size(), options, file, result.diags)) return result;
  // The traversal keeps its own copy of the text (and of decoded keys) alive.
  auto arena = std::make_shared<Arena>();
  std::string_view kept = arena->Copy(bytes);
  std::vector<Token> tokens = Lex(kept, file, start, LexMode::kNormal, result.diags);
  internal::Parser parser(tokens, kept, start, file, options, result.diags, *arena);
  result.traversal = parser.ParseWholeTraversal();
  result.traversal.storage = std::move(arena);
  return result;
}

TraversalResult ParseTraversal(std::string_view bytes, std::string_view filename, Pos start,
                               const ParseOptions& options) {
  return ParseTraversal(bytes, MakeFileName(filename), start, options);
}

}  // namespace fw::hcl
