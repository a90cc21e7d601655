#include "hcl/json_body.h"

#include <map>

#include "hcl/ast_dump.h"

namespace fw::hcl {
namespace {

constexpr std::string_view kCommentProperty = "//";

class JsonBody final : public AnyBody {
 public:
  explicit JsonBody(const JsonValue* v) : v_(v) {}

  Range MissingItemRange() const override {
    Range r = v_->range;
    r.end = r.start;
    return r;
  }
  BodyContent ContentImpl(const BodySchema& schema, const HiddenItems& hidden, bool partial,
                          Diagnostics& diags) const override;
  std::vector<AttributeRef> JustAttributesImpl(const HiddenItems& hidden,
                                               Diagnostics& diags) const override;

 private:
  // The properties of this body: an object's, or those of each object in an array.
  std::vector<const JsonProperty*> Properties(Diagnostics& diags) const;

  const JsonValue* v_;
};

AttributeRef AttrOf(const JsonProperty& p) {
  return AttributeRef{p.name, p.value->expr, Span(p.name_range, p.value->range), p.name_range};
}

void ObjectRequired(const JsonValue& v, const char* what, Diagnostics& diags) {
  diags.AddError("Incorrect JSON value type",
                 std::string("A JSON object is required here, ") + what + ".", v.range);
}

std::vector<const JsonProperty*> JsonBody::Properties(Diagnostics& diags) const {
  std::vector<const JsonProperty*> out;
  auto add = [&](const JsonValue& obj) {
    for (const JsonProperty& p : obj.properties) {
      if (p.name != kCommentProperty) out.push_back(&p);
    }
  };
  if (v_->kind == JsonKind::kObject) {
    add(*v_);
  } else if (v_->kind == JsonKind::kArray) {
    for (const auto& e : v_->elements) {
      if (e->kind == JsonKind::kObject) {
        add(*e);
      } else {
        ObjectRequired(*e, "setting the arguments for this block", diags);
      }
    }
  } else {
    ObjectRequired(*v_, "setting the arguments for this block", diags);
  }
  return out;
}

// Reads the label levels and bodies of blocks of `schema` type from `v`.
void DecodeBlocks(const JsonValue& v, const BlockHeaderSchema& schema, const Range& type_range,
                  std::vector<std::string>& labels, std::vector<Range>& label_ranges,
                  std::vector<BlockRef>& out, Diagnostics& diags) {
  if (labels.size() < schema.label_names.size()) {
    std::vector<const JsonValue*> objects;
    if (v.kind == JsonKind::kObject) {
      objects.push_back(&v);
    } else if (v.kind == JsonKind::kArray) {
      for (const auto& e : v.elements) objects.push_back(e.get());
    } else {
      ObjectRequired(v, ("whose keys are the " + schema.label_names[labels.size()] +
                         " labels of the " + schema.type + " blocks")
                            .c_str(),
                     diags);
      return;
    }
    for (const JsonValue* obj : objects) {
      if (obj->kind != JsonKind::kObject) {
        ObjectRequired(*obj, "whose keys are block labels", diags);
        continue;
      }
      for (const JsonProperty& p : obj->properties) {
        labels.push_back(p.name);
        label_ranges.push_back(p.name_range);
        DecodeBlocks(*p.value, schema, type_range, labels, label_ranges, out, diags);
        labels.pop_back();
        label_ranges.pop_back();
      }
    }
    return;
  }
  auto one = [&](const JsonValue& body) {
    if (body.kind != JsonKind::kObject) {
      ObjectRequired(body, ("to define the body of a " + schema.type + " block").c_str(), diags);
      return;
    }
    BlockRef ref;
    ref.type = schema.type;
    ref.labels = labels;
    ref.label_ranges = label_ranges;
    ref.type_range = type_range;
    ref.def_range = label_ranges.empty() ? type_range : Span(type_range, label_ranges.back());
    ref.body = body.body.get();
    out.push_back(std::move(ref));
  };
  if (v.kind == JsonKind::kArray) {
    for (const auto& e : v.elements) one(*e);
  } else {
    one(v);
  }
}

BodyContent JsonBody::ContentImpl(const BodySchema& schema, const HiddenItems& hidden,
                                  bool partial, Diagnostics& diags) const {
  BodyContent c;
  c.missing_item_range = MissingItemRange();
  std::map<std::string_view, Range> seen;
  for (const JsonProperty* p : Properties(diags)) {
    if (hidden.attributes.count(p->name) > 0 || hidden.blocks.count(p->name) > 0) continue;
    bool matched = false;
    for (const AttributeSchema& a : schema.attributes) {
      if (a.name != p->name) continue;
      matched = true;
      auto [it, inserted] = seen.emplace(p->name, p->name_range);
      if (!inserted) {
        diags.AddError("Duplicate argument",
                       "The argument \"" + p->name + "\" was already set at " +
                           it->second.ToString() + ". Each argument may be set only once.",
                       p->name_range);
        break;
      }
      JsonTemplateDiagnostics(*p->value, diags);
      c.attributes.push_back(AttrOf(*p));
      break;
    }
    if (matched) continue;
    for (const BlockHeaderSchema& b : schema.blocks) {
      if (b.type != p->name) continue;
      matched = true;
      std::vector<std::string> labels;
      std::vector<Range> label_ranges;
      DecodeBlocks(*p->value, b, p->name_range, labels, label_ranges, c.blocks, diags);
      break;
    }
    if (matched || partial) continue;
    std::vector<std::string_view> names;
    for (const auto& a : schema.attributes) names.push_back(a.name);
    for (const auto& b : schema.blocks) names.push_back(b.type);
    diags.AddError("Extraneous JSON object property",
                   "No argument or block type is named \"" + p->name + "\"." +
                       SuggestName(p->name, names),
                   p->name_range);
  }
  CheckRequiredAttributes(schema, c, diags);
  return c;
}

std::vector<AttributeRef> JsonBody::JustAttributesImpl(const HiddenItems& hidden,
                                                       Diagnostics& diags) const {
  std::vector<AttributeRef> out;
  if (v_->kind != JsonKind::kObject) {
    ObjectRequired(*v_, "defining the attributes of this body", diags);
    return out;
  }
  std::map<std::string_view, Range> seen;
  for (const JsonProperty& p : v_->properties) {
    if (p.name == kCommentProperty || hidden.attributes.count(p.name) > 0) continue;
    auto [it, inserted] = seen.emplace(p.name, p.name_range);
    if (!inserted) {
      diags.AddError("Duplicate argument",
                     "The argument \"" + p.name + "\" was already set at " +
                         it->second.ToString() + ". Each argument may be set only once.",
                     p.name_range);
      continue;
    }
    JsonTemplateDiagnostics(*p.value, diags);
    out.push_back(AttrOf(p));
  }
  return out;
}

// Position just inside the opening quote of a string value.
Pos InsideQuote(const Range& r) {
  Pos p = r.start;
  ++p.column;
  ++p.byte;
  return p;
}

// The expression of a JSON string, in `arena` (which keeps a copy of the text: the JSON tree
// may be dropped before the expression, see ParseJsonExpression).
ExprPtr StringTemplate(Arena& arena, const std::string& text, bool verbatim, const Range& range,
                       const ParseOptions& options, Diagnostics& diags) {
  std::string_view kept = arena.Copy(text);
  if (text.find_first_of("$%") == std::string::npos) {
    // No template sequences possible: a plain string literal.
    TemplateExpr* t = arena.New<TemplateExpr>(range);
    if (!text.empty()) {
      t->parts.push_back(arena, arena.New<LiteralExpr>(range, LiteralKind::kString, kept));
    }
    return t;
  }
  Pos start = verbatim ? InsideQuote(range) : range.start;
  ExprPtr e = ParseTemplateInto(arena, kept, range.file, start, options, diags);
  if (!verbatim) e->set_range(range);
  return e;
}

// Builds the expression of `v` and the bodies of its objects, recursively.
// Builds the expression of `v` (in `arena`) and the bodies of its objects, recursively.
ExprPtr Lower(Arena& arena, JsonValue& v, const ParseOptions& options, bool origin) {
  ExprPtr e = nullptr;
  switch (v.kind) {
    case JsonKind::kNull: e = arena.New<LiteralExpr>(v.range, LiteralKind::kNull, "null"); break;
    case JsonKind::kBool:
    case JsonKind::kNumber:
      e = arena.New<LiteralExpr>(
          v.range, v.kind == JsonKind::kBool ? LiteralKind::kBool : LiteralKind::kNumber,
          arena.Copy(v.text));
      break;
    case JsonKind::kString:
      e = StringTemplate(arena, v.text, v.verbatim, v.range, options, v.template_diags);
      break;
    case JsonKind::kArray: {
      TupleExpr* t = arena.New<TupleExpr>(v.range);
      for (auto& el : v.elements) t->elements.push_back(arena, Lower(arena, *el, options, origin));
      v.body = std::make_unique<JsonBody>(&v);
      e = t;
      break;
    }
    case JsonKind::kObject: {
      ObjectExpr* o = arena.New<ObjectExpr>(v.range);
      for (JsonProperty& p : v.properties) {
        ObjectItem item;
        item.key = StringTemplate(arena, p.name, true, p.name_range, options, v.template_diags);
        item.value = Lower(arena, *p.value, options, origin);
        o->items.push_back(arena, item);
      }
      v.body = std::make_unique<JsonBody>(&v);
      e = o;
      break;
    }
  }
  if (origin) e->set_json_origin(&v);
  v.expr = e;
  return e;
}

}  // namespace

void JsonTemplateDiagnostics(const JsonValue& v, Diagnostics& diags) {
  diags.Append(v.template_diags);
  for (const auto& e : v.elements) JsonTemplateDiagnostics(*e, diags);
  for (const auto& p : v.properties) JsonTemplateDiagnostics(*p.value, diags);
}

JsonFileResult ParseJsonConfig(std::string bytes, std::string_view filename,
                               const ParseOptions& options) {
  JsonFileResult result;
  auto source = std::make_shared<const SourceFile>(filename, std::move(bytes));
  std::unique_ptr<JsonValue> root = ParseJson(source->bytes(), source->name(), options,
                                              result.diags);
  if (root == nullptr) return result;
  if (root->kind != JsonKind::kObject && root->kind != JsonKind::kArray) {
    result.diags.AddError("Root value must be object",
                          "The root value in a JSON-based configuration must be an object, "
                          "consistent with the schema.",
                          root->range);
    return result;
  }
  result.file = std::make_unique<JsonFile>();
  result.file->arena = std::make_unique<Arena>();
  Lower(*result.file->arena, *root, options, true);
  result.file->source = std::move(source);
  result.file->root = std::move(root);
  return result;
}

ExprResult ParseJsonExpression(std::string_view bytes, std::string_view filename,
                               const ParseOptions& options) {
  ExprResult result;
  result.arena = std::make_unique<Arena>();
  FileName file = MakeFileName(filename);
  std::unique_ptr<JsonValue> root = ParseJson(bytes, file, options, result.diags);
  if (root == nullptr) {
    result.expr = result.arena->New<InvalidExpr>(Range{file, Pos{}, Pos{}});
    return result;
  }
  // The JSON tree is dropped afterwards, so the expressions keep no pointers into it.
  result.expr = Lower(*result.arena, *root, options, false);
  JsonTemplateDiagnostics(*root, result.diags);
  return result;
}

std::string DumpJsonFile(const JsonFile& file, Diagnostics& diags) {
  JsonTemplateDiagnostics(*file.root, diags);
  return DumpExpression(*file.root->expr) + "\n";
}

}  // namespace fw::hcl
