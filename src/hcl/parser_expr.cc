// The expression language: operators by precedence, terms, postfix traversals and splats,
// collections, for expressions and function calls.
#include "hcl/parser_internal.h"

namespace fw::hcl::internal {
namespace {

bool BinaryOpAt(TokenType t, int level, BinaryOperator* op) {
  switch (level) {
    case 0:
      if (t == TokenType::kOr) return *op = BinaryOperator::kOr, true;
      return false;
    case 1:
      if (t == TokenType::kAnd) return *op = BinaryOperator::kAnd, true;
      return false;
    case 2:
      if (t == TokenType::kEqualOp) return *op = BinaryOperator::kEqual, true;
      if (t == TokenType::kNotEqual) return *op = BinaryOperator::kNotEqual, true;
      return false;
    case 3:
      if (t == TokenType::kLessThan) return *op = BinaryOperator::kLess, true;
      if (t == TokenType::kLessThanEq) return *op = BinaryOperator::kLessEqual, true;
      if (t == TokenType::kGreaterThan) return *op = BinaryOperator::kGreater, true;
      if (t == TokenType::kGreaterThanEq) return *op = BinaryOperator::kGreaterEqual, true;
      return false;
    case 4:
      if (t == TokenType::kPlus) return *op = BinaryOperator::kAdd, true;
      if (t == TokenType::kMinus) return *op = BinaryOperator::kSubtract, true;
      return false;
    case 5:
      if (t == TokenType::kStar) return *op = BinaryOperator::kMultiply, true;
      if (t == TokenType::kSlash) return *op = BinaryOperator::kDivide, true;
      if (t == TokenType::kPercent) return *op = BinaryOperator::kModulo, true;
      return false;
  }
  return false;
}

constexpr int kUnaryLevel = 6;

}  // namespace

ExprPtr Parser::ParseExpression() {
  DepthGuard guard(*this);
  if (!guard.ok()) return Invalid(R(Peek()));
  ExprPtr cond = ParseBinary(0);
  if (error_) return cond;
  if (Peek().type != TokenType::kQuestion) return cond;
  Next();
  ExprPtr t = ParseExpression();
  if (error_) return t;
  const Token& colon = Peek();
  if (colon.type != TokenType::kColon) {
    ErrorAtToken(colon, "Missing false expression in conditional",
                 "The conditional operator (...?...:...) requires a false expression, delimited "
                 "by a colon; found ");
    return Invalid(R(colon));
  }
  Next();
  ExprPtr f = ParseExpression();
  Range r = R(cond->range().start, f->range().end);
  return arena_.New<ConditionalExpr>(std::move(r), std::move(cond), std::move(t),
                                           std::move(f));
}

ExprPtr Parser::ParseBinary(int level) {
  if (level == kUnaryLevel) return ParseUnary();
  ExprPtr lhs = ParseBinary(level + 1);
  int chain = 0;
  while (!error_) {
    BinaryOperator op;
    if (!BinaryOpAt(Peek().type, level, &op)) break;
    Next();
    ExprPtr rhs = ParseBinary(level + 1);
    ++chain;
    if (!Enter()) break;
    Range r = R(lhs->range().start, rhs->range().end);
    lhs = arena_.New<BinaryOpExpr>(std::move(r), op, std::move(lhs), std::move(rhs));
  }
  depth_ -= chain;
  return lhs;
}

ExprPtr Parser::ParseUnary() {
  const Token& t = Peek();
  if (t.type != TokenType::kBang && t.type != TokenType::kMinus) return ParseTermWithPostfix();
  DepthGuard guard(*this);
  if (!guard.ok()) return Invalid(R(t));
  Next();
  ExprPtr operand = ParseUnary();
  Range r = R(t.start, operand->range().end);
  UnaryOp op = t.type == TokenType::kBang ? UnaryOp::kNot : UnaryOp::kNegate;
  return arena_.New<UnaryOpExpr>(std::move(r), op, std::move(operand));
}

ExprPtr Parser::ParseTermWithPostfix() {
  ExprPtr term = ParseTermBase();
  if (error_) return term;
  return ParsePostfix(std::move(term));
}

ExprPtr Parser::ParseTermBase() {
  const Token& t = Peek();
  switch (t.type) {
    case TokenType::kNumber:
      Next();
      return arena_.New<LiteralExpr>(R(t), LiteralKind::kNumber, Text(t));
    case TokenType::kIdent: {
      const TokenType after = PeekAt(1).type;
      if (after == TokenType::kOParen || after == TokenType::kDoubleColon) {
        return ParseFunctionCall();
      }
      Next();
      std::string_view name = Text(t);
      if (name == "true" || name == "false") {
        return arena_.New<LiteralExpr>(R(t), LiteralKind::kBool, name);
      }
      if (name == "null") {
        return arena_.New<LiteralExpr>(R(t), LiteralKind::kNull, name);
      }
      // The steps live in the arena, so the node needs no destructor.
      Traversal tr;
      tr.steps = TraversalSteps(&arena_);
      tr.steps.reserve(4);
      tr.steps.push_back(TraversalStep{StepKind::kRoot, false, false, name, R(t)});
      return arena_.NewWithoutDestructor<ScopeTraversalExpr>(R(t), std::move(tr));
    }
    case TokenType::kOQuote: return ParseQuotedTemplate();
    case TokenType::kOHeredoc: return ParseHeredoc();
    case TokenType::kOParen: return ParseParens();
    case TokenType::kOBrack: return ParseTuple();
    case TokenType::kOBrace: return ParseObject();
    default: break;
  }
  ErrorAtToken(t, "Invalid expression", "Expected the start of an expression, but found ");
  return Invalid(R(t));
}

bool Parser::SplatNext() {
  const Token& t = Peek();
  if (t.type == TokenType::kDot) return PeekAt(1).type == TokenType::kStar;
  if (t.type == TokenType::kOBrack) {
    return PeekAt(1).type == TokenType::kStar && PeekAt(2).type == TokenType::kCBrack;
  }
  return false;
}

ExprPtr Parser::ParsePostfix(ExprPtr term) {
  int chain = 0;
  while (!error_) {
    if (SplatNext()) {
      const Token& first = Next();
      bool full = first.type == TokenType::kOBrack;
      const Token* last = &Next();  // *
      if (full) last = &Next();     // ]
      Range marker = R(first.start, last->end);
      ++chain;
      if (!Enter()) break;
      ExprPtr each = ParseSplatEach(full, marker);
      Range r = R(term->range().start, each->range().end);
      if (each->range().end.byte < marker.end.byte) r.end = marker.end;
      term = arena_.New<SplatExpr>(std::move(r), std::move(term), std::move(each), full,
                                         marker);
      continue;
    }
    if (!ParseOneStep(term, true, chain)) break;
  }
  depth_ -= chain;
  return term;
}

ExprPtr Parser::ParseSplatEach(bool full, const Range& marker) {
  ExprPtr each = arena_.New<AnonSymbolExpr>(marker);
  int chain = 0;
  while (!error_ && !SplatNext()) {
    if (!ParseOneStep(each, full, chain)) break;
  }
  depth_ -= chain;
  return each;
}

bool Parser::ParseOneStep(ExprPtr& term, bool allow_index, int& chain) {
  const Token& t = Peek();
  if (t.type == TokenType::kDot) {
    const Token& n = PeekAt(1);
    if (n.type == TokenType::kIdent) {
      Next();
      Next();
      term = AppendStep(std::move(term),
                        TraversalStep{StepKind::kAttr, false, false, Text(n),
                                      R(t.start, n.end)},
                        chain);
      return true;
    }
    if (n.type == TokenType::kNumber) {
      if (!allow_index) return false;
      Next();
      Next();
      std::string_view digits = Text(n);
      if (digits.find_first_not_of("0123456789") != std::string_view::npos) {
        Error("Invalid legacy index syntax",
              "When using the legacy index syntax, chaining two indexes together is not "
              "permitted. Use the proper index syntax instead, like [0].",
              R(n));
        return true;
      }
      term = AppendStep(std::move(term),
                        TraversalStep{StepKind::kIndex, false, true, digits,
                                      R(t.start, n.end)},
                        chain);
      return true;
    }
    Next();
    ErrorAtToken(n, "Invalid attribute name",
                 "An attribute name is required after a dot, but found ");
    return true;
  }
  if (t.type == TokenType::kOBrack && allow_index) {
    Next();
    PushNewlines(true);
    ExprPtr key = ParseExpression();
    if (error_) {
      PopNewlines();
      return true;
    }
    const Token& close = Peek();
    if (close.type != TokenType::kCBrack) {
      ErrorAtToken(close, "Missing close bracket on index",
                   "The index operator must end with a closing bracket (\"]\"), but found ");
      PopNewlines();
      return true;
    }
    Next();
    PopNewlines();
    term = AppendIndexStep(std::move(term), std::move(key), t, close, chain);
    return true;
  }
  return false;
}

ExprPtr Parser::AppendStep(ExprPtr term, TraversalStep step, int& chain) {
  Pos end = step.range.end;
  if (term->kind() == ExprKind::kScopeTraversal) {
    static_cast<ScopeTraversalExpr&>(*term).traversal.steps.push_back(std::move(step));
  } else if (term->kind() == ExprKind::kRelativeTraversal) {
    static_cast<RelativeTraversalExpr&>(*term).traversal.steps.push_back(std::move(step));
  } else {
    ++chain;
    Enter();
    Traversal tr;
    tr.steps = TraversalSteps(&arena_);
    tr.steps.push_back(step);
    Range r = R(term->range().start, end);
    return arena_.NewWithoutDestructor<RelativeTraversalExpr>(std::move(r), term, std::move(tr));
  }
  term->set_range(R(term->range().start, end));
  return term;
}

ExprPtr Parser::AppendIndexStep(ExprPtr term, ExprPtr key, const Token& open, const Token& close,
                                int& chain) {
  const Expression& k = *key;
  if (k.kind() == ExprKind::kLiteral && k.As<LiteralExpr>().literal_kind == LiteralKind::kNumber) {
    return AppendStep(std::move(term),
                      TraversalStep{StepKind::kIndex, false, false,
                                    k.As<LiteralExpr>().text,
                                    R(open.start, close.end)},
                      chain);
  }
  if (k.kind() == ExprKind::kTemplate && k.As<TemplateExpr>().IsStringLiteral()) {
    const auto& parts = k.As<TemplateExpr>().parts;
    std::string_view text = parts.empty() ? std::string_view() : parts[0]->As<LiteralExpr>().text;
    return AppendStep(std::move(term),
                      TraversalStep{StepKind::kIndex, true, false, text,
                                    R(open.start, close.end)},
                      chain);
  }
  ++chain;
  Enter();
  Range r = R(term->range().start, close.end);
  return arena_.New<IndexExpr>(std::move(r), std::move(term), std::move(key),
                                     R(open.start, close.end));
}

ExprPtr Parser::ParseFunctionCall() {
  const Token& name = Next();
  FunctionCallExpr* call = arena_.New<FunctionCallExpr>(R(name));
  call->name = Text(name);
  std::string namespaced;
  Pos name_end = name.end;
  while (Peek().type == TokenType::kDoubleColon) {
    Next();
    const Token& part = Peek();
    if (part.type != TokenType::kIdent) {
      ErrorAtToken(part, "Missing function name",
                   "A namespaced function name must continue with an identifier after \"::\", "
                   "but found ");
      return Invalid(R(part));
    }
    Next();
    if (namespaced.empty()) namespaced.assign(call->name);
    namespaced += "::";
    namespaced += Text(part);
    name_end = part.end;
  }
  if (!namespaced.empty()) call->name = Keep(namespaced);
  call->name_range = R(name.start, name_end);
  const Token& open = Peek();
  if (open.type != TokenType::kOParen) {
    ErrorAtToken(open, "Missing open parenthesis",
                 "A function name must be followed by an opening parenthesis to begin the "
                 "function call, but found ");
    return Invalid(R(open));
  }
  Next();
  call->open_paren_range = R(open);
  DepthGuard guard(*this);
  if (!guard.ok()) return Invalid(R(open));
  PushNewlines(true);
  const Token* close = nullptr;
  for (;;) {
    const Token& t = Peek();
    if (t.type == TokenType::kCParen) {
      close = &Next();
      break;
    }
    call->args.push_back(arena_, ParseExpression());
    if (error_) break;
    const Token& sep = Peek();
    if (sep.type == TokenType::kComma) {
      Next();
      continue;
    }
    if (sep.type == TokenType::kEllipsis) {
      Next();
      call->expand_final = true;
      const Token& c = Peek();
      if (c.type != TokenType::kCParen) {
        ErrorAtToken(c, "Missing closing parenthesis",
                     "An expanded function argument (with ...) must be immediately followed by "
                     "a closing parenthesis, but found ");
        break;
      }
      close = &Next();
      break;
    }
    if (sep.type == TokenType::kCParen) {
      close = &Next();
      break;
    }
    ErrorAtToken(sep, "Missing argument separator",
                 "A comma is required to separate each function argument from the next, but "
                 "found ");
    break;
  }
  PopNewlines();
  if (close == nullptr) {
    call->set_range(R(name.start, Peek().start));
    return call;
  }
  call->close_paren_range = R(*close);
  call->set_range(R(name.start, close->end));
  return call;
}

ExprPtr Parser::ParseParens() {
  const Token& open = Next();
  DepthGuard guard(*this);
  if (!guard.ok()) return Invalid(R(open));
  PushNewlines(true);
  ExprPtr inner = ParseExpression();
  if (error_) {
    PopNewlines();
    return inner;
  }
  const Token& close = Peek();
  if (close.type != TokenType::kCParen) {
    ErrorAtToken(close, "Unbalanced parentheses",
                 "Expected a closing parenthesis to terminate the expression, but found ");
    PopNewlines();
    return inner;
  }
  Next();
  PopNewlines();
  return arena_.New<ParensExpr>(R(open.start, close.end), std::move(inner));
}

ExprPtr Parser::ParseTuple() {
  const Token& open = Next();
  DepthGuard guard(*this);
  if (!guard.ok()) return Invalid(R(open));
  PushNewlines(true);
  if (Peek().type == TokenType::kIdent && Text(Peek()) == "for" &&
      PeekAt(1).type == TokenType::kIdent) {
    ExprPtr e = ParseFor(open, false);
    PopNewlines();
    return e;
  }
  TupleExpr* tuple = arena_.New<TupleExpr>(R(open));
  Pos end = open.end;
  for (;;) {
    const Token& t = Peek();
    if (t.type == TokenType::kCBrack) {
      Next();
      end = t.end;
      break;
    }
    tuple->elements.push_back(arena_, ParseExpression());
    end = tuple->elements.back()->range().end;
    if (error_) break;
    const Token& sep = Peek();
    if (sep.type == TokenType::kComma) {
      Next();
      continue;
    }
    if (sep.type == TokenType::kCBrack) continue;
    ErrorAtToken(sep, "Missing item separator",
                 "Expected a comma to mark the beginning of the next item, but found ");
    break;
  }
  PopNewlines();
  tuple->set_range(R(open.start, end));
  return tuple;
}

ExprPtr Parser::ParseObject() {
  const Token& open = Next();
  BraceGuard braces(*this);
  DepthGuard guard(*this);
  if (!guard.ok()) return Invalid(R(open));
  PushNewlines(true);
  if (Peek().type == TokenType::kIdent && Text(Peek()) == "for" &&
      PeekAt(1).type == TokenType::kIdent) {
    ExprPtr e = ParseFor(open, true);
    PopNewlines();
    return e;
  }
  PopNewlines();
  PushNewlines(false);
  ObjectExpr* object = arena_.New<ObjectExpr>(R(open));
  Pos end = open.end;
  for (;;) {
    const Token& t = Peek();
    if (t.type == TokenType::kNewline) {
      Next();
      continue;
    }
    if (t.type == TokenType::kCBrace) {
      Next();
      end = t.end;
      break;
    }
    ObjectItem item;
    const TokenType after = PeekAt(1).type;
    if (t.type == TokenType::kIdent && (after == TokenType::kEqual || after == TokenType::kColon)) {
      Next();
      item.key = arena_.New<LiteralExpr>(R(t), LiteralKind::kString, Text(t));
      item.bare_key = true;
    } else {
      item.key = ParseExpression();
      if (error_) break;
    }
    const Token& sep = Peek();
    if (sep.type != TokenType::kEqual && sep.type != TokenType::kColon) {
      ErrorAtToken(sep, "Missing key/value separator",
                   "Expected an equals sign (\"=\") to mark the beginning of the attribute "
                   "value, but found ");
      break;
    }
    Next();
    item.value = ParseExpression();
    end = item.value->range().end;
    object->items.push_back(arena_, item);
    if (error_) break;
    const Token& next = Peek();
    if (next.type == TokenType::kComma || next.type == TokenType::kNewline) {
      Next();
      continue;
    }
    if (next.type == TokenType::kCBrace) continue;
    ErrorAtToken(next, "Missing attribute separator",
                 "Expected a newline or comma to mark the beginning of the next attribute, but "
                 "found ");
    break;
  }
  PopNewlines();
  object->set_range(R(open.start, end));
  return object;
}

ExprPtr Parser::ParseFor(const Token& open, bool object) {
  Next();  // for
  ForExpr* e = arena_.New<ForExpr>(R(open));
  const Token& first = Next();
  if (Peek().type == TokenType::kComma) {
    Next();
    const Token& second = Peek();
    if (second.type != TokenType::kIdent) {
      ErrorAtToken(second, "Invalid 'for' expression",
                   "Expected an identifier for the value variable after the comma, but found ");
      return Invalid(R(second));
    }
    Next();
    e->key_var = Text(first);
    e->value_var = Text(second);
  } else {
    e->value_var = Text(first);
  }
  const Token& in = Peek();
  if (in.type != TokenType::kIdent || Text(in) != "in") {
    ErrorAtToken(in, "Invalid 'for' expression",
                 "The 'in' keyword must follow the iteration variable names, but found ");
    return Invalid(R(in));
  }
  Next();
  e->collection = ParseExpression();
  if (error_) return Invalid(R(open));
  const Token& colon = Peek();
  if (colon.type != TokenType::kColon) {
    ErrorAtToken(colon, "Invalid 'for' expression",
                 "The collection expression must be followed by a colon, but found ");
    return Invalid(R(colon));
  }
  Next();
  if (object) {
    e->key_expr = ParseExpression();
    if (error_) return Invalid(R(open));
    const Token& arrow = Peek();
    if (arrow.type != TokenType::kFatArrow) {
      ErrorAtToken(arrow, "Invalid 'for' expression",
                   "An object 'for' expression needs a key and a value separated by '=>', but "
                   "found ");
      return Invalid(R(arrow));
    }
    Next();
  }
  e->value_expr = ParseExpression();
  if (error_) return Invalid(R(open));
  if (object && Peek().type == TokenType::kEllipsis) {
    Next();
    e->grouping = true;
  }
  if (!object && Peek().type == TokenType::kFatArrow) {
    Error("Invalid 'for' expression",
          "A key expression (with '=>') is only valid when building an object with braces.",
          R(Peek()));
    return Invalid(R(open));
  }
  if (Peek().type == TokenType::kIdent && Text(Peek()) == "if") {
    Next();
    e->condition = ParseExpression();
    if (error_) return Invalid(R(open));
  }
  const Token& close = Peek();
  TokenType want = object ? TokenType::kCBrace : TokenType::kCBrack;
  if (close.type != want) {
    ErrorAtToken(close, "Invalid 'for' expression",
                 std::string("Expected ") + (object ? "a closing brace" : "a closing bracket") +
                     " or an 'if' clause after the 'for' expression, but found ");
    return Invalid(R(close));
  }
  Next();
  e->set_range(R(open.start, close.end));
  return e;
}

bool Parser::ParseTraversalTail(Traversal& tr) {
  for (;;) {
    const Token& t = Peek();
    if (t.type == TokenType::kDot) {
      Next();
      const Token& n = Next();
      if (n.type == TokenType::kIdent) {
        tr.steps.push_back(TraversalStep{StepKind::kAttr, false, false, Text(n),
                                         R(t.start, n.end)});
        continue;
      }
      if (n.type == TokenType::kNumber &&
          Text(n).find_first_not_of("0123456789") == std::string_view::npos) {
        tr.steps.push_back(TraversalStep{StepKind::kIndex, false, true, Text(n),
                                         R(t.start, n.end)});
        continue;
      }
      ErrorAtToken(n, "Invalid reference", "An attribute name is required after a dot, but found ");
      return false;
    }
    if (t.type == TokenType::kOBrack) {
      Next();
      const Token& k = Next();
      TraversalStep step{StepKind::kIndex, false, false, {}, {}};
      if (k.type == TokenType::kNumber) {
        step.name = Text(k);
      } else if (k.type == TokenType::kOQuote) {
        step.key_is_string = true;
        std::string key;
        while (Peek().type == TokenType::kQuotedLit) key += DecodeQuoted(Next());
        step.name = Keep(key);
        if (Peek().type != TokenType::kCQuote) {
          ErrorAtToken(Peek(), "Invalid reference",
                       "An index key must be a number or a plain quoted string, but found ");
          return false;
        }
        Next();
      } else {
        ErrorAtToken(k, "Invalid reference",
                     "An index key must be a number or a plain quoted string, but found ");
        return false;
      }
      const Token& close = Next();
      if (close.type != TokenType::kCBrack) {
        ErrorAtToken(close, "Invalid reference",
                     "The index operator must end with a closing bracket (\"]\"), but found ");
        return false;
      }
      step.range = R(t.start, close.end);
      tr.steps.push_back(std::move(step));
      continue;
    }
    return true;
  }
}

}  // namespace fw::hcl::internal
