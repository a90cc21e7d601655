#include "hcl/functions/string_test_notation.h"

#include <utility>

#include "hcl/convert.h"
#include "hcl/functions/function.h"
#include "hcl/functions/string_common.h"

namespace fw::hcl::test_util {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  void SkipSpace() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t')) ++p_;
  }
  bool Eat(char c) {
    SkipSpace();
    if (p_ < s_.size() && s_[p_] == c) {
      ++p_;
      return true;
    }
    return false;
  }
  Status Expect(char c) {
    if (Eat(c)) return Status::Ok();
    return InvalidArgument(std::string("expected '") + c + "' at " + std::to_string(p_) + " in " +
                           std::string(s_));
  }
  std::string Word() {
    SkipSpace();
    size_t start = p_;
    while (p_ < s_.size() && (isalnum(static_cast<unsigned char>(s_[p_])) || s_[p_] == '_')) ++p_;
    return std::string(s_.substr(start, p_ - start));
  }
  bool AtEnd() {
    SkipSpace();
    return p_ >= s_.size();
  }
  size_t pos() const { return p_; }

  Result<Type> ParseType() {
    std::string w = Word();
    if (w == "string") return Type::String();
    if (w == "number") return Type::Number();
    if (w == "bool") return Type::Bool();
    if (w == "any") return Type::Dynamic();
    if (w == "list" || w == "set" || w == "map") {
      FW_RETURN_IF_ERROR(Expect('('));
      FW_ASSIGN_OR_RETURN(Type e, ParseType());
      FW_RETURN_IF_ERROR(Expect(')'));
      return w == "list" ? Type::List(e) : w == "set" ? Type::Set(e) : Type::Map(e);
    }
    if (w == "tuple") {
      FW_RETURN_IF_ERROR(Expect('('));
      FW_RETURN_IF_ERROR(Expect('['));
      std::vector<Type> elems;
      while (!Eat(']')) {
        if (!elems.empty()) FW_RETURN_IF_ERROR(Expect(','));
        FW_ASSIGN_OR_RETURN(Type e, ParseType());
        elems.push_back(std::move(e));
      }
      FW_RETURN_IF_ERROR(Expect(')'));
      return Type::Tuple(std::move(elems));
    }
    if (w == "object") {
      FW_RETURN_IF_ERROR(Expect('('));
      FW_RETURN_IF_ERROR(Expect('{'));
      std::vector<std::pair<std::string, Type>> attrs;
      while (!Eat('}')) {
        if (!attrs.empty()) FW_RETURN_IF_ERROR(Expect(','));
        std::string name = Word();
        FW_RETURN_IF_ERROR(Expect('='));
        FW_ASSIGN_OR_RETURN(Type t, ParseType());
        attrs.push_back({std::move(name), std::move(t)});
      }
      FW_RETURN_IF_ERROR(Expect(')'));
      return Type::Object(std::move(attrs));
    }
    return InvalidArgument("bad type '" + w + "' in " + std::string(s_));
  }

  Result<std::string> ParseString() {
    FW_RETURN_IF_ERROR(Expect('"'));
    std::string out;
    while (p_ < s_.size() && s_[p_] != '"') {
      char c = s_[p_++];
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (p_ >= s_.size()) break;
      char e = s_[p_++];
      switch (e) {
        case 'n':
          out.push_back('\n');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 'u': {
          uint32_t cp =
              static_cast<uint32_t>(std::stoul(std::string(s_.substr(p_, 4)), nullptr, 16));
          p_ += 4;
          functions_internal::AppendUtf8(&out, cp);
          break;
        }
        default:
          out.push_back(e);
      }
    }
    FW_RETURN_IF_ERROR(Expect('"'));
    return out;
  }

  Result<Value> ParseValue() {
    SkipSpace();
    if (p_ >= s_.size()) return InvalidArgument("value expected in " + std::string(s_));
    char c = s_[p_];
    if (c == '"') {
      FW_ASSIGN_OR_RETURN(std::string s, ParseString());
      return Value::String(std::move(s));
    }
    if (c == '-' || isdigit(static_cast<unsigned char>(c))) {
      size_t start = p_++;
      while (p_ < s_.size() &&
             (isalnum(static_cast<unsigned char>(s_[p_])) || s_[p_] == '.' ||
              ((s_[p_] == '-' || s_[p_] == '+') && (s_[p_ - 1] == 'e' || s_[p_ - 1] == 'E')))) {
        ++p_;
      }
      FW_ASSIGN_OR_RETURN(Number n, Number::ParseString(s_.substr(start, p_ - start)));
      return Value::Num(std::move(n));
    }
    if (c == '[') {
      ++p_;
      std::vector<Value> elems;
      while (!Eat(']')) {
        if (!elems.empty()) FW_RETURN_IF_ERROR(Expect(','));
        FW_ASSIGN_OR_RETURN(Value v, ParseValue());
        elems.push_back(std::move(v));
      }
      return Value::Tuple(std::move(elems));
    }
    if (c == '{') {
      ++p_;
      std::vector<std::pair<std::string, Value>> attrs;
      while (!Eat('}')) {
        if (!attrs.empty()) FW_RETURN_IF_ERROR(Expect(','));
        FW_ASSIGN_OR_RETURN(std::string k, ParseString());
        FW_RETURN_IF_ERROR(Expect(':'));
        FW_ASSIGN_OR_RETURN(Value v, ParseValue());
        attrs.push_back({std::move(k), std::move(v)});
      }
      return Value::Object(std::move(attrs));
    }
    std::string w = Word();
    if (w == "true" || w == "false") return Value::Bool(w == "true");
    if (w == "dynamic") return Value::DynamicUnknown();
    if (w == "null" && !Eat('(')) return Value();
    if (w == "null" || w == "unknown") {
      if (w == "unknown") FW_RETURN_IF_ERROR(Expect('('));
      FW_ASSIGN_OR_RETURN(Type t, ParseType());
      FW_RETURN_IF_ERROR(Expect(')'));
      return w == "null" ? Value::Null(t) : Value::Unknown(t);
    }
    if (w == "sensitive") {
      FW_RETURN_IF_ERROR(Expect('('));
      FW_ASSIGN_OR_RETURN(Value v, ParseValue());
      FW_RETURN_IF_ERROR(Expect(')'));
      return v.WithMarks(kSensitive);
    }
    if (w == "as") {
      FW_RETURN_IF_ERROR(Expect('('));
      FW_ASSIGN_OR_RETURN(Type t, ParseType());
      FW_RETURN_IF_ERROR(Expect(','));
      FW_ASSIGN_OR_RETURN(Value v, ParseValue());
      FW_RETURN_IF_ERROR(Expect(')'));
      return Convert(v, t);
    }
    return InvalidArgument("bad value '" + w + "' at " + std::to_string(p_) + " in " +
                           std::string(s_));
  }

 private:
  std::string_view s_;
  size_t p_ = 0;
};

std::string QuoteString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

}  // namespace

Result<Value> ParseValue(std::string_view text) {
  Parser p(text);
  FW_ASSIGN_OR_RETURN(Value v, p.ParseValue());
  if (!p.AtEnd()) return InvalidArgument("trailing text in " + std::string(text));
  return v;
}

Result<Type> ParseType(std::string_view text) {
  Parser p(text);
  return p.ParseType();
}

std::string RenderValue(const Value& v) {
  if (v.IsMarked()) {
    std::string inner = RenderValue(v.Unmark());
    if (v.HasMark(kEphemeral)) inner = "ephemeral(" + inner + ")";
    if (v.HasMark(kSensitive)) inner = "sensitive(" + inner + ")";
    return inner;
  }
  if (v.IsNull()) return "null";
  if (!v.IsKnown()) return "unknown";
  const Type& t = v.type();
  switch (t.kind()) {
    case TypeKind::kString:
      return QuoteString(v.AsString());
    case TypeKind::kNumber:
      return v.AsNumber().ToString();
    case TypeKind::kBool:
      return v.AsBool() ? "true" : "false";
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple: {
      std::string out = "[";
      for (size_t i = 0; i < v.Elements().size(); ++i) {
        if (i) out += ", ";
        out += RenderValue(v.Elements()[i]);
      }
      return out + "]";
    }
    case TypeKind::kMap:
    case TypeKind::kObject: {
      std::string out = "{";
      for (size_t i = 0; i < v.Keys().size(); ++i) {
        if (i) out += ", ";
        out += QuoteString(v.Keys()[i]) + ": " + RenderValue(v.Elements()[i]);
      }
      return out + "}";
    }
    case TypeKind::kDynamic:
      break;
  }
  return "?";
}

std::string Render(const Value& v) { return v.type().ToTypeExpr() + " " + RenderValue(v); }

Result<Value> CallFunction(std::string_view name, std::vector<Value> args, int* error_arg) {
  const FunctionSpec* spec = FunctionRegistry::Builtins().Find(name);
  if (!spec) return NotFound("no function " + std::string(name));
  return Call(*spec, std::move(args), error_arg);
}

std::string RunCase(std::string_view call) {
  size_t open = call.find('(');
  if (open == std::string_view::npos || call.back() != ')') return "bad case";
  std::string name(call.substr(0, open));
  Parser p(call.substr(open + 1, call.size() - open - 2));
  std::vector<Value> args;
  while (!p.AtEnd()) {
    if (!args.empty()) {
      Status s = p.Expect(',');
      if (!s.ok()) return "bad args: " + s.message();
    }
    auto v = p.ParseValue();
    if (!v.ok()) return "bad args: " + v.status().message();
    args.push_back(std::move(v).value());
  }
  auto r = CallFunction(name, std::move(args));
  if (!r.ok()) return "error: " + r.status().message();
  return Render(*r);
}

}  // namespace fw::hcl::test_util
