// The compute family's resource and data-source types (ECS, KPS, EVS, OBS, SFS Turbo, flavors,
// images), one factory per file; RegisterComputeTypes (register.cc) adds them all.
//
// Thread-safety: the types are immutable; safe from any thread.
#pragma once

#include <memory>

#include "providers/provider.h"

namespace fw::providers {

std::unique_ptr<ResourceType> NewComputeInstanceType();   // huaweicloud_compute_instance
std::unique_ptr<ResourceType> NewKpsKeypairType();        // huaweicloud_kps_keypair
std::unique_ptr<ResourceType> NewEvsVolumeType();         // huaweicloud_evs_volume
std::unique_ptr<ResourceType> NewObsBucketType();         // huaweicloud_obs_bucket
std::unique_ptr<ResourceType> NewObsBucketObjectType();   // huaweicloud_obs_bucket_object
std::unique_ptr<ResourceType> NewSfsTurboType();          // huaweicloud_sfs_turbo

std::unique_ptr<DataSourceType> NewComputeFlavorsDataSource();  // huaweicloud_compute_flavors
std::unique_ptr<DataSourceType> NewImagesImageDataSource();     // huaweicloud_images_image
std::unique_ptr<DataSourceType> NewImagesImagesDataSource();    // huaweicloud_images_images

}  // namespace fw::providers
