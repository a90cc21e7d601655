// Entry points of the HCL native-syntax parser.
//
// Parsing never throws and never fails outright: every entry point returns a best-effort tree
// (InvalidExpr placeholders where errors were found) together with diagnostics. The nesting
// depth and input size are limited by ParseOptions; exceeding them is a diagnostic, never a
// stack overflow.
//
// Thread-safety: pure and reentrant; parse from as many threads as you like.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "hcl/ast.h"
#include "hcl/diagnostics.h"
#include "hcl/expression.h"
#include "hcl/source.h"

namespace fw::hcl {

struct ParseOptions {
  // Maximum nesting of blocks, brackets, parentheses, templates and operator chains.
  int max_depth = 256;
  // Inputs longer than this are rejected with a diagnostic.
  size_t max_bytes = size_t{64} << 20;
};

struct ParseResult {
  File file;  // file.body is never null
  Diagnostics diags;
};

struct ExprResult {
  std::unique_ptr<Arena> arena;  // owns the tree (and a copy of the parsed text)
  ExprPtr expr = nullptr;        // never null (InvalidExpr on error)
  Diagnostics diags;
};

struct TraversalResult {
  Traversal traversal;
  Diagnostics diags;
};

// Parses a configuration file (".tf").
ParseResult ParseConfig(std::string bytes, std::string_view filename,
                        const ParseOptions& options = {});

// Parses one expression; positions start at `start` (for expressions embedded in other files).
ExprResult ParseExpression(std::string_view bytes, std::string_view filename, Pos start = {},
                           const ParseOptions& options = {});
ExprResult ParseExpression(std::string_view bytes, const FileName& file, Pos start,
                           const ParseOptions& options = {});

// Parses a standalone template (templatefile, JSON strings): literal text with ${…} and %{…}.
ExprResult ParseTemplate(std::string_view bytes, std::string_view filename, Pos start = {},
                         const ParseOptions& options = {});
ExprResult ParseTemplate(std::string_view bytes, const FileName& file, Pos start,
                         const ParseOptions& options = {});

// Parses a standalone template into `arena` (which must outlive `bytes` and the tree's
// users: names and literal text may point into `bytes`). For the JSON syntax, whose string
// templates live in the file's arena.
ExprPtr ParseTemplateInto(Arena& arena, std::string_view bytes, const FileName& file, Pos start,
                          const ParseOptions& options, Diagnostics& diags);

// Parses a static traversal such as `aws_instance.foo[0].id` (no operators, calls or splats).
TraversalResult ParseTraversal(std::string_view bytes, std::string_view filename, Pos start = {},
                               const ParseOptions& options = {});
TraversalResult ParseTraversal(std::string_view bytes, const FileName& file, Pos start,
                               const ParseOptions& options = {});

}  // namespace fw::hcl
