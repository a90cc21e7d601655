#include "hcl/type.h"

#include <algorithm>
#include <functional>

#include "hcl/json_text.h"
#include "hcl/value.h"

namespace fw::hcl {

struct Type::Node {
  TypeKind kind = TypeKind::kDynamic;
  Type element;                        // list/set/map (dynamic otherwise)
  std::vector<Type> elements;          // tuple
  std::vector<ObjectAttribute> attrs;  // object, sorted by name
  size_t hash = 0;
  bool has_dynamic = false;
  bool has_optional = false;
};

namespace {

size_t Mix(size_t h, size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); }

const std::vector<Type>& EmptyTypes() {
  static const std::vector<Type> kEmpty;
  return kEmpty;
}
const std::vector<ObjectAttribute>& EmptyAttrs() {
  static const std::vector<ObjectAttribute> kEmpty;
  return kEmpty;
}

}  // namespace

// The dynamic node must exist before any Type is default-constructed, including the `element`
// member of other nodes, so it is built with a raw placement that does not recurse.
static std::shared_ptr<const Type::Node> MakePrimitive(TypeKind kind);

static const std::shared_ptr<const Type::Node>& DynamicNode() {
  static const std::shared_ptr<const Type::Node> node = [] {
    // Node's `element` member default-constructs a Type (dynamic): break the cycle by building
    // the node with a null element pointer, which Type() never observes for dynamic nodes.
    return std::shared_ptr<const Type::Node>(MakePrimitive(TypeKind::kDynamic));
  }();
  return node;
}

Type::Type() : node_(DynamicNode()) {}

// Built from a Type whose node_ may be null only inside the dynamic node itself.
static std::shared_ptr<const Type::Node> MakePrimitive(TypeKind kind) {
  auto node = std::make_shared<Type::Node>(
      Type::Node{kind, Type(std::shared_ptr<const Type::Node>()), {}, {}, 0, false, false});
  node->hash = static_cast<size_t>(kind) * 0x100000001b3ULL + 17;
  node->has_dynamic = kind == TypeKind::kDynamic;
  return node;
}

Type Type::Dynamic() { return Type(); }
Type Type::String() {
  static const Type t(MakePrimitive(TypeKind::kString));
  return t;
}
Type Type::Number() {
  static const Type t(MakePrimitive(TypeKind::kNumber));
  return t;
}
Type Type::Bool() {
  static const Type t(MakePrimitive(TypeKind::kBool));
  return t;
}

static Type MakeCollection(TypeKind kind, Type element) {
  auto node = std::make_shared<Type::Node>();
  node->kind = kind;
  node->hash = Mix(static_cast<size_t>(kind) * 31, element.Hash());
  node->has_dynamic = element.HasDynamic();
  node->has_optional = element.HasOptionalAttributes();
  node->element = std::move(element);
  return Type(std::shared_ptr<const Type::Node>(std::move(node)));
}

Type Type::List(Type element) { return MakeCollection(TypeKind::kList, std::move(element)); }
Type Type::Set(Type element) { return MakeCollection(TypeKind::kSet, std::move(element)); }
Type Type::Map(Type element) { return MakeCollection(TypeKind::kMap, std::move(element)); }

Type Type::Tuple(std::vector<Type> elements) {
  auto node = std::make_shared<Node>();
  node->kind = TypeKind::kTuple;
  size_t h = 0x7475706c65ULL;
  for (const Type& t : elements) {
    h = Mix(h, t.Hash());
    node->has_dynamic |= t.HasDynamic();
    node->has_optional |= t.HasOptionalAttributes();
  }
  node->hash = Mix(h, elements.size());
  node->elements = std::move(elements);
  return Type(std::move(node));
}

Type Type::Object(std::vector<std::pair<std::string, Type>> attributes) {
  std::vector<ObjectAttribute> attrs;
  attrs.reserve(attributes.size());
  for (auto& [name, type] : attributes)
    attrs.push_back({std::move(name), std::move(type), false, {}});
  return ObjectWithOptional(std::move(attrs));
}

Type Type::ObjectWithOptional(std::vector<ObjectAttribute> attributes) {
  std::sort(attributes.begin(), attributes.end(),
            [](const ObjectAttribute& a, const ObjectAttribute& b) { return a.name < b.name; });
  auto node = std::make_shared<Node>();
  node->kind = TypeKind::kObject;
  size_t h = 0x6f626a656374ULL;
  for (const ObjectAttribute& a : attributes) {
    h = Mix(h, std::hash<std::string>()(a.name));
    h = Mix(h, a.type.Hash() + (a.optional ? 1 : 0));
    node->has_dynamic |= a.type.HasDynamic();
    node->has_optional |= a.optional || a.type.HasOptionalAttributes();
  }
  node->hash = h;
  node->attrs = std::move(attributes);
  return Type(std::move(node));
}

TypeKind Type::kind() const { return node_->kind; }
bool Type::IsPrimitive() const {
  TypeKind k = kind();
  return k == TypeKind::kString || k == TypeKind::kNumber || k == TypeKind::kBool;
}
const Type& Type::ElementType() const {
  if (IsCollection()) return node_->element;
  static const Type kDyn;
  return kDyn;
}
const std::vector<Type>& Type::TupleElements() const {
  return IsTuple() ? node_->elements : EmptyTypes();
}
const std::vector<ObjectAttribute>& Type::Attributes() const {
  return IsObject() ? node_->attrs : EmptyAttrs();
}
const ObjectAttribute* Type::FindAttribute(std::string_view name) const {
  const auto& attrs = Attributes();
  auto it =
      std::lower_bound(attrs.begin(), attrs.end(), name,
                       [](const ObjectAttribute& a, std::string_view n) { return a.name < n; });
  if (it == attrs.end() || it->name != name) return nullptr;
  return &*it;
}
bool Type::HasDynamic() const { return node_->has_dynamic; }
bool Type::HasOptionalAttributes() const { return node_->has_optional; }

Type Type::WithoutOptionalAttributes() const {
  if (!HasOptionalAttributes()) return *this;
  switch (kind()) {
    case TypeKind::kList:
      return List(ElementType().WithoutOptionalAttributes());
    case TypeKind::kSet:
      return Set(ElementType().WithoutOptionalAttributes());
    case TypeKind::kMap:
      return Map(ElementType().WithoutOptionalAttributes());
    case TypeKind::kTuple: {
      std::vector<Type> elems;
      for (const Type& t : TupleElements()) elems.push_back(t.WithoutOptionalAttributes());
      return Tuple(std::move(elems));
    }
    case TypeKind::kObject: {
      std::vector<ObjectAttribute> attrs;
      for (const ObjectAttribute& a : Attributes()) {
        attrs.push_back({a.name, a.type.WithoutOptionalAttributes(), false, {}});
      }
      return ObjectWithOptional(std::move(attrs));
    }
    default:
      return *this;
  }
}

std::string Type::FriendlyName() const {
  switch (kind()) {
    case TypeKind::kDynamic:
      return "dynamic";
    case TypeKind::kString:
      return "string";
    case TypeKind::kNumber:
      return "number";
    case TypeKind::kBool:
      return "bool";
    case TypeKind::kList:
      return "list of " + ElementType().FriendlyName();
    case TypeKind::kSet:
      return "set of " + ElementType().FriendlyName();
    case TypeKind::kMap:
      return "map of " + ElementType().FriendlyName();
    case TypeKind::kTuple:
      return "tuple";
    case TypeKind::kObject:
      return "object";
  }
  return "dynamic";
}

std::string Type::FriendlyNameForConstraint() const {
  switch (kind()) {
    case TypeKind::kDynamic:
      return "any type";
    case TypeKind::kList:
      return "list of " + ElementType().FriendlyNameForConstraint();
    case TypeKind::kSet:
      return "set of " + ElementType().FriendlyNameForConstraint();
    case TypeKind::kMap:
      return "map of " + ElementType().FriendlyNameForConstraint();
    default:
      return FriendlyName();
  }
}

std::string Type::ToTypeExpr() const {
  switch (kind()) {
    case TypeKind::kDynamic:
      return "any";
    case TypeKind::kString:
      return "string";
    case TypeKind::kNumber:
      return "number";
    case TypeKind::kBool:
      return "bool";
    case TypeKind::kList:
      return "list(" + ElementType().ToTypeExpr() + ")";
    case TypeKind::kSet:
      return "set(" + ElementType().ToTypeExpr() + ")";
    case TypeKind::kMap:
      return "map(" + ElementType().ToTypeExpr() + ")";
    case TypeKind::kTuple: {
      std::string s = "tuple([";
      for (size_t i = 0; i < TupleElements().size(); ++i) {
        if (i) s += ", ";
        s += TupleElements()[i].ToTypeExpr();
      }
      return s + "])";
    }
    case TypeKind::kObject: {
      std::string s = "object({";
      bool first = true;
      for (const ObjectAttribute& a : Attributes()) {
        if (!first) s += ", ";
        first = false;
        s += a.name + "=";
        s += a.optional ? "optional(" + a.type.ToTypeExpr() + ")" : a.type.ToTypeExpr();
      }
      return s + "})";
    }
  }
  return "any";
}

static void AppendTypeJson(const Type& t, std::string* out) {
  switch (t.kind()) {
    case TypeKind::kDynamic:
      *out += "\"dynamic\"";
      return;
    case TypeKind::kString:
      *out += "\"string\"";
      return;
    case TypeKind::kNumber:
      *out += "\"number\"";
      return;
    case TypeKind::kBool:
      *out += "\"bool\"";
      return;
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kMap:
      *out += t.IsList() ? "[\"list\"," : (t.IsSet() ? "[\"set\"," : "[\"map\",");
      AppendTypeJson(t.ElementType(), out);
      *out += ']';
      return;
    case TypeKind::kTuple:
      *out += "[\"tuple\",[";
      for (size_t i = 0; i < t.TupleElements().size(); ++i) {
        if (i) *out += ',';
        AppendTypeJson(t.TupleElements()[i], out);
      }
      *out += "]]";
      return;
    case TypeKind::kObject: {
      *out += "[\"object\",{";
      bool first = true;
      std::vector<std::string_view> optional;
      for (const ObjectAttribute& a : t.Attributes()) {
        if (!first) *out += ',';
        first = false;
        json::AppendString(out, a.name);
        *out += ':';
        AppendTypeJson(a.type, out);
        if (a.optional) optional.push_back(a.name);
      }
      *out += '}';
      if (!optional.empty()) {
        *out += ",[";
        for (size_t i = 0; i < optional.size(); ++i) {
          if (i) *out += ',';
          json::AppendString(out, optional[i]);
        }
        *out += ']';
      }
      *out += ']';
      return;
    }
  }
}

std::string Type::ToJson() const {
  std::string out;
  AppendTypeJson(*this, &out);
  return out;
}

static Result<Type> TypeFromJsonValue(const json::JsonValue& j) {
  using K = json::JsonValue::Kind;
  if (j.kind == K::kString) {
    if (j.text == "string") return Type::String();
    if (j.text == "number") return Type::Number();
    if (j.text == "bool") return Type::Bool();
    if (j.text == "dynamic") return Type::Dynamic();
    return InvalidArgument("invalid primitive type name \"" + j.text + "\"");
  }
  if (j.kind != K::kArray || j.items.empty() || j.items[0].kind != K::kString) {
    return InvalidArgument("invalid type specification");
  }
  const std::string& kind = j.items[0].text;
  if (kind == "list" || kind == "set" || kind == "map") {
    if (j.items.size() != 2) return InvalidArgument("invalid " + kind + " type specification");
    FW_ASSIGN_OR_RETURN(Type elem, TypeFromJsonValue(j.items[1]));
    if (kind == "list") return Type::List(std::move(elem));
    if (kind == "set") return Type::Set(std::move(elem));
    return Type::Map(std::move(elem));
  }
  if (kind == "tuple") {
    if (j.items.size() != 2 || j.items[1].kind != K::kArray) {
      return InvalidArgument("invalid tuple type specification");
    }
    std::vector<Type> elems;
    for (const auto& e : j.items[1].items) {
      FW_ASSIGN_OR_RETURN(Type t, TypeFromJsonValue(e));
      elems.push_back(std::move(t));
    }
    return Type::Tuple(std::move(elems));
  }
  if (kind == "object") {
    if ((j.items.size() != 2 && j.items.size() != 3) || j.items[1].kind != K::kObject) {
      return InvalidArgument("invalid object type specification");
    }
    std::vector<ObjectAttribute> attrs;
    for (const auto& [name, spec] : j.items[1].members) {
      for (const auto& a : attrs) {
        if (a.name == name) return InvalidArgument("duplicate object attribute \"" + name + "\"");
      }
      FW_ASSIGN_OR_RETURN(Type t, TypeFromJsonValue(spec));
      attrs.push_back({name, std::move(t), false, {}});
    }
    if (j.items.size() == 3) {
      if (j.items[2].kind != K::kArray) return InvalidArgument("invalid optional attribute list");
      for (const auto& o : j.items[2].items) {
        auto it = std::find_if(attrs.begin(), attrs.end(),
                               [&](const ObjectAttribute& a) { return a.name == o.text; });
        if (o.kind != K::kString || it == attrs.end()) {
          return InvalidArgument("optional attribute \"" + o.text + "\" is not an attribute");
        }
        it->optional = true;
      }
    }
    return Type::ObjectWithOptional(std::move(attrs));
  }
  return InvalidArgument("invalid type kind \"" + kind + "\"");
}

Result<Type> Type::FromJson(std::string_view text) {
  FW_ASSIGN_OR_RETURN(json::JsonValue j, json::Parse(text, 128));
  return TypeFromJsonValue(j);
}

bool Type::Equals(const Type& other) const {
  if (node_ == other.node_) return true;
  const Node& a = *node_;
  const Node& b = *other.node_;
  if (a.kind != b.kind || a.hash != b.hash) return false;
  switch (a.kind) {
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kMap:
      return a.element.Equals(b.element);
    case TypeKind::kTuple:
      return a.elements.size() == b.elements.size() &&
             std::equal(a.elements.begin(), a.elements.end(), b.elements.begin(),
                        [](const Type& x, const Type& y) { return x.Equals(y); });
    case TypeKind::kObject: {
      if (a.attrs.size() != b.attrs.size()) return false;
      for (size_t i = 0; i < a.attrs.size(); ++i) {
        const ObjectAttribute& x = a.attrs[i];
        const ObjectAttribute& y = b.attrs[i];
        if (x.name != y.name || x.optional != y.optional || !x.type.Equals(y.type)) return false;
        if ((x.default_value == nullptr) != (y.default_value == nullptr)) return false;
        if (x.default_value && !x.default_value->RawEquals(*y.default_value)) return false;
      }
      return true;
    }
    default:
      return true;
  }
}

size_t Type::Hash() const { return node_->hash; }

}  // namespace fw::hcl
