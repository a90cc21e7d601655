// OBS objects as the simulated cloud stores them, for the OBS resource types and for other
// modules that read objects (RFS template_uri, CDM): an object is the inventory item
// "obs.object" with id "<bucket>/<key>" in its bucket's project; its bytes are the body's
// "_content_base64" (at most kMaxObjectBytes).
//
// Thread-safety: functions are safe from any thread.
#pragma once

#include <string>

#include "base/status.h"
#include "cloud/inventory.h"

namespace fw::providers::compute {

inline constexpr size_t kMaxObjectBytes = 5 * 1024 * 1024;

std::string ObjectItemId(const std::string& bucket, const std::string& key);

// The object's bytes. kNotFound ("NoSuchBucket", "NoSuchKey") when absent; kPermissionDenied
// when the bucket belongs to another project.
Result<std::string> ReadObsObject(cloud::Inventory& inventory, const std::string& project_id,
                                  const std::string& bucket, const std::string& key);

// The objects of a bucket (any project's).
Result<std::vector<cloud::InventoryItem>> ListBucketObjects(cloud::Inventory& inventory,
                                                            const std::string& project_id,
                                                            const std::string& bucket);

// Lowercase hex MD5 of the bytes (OBS's ETag for a single-part upload).
std::string Md5Hex(std::string_view data);

}  // namespace fw::providers::compute
