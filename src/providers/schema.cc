#include "providers/schema.h"

#include <algorithm>

#include "providers/common/ipv4.h"

namespace fw::providers {

Attr Attr::Required(std::string name, hcl::Type type) {
  Attr a;
  a.name = std::move(name);
  a.type = std::move(type);
  a.required = true;
  return a;
}

Attr Attr::Optional(std::string name, hcl::Type type) {
  Attr a;
  a.name = std::move(name);
  a.type = std::move(type);
  a.optional = true;
  return a;
}

Attr Attr::Computed(std::string name, hcl::Type type) {
  Attr a;
  a.name = std::move(name);
  a.type = std::move(type);
  a.computed = true;
  return a;
}

Attr Attr::OptionalComputed(std::string name, hcl::Type type) {
  Attr a = Optional(std::move(name), std::move(type));
  a.computed = true;
  return a;
}

Attr&& Attr::ForceNew() && {
  force_new = true;
  return std::move(*this);
}
Attr&& Attr::Sensitive() && {
  sensitive = true;
  return std::move(*this);
}
Attr&& Attr::Describe(std::string text) && {
  description = std::move(text);
  return std::move(*this);
}
Attr&& Attr::Check(ValueCheck check) && {
  checks.push_back(std::move(check));
  return std::move(*this);
}
Attr&& Attr::Default(hcl::Value v) && {
  default_value = std::make_shared<const hcl::Value>(std::move(v));
  return std::move(*this);
}

Block& Block::Add(Attr a) {
  attributes.push_back(std::move(a));
  return *this;
}

Block& Block::AddBlock(std::string name, Nesting nesting, Block inner, int min_items,
                       int max_items, bool force_new) {
  NestedBlock b;
  b.name = std::move(name);
  b.nesting = nesting;
  b.min_items = min_items;
  b.max_items = max_items;
  b.force_new = force_new;
  b.block = std::make_shared<const Block>(std::move(inner));
  blocks.push_back(std::move(b));
  return *this;
}

const Attr* Block::FindAttribute(std::string_view name) const {
  for (const Attr& a : attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

const NestedBlock* Block::FindBlock(std::string_view name) const {
  for (const NestedBlock& b : blocks) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

hcl::Type Block::ImpliedType() const {
  std::vector<std::pair<std::string, hcl::Type>> attrs;
  attrs.reserve(attributes.size() + blocks.size());
  for (const Attr& a : attributes) attrs.emplace_back(a.name, a.type);
  for (const NestedBlock& b : blocks) {
    hcl::Type inner = b.block->ImpliedType();
    switch (b.nesting) {
      case Nesting::kSingle: attrs.emplace_back(b.name, inner); break;
      case Nesting::kList: attrs.emplace_back(b.name, hcl::Type::List(inner)); break;
      case Nesting::kSet: attrs.emplace_back(b.name, hcl::Type::Set(inner)); break;
    }
  }
  return hcl::Type::Object(std::move(attrs));
}

namespace checks {

namespace {
bool IsNameByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c >= 0x80;  // UTF-8 (Chinese characters are allowed)
}
size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
}  // namespace

ValueCheck StringLength(size_t min, size_t max) {
  return [min, max](const hcl::Value& v) -> std::string {
    size_t n = Utf8Length(v.AsString());
    if (n < min || n > max) {
      return "expected length to be in the range (" + std::to_string(min) + " - " +
             std::to_string(max) + "), got " + std::to_string(n);
    }
    return "";
  };
}

ValueCheck OneOf(std::vector<std::string> allowed) {
  return [allowed = std::move(allowed)](const hcl::Value& v) -> std::string {
    const std::string& s = v.AsString();
    if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) return "";
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : " ") + a;
    return "expected to be one of [" + list + "], got " + s;
  };
}

ValueCheck IntBetween(int64_t min, int64_t max) {
  return [min, max](const hcl::Value& v) -> std::string {
    auto i = v.AsNumber().ToInt64();
    if (!i || *i < min || *i > max) {
      return "expected to be in the range (" + std::to_string(min) + " - " +
             std::to_string(max) + "), got " + v.AsNumber().ToString();
    }
    return "";
  };
}

ValueCheck Cidr() {
  return [](const hcl::Value& v) -> std::string {
    if (ParseIpv4Cidr(v.AsString())) return "";
    return "expected a valid IPv4 network in CIDR notation (e.g. 192.168.0.0/16), got " +
           v.AsString();
  };
}

ValueCheck IpAddress() {
  return [](const hcl::Value& v) -> std::string {
    if (ParseIpv4(v.AsString())) return "";
    return "expected a valid IPv4 address, got " + v.AsString();
  };
}

ValueCheck ResourceName(size_t min, size_t max) {
  return [min, max](const hcl::Value& v) -> std::string {
    const std::string& s = v.AsString();
    size_t n = Utf8Length(s);
    if (n < min || n > max) {
      return "the name must be " + std::to_string(min) + " to " + std::to_string(max) +
             " characters long, got " + std::to_string(n);
    }
    for (unsigned char c : s) {
      if (!IsNameByte(c)) {
        return "the name can contain only letters, digits, underscores (_), hyphens (-) and "
               "periods (.), got " + s;
      }
    }
    return "";
  };
}

}  // namespace checks
}  // namespace fw::providers
