// Collection functions, basic family: length, coalesce.
#include <string>

#include "hcl/convert.h"
#include "hcl/functions/function.h"

namespace fw::hcl {
namespace {

// Counts user-perceived characters approximately: code points that are not combining marks.
int64_t CountCharacters(const std::string& s) {
  int64_t n = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    uint32_t cp = c;
    if (len > 1 && i + len <= s.size()) {
      cp = c & (0xFF >> (len + 1));
      for (size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    } else {
      len = 1;
    }
    i += len;
    bool combining = (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
                     (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
                     (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200D ||
                     (cp >= 0xFE00 && cp <= 0xFE0F);
    if (!combining) ++n;
  }
  return n;
}

Result<Value> Length(const std::vector<Value>& args, const Type&) {
  const Value& v = args[0];
  const Type& t = v.type();
  // Structural types know their length even when the value is unknown.
  if (t.IsTuple()) return Value::Int(static_cast<int64_t>(t.TupleElements().size()));
  if (t.IsObject()) return Value::Int(static_cast<int64_t>(t.Attributes().size()));
  if (!v.IsKnown()) return Value::Unknown(Type::Number());
  if (t.kind() == TypeKind::kString) return Value::Int(CountCharacters(v.AsString()));
  if (t.IsCollection()) {
    if (t.IsSet() && !v.IsWhollyKnown()) return Value::Unknown(Type::Number());
    return Value::Int(static_cast<int64_t>(v.Length()));
  }
  return InvalidArgument(
      "Invalid value for \"value\" parameter: argument must be a string, a "
      "collection type, or a structural type.");
}

}  // namespace

void RegisterCollectionBasicFunctions(FunctionRegistry* registry) {
  registry->Register(FunctionSpec{
      .name = "length",
      .description = "Returns the total number of elements in a collection, or characters in a "
                     "string.",
      .params = {Parameter{.name = "value",
                           .type = Type::Dynamic(),
                           .allow_unknown = true,
                           .allow_dynamic = true,
                           .allow_marked = false}},
      .variadic = std::nullopt,
      .return_type = [](const std::vector<Value>& args) -> Result<Type> {
        const Type& t = args[0].type();
        if (t.IsDynamic() || t.IsCollection() || t.IsStructural() ||
            t.kind() == TypeKind::kString) {
          return Type::Number();
        }
        return InvalidArgument(
            "Invalid value for \"value\" parameter: argument must be a string, "
            "a collection type, or a structural type.");
      },
      .impl = Length,
  });

  registry->Register(FunctionSpec{
      .name = "coalesce",
      .description = "Returns the first of the given arguments that isn't null, or raises an "
                     "error if there are no non-null arguments.",
      .params = {},
      .variadic = Parameter{.name = "vals",
                            .type = Type::Dynamic(),
                            .allow_null = true,
                            .allow_unknown = true,
                            .allow_dynamic = true},
      .return_type = [](const std::vector<Value>& args) -> Result<Type> {
        std::vector<Type> types;
        for (const Value& a : args) types.push_back(a.type());
        auto u = UnifyTypes(types);
        if (!u) return InvalidArgument("all arguments must have the same type");
        return *u;
      },
      .impl = [](const std::vector<Value>& args, const Type& ret) -> Result<Value> {
        for (const Value& a : args) {
          FW_ASSIGN_OR_RETURN(Value v, Convert(a, ret));
          if (!v.IsKnown()) return Value::Unknown(ret);
          if (v.IsNull()) continue;
          if (v.type().kind() == TypeKind::kString && v.AsString().empty()) continue;
          return v;
        }
        return InvalidArgument("no non-null, non-empty-string arguments");
      },
  });
}

}  // namespace fw::hcl
