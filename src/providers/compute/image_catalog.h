// The simulated public image catalog (IMS): the real cloud's public image names with stable
// ids derived from the names (the same on every Formwork), their OS, architecture and sizes.
//
// Thread-safety: immutable after first use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fw::providers::compute {

struct Image {
  std::string id;            // a UUID derived from the name
  std::string name;          // "Ubuntu 22.04 server 64bit"
  std::string os;            // "Ubuntu"
  std::string os_version;    // "Ubuntu 22.04 server 64bit"
  std::string architecture;  // "x86" or "arm"
  int min_disk_gb = 40;
  int min_ram_mb = 0;
  int64_t size_bytes = 0;
  std::string created_at;    // RFC 3339
  std::string visibility = "public";
  std::string image_type = "gold";
};

const std::vector<Image>& Images();
const Image* FindImageById(std::string_view id);
// Images with exactly this name (public names are unique, so at most one).
const Image* FindImageByName(std::string_view name);
// A UUID derived from `seed` (SHA-256 based, version nibble 5): stable across processes.
std::string StableUuid(std::string_view seed);

}  // namespace fw::providers::compute
