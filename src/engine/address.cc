// Instance addresses, instance state helpers and State lookups (state.h).
#include <cctype>

#include "engine/state.h"
#include "hcl/parser.h"

namespace fw::engine {
namespace {

std::string QuoteKey(const std::string& s) {
  std::string out = "[\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"]";
}

// Reads `name` of identifier characters at `pos`.
bool ReadName(std::string_view text, size_t& pos, std::string* out) {
  size_t start = pos;
  while (pos < text.size() && (std::isalnum(static_cast<unsigned char>(text[pos])) ||
                               text[pos] == '_' || text[pos] == '-')) {
    ++pos;
  }
  if (pos == start) return false;
  *out = std::string(text.substr(start, pos - start));
  return true;
}

// Reads an optional `[0]` or `["k"]` at `pos` into `*key` (null when absent).
bool ReadKey(std::string_view text, size_t& pos, hcl::Value* key, std::string* raw) {
  *key = hcl::Value();
  if (pos >= text.size() || text[pos] != '[') return true;
  size_t start = pos++;
  if (pos < text.size() && text[pos] == '"') {
    std::string s;
    ++pos;
    while (pos < text.size() && text[pos] != '"') {
      if (text[pos] == '\\' && pos + 1 < text.size()) ++pos;
      s += text[pos++];
    }
    if (pos >= text.size()) return false;
    ++pos;
    *key = hcl::Value::String(s);
  } else {
    size_t ns = pos;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
    if (ns == pos) return false;
    *key = hcl::Value::Int(std::stoll(std::string(text.substr(ns, pos - ns))));
  }
  if (pos >= text.size() || text[pos] != ']') return false;
  ++pos;
  if (raw) *raw = std::string(text.substr(start, pos - start));
  return true;
}

}  // namespace

std::string KeyString(const hcl::Value& key) {
  if (key.IsNull() || !key.IsKnown()) return "";
  if (key.type() == hcl::Type::String()) return QuoteKey(key.AsString());
  return "[" + key.AsNumber().ToString() + "]";
}

std::string InstanceAddress::ResourceAddress() const {
  std::string out;
  out.reserve(module.size() + type.size() + name.size() + 8);
  if (!module.empty()) out += module + ".";
  if (data) out += "data.";
  out += type;
  out += '.';
  out += name;
  return out;
}

std::string InstanceAddress::String() const { return ResourceAddress() + KeyString(key); }

Result<InstanceAddress> InstanceAddress::Parse(std::string_view text) {
  InstanceAddress a;
  size_t pos = 0;
  auto bad = [&] { return InvalidArgument("Invalid resource address \"" + std::string(text) + "\""); };
  while (text.substr(pos, 7) == "module.") {
    pos += 7;
    std::string name, raw;
    hcl::Value key;
    if (!ReadName(text, pos, &name) || !ReadKey(text, pos, &key, &raw)) return bad();
    if (!a.module.empty()) a.module += ".";
    a.module += "module." + name + raw;
    if (pos >= text.size() || text[pos] != '.') return bad();
    ++pos;
  }
  if (text.substr(pos, 5) == "data.") {
    a.data = true;
    pos += 5;
  }
  if (!ReadName(text, pos, &a.type)) return bad();
  if (pos >= text.size() || text[pos] != '.') return bad();
  ++pos;
  if (!ReadName(text, pos, &a.name)) return bad();
  if (!ReadKey(text, pos, &a.key, nullptr) || pos != text.size()) return bad();
  return a;
}

std::string InstanceState::Id() const {
  const hcl::Value* id = attributes.IsKnown() && !attributes.IsNull() &&
                                 attributes.type().IsObject()
                             ? attributes.Get("id")
                             : nullptr;
  if (!id || id->IsNull() || !id->IsKnown() || id->type() != hcl::Type::String()) return "";
  return id->AsString();
}

hcl::Value InstanceState::MarkedAttributes() const {
  if (sensitive_paths.empty()) return attributes;
  std::vector<hcl::PathMarks> marks;
  marks.reserve(sensitive_paths.size());
  for (const hcl::Path& p : sensitive_paths) marks.push_back({p, hcl::kSensitive});
  return attributes.MarkWithPaths(marks);
}

const InstanceState* State::Find(const std::string& address) const {
  auto it = instances.find(address);
  return it == instances.end() ? nullptr : &it->second;
}

}  // namespace fw::engine
