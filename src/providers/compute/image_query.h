// Queries over the public image catalog shared by the images_image and images_images data
// sources: the filters they take and the attributes they return for one image.
//
// Thread-safety: pure functions.
#pragma once

#include <vector>

#include "base/status.h"
#include "hcl/type.h"
#include "hcl/value.h"
#include "providers/compute/image_catalog.h"
#include "providers/schema.h"

namespace fw::providers::compute {

// Adds the filter arguments both data sources take (name, name_regex, visibility, os,
// os_version, architecture, image_type, owner, flavor_id, enterprise_project_id) to `b`.
// `computed` makes the ones an image has also computed (images_image returns them).
void AddImageFilters(Block& b, bool computed);

// The catalog's images matching the filters set in `config`, oldest first; kInvalidArgument
// for a bad name_regex or an unknown flavor_id.
Result<std::vector<const Image*>> QueryImages(const hcl::Value& config);

// The attributes of one image (id, name, os, ..., min_disk_gb, created_at) as an object.
hcl::Type ImageObjectType();
hcl::Value ImageObject(const Image& image);

}  // namespace fw::providers::compute
