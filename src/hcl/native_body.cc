// AnyBody for the native syntax: items are already attributes or blocks; the schema only
// validates them.
#include <map>

#include "hcl/ast.h"

namespace fw::hcl {
namespace {

const AttributeSchema* FindAttr(const BodySchema& s, std::string_view name) {
  for (const auto& a : s.attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

const BlockHeaderSchema* FindBlock(const BodySchema& s, std::string_view type) {
  for (const auto& b : s.blocks) {
    if (b.type == type) return &b;
  }
  return nullptr;
}

std::vector<std::string_view> AttrNames(const BodySchema& s) {
  std::vector<std::string_view> out;
  for (const auto& a : s.attributes) out.push_back(a.name);
  return out;
}

std::vector<std::string_view> BlockNames(const BodySchema& s) {
  std::vector<std::string_view> out;
  for (const auto& b : s.blocks) out.push_back(b.type);
  return out;
}

AttributeRef RefOf(const Attribute& a) {
  return AttributeRef{std::string(a.name), a.expr, a.range, a.name_range};
}

void ReportDuplicate(const Attribute& a, const Range& first, Diagnostics& diags) {
  diags.AddError("Duplicate argument",
                 "The argument \"" + std::string(a.name) + "\" was already set at " + first.ToString() +
                     ". Each argument may be set only once.",
                 a.name_range);
}

}  // namespace

Range Body::MissingItemRange() const {
  Range r = end_range;
  r.end = r.start;
  return r;
}

BodyContent Body::ContentImpl(const BodySchema& schema, const HiddenItems& hidden, bool partial,
                              Diagnostics& diags) const {
  BodyContent c;
  c.missing_item_range = MissingItemRange();
  std::map<std::string_view, Range> seen;
  for (const Item& item : items) {
    if (item.attribute != nullptr) {
      const Attribute& a = *item.attribute;
      if (hidden.attributes.count(a.name) > 0) continue;
      if (FindAttr(schema, a.name) != nullptr) {
        auto [it, inserted] = seen.emplace(a.name, a.name_range);
        if (!inserted) {
          ReportDuplicate(a, it->second, diags);
          continue;
        }
        c.attributes.push_back(RefOf(a));
      } else if (!partial) {
        std::string detail = "An argument named \"" + std::string(a.name) + "\" is not expected here.";
        if (FindBlock(schema, a.name) != nullptr) {
          detail += " Did you mean to define a block of type \"" + std::string(a.name) + "\"?";
        } else {
          detail += SuggestName(a.name, AttrNames(schema));
        }
        diags.AddError("Unsupported argument", std::move(detail), a.name_range);
      }
      continue;
    }
    const Block& b = *item.block;
    if (hidden.blocks.count(b.type) > 0) continue;
    const BlockHeaderSchema* bs = FindBlock(schema, b.type);
    if (bs == nullptr) {
      if (partial) continue;
      std::string detail = "Blocks of type \"" + std::string(b.type) + "\" are not expected here.";
      if (FindAttr(schema, b.type) != nullptr) {
        detail += " Did you mean to define argument \"" + std::string(b.type) +
                  "\"? If so, use the equals sign to assign it a value.";
      } else {
        detail += SuggestName(b.type, BlockNames(schema));
      }
      diags.AddError("Unsupported block type", std::move(detail), b.type_range);
      continue;
    }
    const size_t want = bs->label_names.size();
    if (b.labels.size() < want) {
      diags.AddError("Missing name for " + std::string(b.type),
                     "All " + std::string(b.type) + " blocks must have " + std::to_string(want) +
                         " labels (" + [&] {
                           std::string names;
                           for (size_t i = 0; i < want; ++i) {
                             names += (i ? ", " : "") + bs->label_names[i];
                           }
                           return names;
                         }() + ").",
                     b.labels.empty() ? b.open_brace_range : b.labels.back().range);
      continue;
    }
    if (b.labels.size() > want) {
      diags.AddError("Extraneous label for " + std::string(b.type),
                     want == 0 ? "No labels are expected for " + std::string(b.type) + " blocks."
                               : "Only " + std::to_string(want) + " labels are expected for " +
                                     std::string(b.type) + " blocks.",
                     b.labels[want].range);
      continue;
    }
    BlockRef ref;
    ref.type = std::string(b.type);
    ref.body = b.body;
    ref.def_range = b.DefRange();
    ref.type_range = b.type_range;
    for (const BlockLabel& l : b.labels) {
      ref.labels.emplace_back(l.value);
      ref.label_ranges.push_back(l.range);
    }
    c.blocks.push_back(std::move(ref));
  }
  CheckRequiredAttributes(schema, c, diags);
  return c;
}

std::vector<AttributeRef> Body::JustAttributesImpl(const HiddenItems& hidden,
                                                   Diagnostics& diags) const {
  std::vector<AttributeRef> out;
  std::map<std::string_view, Range> seen;
  for (const Item& item : items) {
    if (item.block != nullptr) {
      if (hidden.blocks.count(item.block->type) > 0) continue;
      diags.AddError("Unexpected \"" + std::string(item.block->type) + "\" block",
                     "Blocks are not allowed here.", item.block->type_range);
      continue;
    }
    const Attribute& a = *item.attribute;
    if (hidden.attributes.count(a.name) > 0) continue;
    auto [it, inserted] = seen.emplace(a.name, a.name_range);
    if (!inserted) {
      ReportDuplicate(a, it->second, diags);
      continue;
    }
    out.push_back(RefOf(a));
  }
  return out;
}

}  // namespace fw::hcl
