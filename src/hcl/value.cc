#include "hcl/value.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <functional>

#include "hcl/json_text.h"

namespace fw::hcl {

struct Value::Payload {
  std::string str;
  std::vector<Value> elems;
  std::vector<std::string> keys;  // map/object: parallel to elems
};

namespace {
const std::vector<Value>& NoElements() {
  static const std::vector<Value> kEmpty;
  return kEmpty;
}
const std::vector<std::string>& NoKeys() {
  static const std::vector<std::string> kEmpty;
  return kEmpty;
}
size_t Mix(size_t h, size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); }
}  // namespace

// Internal constructor access.
class ValueBuilder {
 public:
  static Value Known(Type type, std::shared_ptr<const Value::Payload> payload) {
    Value v;
    v.type_ = std::move(type);
    v.state_ = Value::State::kKnown;
    v.payload_ = std::move(payload);
    return v;
  }
};

std::string PathToString(const Path& path) {
  std::string out;
  for (const PathStep& step : path) {
    if (!out.empty()) out += ", ";
    switch (step.kind) {
      case PathStep::Kind::kAttribute:
        out += "attribute ";
        json::AppendString(&out, step.name);
        break;
      case PathStep::Kind::kIndex:
        out += "element " + std::to_string(step.index);
        break;
      case PathStep::Kind::kKey:
        out += "element ";
        json::AppendString(&out, step.name);
        break;
    }
  }
  return out;
}

Value::Value() = default;

Value Value::Null(Type type) {
  Value v;
  v.type_ = std::move(type);
  return v;
}

Value Value::Unknown(Type type) {
  Value v;
  v.type_ = std::move(type);
  v.state_ = State::kUnknown;
  return v;
}

Value Value::String(std::string s) {
  auto p = std::make_shared<Payload>();
  p->str = std::move(s);
  return ValueBuilder::Known(Type::String(), std::move(p));
}

Value Value::Num(Number n) {
  Value v;
  v.type_ = Type::Number();
  v.state_ = State::kKnown;
  v.number_ = std::move(n);
  return v;
}

Value Value::Bool(bool b) {
  Value v;
  v.type_ = Type::Bool();
  v.state_ = State::kKnown;
  v.bool_ = b;
  return v;
}

Value Value::List(Type element_type, std::vector<Value> elements) {
#ifndef NDEBUG
  for (const Value& e : elements) assert(e.type().Equals(element_type));
#endif
  auto p = std::make_shared<Payload>();
  p->elems = std::move(elements);
  return ValueBuilder::Known(Type::List(std::move(element_type)), std::move(p));
}

Value Value::Set(Type element_type, std::vector<Value> elements) {
  Marks hoisted = kNoMarks;
  for (Value& e : elements) {
    Marks m;
    if (e.DeepMarks() != kNoMarks) {
      e = e.UnmarkDeep(&m);
      hoisted |= m;
    }
  }
  std::stable_sort(elements.begin(), elements.end(), SetElementLess);
  // Deduplicate known equal neighbours; unknown elements are all kept (each may differ).
  std::vector<Value> out;
  out.reserve(elements.size());
  for (Value& e : elements) {
    if (!out.empty() && e.IsKnown() && out.back().IsWhollyKnown() && e.IsWhollyKnown() &&
        out.back().RawEquals(e)) {
      continue;
    }
    out.push_back(std::move(e));
  }
  auto p = std::make_shared<Payload>();
  p->elems = std::move(out);
  return ValueBuilder::Known(Type::Set(std::move(element_type)), std::move(p)).WithMarks(hoisted);
}

Value Value::Map(Type element_type, std::vector<std::pair<std::string, Value>> entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  auto p = std::make_shared<Payload>();
  for (auto& [k, v] : entries) {
    if (!p->keys.empty() && p->keys.back() == k) {  // duplicate key: the last one wins
      p->elems.back() = std::move(v);
      continue;
    }
    p->keys.push_back(std::move(k));
    p->elems.push_back(std::move(v));
  }
  return ValueBuilder::Known(Type::Map(std::move(element_type)), std::move(p));
}

Value Value::Tuple(std::vector<Value> elements) {
  std::vector<Type> types;
  types.reserve(elements.size());
  for (const Value& e : elements) types.push_back(e.type());
  auto p = std::make_shared<Payload>();
  p->elems = std::move(elements);
  return ValueBuilder::Known(Type::Tuple(std::move(types)), std::move(p));
}

Value Value::Object(std::vector<std::pair<std::string, Value>> attributes) {
  std::stable_sort(attributes.begin(), attributes.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  auto p = std::make_shared<Payload>();
  std::vector<std::pair<std::string, Type>> types;
  for (auto& [k, v] : attributes) {
    if (!p->keys.empty() && p->keys.back() == k) {
      p->elems.back() = std::move(v);
      types.back().second = p->elems.back().type();
      continue;
    }
    types.emplace_back(k, v.type());
    p->keys.push_back(std::move(k));
    p->elems.push_back(std::move(v));
  }
  return ValueBuilder::Known(Type::Object(std::move(types)), std::move(p));
}

bool Value::IsWhollyKnown() const {
  if (state_ == State::kUnknown) return false;
  if (!payload_) return true;
  for (const Value& e : payload_->elems) {
    if (!e.IsWhollyKnown()) return false;
  }
  return true;
}

const std::string& Value::AsString() const {
  static const std::string kEmpty;
  return payload_ ? payload_->str : kEmpty;
}

const std::vector<Value>& Value::Elements() const {
  return payload_ ? payload_->elems : NoElements();
}

const std::vector<std::string>& Value::Keys() const { return payload_ ? payload_->keys : NoKeys(); }

const Value* Value::Get(std::string_view key) const {
  if (!payload_) return nullptr;
  const auto& keys = payload_->keys;
  auto it = std::lower_bound(keys.begin(), keys.end(), key,
                             [](const std::string& a, std::string_view b) { return a < b; });
  if (it == keys.end() || *it != key) return nullptr;
  return &payload_->elems[static_cast<size_t>(it - keys.begin())];
}

Value Value::WithMarks(Marks m) const {
  if ((marks_ | m) == marks_) return *this;
  Value v = *this;
  v.marks_ |= m;
  return v;
}

Value Value::Unmark() const {
  if (marks_ == kNoMarks) return *this;
  Value v = *this;
  v.marks_ = kNoMarks;
  return v;
}

Marks Value::DeepMarks() const {
  Marks m = marks_;
  if (payload_) {
    for (const Value& e : payload_->elems) m |= e.DeepMarks();
  }
  return m;
}

Value Value::UnmarkDeep(Marks* marks) const {
  Marks all = DeepMarks();
  if (marks) *marks = all;
  if (all == kNoMarks) return *this;
  Value v = Unmark();
  if (payload_ && !payload_->elems.empty()) {
    auto p = std::make_shared<Payload>(*payload_);
    for (Value& e : p->elems) e = e.UnmarkDeep();
    v.payload_ = std::move(p);
  }
  return v;
}

static void CollectPathMarks(const Value& v, Path* path, std::vector<PathMarks>* out) {
  if (v.IsMarked()) out->push_back({*path, v.marks()});
  const auto& elems = v.Elements();
  if (elems.empty()) return;
  const Type& t = v.type();
  for (size_t i = 0; i < elems.size(); ++i) {
    PathStep step;
    if (t.IsObject()) {
      step.kind = PathStep::Kind::kAttribute;
      step.name = v.Keys()[i];
    } else if (t.IsMap()) {
      step.kind = PathStep::Kind::kKey;
      step.name = v.Keys()[i];
    } else {
      step.index = static_cast<int64_t>(i);
    }
    path->push_back(std::move(step));
    CollectPathMarks(elems[i], path, out);
    path->pop_back();
  }
}

Value Value::UnmarkDeepWithPaths(std::vector<PathMarks>* paths) const {
  Path path;
  if (paths) CollectPathMarks(*this, &path, paths);
  return UnmarkDeep();
}

static Value MarkAt(const Value& v, const Path& path, size_t depth, Marks marks) {
  if (depth == path.size()) return v.WithMarks(marks);
  const PathStep& step = path[depth];
  const auto& elems = v.Elements();
  size_t idx = elems.size();
  if (step.kind == PathStep::Kind::kIndex) {
    if (step.index >= 0 && static_cast<size_t>(step.index) < elems.size() && !v.type().IsObject() &&
        !v.type().IsMap()) {
      idx = static_cast<size_t>(step.index);
    }
  } else if (v.type().IsObject() || v.type().IsMap()) {
    const Value* e = v.Get(step.name);
    if (e) idx = static_cast<size_t>(e - elems.data());
  }
  if (idx >= elems.size()) return v;
  if (v.type().IsSet()) return v.WithMarks(marks);  // set elements cannot be marked
  std::vector<Value> copy = elems;
  copy[idx] = MarkAt(copy[idx], path, depth + 1, marks);
  const Type& t = v.type();
  Value out;
  if (t.IsList()) {
    out = Value::List(t.ElementType(), std::move(copy));
  } else if (t.IsTuple()) {
    out = Value::Tuple(std::move(copy));
  } else {
    std::vector<std::pair<std::string, Value>> entries;
    for (size_t i = 0; i < copy.size(); ++i) entries.emplace_back(v.Keys()[i], std::move(copy[i]));
    out = t.IsMap() ? Value::Map(t.ElementType(), std::move(entries))
                    : Value::Object(std::move(entries));
  }
  return out.WithMarks(v.marks());
}

Value Value::MarkWithPaths(const std::vector<PathMarks>& paths) const {
  Value v = *this;
  for (const PathMarks& pm : paths) v = MarkAt(v, pm.path, 0, pm.marks);
  return v;
}

Value Value::Equals(const Value& other) const {
  Marks m = marks_ | other.marks_;
  if (!IsKnown() || !other.IsKnown()) return Unknown(Type::Bool()).WithMarks(m);
  if (IsNull() || other.IsNull()) return Bool(IsNull() && other.IsNull()).WithMarks(m);
  const Type& t = type_;
  if (!t.Equals(other.type_)) return Bool(false).WithMarks(m);
  switch (t.kind()) {
    case TypeKind::kString:
      return Bool(AsString() == other.AsString()).WithMarks(m);
    case TypeKind::kNumber:
      return Bool(number_ == other.number_).WithMarks(m);
    case TypeKind::kBool:
      return Bool(bool_ == other.bool_).WithMarks(m);
    case TypeKind::kDynamic:
      return Unknown(Type::Bool()).WithMarks(m);
    default:
      break;
  }
  const auto& a = Elements();
  const auto& b = other.Elements();
  if (a.size() != b.size()) return Bool(false).WithMarks(m);
  if (t.IsSet() && (!IsWhollyKnown() || !other.IsWhollyKnown())) {
    return Unknown(Type::Bool()).WithMarks(m);
  }
  if ((t.IsMap()) && Keys() != other.Keys()) return Bool(false).WithMarks(m);
  bool unknown = false;
  for (size_t i = 0; i < a.size(); ++i) {
    Value eq = a[i].Equals(b[i]);
    m |= eq.marks();
    if (!eq.IsKnown()) {
      unknown = true;
    } else if (!eq.AsBool()) {
      return Bool(false).WithMarks(m);
    }
  }
  if (unknown) return Unknown(Type::Bool()).WithMarks(m);
  return Bool(true).WithMarks(m);
}

bool Value::RawEquals(const Value& other) const {
  if (state_ != other.state_ || marks_ != other.marks_ || !type_.Equals(other.type_)) return false;
  if (state_ != State::kKnown) return true;
  switch (type_.kind()) {
    case TypeKind::kString:
      return AsString() == other.AsString();
    case TypeKind::kNumber:
      return number_ == other.number_;
    case TypeKind::kBool:
      return bool_ == other.bool_;
    default:
      break;
  }
  if (payload_ == other.payload_) return true;
  const auto& a = Elements();
  const auto& b = other.Elements();
  if (a.size() != b.size() || Keys() != other.Keys()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a[i].RawEquals(b[i])) return false;
  }
  return true;
}

size_t Value::Hash() const {
  size_t h = Mix(type_.Hash(), static_cast<size_t>(state_));
  if (state_ != State::kKnown) return h;
  switch (type_.kind()) {
    case TypeKind::kString:
      return Mix(h, std::hash<std::string>()(AsString()));
    case TypeKind::kNumber:
      return Mix(h, number_.Hash());
    case TypeKind::kBool:
      return Mix(h, bool_ ? 1 : 2);
    default:
      break;
  }
  for (const std::string& k : Keys()) h = Mix(h, std::hash<std::string>()(k));
  for (const Value& e : Elements()) h = Mix(h, e.Hash());
  return h;
}

// cty's canonical encoding of a set element, used to order elements that are not primitives.
static void AppendSetKey(const Value& v, std::string* out, bool exact) {
  if (!v.IsKnown()) {
    out->push_back('?');
    return;
  }
  if (v.IsNull()) {
    out->push_back('~');
    return;
  }
  const Type& t = v.type();
  switch (t.kind()) {
    case TypeKind::kNumber: {
      const Number& n = v.AsNumber();
      if (exact) {
        out->append(n.ToString());
      } else if (n.IsInfinite()) {
        out->append(n.Sign() > 0 ? "+Inf" : "-Inf");
      } else {
        // cty writes numbers with Go's %g at 10 significant digits.
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.10g", n.ToDouble());
        out->append(buf);
      }
      return;
    }
    case TypeKind::kBool:
      out->push_back(v.AsBool() ? 'T' : 'F');
      return;
    case TypeKind::kString:
      json::AppendString(out, v.AsString());
      return;
    default:
      break;
  }
  const auto& elems = v.Elements();
  if (t.IsMap()) {
    out->push_back('{');
    for (size_t i = 0; i < elems.size(); ++i) {
      json::AppendString(out, v.Keys()[i]);
      out->push_back(':');
      AppendSetKey(elems[i], out, exact);
      out->push_back(';');
    }
    out->push_back('}');
    return;
  }
  bool structural = t.IsObject() || t.IsTuple();
  out->push_back(structural ? '<' : '[');
  for (const Value& e : elems) {
    AppendSetKey(e, out, exact);
    out->push_back(';');
  }
  out->push_back(structural ? '>' : ']');
}

bool SetElementLess(const Value& a, const Value& b) {
  // Non-null before null, known before unknown.
  if (a.IsKnown() != b.IsKnown()) return a.IsKnown();
  if (!a.IsKnown()) return false;
  if (a.IsNull() != b.IsNull()) return !a.IsNull();
  if (a.IsNull()) return false;
  switch (a.type().kind()) {
    case TypeKind::kString:
      return a.AsString() < b.AsString();
    case TypeKind::kNumber:
      return a.AsNumber() < b.AsNumber();
    case TypeKind::kBool:
      return !a.AsBool() && b.AsBool();
    default: {
      std::string ka, kb;
      AppendSetKey(a, &ka, false);
      AppendSetKey(b, &kb, false);
      if (ka != kb) return ka < kb;
      // cty's key rounds numbers; break ties exactly so that equal values end up adjacent.
      ka.clear();
      kb.clear();
      AppendSetKey(a, &ka, true);
      AppendSetKey(b, &kb, true);
      return ka < kb;
    }
  }
}

std::string Value::DebugString() const {
  std::string out;
  if (IsMarked()) out += HasMark(kSensitive) ? "sensitive(" : "marked(";
  if (!IsKnown()) {
    out += "(known after apply)";
  } else if (IsNull()) {
    out += "null";
  } else {
    switch (type_.kind()) {
      case TypeKind::kString:
        json::AppendString(&out, AsString());
        break;
      case TypeKind::kNumber:
        out += number_.ToString();
        break;
      case TypeKind::kBool:
        out += bool_ ? "true" : "false";
        break;
      case TypeKind::kMap:
      case TypeKind::kObject: {
        out += '{';
        for (size_t i = 0; i < Elements().size(); ++i) {
          if (i) out += ", ";
          json::AppendString(&out, Keys()[i]);
          out += " = " + Elements()[i].DebugString();
        }
        out += '}';
        break;
      }
      default: {
        out += '[';
        for (size_t i = 0; i < Elements().size(); ++i) {
          if (i) out += ", ";
          out += Elements()[i].DebugString();
        }
        out += ']';
      }
    }
  }
  if (IsMarked()) out += ')';
  return out;
}

}  // namespace fw::hcl
