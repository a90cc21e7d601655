#include "providers/decode_body.h"

#include "hcl/ast.h"
#include "hcl/convert.h"
#include "hcl/static_analysis.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;

// A scope that adds one name (a dynamic block's iterator) over a parent scope.
class IteratorScope final : public hcl::Scope {
 public:
  IteratorScope(const hcl::Scope* parent, std::string name, Value value)
      : parent_(parent), name_(std::move(name)), value_(std::move(value)) {}
  std::optional<Value> Root(std::string_view name) const override {
    if (name == name_) return value_;
    return parent_ ? parent_->Root(name) : std::nullopt;
  }
  size_t Resolve(const hcl::Traversal& t, Value* out) const override {
    if (t.RootName() == name_ || !parent_) return 0;
    return parent_->Resolve(t, out);
  }

 private:
  const hcl::Scope* parent_;
  std::string name_;
  Value value_;
};

hcl::BodySchema BodySchemaOf(const Block& schema) {
  hcl::BodySchema s;
  for (const Attr& a : schema.attributes) {
    s.attributes.push_back({a.name, a.required});
  }
  for (const NestedBlock& b : schema.blocks) s.blocks.push_back({b.name, {}});
  s.blocks.push_back({"dynamic", {"type"}});
  return s;
}

class Decoder {
 public:
  explicit Decoder(hcl::Diagnostics& diags) : diags_(diags) {}

  Value Decode(const Block& schema, const hcl::AnyBody& body, const hcl::EvalContext& ctx) {
    hcl::BodyContent content = body.Content(BodySchemaOf(schema), diags_);
    std::vector<std::pair<std::string, Value>> attrs;
    attrs.reserve(schema.attributes.size() + schema.blocks.size());
    for (const Attr& a : schema.attributes) {
      const hcl::AttributeRef* ref = content.Attribute(a.name);
      if (!ref) {
        attrs.emplace_back(a.name, Value::Null(a.type));
        continue;
      }
      if (!a.required && !a.optional) {
        diags_.AddError("Value for unconfigurable attribute",
                        "Can't configure a value for \"" + a.name +
                            "\": its value will be decided automatically based on the result "
                            "of applying this configuration.",
                        ref->range);
        attrs.emplace_back(a.name, Value::Null(a.type));
        continue;
      }
      Value v = hcl::EvaluateAs(*ref->expr, a.type, ctx, diags_);
      if (a.required && v.IsKnown() && v.IsNull()) {
        diags_.AddError("Missing required argument",
                        "The argument \"" + a.name + "\" is required, but no definition was "
                        "found.",
                        ref->range);
      }
      if (a.sensitive) v = v.WithMarks(hcl::kSensitive);
      attrs.emplace_back(a.name, std::move(v));
    }
    for (const NestedBlock& nb : schema.blocks) {
      std::vector<Value> items;
      bool unknown = false;
      for (const hcl::BlockRef& b : content.blocks) {
        if (b.type == nb.name) {
          items.push_back(Decode(*nb.block, *b.body, ctx));
        } else if (b.type == "dynamic" && !b.labels.empty() && b.labels[0] == nb.name) {
          unknown |= ExpandDynamic(nb, b, ctx, &items);
        }
      }
      attrs.emplace_back(nb.name, Collect(nb, std::move(items), unknown, content));
    }
    for (const hcl::BlockRef& b : content.blocks) {
      if (b.type == "dynamic" && !b.labels.empty() && !schema.FindBlock(b.labels[0])) {
        diags_.AddError("Unsupported block type",
                        "Blocks of type \"" + b.labels[0] + "\" are not expected here.",
                        b.def_range);
      }
    }
    return Value::Object(std::move(attrs));
  }

 private:
  // Appends the dynamic block's generated items; true when for_each is unknown.
  bool ExpandDynamic(const NestedBlock& nb, const hcl::BlockRef& b, const hcl::EvalContext& ctx,
                     std::vector<Value>* items) {
    static const hcl::BodySchema kDynamicSchema{
        {{"for_each", true}, {"iterator", false}, {"labels", false}}, {{"content", {}}}};
    hcl::BodyContent dc = b.body->Content(kDynamicSchema, diags_);
    const hcl::AttributeRef* fe = dc.Attribute("for_each");
    const hcl::BlockRef* content = nullptr;
    for (const auto& cb : dc.blocks) {
      if (cb.type == "content") {
        if (content) {
          diags_.AddError("Duplicate content block",
                          "Only one \"content\" block is allowed in a dynamic block.",
                          cb.def_range);
        }
        content = &cb;
      }
    }
    if (!fe) return false;
    if (!content) {
      diags_.AddError("Missing content block",
                      "A dynamic block must have a nested block of type \"content\".",
                      b.def_range);
      return false;
    }
    std::string iterator = nb.name;
    if (const hcl::AttributeRef* it = dc.Attribute("iterator")) {
      if (auto kw = hcl::ExprAsKeyword(*it->expr)) {
        iterator = *kw;
      } else {
        diags_.AddError("Invalid dynamic iterator name",
                        "Dynamic iterator must be a single variable name.", it->range);
      }
    }
    Value coll = hcl::Evaluate(*fe->expr, ctx, diags_);
    if (!coll.IsKnown()) return true;
    if (coll.IsNull()) {
      diags_.AddError("Invalid dynamic for_each value",
                      "Cannot use a null value in for_each.", fe->range);
      return false;
    }
    Value plain = coll.UnmarkDeep();
    const Type& t = plain.type();
    if (!(t.IsList() || t.IsSet() || t.IsMap() || t.IsTuple() || t.IsObject())) {
      diags_.AddError("Invalid dynamic for_each value",
                      "Cannot use a " + t.FriendlyName() + " value in for_each. An iterable "
                      "collection is required.",
                      fe->range);
      return false;
    }
    const auto& elems = plain.Elements();
    for (size_t i = 0; i < elems.size(); ++i) {
      Value key;
      if (t.IsMap() || t.IsObject()) {
        key = Value::String(plain.Keys()[i]);
      } else if (t.IsSet()) {
        key = elems[i];
      } else {
        key = Value::Int(static_cast<int64_t>(i));
      }
      Value iter = Value::Object({{"key", key}, {"value", elems[i]}});
      IteratorScope scope(ctx.scope, iterator, iter);
      hcl::EvalContext inner = ctx;
      inner.scope = &scope;
      items->push_back(Decode(*nb.block, *content->body, inner));
    }
    return false;
  }

  Value Collect(const NestedBlock& nb, std::vector<Value> items, bool unknown,
                const hcl::BodyContent& content) {
    Type inner = nb.block->ImpliedType();
    if (nb.nesting == Nesting::kSingle) {
      if (items.size() > 1) {
        diags_.AddError("Too many " + nb.name + " blocks",
                        "No more than 1 \"" + nb.name + "\" blocks are allowed.",
                        content.missing_item_range);
      }
      if (unknown) return Value::Unknown(inner);
      return items.empty() ? Value::Null(inner) : items.front();
    }
    Type coll = nb.nesting == Nesting::kSet ? Type::Set(inner) : Type::List(inner);
    if (unknown) return Value::Unknown(coll);
    if (nb.max_items > 0 && static_cast<int>(items.size()) > nb.max_items) {
      diags_.AddError("Too many " + nb.name + " blocks",
                      "No more than " + std::to_string(nb.max_items) + " \"" + nb.name +
                          "\" blocks are allowed.",
                      content.missing_item_range);
    }
    if (static_cast<int>(items.size()) < nb.min_items) {
      diags_.AddError(nb.min_items == 1 ? "Missing required block"
                                        : "Insufficient " + nb.name + " blocks",
                      "At least " + std::to_string(nb.min_items) + " \"" + nb.name +
                          "\" block" + (nb.min_items == 1 ? " is" : "s are") + " required.",
                      content.missing_item_range);
    }
    // Items may differ in type where attributes are dynamic; convert each to the block type.
    for (Value& item : items) {
      if (auto converted = hcl::Convert(item, inner); converted.ok()) item = *converted;
    }
    if (nb.nesting == Nesting::kSet) return Value::Set(inner, std::move(items));
    return Value::List(inner, std::move(items));
  }

  hcl::Diagnostics& diags_;
};

void CollectReferences(const Block& schema, const hcl::AnyBody& body,
                       std::vector<hcl::Traversal>* out) {
  hcl::Diagnostics ignored;
  std::unique_ptr<hcl::AnyBody> remain;
  hcl::BodyContent content = body.PartialContent(BodySchemaOf(schema), ignored, &remain);
  for (const auto& a : content.attributes) {
    for (auto& t : hcl::Variables(*a.expr)) out->push_back(std::move(t));
  }
  for (const auto& b : content.blocks) {
    if (b.type == "dynamic") {
      if (b.labels.empty()) continue;
      const NestedBlock* nb = schema.FindBlock(b.labels[0]);
      hcl::BodySchema ds{{{"for_each"}, {"iterator"}, {"labels"}}, {{"content", {}}}};
      hcl::BodyContent dc = b.body->PartialContent(ds, ignored, &remain);
      std::string iterator = b.labels[0];
      if (const auto* it = dc.Attribute("iterator")) {
        if (auto kw = hcl::ExprAsKeyword(*it->expr)) iterator = *kw;
      }
      if (const auto* fe = dc.Attribute("for_each")) {
        for (auto& t : hcl::Variables(*fe->expr)) out->push_back(std::move(t));
      }
      if (!nb) continue;
      for (const auto& cb : dc.blocks) {
        std::vector<hcl::Traversal> inner;
        CollectReferences(*nb->block, *cb.body, &inner);
        for (auto& t : inner) {
          if (t.RootName() != iterator) out->push_back(std::move(t));
        }
      }
    } else if (const NestedBlock* nb = schema.FindBlock(b.type)) {
      CollectReferences(*nb->block, *b.body, out);
    }
  }
}

}  // namespace

Value DecodeBody(const Block& schema, const hcl::AnyBody& body, const hcl::EvalContext& ctx,
                 hcl::Diagnostics& diags) {
  return Decoder(diags).Decode(schema, body, ctx);
}

std::vector<hcl::Traversal> BodyReferences(const Block& schema, const hcl::AnyBody& body) {
  std::vector<hcl::Traversal> out;
  CollectReferences(schema, body, &out);
  return out;
}

}  // namespace fw::providers
