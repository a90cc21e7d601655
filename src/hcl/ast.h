// The AST of the HCL native syntax: a File holds a Body of Attributes and Blocks; expressions
// are in expression.h. Every node carries its Range.
//
// Thread-safety: immutable after parsing; safe to read from any thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "hcl/arena.h"
#include "hcl/body.h"
#include "hcl/expression.h"
#include "hcl/source.h"

namespace fw::hcl {

class Body;

class Attribute {
 public:
  std::string_view name;
  ExprPtr expr = nullptr;
  Range range;  // name through the end of the expression
  Range name_range;
  Range equals_range;
};

struct BlockLabel {
  std::string_view value;  // decoded
  bool quoted = false;
  Range range;
};

class Block {
 public:
  std::string_view type;
  ArenaVector<BlockLabel> labels;
  Body* body = nullptr;
  Range type_range;
  Range open_brace_range;
  Range close_brace_range;

  Range DefRange() const;  // type through the last label (or the open brace)
};

// A native-syntax body. Attributes and blocks each keep source order; `items` interleaves them.
// Bodies, blocks and attributes live in the file's arena, like expressions.
class Body final : public AnyBody {
 public:
  struct Item {
    const Attribute* attribute = nullptr;  // exactly one of the two is set
    const Block* block = nullptr;
  };

  ArenaVector<Attribute*> attributes;
  ArenaVector<Block*> blocks;
  ArenaVector<Item> items;  // source order across both
  Range range;
  Range end_range;  // the closing brace, or the end of the file

  Range MissingItemRange() const override;
  BodyContent ContentImpl(const BodySchema& schema, const HiddenItems& hidden, bool partial,
                          Diagnostics& diags) const override;
  std::vector<AttributeRef> JustAttributesImpl(const HiddenItems& hidden,
                                               Diagnostics& diags) const override;
};

// A parsed file. The tree (every node, list and decoded string) lives in `arena`; names and
// literal text may point into `source`. Moving a File keeps every pointer into it valid.
struct File {
  std::shared_ptr<const SourceFile> source;
  std::unique_ptr<Arena> arena;
  Body* body = nullptr;
};

// Calls `fn` on each direct child expression of `expr`, in source order.
void ForEachChild(const Expression& expr, const std::function<void(const Expression&)>& fn);

// Every variable reference in `expr`: the absolute traversals (root name first) an evaluator
// would look up in the scope. Names bound by for expressions and template for directives
// inside `expr` are excluded; splat sources are included.
std::vector<Traversal> Variables(const Expression& expr);

// Every variable reference in a native body, recursively (attributes and nested blocks).
std::vector<Traversal> BodyVariables(const Body& body);

}  // namespace fw::hcl
