// Shared pieces of the RFS response bodies.
#include "api/rfs/json_parts.h"

#include <cmath>
#include <cstdio>

namespace fw::api::rfs {

void WritePageInfo(JsonWriter& w, const stacks::PageInfo& p) {
  w.Key("page_info").BeginObject();
  WriteOptional(w, "next_marker", p.next_marker);
  WriteOptional(w, "previous_marker", p.previous_marker);
  w.Key("current_count").Int(p.current_count);
  w.EndObject();
}

void WriteVarsStructure(JsonWriter& w, const std::vector<stacks::VarStructure>& vars) {
  if (vars.empty()) return;
  w.Key("vars_structure").BeginArray();
  for (const auto& v : vars) {
    w.BeginObject().Key("var_key").String(v.var_key).Key("var_value").String(v.var_value);
    if (v.encryption) {
      w.Key("encryption").BeginObject().Key("kms").BeginObject();
      w.Key("id").String(v.encryption->id).Key("cipher_text").String(v.encryption->cipher_text);
      w.EndObject().EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
}

void WriteOptional(JsonWriter& w, std::string_view key, const std::optional<std::string>& v) {
  if (v) w.Key(key).String(*v);
}

void WriteNonEmpty(JsonWriter& w, std::string_view key, const std::string& v) {
  if (!v.empty()) w.Key(key).String(v);
}

void WriteDecimal(JsonWriter& w, double v) {
  if (!std::isfinite(v)) {
    w.Int(0);
    return;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s(buf);
  // "12.50" → "12.5", "3.00" → "3" (still a JSON number; SDKs read it as a float).
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    bool dot = s.back() == '.';
    s.pop_back();
    if (dot) break;
  }
  w.Raw(s);
}

}  // namespace fw::api::rfs
