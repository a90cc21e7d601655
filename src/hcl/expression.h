// Expression nodes of the HCL AST (both syntaxes lower to these).
//
// Every node has a Kind and a Range. Walk with `expr.kind()` + `expr.As<T>()` (a static cast),
// or with ForEachChild (ast.h). Literals keep their source text (numbers exactly as written) so
// that the value layer can parse them; template literal parts are already decoded and have
// their strip markers applied.
//
// Memory: every node, list and decoded string of a tree lives in the tree's Arena (arena.h),
// owned by the File, JsonFile or ExprResult the parser returned; an ExprPtr is a plain pointer
// that stays valid as long as that owner. Strings are std::string_views into the source (which
// the owner keeps alive) or into the arena.
//
// Thread-safety: immutable after parsing; safe to read from any thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hcl/arena.h"
#include "hcl/source.h"

namespace fw::hcl {

struct JsonValue;

enum class ExprKind : uint8_t {
  kLiteral,            // LiteralExpr: null, bool, number (text), string (decoded)
  kTemplate,           // TemplateExpr: parts concatenated into a string
  kTemplateWrap,       // TemplateWrapExpr: "${x}" alone, yields x unconverted
  kTemplateIf,         // TemplateIfExpr: %{ if } … %{ else } … %{ endif } (inside templates)
  kTemplateFor,        // TemplateForExpr: %{ for k, v in coll } … %{ endfor }
  kScopeTraversal,     // ScopeTraversalExpr: var.x.y[0]
  kRelativeTraversal,  // RelativeTraversalExpr: <expr>.x[0]
  kFunctionCall,       // FunctionCallExpr
  kConditional,        // ConditionalExpr: c ? a : b
  kBinaryOp,           // BinaryOpExpr
  kUnaryOp,            // UnaryOpExpr
  kTuple,              // TupleExpr: [a, b]
  kObject,             // ObjectExpr: {k = v}
  kFor,                // ForExpr: [for …] / {for …}
  kSplat,              // SplatExpr: src.*.x / src[*].x
  kAnonSymbol,         // AnonSymbolExpr: the "current element" inside a splat's Each
  kIndex,              // IndexExpr: <expr>[key] with a non-constant key or source
  kParens,             // ParensExpr: (expr)
  kInvalid,            // InvalidExpr: placeholder left where a syntax error was reported
};

std::string_view ExprKindName(ExprKind kind);

class Expression {
 public:
  Expression(const Expression&) = delete;
  Expression& operator=(const Expression&) = delete;

  ExprKind kind() const { return kind_; }
  const Range& range() const { return range_; }
  void set_range(Range r) { range_ = std::move(r); }  // for builders (parsers)

  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }

  // Set on the top expression that a JSON value lowered to (json_body.h): static analysis
  // (ExprAsKeyword, AbsTraversalForExpr) reinterprets JSON strings through it.
  const JsonValue* json_origin() const { return json_origin_; }
  void set_json_origin(const JsonValue* v) { json_origin_ = v; }

 protected:
  Expression(ExprKind kind, Range range) : range_(std::move(range)), kind_(kind) {}
  // Not virtual: nodes are never deleted one by one; the arena frees them (and runs the
  // destructor of the few node types that need one).
  ~Expression() = default;

 private:
  Range range_;
  const JsonValue* json_origin_ = nullptr;
  ExprKind kind_;
};

// A node of the tree, owned by the tree's arena.
using ExprPtr = Expression*;

enum class LiteralKind : uint8_t { kNull, kBool, kNumber, kString };

class LiteralExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kLiteral;
  LiteralExpr(Range r, LiteralKind k, std::string_view text)
      : Expression(kKind, std::move(r)), literal_kind(k), text(text) {}
  LiteralKind literal_kind;
  // kNumber: the source text ("1.5e3"); kString: the decoded value; kBool: "true"/"false";
  // kNull: "null".
  std::string_view text;
  bool bool_value() const { return text == "true"; }
};

// One step of a traversal. Root and Attr steps carry `name`; Index steps carry a constant key
// (`name` holds its text and `key_is_string` says whether it is a string or a number literal).
enum class StepKind : uint8_t { kRoot, kAttr, kIndex, kSplat };

struct TraversalStep {
  StepKind kind = StepKind::kRoot;
  bool key_is_string = false;
  bool legacy_index = false;  // foo.0 (HIL compatibility)
  // A view into the parsed source or the tree's arena (see Traversal).
  std::string_view name;
  Range range;
};

// The steps of a traversal: an array in a tree's arena (the parser's, which the arena frees
// with the tree: destroying such an array does nothing) or on the heap (copies, and traversals
// built outside a parser). Copying always makes a heap copy, so a Traversal taken from the tree
// (Variables(), a model field) never shares the tree's array.
static_assert(std::is_trivially_copyable_v<TraversalStep> &&
              std::is_trivially_destructible_v<TraversalStep>);

class TraversalSteps {
 public:
  using value_type = TraversalStep;
  using iterator = TraversalStep*;
  using const_iterator = const TraversalStep*;

  TraversalSteps() = default;
  explicit TraversalSteps(Arena* arena) : arena_(arena) {}
  TraversalSteps(const TraversalSteps& o) { Append(o.data_, o.size_); }
  TraversalSteps(TraversalSteps&& o) noexcept
      : data_(o.data_), size_(o.size_), cap_(o.cap_), arena_(o.arena_) {
    o.data_ = nullptr;
    o.size_ = o.cap_ = 0;
  }
  TraversalSteps& operator=(const TraversalSteps& o) {
    if (this != &o) {
      size_ = 0;
      Append(o.data_, o.size_);
    }
    return *this;
  }
  TraversalSteps& operator=(TraversalSteps&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(cap_, o.cap_);
    std::swap(arena_, o.arena_);
    return *this;
  }
  ~TraversalSteps() {
    if (arena_ == nullptr) ::operator delete(data_);
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  TraversalStep* begin() { return data_; }
  TraversalStep* end() { return data_ + size_; }
  const TraversalStep* begin() const { return data_; }
  const TraversalStep* end() const { return data_ + size_; }
  TraversalStep& operator[](size_t i) { return data_[i]; }
  const TraversalStep& operator[](size_t i) const { return data_[i]; }
  TraversalStep& front() { return data_[0]; }
  const TraversalStep& front() const { return data_[0]; }
  TraversalStep& back() { return data_[size_ - 1]; }
  const TraversalStep& back() const { return data_[size_ - 1]; }

  void reserve(size_t n) {
    if (n > cap_) Reallocate(n);
  }
  void push_back(const TraversalStep& step) {
    if (size_ == cap_) Reallocate(cap_ == 0 ? 2 : cap_ * 2);
    data_[size_++] = step;
  }
  // Whether the array lives in an arena (destroying it is then a no-op).
  bool in_arena() const { return arena_ != nullptr; }

 private:
  void Append(const TraversalStep* from, size_t n) {
    reserve(size_ + n);
    for (size_t i = 0; i < n; ++i) data_[size_ + i] = from[i];
    size_ += static_cast<uint32_t>(n);
  }
  void Reallocate(size_t cap) {
    TraversalStep* d;
    if (arena_ != nullptr) {
      d = static_cast<TraversalStep*>(
          arena_->Allocate(cap * sizeof(TraversalStep), alignof(TraversalStep)));
    } else {
      d = static_cast<TraversalStep*>(::operator new(cap * sizeof(TraversalStep)));
    }
    for (size_t i = 0; i < size_; ++i) d[i] = data_[i];
    if (arena_ == nullptr) ::operator delete(data_);
    data_ = d;
    cap_ = static_cast<uint32_t>(cap);
  }

  TraversalStep* data_ = nullptr;
  uint32_t size_ = 0;
  uint32_t cap_ = 0;
  Arena* arena_ = nullptr;  // null: heap-owned
};

// The names of a traversal are views: into the source or arena of the tree it was parsed with
// (a File, JsonFile or ExprResult, which must outlive it: copies taken with Variables() or kept
// in a config::Module included), or into `storage`, which a traversal of its own keeps alive
// (ParseTraversal sets it). A traversal built by hand names string literals or sets `storage`.
struct Traversal {
  TraversalSteps steps;
  std::shared_ptr<const void> storage;  // keeps the names alive when nothing else does

  bool empty() const { return steps.empty(); }
  bool IsAbsolute() const { return !steps.empty() && steps[0].kind == StepKind::kRoot; }
  std::string_view RootName() const {
    return IsAbsolute() ? steps[0].name : std::string_view();
  }
  Range range() const;
  // "aws_instance.foo[0].id" (string keys quoted).
  std::string ToString() const;
};

class ScopeTraversalExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kScopeTraversal;
  ScopeTraversalExpr(Range r, Traversal t) : Expression(kKind, std::move(r)), traversal(std::move(t)) {}
  Traversal traversal;  // absolute: steps[0] is the root
};

class RelativeTraversalExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kRelativeTraversal;
  RelativeTraversalExpr(Range r, ExprPtr src, Traversal t)
      : Expression(kKind, std::move(r)), source(std::move(src)), traversal(std::move(t)) {}
  ExprPtr source = nullptr;
  Traversal traversal;  // relative: no root step
};

class FunctionCallExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kFunctionCall;
  explicit FunctionCallExpr(Range r) : Expression(kKind, std::move(r)) {}
  std::string_view name;  // may be namespaced: "provider::aws::arn_parse"
  ArenaVector<ExprPtr> args;
  bool expand_final = false;  // f(a, list...)
  Range name_range;
  Range open_paren_range;
  Range close_paren_range;
};

class ConditionalExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kConditional;
  ConditionalExpr(Range r, ExprPtr c, ExprPtr t, ExprPtr f)
      : Expression(kKind, std::move(r)),
        condition(std::move(c)),
        true_result(std::move(t)),
        false_result(std::move(f)) {}
  ExprPtr condition;
  ExprPtr true_result;
  ExprPtr false_result;
};

// The AST's operator (value_ops.h has the value layer's own BinaryOp; the evaluator maps one to
// the other).
enum class BinaryOperator : uint8_t {
  kOr, kAnd, kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual,
  kAdd, kSubtract, kMultiply, kDivide, kModulo,
};
std::string_view BinaryOpSymbol(BinaryOperator op);

class BinaryOpExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kBinaryOp;
  BinaryOpExpr(Range r, BinaryOperator o, ExprPtr l, ExprPtr rhs_expr)
      : Expression(kKind, std::move(r)), op(o), lhs(std::move(l)), rhs(std::move(rhs_expr)) {}
  BinaryOperator op;
  ExprPtr lhs;
  ExprPtr rhs;
};

enum class UnaryOp : uint8_t { kNot, kNegate };

class UnaryOpExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kUnaryOp;
  UnaryOpExpr(Range r, UnaryOp o, ExprPtr v)
      : Expression(kKind, std::move(r)), op(o), operand(std::move(v)) {}
  UnaryOp op;
  ExprPtr operand;
};

class TupleExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kTuple;
  explicit TupleExpr(Range r) : Expression(kKind, std::move(r)) {}
  ArenaVector<ExprPtr> elements;
};

struct ObjectItem {
  // A bare identifier key (`{foo = 1}`) is a kString LiteralExpr with bare_key = true: it is the
  // literal name, never a variable. Any other key (`(foo)`, `"foo"`, `"${x}"`) is an expression.
  ExprPtr key = nullptr;
  ExprPtr value = nullptr;
  bool bare_key = false;
};

class ObjectExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kObject;
  explicit ObjectExpr(Range r) : Expression(kKind, std::move(r)) {}
  ArenaVector<ObjectItem> items;
};

class ForExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kFor;
  explicit ForExpr(Range r) : Expression(kKind, std::move(r)) {}
  bool is_object() const { return key_expr != nullptr; }
  std::string_view key_var;  // empty when only one variable is declared
  std::string_view value_var;
  ExprPtr collection = nullptr;
  ExprPtr key_expr = nullptr;  // object form only
  ExprPtr value_expr = nullptr;
  ExprPtr condition = nullptr;  // may be null
  bool grouping = false;  // object form: v... groups values by key
};

class SplatExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kSplat;
  SplatExpr(Range r, ExprPtr src, ExprPtr each_expr, bool full_splat, Range marker)
      : Expression(kKind, std::move(r)),
        source(std::move(src)),
        each(std::move(each_expr)),
        full(full_splat),
        marker_range(std::move(marker)) {}
  ExprPtr source;
  // Evaluated once per element, with the element bound to the AnonSymbolExpr it contains
  // (`each` is the AnonSymbolExpr itself for a bare `x[*]`).
  ExprPtr each;
  bool full;  // [*] (attributes and indexes follow) vs .* (attributes only)
  Range marker_range;
};

class AnonSymbolExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kAnonSymbol;
  explicit AnonSymbolExpr(Range r) : Expression(kKind, std::move(r)) {}
};

class IndexExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kIndex;
  IndexExpr(Range r, ExprPtr c, ExprPtr k, Range brackets)
      : Expression(kKind, std::move(r)),
        collection(std::move(c)),
        key(std::move(k)),
        bracket_range(std::move(brackets)) {}
  ExprPtr collection;
  ExprPtr key;
  Range bracket_range;
};

class ParensExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kParens;
  ParensExpr(Range r, ExprPtr e) : Expression(kKind, std::move(r)), inner(std::move(e)) {}
  ExprPtr inner;
};

class TemplateExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kTemplate;
  explicit TemplateExpr(Range r) : Expression(kKind, std::move(r)) {}
  // Literal parts are kString LiteralExprs; others are interpolated expressions or
  // TemplateIf/TemplateFor directives.
  ArenaVector<ExprPtr> parts;
  bool heredoc = false;
  // True when the template has no interpolations or directives (a plain string).
  bool IsStringLiteral() const {
    return parts.empty() || (parts.size() == 1 && parts[0]->kind() == ExprKind::kLiteral);
  }
};

class TemplateWrapExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kTemplateWrap;
  TemplateWrapExpr(Range r, ExprPtr e) : Expression(kKind, std::move(r)), wrapped(std::move(e)) {}
  ExprPtr wrapped;
};

class TemplateIfExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kTemplateIf;
  explicit TemplateIfExpr(Range r) : Expression(kKind, std::move(r)) {}
  ExprPtr condition = nullptr;
  ExprPtr then_template = nullptr;  // TemplateExpr
  ExprPtr else_template = nullptr;  // TemplateExpr or null
};

class TemplateForExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kTemplateFor;
  explicit TemplateForExpr(Range r) : Expression(kKind, std::move(r)) {}
  std::string_view key_var;  // empty when only one variable is declared
  std::string_view value_var;
  ExprPtr collection = nullptr;
  ExprPtr body = nullptr;  // TemplateExpr
};

class InvalidExpr final : public Expression {
 public:
  static constexpr ExprKind kKind = ExprKind::kInvalid;
  explicit InvalidExpr(Range r) : Expression(kKind, std::move(r)) {}
};

}  // namespace fw::hcl
