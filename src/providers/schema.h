// The schema of a resource or data-source type: its attributes (required, optional, computed,
// force-new, sensitive, with value checks) and nested blocks, as the public Huawei Cloud
// Terraform provider documents them. The engine decodes a resource's configuration body against
// it into one object value, and plans with it (force-new attributes make a change a replacement;
// computed attributes the configuration leaves unset are "known after apply").
//
//   Block b;
//   b.Add(Attr::Required("name", Type::String()).ForceNew());
//   b.Add(Attr::Optional("cidr", Type::String()).Check(CheckCidr));
//   b.Add(Attr::Computed("id", Type::String()));
//   b.AddBlock("tags_block", Nesting::kList, std::move(inner));
//
// Thread-safety: immutable after construction (types build their schema once).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "hcl/type.h"
#include "hcl/value.h"

namespace fw::providers {

// Returns an error message for a known, non-null value the type refuses; empty when fine.
using ValueCheck = std::function<std::string(const hcl::Value&)>;

struct Attr {
  std::string name;
  hcl::Type type;
  bool required = false;
  bool optional = false;
  bool computed = false;
  bool force_new = false;
  bool sensitive = false;
  std::string description;
  std::vector<ValueCheck> checks;
  // The value an optional, non-computed attribute takes when the configuration leaves it unset
  // (the provider's documented default); null when none.
  std::shared_ptr<const hcl::Value> default_value;

  static Attr Required(std::string name, hcl::Type type);
  static Attr Optional(std::string name, hcl::Type type);
  static Attr Computed(std::string name, hcl::Type type);
  // Optional: the provider computes it when the configuration leaves it unset.
  static Attr OptionalComputed(std::string name, hcl::Type type);

  Attr&& ForceNew() &&;
  Attr&& Sensitive() &&;
  Attr&& Describe(std::string text) &&;
  Attr&& Check(ValueCheck check) &&;
  Attr&& Default(hcl::Value v) &&;
};

enum class Nesting { kSingle, kList, kSet };

struct Block;

struct NestedBlock {
  std::string name;
  Nesting nesting = Nesting::kList;
  int min_items = 0;
  int max_items = 0;  // 0: no limit
  bool force_new = false;
  std::shared_ptr<const Block> block;
};

struct Block {
  std::vector<Attr> attributes;
  std::vector<NestedBlock> blocks;

  Block& Add(Attr a);
  Block& AddBlock(std::string name, Nesting nesting, Block inner, int min_items = 0,
                  int max_items = 0, bool force_new = false);
  const Attr* FindAttribute(std::string_view name) const;
  const NestedBlock* FindBlock(std::string_view name) const;

  // The object type of a decoded body: attributes by their type; kList blocks as list(object),
  // kSet as set(object), kSingle as object (null when absent).
  hcl::Type ImpliedType() const;
};

struct Schema {
  Block block;
  int version = 0;
};

// Common value checks, with the messages the real provider gives.
namespace checks {
ValueCheck StringLength(size_t min, size_t max);
ValueCheck OneOf(std::vector<std::string> allowed);
ValueCheck IntBetween(int64_t min, int64_t max);
ValueCheck Cidr();  // "192.168.0.0/16": an IPv4 network in CIDR notation
ValueCheck IpAddress();
// Letters, digits, '_', '-' and '.' (and Chinese characters where the real cloud allows them),
// `min`..`max` characters: the naming rule most Huawei Cloud resources share.
ValueCheck ResourceName(size_t min, size_t max);
}  // namespace checks

}  // namespace fw::providers
