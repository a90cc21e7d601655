#include "hcl/lexer.h"

#include <gtest/gtest.h>

namespace fw::hcl {
namespace {

std::vector<TokenType> Types(std::string_view src, LexMode mode = LexMode::kNormal,
                             Diagnostics* out = nullptr) {
  Diagnostics diags;
  std::vector<Token> toks = Lex(src, MakeFileName("t.tf"), Pos{}, mode, diags);
  if (out) *out = diags;
  std::vector<TokenType> types;
  for (const Token& t : toks) types.push_back(t.type);
  return types;
}

using T = TokenType;

TEST(LexerTest, Punctuation) {
  EXPECT_EQ(Types("a = b == c != d <= e >= f => g ... :: && || !"),
            (std::vector<T>{T::kIdent, T::kEqual, T::kIdent, T::kEqualOp, T::kIdent, T::kNotEqual,
                            T::kIdent, T::kLessThanEq, T::kIdent, T::kGreaterThanEq, T::kIdent,
                            T::kFatArrow, T::kIdent, T::kEllipsis, T::kDoubleColon, T::kAnd,
                            T::kOr, T::kBang, T::kEOF}));
}

TEST(LexerTest, NumbersAndLegacyIndex) {
  EXPECT_EQ(Types("1.5e+3 foo.0.bar"),
            (std::vector<T>{T::kNumber, T::kIdent, T::kDot, T::kNumber, T::kDot, T::kIdent,
                            T::kEOF}));
}

TEST(LexerTest, CommentsBecomeNewlines) {
  EXPECT_EQ(Types("a # c\nb // d\r\n/* x\n y */ c"),
            (std::vector<T>{T::kIdent, T::kNewline, T::kIdent, T::kNewline, T::kIdent, T::kEOF}));
}

TEST(LexerTest, TemplateInterpolationNesting) {
  EXPECT_EQ(Types(R"("a${ {b = "c"} }d$${e}")"),
            (std::vector<T>{T::kOQuote, T::kQuotedLit, T::kTemplateInterp, T::kOBrace, T::kIdent,
                            T::kEqual, T::kOQuote, T::kQuotedLit, T::kCQuote, T::kCBrace,
                            T::kTemplateSeqEnd, T::kQuotedLit, T::kCQuote, T::kEOF}));
}

TEST(LexerTest, StripMarkers) {
  Diagnostics diags;
  std::vector<Token> toks = Lex("\"${~ a ~}\"", MakeFileName("t"), Pos{}, LexMode::kNormal, diags);
  ASSERT_EQ(toks.size(), 6u);
  EXPECT_TRUE(toks[1].strip);
  EXPECT_TRUE(toks[3].strip);
  EXPECT_EQ(toks[3].type, T::kTemplateSeqEnd);
}

TEST(LexerTest, Heredoc) {
  EXPECT_EQ(Types("x = <<-EOT\n  a ${b}\n  c\n  EOT\n"),
            (std::vector<T>{T::kIdent, T::kEqual, T::kOHeredoc, T::kStringLit, T::kTemplateInterp,
                            T::kIdent, T::kTemplateSeqEnd, T::kStringLit, T::kStringLit,
                            T::kCHeredoc, T::kNewline, T::kEOF}));
}

TEST(LexerTest, PositionsCountCharacters) {
  Diagnostics diags;
  std::vector<Token> toks =
      Lex("\"héllo\" x\n  y", MakeFileName("t"), Pos{}, LexMode::kNormal, diags);
  // " héllo " x \n y EOF
  ASSERT_EQ(toks.size(), 7u);
  EXPECT_EQ(toks[3].start.column, 9);  // x: the é counts as one column
  EXPECT_EQ(toks[3].start.byte, 9u);
  EXPECT_EQ(toks[5].start.line, 2);
  EXPECT_EQ(toks[5].start.column, 3);
}

TEST(LexerTest, InvalidUtf8IsReportedOnce) {
  Diagnostics diags;
  std::vector<T> types = Types("a = \"\xff\xfe\"\n", LexMode::kNormal, &diags);
  EXPECT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].summary, "Invalid character encoding");
  EXPECT_NE(std::find(types.begin(), types.end(), T::kBadUTF8), types.end());
}

TEST(LexerTest, Utf8Validation) {
  EXPECT_EQ(Utf8SequenceLength("\xC3\xA9", 0), 2u);
  EXPECT_EQ(Utf8SequenceLength("\xC0\x80", 0), 0u);          // overlong
  EXPECT_EQ(Utf8SequenceLength("\xED\xA0\x80", 0), 0u);      // surrogate
  EXPECT_EQ(Utf8SequenceLength("\xF4\x90\x80\x80", 0), 0u);  // > U+10FFFF
  EXPECT_EQ(Utf8SequenceLength("\xF0\x9F\x98\x80", 0), 4u);
  EXPECT_EQ(Utf8SequenceLength("\xE2\x82", 0), 0u);          // truncated
}

TEST(LexerTest, TemplateMode) {
  EXPECT_EQ(Types("a ${b} %{ if c }x%{ endif }", LexMode::kTemplate),
            (std::vector<T>{T::kStringLit, T::kTemplateInterp, T::kIdent, T::kTemplateSeqEnd,
                            T::kStringLit, T::kTemplateControl, T::kIdent, T::kIdent,
                            T::kTemplateSeqEnd, T::kStringLit, T::kTemplateControl, T::kIdent,
                            T::kTemplateSeqEnd, T::kEOF}));
}

}  // namespace
}  // namespace fw::hcl
