// Data source huaweicloud_images_image: one image of the public catalog by name, name_regex
// and filters; several matches are an error unless most_recent picks the newest.
#include "providers/compute/compute_common.h"
#include "providers/compute/compute_types.h"
#include "providers/compute/image_query.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;
using namespace compute;  // NOLINT: the family's helpers

Schema MakeSchema() {
  Block b;
  b.Add(RegionAttr());
  AddImageFilters(b, /*computed=*/true);
  b.Add(Attr::Optional("most_recent", Type::Bool()));
  b.Add(Attr::Optional("sort_key", Type::String()));
  b.Add(Attr::Optional("sort_direction", Type::String()).Check(checks::OneOf({"asc", "desc"})));
  const Type image_type = ImageObjectType();
  for (const auto& a : image_type.Attributes()) {
    if (!b.FindAttribute(a.name)) b.Add(Attr::Computed(a.name, a.type));
  }
  return Schema{std::move(b)};
}

class ImagesImageDataSource : public DataSourceType {
 public:
  ImagesImageDataSource() : schema_(MakeSchema()) {}
  std::string_view name() const override { return "huaweicloud_images_image"; }
  const Schema& schema() const override { return schema_; }

  Result<Value> Read(CallContext& ctx, const Value& config) const override {
    FW_ASSIGN_OR_RETURN(auto images, QueryImages(config));
    if (images.empty()) {
      return NotFound("Your query returned no results. Please change your search criteria and try "
                      "again.");
    }
    if (images.size() > 1 && !GetBool(config, "most_recent", false)) {
      return InvalidArgument("Your query returned more than one result (" +
                             std::to_string(images.size()) +
                             "). Please try a more specific search criteria, or set `most_recent` "
                             "attribute to true.");
    }
    const Value image = ImageObject(*images.back());
    std::vector<std::pair<std::string, Value>> attrs;
    for (size_t i = 0; i < image.Keys().size(); ++i) {
      attrs.emplace_back(image.Keys()[i], image.Elements()[i]);
    }
    attrs.emplace_back("region", Value::String(RegionOf(ctx, config)));
    return WithAttrs(config, std::move(attrs));
  }

 private:
  Schema schema_;
};

}  // namespace

std::unique_ptr<DataSourceType> NewImagesImageDataSource() {
  return std::make_unique<ImagesImageDataSource>();
}

}  // namespace fw::providers
