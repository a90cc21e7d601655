#include "hcl/body.h"

#include <algorithm>

namespace fw::hcl {
namespace {

// The remain body of PartialContent: the same body with the consumed names hidden.
class FilteredBody final : public AnyBody {
 public:
  FilteredBody(const AnyBody* base, HiddenItems hidden) : base_(base), hidden_(std::move(hidden)) {}

  Range MissingItemRange() const override { return base_->MissingItemRange(); }
  BodyContent ContentImpl(const BodySchema& schema, const HiddenItems& hidden, bool partial,
                          Diagnostics& diags) const override {
    return base_->ContentImpl(schema, Merge(hidden), partial, diags);
  }
  std::vector<AttributeRef> JustAttributesImpl(const HiddenItems& hidden,
                                               Diagnostics& diags) const override {
    return base_->JustAttributesImpl(Merge(hidden), diags);
  }

 private:
  HiddenItems Merge(const HiddenItems& more) const {
    HiddenItems all = hidden_;
    all.attributes.insert(more.attributes.begin(), more.attributes.end());
    all.blocks.insert(more.blocks.begin(), more.blocks.end());
    return all;
  }

  const AnyBody* base_;
  HiddenItems hidden_;
};

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

const AttributeRef* BodyContent::Attribute(std::string_view name) const {
  for (const AttributeRef& a : attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

BodyContent AnyBody::PartialContent(const BodySchema& schema, Diagnostics& diags,
                                    std::unique_ptr<AnyBody>* remain) const {
  BodyContent content = ContentImpl(schema, HiddenItems{}, /*partial=*/true, diags);
  if (remain != nullptr) {
    HiddenItems hidden;
    for (const AttributeSchema& a : schema.attributes) hidden.attributes.insert(a.name);
    for (const BlockHeaderSchema& b : schema.blocks) hidden.blocks.insert(b.type);
    *remain = std::make_unique<FilteredBody>(this, std::move(hidden));
  }
  return content;
}

void CheckRequiredAttributes(const BodySchema& schema, const BodyContent& content,
                             Diagnostics& diags) {
  for (const AttributeSchema& a : schema.attributes) {
    if (!a.required || content.Attribute(a.name) != nullptr) continue;
    diags.AddError("Missing required argument",
                   "The argument \"" + a.name + "\" is required, but no definition was found.",
                   content.missing_item_range);
  }
}

std::string SuggestName(std::string_view given, const std::vector<std::string_view>& options) {
  std::string_view best;
  size_t best_distance = 3;
  for (std::string_view o : options) {
    size_t d = EditDistance(given, o);
    if (d < best_distance) {
      best_distance = d;
      best = o;
    }
  }
  if (best.empty()) return {};
  return " Did you mean \"" + std::string(best) + "\"?";
}

}  // namespace fw::hcl
