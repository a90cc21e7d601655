#include "cli/output_values.h"

#include "hcl/diagnostics.h"

namespace fw::cli {

namespace {

std::string Quoted(const std::string& s) {
  std::string out;
  hcl::AppendJsonString(out, s);
  return out;
}

}  // namespace

std::string FormatOutputValue(const hcl::Value& value, int indent) {
  if (value.IsSensitiveDeep()) return "<sensitive>";
  if (!value.IsKnown()) return "(known after apply)";
  if (value.IsNull()) return "null";
  const hcl::Type& t = value.type();
  if (t == hcl::Type::String()) return Quoted(value.AsString());
  if (t == hcl::Type::Number()) return value.AsNumber().ToString();
  if (t == hcl::Type::Bool()) return value.AsBool() ? "true" : "false";
  const std::string pad(static_cast<size_t>(indent) + 2, ' ');
  const std::string close_pad(static_cast<size_t>(indent), ' ');
  if (t.IsList() || t.IsSet() || t.IsTuple()) {
    if (value.Length() == 0) return "[]";
    std::string out = "[\n";
    for (const hcl::Value& e : value.Elements()) {
      out += pad + FormatOutputValue(e, indent + 2) + ",\n";
    }
    return out + close_pad + "]";
  }
  if (t.IsMap() || t.IsObject()) {
    if (value.Length() == 0) return "{}";
    std::string out = "{\n";
    for (size_t i = 0; i < value.Length(); ++i) {
      out += pad + Quoted(value.Keys()[i]) + " = " +
             FormatOutputValue(value.Elements()[i], indent + 2) + "\n";
    }
    return out + close_pad + "}";
  }
  return value.DebugString();
}

std::string FormatOutputs(const std::map<std::string, engine::OutputState>& outputs) {
  if (outputs.empty()) return "";
  std::string out = "\nOutputs:\n\n";
  for (const auto& [name, output] : outputs) {
    out += name + " = " + (output.sensitive ? "<sensitive>" : FormatOutputValue(output.value)) +
           "\n";
  }
  return out;
}

}  // namespace fw::cli
