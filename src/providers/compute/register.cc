#include "providers/compute/compute_types.h"
#include "providers/provider.h"

namespace fw::providers {

void RegisterComputeTypes(Registry& r) {
  r.Add(NewComputeInstanceType());
  r.Add(NewKpsKeypairType());
  r.Add(NewEvsVolumeType());
  r.Add(NewObsBucketType());
  r.Add(NewObsBucketObjectType());
  r.Add(NewSfsTurboType());
  r.Add(NewComputeFlavorsDataSource());
  r.Add(NewImagesImageDataSource());
  r.Add(NewImagesImagesDataSource());
}

}  // namespace fw::providers
