// Type: the Terraform language's types (what cty.Type is for Terraform).
//
// Primitive types: string, number, bool. Collection types: list(T), set(T), map(T). Structural
// types: tuple([T...]), object({name = T}). The dynamic pseudo-type (`any`) stands for "not known
// yet" in values and for "any type" in constraints. Object types built from a type constraint can
// mark attributes optional, with an optional default value (`optional(string, "x")`); values
// never have such types (conversion removes the markers).
//
// A Type is a handle to an immutable shared node: copying is a reference-count increment.
// Thread-safety: immutable; safe to share across threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace fw::hcl {

class Value;
class Type;

enum class TypeKind : uint8_t {
  kDynamic,
  kString,
  kNumber,
  kBool,
  kList,
  kSet,
  kMap,
  kTuple,
  kObject,
};

struct ObjectAttribute;

class Type {
 public:
  Type();  // dynamic

  static Type Dynamic();
  static Type String();
  static Type Number();
  static Type Bool();
  static Type List(Type element);
  static Type Set(Type element);
  static Type Map(Type element);
  static Type Tuple(std::vector<Type> elements);
  // Attribute names must be unique; order does not matter (attributes are kept sorted by name).
  static Type Object(std::vector<std::pair<std::string, Type>> attributes);
  // Object type whose attributes may be optional (type constraints only).
  static Type ObjectWithOptional(std::vector<ObjectAttribute> attributes);
  static Type EmptyObject() { return Object(std::vector<std::pair<std::string, Type>>{}); }
  static Type EmptyTuple() { return Tuple({}); }

  TypeKind kind() const;
  bool IsDynamic() const { return kind() == TypeKind::kDynamic; }
  bool IsPrimitive() const;
  bool IsList() const { return kind() == TypeKind::kList; }
  bool IsSet() const { return kind() == TypeKind::kSet; }
  bool IsMap() const { return kind() == TypeKind::kMap; }
  bool IsTuple() const { return kind() == TypeKind::kTuple; }
  bool IsObject() const { return kind() == TypeKind::kObject; }
  bool IsCollection() const { return IsList() || IsSet() || IsMap(); }
  bool IsStructural() const { return IsTuple() || IsObject(); }

  // list/set/map: the element type. Dynamic for other kinds.
  const Type& ElementType() const;
  // tuple: element types. Empty for other kinds.
  const std::vector<Type>& TupleElements() const;
  // object: attributes sorted by name. Empty for other kinds.
  const std::vector<ObjectAttribute>& Attributes() const;
  const ObjectAttribute* FindAttribute(std::string_view name) const;

  // True when the type contains the dynamic pseudo-type anywhere.
  bool HasDynamic() const;
  // True when some object in the type has optional attributes.
  bool HasOptionalAttributes() const;
  // The same type with every optional marker (and default) removed.
  Type WithoutOptionalAttributes() const;

  // "string", "list of string", "map of number", "object", "tuple", "dynamic".
  std::string FriendlyName() const;
  // As FriendlyName, but the dynamic pseudo-type reads "any type" (for "... required" errors).
  std::string FriendlyNameForConstraint() const;
  // HCL type-constraint syntax: `list(string)`, `object({a=number})`, `any`.
  std::string ToTypeExpr() const;

  // cty's JSON type encoding: "string", ["list","string"], ["object",{"a":"number"}],
  // ["object",{...},["opt"]] for optional attributes (defaults are not encoded), "dynamic".
  std::string ToJson() const;
  static Result<Type> FromJson(std::string_view json);

  // Structural equality (optional markers count; defaults compare by raw equality).
  bool Equals(const Type& other) const;
  friend bool operator==(const Type& a, const Type& b) { return a.Equals(b); }
  size_t Hash() const;

  // Internal: the shared immutable node (defined in type.cc).
  struct Node;
  explicit Type(std::shared_ptr<const Node> node) : node_(std::move(node)) {}

 private:
  std::shared_ptr<const Node> node_;
};

struct ObjectAttribute {
  std::string name;
  Type type;
  bool optional = false;
  // For optional attributes: the default applied when the attribute is absent or null.
  std::shared_ptr<const Value> default_value;
};

struct TypeHash {
  size_t operator()(const Type& t) const { return t.Hash(); }
};

}  // namespace fw::hcl
