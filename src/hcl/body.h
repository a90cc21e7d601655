// The syntax-agnostic view of a body: attributes and blocks decoded against a schema.
//
// The native syntax knows by itself which items are attributes and which are blocks; the JSON
// syntax needs the schema for that (a JSON property is an attribute or a block depending on what
// the schema says). The config layer therefore reads every body through AnyBody:
//
//   BodySchema schema{{{"count"}, {"for_each"}}, {{"lifecycle", {}}, {"provisioner", {"type"}}}};
//   std::unique_ptr<AnyBody> rest;
//   BodyContent c = body.PartialContent(schema, diags, &rest);
//
// Results point into the parsed file: keep the File (or JsonFile) alive while using them.
//
// Thread-safety: AnyBody methods are const and pure; safe to call from any thread.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hcl/diagnostics.h"
#include "hcl/expression.h"

namespace fw::hcl {

class AnyBody;

struct AttributeSchema {
  std::string name;
  bool required = false;
};

struct BlockHeaderSchema {
  std::string type;
  std::vector<std::string> label_names;  // e.g. {"type", "name"} for resource
};

struct BodySchema {
  std::vector<AttributeSchema> attributes;
  std::vector<BlockHeaderSchema> blocks;
};

struct AttributeRef {
  std::string name;
  const Expression* expr = nullptr;
  Range range;       // the whole definition
  Range name_range;
};

struct BlockRef {
  std::string type;
  std::vector<std::string> labels;
  const AnyBody* body = nullptr;
  Range def_range;  // type and labels: where diagnostics about the block point
  Range type_range;
  std::vector<Range> label_ranges;
};

struct BodyContent {
  std::vector<AttributeRef> attributes;  // source order
  std::vector<BlockRef> blocks;          // source order
  Range missing_item_range;

  const AttributeRef* Attribute(std::string_view name) const;
};

// Names a PartialContent call has consumed; a remain body hides them.
struct HiddenItems {
  std::set<std::string, std::less<>> attributes;
  std::set<std::string, std::less<>> blocks;
};

class AnyBody {
 public:
  virtual ~AnyBody() = default;

  // Decodes against `schema`; any attribute or block not in it is an error
  // ("Unsupported argument" / "Unsupported block type").
  BodyContent Content(const BodySchema& schema, Diagnostics& diags) const {
    return ContentImpl(schema, HiddenItems{}, /*partial=*/false, diags);
  }
  // Like Content, but items outside the schema are left in `*remain` (when not null).
  BodyContent PartialContent(const BodySchema& schema, Diagnostics& diags,
                             std::unique_ptr<AnyBody>* remain) const;
  // Every item must be an attribute (no blocks): for `locals`, provider configs, tags…
  std::vector<AttributeRef> JustAttributes(Diagnostics& diags) const {
    return JustAttributesImpl(HiddenItems{}, diags);
  }
  // Where "Missing required argument" points: the body's closing brace or opening.
  virtual Range MissingItemRange() const = 0;

  // Implementation hooks; `hidden` lists names already consumed by PartialContent.
  virtual BodyContent ContentImpl(const BodySchema& schema, const HiddenItems& hidden,
                                  bool partial, Diagnostics& diags) const = 0;
  virtual std::vector<AttributeRef> JustAttributesImpl(const HiddenItems& hidden,
                                                       Diagnostics& diags) const = 0;
};

// Shared checks for implementations: "Missing required argument" for each required attribute
// of `schema` absent from `content`.
void CheckRequiredAttributes(const BodySchema& schema, const BodyContent& content,
                             Diagnostics& diags);

// Returns a "did you mean" suffix (` Did you mean "x"?`) or "".
std::string SuggestName(std::string_view given, const std::vector<std::string_view>& options);

}  // namespace fw::hcl
