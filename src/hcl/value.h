// Value: a Terraform-language value (what cty.Value is for Terraform).
//
// Every value has a Type and is one of: null (typed), unknown ("known after apply"; of a known
// type or of the dynamic pseudo-type), or known. Known collections hold elements: lists and
// tuples in order, sets deduplicated and ordered as cty orders them (strings bytewise, numbers
// numerically, false before true, other kinds by their canonical encoding; unknown elements
// last), maps and objects ordered by key.
//
// Marks (`sensitive`, `ephemeral`) sit on a value; elements of collections may carry their own.
// A value derived from marked values carries their marks (the operations in this module and
// function::Call do this). Sets cannot hold marked elements: marks of set elements move to the
// set itself, as in cty.
//
// Values are immutable and cheap to copy: strings and elements live in a shared immutable
// payload, numbers up to int64 are inline.
// Thread-safety: immutable; safe to share across threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hcl/number.h"
#include "hcl/type.h"

namespace fw::hcl {

// A bit set of marks.
using Marks = uint8_t;
inline constexpr Marks kNoMarks = 0;
inline constexpr Marks kSensitive = 1;
inline constexpr Marks kEphemeral = 2;

// One step of a path into a value: an attribute name, or an index/key.
struct PathStep {
  enum class Kind : uint8_t { kAttribute, kIndex, kKey };
  Kind kind = Kind::kIndex;
  std::string name;   // kAttribute, kKey
  int64_t index = 0;  // kIndex
  friend bool operator==(const PathStep&, const PathStep&) = default;
};
using Path = std::vector<PathStep>;
// `element 2`, `attribute "x"`, `element "k"` for error messages; joined by ", ".
std::string PathToString(const Path& path);

struct PathMarks {
  Path path;
  Marks marks = kNoMarks;
};

class Value {
 public:
  Value();  // null of the dynamic pseudo-type
  static Value Null(Type type);
  static Value Unknown(Type type);
  static Value DynamicUnknown() { return Unknown(Type::Dynamic()); }

  static Value String(std::string s);
  static Value Num(Number n);
  static Value Int(int64_t v) { return Num(Number(v)); }
  static Value Bool(bool b);
  static Value True() { return Bool(true); }
  static Value False() { return Bool(false); }

  // Collections. Precondition (checked in debug builds): each element's type equals
  // `element_type`; convert first (Convert, UnifyTypes) when it may not.
  static Value List(Type element_type, std::vector<Value> elements);
  static Value Set(Type element_type, std::vector<Value> elements);  // dedupes and orders
  static Value Map(Type element_type, std::vector<std::pair<std::string, Value>> entries);
  static Value Tuple(std::vector<Value> elements);
  static Value Object(std::vector<std::pair<std::string, Value>> attributes);
  static Value EmptyObject() { return Object({}); }
  static Value EmptyTuple() { return Tuple({}); }

  const Type& type() const { return type_; }
  bool IsNull() const { return state_ == State::kNull; }
  bool IsKnown() const { return state_ != State::kUnknown; }
  // Known, and every nested element known.
  bool IsWhollyKnown() const;

  // Accessors for known, non-null values of the matching type.
  const std::string& AsString() const;
  const Number& AsNumber() const { return number_; }
  bool AsBool() const { return bool_; }

  // list/set/tuple: the elements; map/object: the values, in key order.
  const std::vector<Value>& Elements() const;
  // map: the keys (sorted); object: the attribute names (sorted). Parallel to Elements().
  const std::vector<std::string>& Keys() const;
  size_t Length() const { return Elements().size(); }
  // object attribute or map element by name; nullptr when absent.
  const Value* Get(std::string_view key) const;

  // Marks on this value itself.
  Marks marks() const { return marks_; }
  bool IsMarked() const { return marks_ != kNoMarks; }
  bool HasMark(Marks m) const { return (marks_ & m) != 0; }
  Value WithMarks(Marks m) const;  // adds marks
  Value Unmark() const;            // removes this value's own marks
  // Marks anywhere in the value, nested elements included.
  Marks DeepMarks() const;
  bool IsSensitiveDeep() const { return (DeepMarks() & kSensitive) != 0; }
  // The value with every mark removed, nested ones included; `marks` (optional) gets the union.
  Value UnmarkDeep(Marks* marks = nullptr) const;
  // As UnmarkDeep, reporting where each mark was (for state's sensitive_attributes).
  Value UnmarkDeepWithPaths(std::vector<PathMarks>* paths) const;
  // Re-applies marks at paths (inverse of UnmarkDeepWithPaths); steps that do not exist are
  // ignored.
  Value MarkWithPaths(const std::vector<PathMarks>& paths) const;

  // Terraform's ==: an unknown bool when either side (or a compared element) is unknown; null
  // equals null; values of different types are not equal. Marks of both sides propagate.
  Value Equals(const Value& other) const;
  // Exact structural identity (types, nullness, unknowns, marks): for tests and caches.
  bool RawEquals(const Value& other) const;
  // Consistent with RawEquals (marks ignored).
  size_t Hash() const;

  // A short debugging rendering in HCL-ish syntax: `"a"`, `1.5`, `["x", (known after apply)]`,
  // `(sensitive value)` is NOT applied: marks are shown as `sensitive(...)`.
  std::string DebugString() const;

  struct Payload;

 private:
  enum class State : uint8_t { kNull, kUnknown, kKnown };
  friend class ValueBuilder;

  Type type_;
  State state_ = State::kNull;
  Marks marks_ = kNoMarks;
  bool bool_ = false;
  Number number_;
  std::shared_ptr<const Payload> payload_;
};

// cty's set ordering: true when a sorts before b (elements of one set, same type).
bool SetElementLess(const Value& a, const Value& b);

}  // namespace fw::hcl
