#include "providers/compute/obs_objects.h"

#include <openssl/evp.h>

#include "crypto/crypto.h"
#include "providers/compute/compute_common.h"

namespace fw::providers::compute {

std::string ObjectItemId(const std::string& bucket, const std::string& key) {
  return bucket + "/" + key;
}

Result<std::string> ReadObsObject(cloud::Inventory& inventory, const std::string& project_id,
                                  const std::string& bucket, const std::string& key) {
  FW_ASSIGN_OR_RETURN(auto b, inventory.Get(std::string(kBucketType), bucket));
  if (!b) return NotFound("NoSuchBucket: the bucket " + bucket + " does not exist.");
  if (b->project_id != project_id) {
    return PermissionDenied("AccessDenied: the bucket " + bucket + " belongs to another account.");
  }
  FW_ASSIGN_OR_RETURN(auto obj, inventory.Get(std::string(kObjectType), ObjectItemId(bucket, key)));
  if (!obj) return NotFound("NoSuchKey: the object " + key + " does not exist in bucket " + bucket + ".");
  auto bytes = crypto::Base64Decode(BodyString(obj->body, "_content_base64"));
  if (!bytes) return Internal("The stored object " + bucket + "/" + key + " is corrupt.");
  return std::move(*bytes);
}

Result<std::vector<cloud::InventoryItem>> ListBucketObjects(cloud::Inventory& inventory,
                                                            const std::string& project_id,
                                                            const std::string& bucket) {
  FW_ASSIGN_OR_RETURN(auto all, inventory.List(project_id, std::string(kObjectType)));
  std::vector<cloud::InventoryItem> out;
  for (auto& item : all) {
    if (BodyString(item.body, "bucket") == bucket) out.push_back(std::move(item));
  }
  return out;
}

std::string Md5Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), digest, &n, EVP_md5(), nullptr);
  return crypto::HexEncode(digest, n);
}

}  // namespace fw::providers::compute
