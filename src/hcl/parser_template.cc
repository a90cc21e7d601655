// The template language: quoted templates, heredocs and standalone templates. Template tokens
// are first collected into a flat list of items (literals, interpolations, directives), then
// heredoc indentation and strip markers are applied to the literals, then if/for directives are
// nested into a tree.
#include "hcl/lexer.h"
#include "hcl/parser_internal.h"

namespace fw::hcl::internal {

struct Parser::TemplateItem {
  enum Kind { kLiteral, kInterp, kIf, kElse, kEndIf, kFor, kEndFor };
  Kind kind = kLiteral;
  bool line_start = false;   // a heredoc line begins with this item
  bool strip_open = false;   // ${~ / %{~ : strip the literal before
  bool strip_close = false;  // ~} : strip the literal after
  std::string_view text;     // literal: decoded text (source slice or arena copy)
  ExprPtr expr = nullptr;    // interpolation, if condition, for collection
  std::string_view key_var;
  std::string_view value_var;
  Range range;
};

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Leading spaces/tabs of a heredoc line, or -1 when the line is blank (ignored for indentation).
int LeadingSpaces(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i < line.size() && (line[i] == '\n' || line[i] == '\r')) return -1;
  return static_cast<int>(i);
}

}  // namespace

std::string_view Parser::DecodeQuoted(const Token& t) {
  std::string_view raw = Text(t);
  if (raw.find_first_of("\\$%") == std::string_view::npos) return raw;
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    char c = raw[i];
    if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
      out += c;
      out += '{';
      i += 3;
      continue;
    }
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    Range where = R(AdvancePos(t.start, raw, i), AdvancePos(t.start, raw, std::min(i + 2, raw.size())));
    if (i + 1 >= raw.size()) {
      Error("Invalid escape sequence", "A backslash must be followed by an escape selector.",
            where);
      break;
    }
    char sel = raw[i + 1];
    switch (sel) {
      case 'n': out += '\n'; i += 2; continue;
      case 'r': out += '\r'; i += 2; continue;
      case 't': out += '\t'; i += 2; continue;
      case '"': out += '"'; i += 2; continue;
      case '\\': out += '\\'; i += 2; continue;
      case 'u':
      case 'U': {
        size_t digits = sel == 'u' ? 4 : 8;
        uint32_t cp = 0;
        bool ok = i + 2 + digits <= raw.size();
        for (size_t k = 0; ok && k < digits; ++k) {
          int h = HexValue(raw[i + 2 + k]);
          if (h < 0) ok = false;
          cp = cp * 16 + static_cast<uint32_t>(h < 0 ? 0 : h);
        }
        if (!ok || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          Error("Invalid escape sequence",
                std::string("The \\") + sel + " escape must be followed by " +
                    std::to_string(digits) +
                    " hexadecimal digits naming a valid Unicode character.",
                where);
          i += 2;
          continue;
        }
        AppendUtf8(out, cp);
        i += 2 + digits;
        continue;
      }
      default:
        Error("Invalid escape sequence",
              std::string("The symbol \"") + sel + "\" is not a valid escape sequence selector.",
              where);
        i += 2;
        continue;
    }
  }
  return Keep(out);
}

std::string_view Parser::DecodeHeredoc(std::string_view raw) {
  if (raw.find_first_of("$%") == std::string_view::npos) return raw;
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    char c = raw[i];
    if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
      out += c;
      out += '{';
      i += 3;
      continue;
    }
    out += c;
    ++i;
  }
  return Keep(out);
}

bool Parser::ParseDirective(std::vector<TemplateItem>& items, const Token& open) {
  PushNewlines(true);
  TemplateItem item;
  item.strip_open = open.strip;
  const Token& kw = Peek();
  std::string_view name = kw.type == TokenType::kIdent ? Text(kw) : std::string_view();
  if (name == "if" || name == "else" || name == "endif" || name == "for" || name == "endfor") {
    Next();
  } else {
    Error("Invalid template directive",
          "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of "
          "a %{ sequence.",
          R(kw));
    PopNewlines();
    return false;
  }
  if (name == "if") {
    item.kind = TemplateItem::kIf;
    item.expr = ParseExpression();
  } else if (name == "else") {
    item.kind = TemplateItem::kElse;
  } else if (name == "endif") {
    item.kind = TemplateItem::kEndIf;
  } else if (name == "endfor") {
    item.kind = TemplateItem::kEndFor;
  } else {
    item.kind = TemplateItem::kFor;
    const Token& first = Peek();
    if (first.type != TokenType::kIdent) {
      ErrorAtToken(first, "Invalid 'for' directive",
                   "A 'for' directive requires a variable name after 'for', but found ");
    } else {
      Next();
      item.value_var = Text(first);
      if (Peek().type == TokenType::kComma) {
        Next();
        const Token& second = Peek();
        if (second.type != TokenType::kIdent) {
          ErrorAtToken(second, "Invalid 'for' directive",
                       "Expected a value variable name after the comma, but found ");
        } else {
          Next();
          item.key_var = item.value_var;
          item.value_var = Text(second);
        }
      }
      const Token& in = Peek();
      if (!error_ && (in.type != TokenType::kIdent || Text(in) != "in")) {
        ErrorAtToken(in, "Invalid 'for' directive",
                     "The 'in' keyword must follow the iteration variable names, but found ");
      }
      if (!error_) {
        Next();
        item.expr = ParseExpression();
      }
    }
  }
  const Token* close = CloseSequence(
      "Extra characters in template directive",
      "Expected a closing brace to end the %{ " + std::string(name) + " } directive, but found ");
  if (close == nullptr) return false;
  item.strip_close = close->strip;
  item.range = R(open.start, close->end);
  item.line_start = open.start.column == 1;
  items.push_back(std::move(item));
  return true;
}

const Token* Parser::CloseSequence(std::string summary, std::string detail_prefix) {
  if (error_) {
    PopNewlines();
    return nullptr;
  }
  const Token& close = Peek();
  if (close.type != TokenType::kTemplateSeqEnd) {
    ErrorAtToken(close, std::move(summary), std::move(detail_prefix));
    PopNewlines();
    return nullptr;
  }
  Next();
  PopNewlines();
  return &close;
}

bool Parser::CollectTemplateItems(std::vector<TemplateItem>& items, TokenType end, bool quoted) {
  for (;;) {
    const Token& t = PeekRaw();
    switch (t.type) {
      case TokenType::kQuotedLit:
      case TokenType::kStringLit: {
        NextRaw();
        TemplateItem item;
        item.text = t.type == TokenType::kQuotedLit ? DecodeQuoted(t) : DecodeHeredoc(Text(t));
        item.line_start = t.line_start;
        item.range = R(t);
        items.push_back(std::move(item));
        continue;
      }
      case TokenType::kTemplateInterp: {
        NextRaw();
        PushNewlines(true);
        TemplateItem item;
        item.kind = TemplateItem::kInterp;
        item.strip_open = t.strip;
        item.line_start = t.start.column == 1;
        item.expr = ParseExpression();
        const Token* close = CloseSequence(
            "Extra characters after interpolation expression",
            "Expected a closing brace to end the interpolation expression, but found ");
        if (close == nullptr) return false;
        item.strip_close = close->strip;
        item.range = R(t.start, close->end);
        items.push_back(std::move(item));
        continue;
      }
      case TokenType::kTemplateControl:
        NextRaw();
        if (!ParseDirective(items, t)) return false;
        continue;
      case TokenType::kBadUTF8:
        NextRaw();
        SilentError();
        continue;
      default: break;
    }
    if (t.type == end) {
      NextRaw();
      return !error_;
    }
    if (quoted) {
      Error("Unterminated template string", "No closing quote was found for the string.", R(t));
    } else {
      Error("Unclosed heredoc",
            "There is no line containing only the heredoc's end marker before the end of the "
            "file.",
            R(t));
    }
    return false;
  }
}

ExprPtr Parser::BuildTemplate(std::vector<TemplateItem>& items, size_t& i, Pos start, Pos end,
                              int stop_mask) {
  TemplateExpr* tmpl = arena_.New<TemplateExpr>(R(start, end));
  bool first = true;
  auto cover = [&](const Range& r) {
    if (first) start = r.start;
    first = false;
    end = r.end;
  };
  while (i < items.size()) {
    TemplateItem& it = items[i];
    if ((1 << it.kind) & stop_mask) break;
    switch (it.kind) {
      case TemplateItem::kLiteral: {
        cover(it.range);
        ++i;
        if (it.text.empty()) break;
        // A run of literals (heredoc lines, text around an unwrapped directive) is one part.
        std::string_view text = it.text;
        Range range = it.range;
        std::string joined;
        while (i < items.size() && items[i].kind == TemplateItem::kLiteral) {
          cover(items[i].range);
          if (!items[i].text.empty()) {
            if (joined.empty()) joined.assign(text);
            joined += items[i].text;
            range.end = items[i].range.end;
          }
          ++i;
        }
        if (!joined.empty()) text = Keep(joined);
        if (!tmpl->parts.empty() && tmpl->parts.back()->kind() == ExprKind::kLiteral) {
          auto& last = static_cast<LiteralExpr&>(*tmpl->parts.back());
          last.text = Keep(std::string(last.text) + std::string(text));
          last.set_range(R(last.range().start, range.end));
        } else {
          tmpl->parts.push_back(arena_, arena_.New<LiteralExpr>(range, LiteralKind::kString, text));
        }
        break;
      }
      case TemplateItem::kInterp:
        cover(it.range);
        tmpl->parts.push_back(arena_, it.expr);
        ++i;
        break;
      case TemplateItem::kIf:
      case TemplateItem::kFor: {
        DepthGuard guard(*this);
        if (!guard.ok()) {
          i = items.size();
          break;
        }
        const bool is_if = it.kind == TemplateItem::kIf;
        Range open_range = it.range;
        ExprPtr cond = it.expr;
        std::string_view key_var = it.key_var;
        std::string_view value_var = it.value_var;
        ++i;
        const int body_stop = is_if ? (1 << TemplateItem::kElse) | (1 << TemplateItem::kEndIf)
                                    : (1 << TemplateItem::kEndFor);
        ExprPtr body = BuildTemplate(items, i, open_range.end, open_range.end, body_stop);
        ExprPtr else_body = nullptr;
        if (is_if && i < items.size() && items[i].kind == TemplateItem::kElse) {
          Pos else_end = items[i].range.end;
          ++i;
          else_body =
              BuildTemplate(items, i, else_end, else_end, 1 << TemplateItem::kEndIf);
        }
        const TemplateItem::Kind closer = is_if ? TemplateItem::kEndIf : TemplateItem::kEndFor;
        Pos close_end = open_range.end;
        if (i < items.size() && items[i].kind == closer) {
          close_end = items[i].range.end;
          ++i;
        } else {
          Error("Unterminated template directive",
                is_if ? "There is no matching %{ endif } for this %{ if }."
                      : "There is no matching %{ endfor } for this %{ for }.",
                open_range);
        }
        Range r = R(open_range.start, close_end);
        cover(r);
        if (is_if) {
          TemplateIfExpr* node = arena_.New<TemplateIfExpr>(r);
          node->condition = cond ? cond : Invalid(open_range);
          node->then_template = body;
          node->else_template = else_body;
          tmpl->parts.push_back(arena_, node);
        } else {
          TemplateForExpr* node = arena_.New<TemplateForExpr>(r);
          node->key_var = key_var;
          node->value_var = value_var;
          node->collection = cond ? cond : Invalid(open_range);
          node->body = body;
          tmpl->parts.push_back(arena_, node);
        }
        break;
      }
      case TemplateItem::kElse:
      case TemplateItem::kEndIf:
      case TemplateItem::kEndFor: {
        const char* name = it.kind == TemplateItem::kElse    ? "else"
                           : it.kind == TemplateItem::kEndIf ? "endif"
                                                             : "endfor";
        Error(std::string("Unexpected ") + name + " directive",
              std::string("The ") + name + " directive doesn't match any open " +
                  (it.kind == TemplateItem::kEndFor ? "for" : "if") + " directive.",
              it.range);
        ++i;
        break;
      }
    }
  }
  tmpl->set_range(R(start, end));
  return tmpl;
}

ExprPtr Parser::ParseTemplateItems(std::vector<TemplateItem>& items, TokenType end, bool quoted,
                                   Pos start) {
  (void)end;
  (void)quoted;
  // Strip markers: ~ after an opener trims the literal before; ~ before a closer trims the
  // literal after.
  for (size_t k = 0; k < items.size(); ++k) {
    TemplateItem& it = items[k];
    if (it.kind == TemplateItem::kLiteral) continue;
    if (it.strip_open && k > 0 && items[k - 1].kind == TemplateItem::kLiteral) {
      std::string_view& s = items[k - 1].text;
      while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
    }
    if (it.strip_close && k + 1 < items.size() && items[k + 1].kind == TemplateItem::kLiteral) {
      std::string_view& s = items[k + 1].text;
      size_t n = 0;
      while (n < s.size() && IsSpace(s[n])) ++n;
      s.remove_prefix(n);
    }
  }
  // A template that is a single interpolation and nothing else is unwrapped.
  size_t significant = 0;
  bool single_interp = false;
  for (const TemplateItem& it : items) {
    if (it.kind == TemplateItem::kLiteral && it.text.empty()) continue;
    ++significant;
    single_interp = it.kind == TemplateItem::kInterp;
  }
  size_t i = 0;
  Pos end_pos = items.empty() ? start : items.back().range.end;
  ExprPtr tmpl = BuildTemplate(items, i, start, end_pos, 0);
  auto& t = static_cast<TemplateExpr&>(*tmpl);
  if (significant == 1 && single_interp && t.parts.size() == 1) {
    Range r = t.range();
    return arena_.New<TemplateWrapExpr>(std::move(r), t.parts[0]);
  }
  return tmpl;
}

ExprPtr Parser::ParseQuotedTemplate() {
  const Token& open = Next();
  DepthGuard guard(*this);
  if (!guard.ok()) return Invalid(R(open));
  std::vector<TemplateItem> items;
  bool ok = CollectTemplateItems(items, TokenType::kCQuote, true);
  if (!ok) return Invalid(R(open.start, tokens_[pos_].start));
  const Token& close = tokens_[pos_ - 1];
  ExprPtr e = ParseTemplateItems(items, TokenType::kCQuote, true, open.end);
  e->set_range(R(open.start, close.end));
  if (e->kind() == ExprKind::kTemplateWrap) {
    // keep the inner expression's own range; the wrapper spans the quotes
  }
  return e;
}

ExprPtr Parser::ParseHeredoc() {
  const Token& open = Next();
  DepthGuard guard(*this);
  if (!guard.ok()) return Invalid(R(open));
  std::vector<TemplateItem> items;
  bool ok = CollectTemplateItems(items, TokenType::kCHeredoc, false);
  if (!ok) return Invalid(R(open));
  const Token& close = tokens_[pos_ - 1];
  if (open.strip) {
    // <<- : remove the smallest indentation of the non-blank lines from every line.
    int min_indent = -1;
    for (const TemplateItem& it : items) {
      if (!it.line_start) continue;
      int n = it.kind == TemplateItem::kLiteral ? LeadingSpaces(it.text) : 0;
      if (n >= 0 && (min_indent < 0 || n < min_indent)) min_indent = n;
    }
    if (min_indent > 0) {
      for (TemplateItem& it : items) {
        if (!it.line_start || it.kind != TemplateItem::kLiteral) continue;
        size_t n = 0;
        while (n < it.text.size() && n < static_cast<size_t>(min_indent) &&
               (it.text[n] == ' ' || it.text[n] == '\t')) {
          ++n;
        }
        it.text.remove_prefix(n);
      }
    }
  }
  ExprPtr e = ParseTemplateItems(items, TokenType::kCHeredoc, false, open.end);
  if (e->kind() == ExprKind::kTemplate) static_cast<TemplateExpr&>(*e).heredoc = true;
  e->set_range(R(open.start, close.end));
  return e;
}

ExprPtr Parser::ParseWholeTemplate() {
  std::vector<TemplateItem> items;
  CollectTemplateItems(items, TokenType::kEOF, false);
  ExprPtr e = ParseTemplateItems(items, TokenType::kEOF, false, origin_);
  e->set_range(R(origin_, tokens_.back().end));
  return e;
}

}  // namespace fw::hcl::internal
