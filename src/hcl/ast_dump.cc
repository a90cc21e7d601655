#include "hcl/ast_dump.h"

#include "hcl/diagnostics.h"

namespace fw::hcl {
namespace {

class Dumper {
 public:
  explicit Dumper(const DumpOptions& o) : opts_(o) {}

  void Expr(const Expression& e) {
    switch (e.kind()) {
      case ExprKind::kLiteral: {
        const auto& l = e.As<LiteralExpr>();
        switch (l.literal_kind) {
          case LiteralKind::kNull: Open("null"); break;
          case LiteralKind::kBool: Open("bool"), Atom(l.text); break;
          case LiteralKind::kNumber: Open("number"), Atom(l.text); break;
          case LiteralKind::kString: Open("string"), Quoted(l.text); break;
        }
        break;
      }
      case ExprKind::kTemplate: {
        const auto& t = e.As<TemplateExpr>();
        Open(t.heredoc ? "heredoc" : "template");
        for (const auto& p : t.parts) Child(*p);
        break;
      }
      case ExprKind::kTemplateWrap:
        Open("wrap");
        Child(*e.As<TemplateWrapExpr>().wrapped);
        break;
      case ExprKind::kTemplateIf: {
        const auto& t = e.As<TemplateIfExpr>();
        Open("%if");
        Child(*t.condition);
        Child(*t.then_template);
        if (t.else_template) Child(*t.else_template);
        break;
      }
      case ExprKind::kTemplateFor: {
        const auto& t = e.As<TemplateForExpr>();
        Open("%for");
        Vars(t.key_var, t.value_var);
        Child(*t.collection);
        Child(*t.body);
        break;
      }
      case ExprKind::kScopeTraversal:
        Open("ref");
        Atom(e.As<ScopeTraversalExpr>().traversal.ToString());
        break;
      case ExprKind::kRelativeTraversal: {
        const auto& r = e.As<RelativeTraversalExpr>();
        Open("rel");
        Child(*r.source);
        Atom(r.traversal.ToString());
        break;
      }
      case ExprKind::kFunctionCall: {
        const auto& c = e.As<FunctionCallExpr>();
        Open("call");
        Atom(c.name);
        for (const auto& a : c.args) Child(*a);
        if (c.expand_final) Atom("...");
        break;
      }
      case ExprKind::kConditional: {
        const auto& c = e.As<ConditionalExpr>();
        Open("?");
        Child(*c.condition);
        Child(*c.true_result);
        Child(*c.false_result);
        break;
      }
      case ExprKind::kBinaryOp: {
        const auto& b = e.As<BinaryOpExpr>();
        Open(std::string(BinaryOpSymbol(b.op)));
        Child(*b.lhs);
        Child(*b.rhs);
        break;
      }
      case ExprKind::kUnaryOp: {
        const auto& u = e.As<UnaryOpExpr>();
        Open(u.op == UnaryOp::kNot ? "!" : "neg");
        Child(*u.operand);
        break;
      }
      case ExprKind::kTuple:
        Open("tuple");
        for (const auto& x : e.As<TupleExpr>().elements) Child(*x);
        break;
      case ExprKind::kObject:
        Open("object");
        for (const auto& item : e.As<ObjectExpr>().items) {
          out_ += " (";
          if (item.bare_key) {
            out_ += "key ";
            out_ += item.key->As<LiteralExpr>().text;
            RangeOf(*item.key);
          } else {
            Expr(*item.key);
          }
          Child(*item.value);
          out_ += ')';
        }
        break;
      case ExprKind::kFor: {
        const auto& f = e.As<ForExpr>();
        Open(f.is_object() ? "for-object" : "for-tuple");
        Vars(f.key_var, f.value_var);
        Child(*f.collection);
        if (f.key_expr) Child(*f.key_expr);
        Child(*f.value_expr);
        if (f.grouping) Atom("...");
        if (f.condition) {
          out_ += " (if";
          Child(*f.condition);
          out_ += ')';
        }
        break;
      }
      case ExprKind::kSplat: {
        const auto& s = e.As<SplatExpr>();
        Open(s.full ? "splat[*]" : "splat.*");
        Child(*s.source);
        Child(*s.each);
        break;
      }
      case ExprKind::kAnonSymbol: Open("anon"); break;
      case ExprKind::kIndex:
        Open("index");
        Child(*e.As<IndexExpr>().collection);
        Child(*e.As<IndexExpr>().key);
        break;
      case ExprKind::kParens:
        Open("parens");
        Child(*e.As<ParensExpr>().inner);
        break;
      case ExprKind::kInvalid: Open("invalid"); break;
    }
    RangeOf(e);
    out_ += ')';
  }

  void BodyItems(const Body& body, int indent) {
    for (const Body::Item& item : body.items) {
      out_ += std::string(static_cast<size_t>(indent) * 2, ' ');
      if (item.attribute != nullptr) {
        const Attribute& a = *item.attribute;
        out_ += "(attribute ";
        out_ += a.name;
        if (opts_.ranges) RangeText(a.range);
        out_ += ' ';
        Expr(*a.expr);
        out_ += ")\n";
        continue;
      }
      const Block& b = *item.block;
      out_ += "(block ";
      out_ += b.type;
      for (const BlockLabel& l : b.labels) {
        out_ += ' ';
        if (l.quoted) {
          AppendJsonString(out_, l.value);
        } else {
          out_ += l.value;
        }
      }
      if (opts_.ranges) RangeText(b.DefRange());
      if (b.body == nullptr || b.body->items.empty()) {
        out_ += ")\n";
        continue;
      }
      out_ += '\n';
      BodyItems(*b.body, indent + 1);
      out_ += std::string(static_cast<size_t>(indent) * 2, ' ') + ")\n";
    }
  }

  std::string out_;

 private:
  void Open(std::string_view name) {
    out_ += '(';
    out_ += name;
  }
  void Atom(std::string_view text) {
    out_ += ' ';
    out_ += text;
  }
  void Quoted(std::string_view text) {
    out_ += ' ';
    AppendJsonString(out_, text);
  }
  void Child(const Expression& e) {
    out_ += ' ';
    Expr(e);
  }
  void Vars(std::string_view k, std::string_view v) {
    if (!k.empty()) Atom(k);
    Atom(v);
  }
  void RangeText(const Range& r) {
    out_ += " @" + std::to_string(r.start.line) + ':' + std::to_string(r.start.column) + '-' +
            std::to_string(r.end.line) + ':' + std::to_string(r.end.column);
  }
  void RangeOf(const Expression& e) {
    if (opts_.ranges) RangeText(e.range());
  }

  DumpOptions opts_;
};

}  // namespace

std::string DumpExpression(const Expression& expr, const DumpOptions& options) {
  Dumper d(options);
  d.Expr(expr);
  return std::move(d.out_);
}

std::string DumpBody(const Body& body, const DumpOptions& options) {
  Dumper d(options);
  d.BodyItems(body, 0);
  return std::move(d.out_);
}

}  // namespace fw::hcl
