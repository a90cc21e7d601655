// Data source huaweicloud_images_images: the public catalog's images matching the filters
// (name, name_regex, os, visibility, architecture...), oldest first.
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
  AddImageFilters(b, /*computed=*/false);
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("images", Type::List(ImageObjectType())));
  return Schema{std::move(b)};
}

class ImagesImagesDataSource : public DataSourceType {
 public:
  ImagesImagesDataSource() : schema_(MakeSchema()) {}
  std::string_view name() const override { return "huaweicloud_images_images"; }
  const Schema& schema() const override { return schema_; }

  Result<Value> Read(CallContext& ctx, const Value& config) const override {
    FW_ASSIGN_OR_RETURN(auto images, QueryImages(config));
    std::vector<Value> list;
    std::string ids;
    for (const Image* img : images) {
      list.push_back(ImageObject(*img));
      ids += img->id;
    }
    return WithAttrs(config, {{"region", Value::String(RegionOf(ctx, config))},
                              {"id", Value::String(StableUuid("images:" + ids))},
                              {"images", Value::List(ImageObjectType(), std::move(list))}});
  }

 private:
  Schema schema_;
};

}  // namespace

std::unique_ptr<DataSourceType> NewImagesImagesDataSource() {
  return std::make_unique<ImagesImagesDataSource>();
}

}  // namespace fw::providers
