#include "providers/compute/image_catalog.h"

#include "crypto/crypto.h"

namespace fw::providers::compute {
namespace {

struct Entry {
  const char* name;
  const char* os;
  const char* arch;
  int min_disk;
  int min_ram;
  int64_t size_gb_tenths;  // image file size in tenths of a GB
  const char* created_at;
};

std::vector<Image> BuildCatalog() {
  const Entry entries[] = {
      {"Ubuntu 18.04 server 64bit", "Ubuntu", "x86", 40, 0, 23, "2021-03-10T08:12:40Z"},
      {"Ubuntu 20.04 server 64bit", "Ubuntu", "x86", 40, 0, 26, "2022-06-15T09:30:11Z"},
      {"Ubuntu 22.04 server 64bit", "Ubuntu", "x86", 40, 0, 28, "2023-05-22T02:41:07Z"},
      {"Ubuntu 22.04 server 64bit for Kunpeng", "Ubuntu", "arm", 40, 0, 27,
       "2023-06-02T03:10:55Z"},
      {"CentOS 7.6 64bit", "CentOS", "x86", 40, 0, 19, "2020-11-04T07:00:32Z"},
      {"CentOS 7.9 64bit", "CentOS", "x86", 40, 0, 21, "2021-09-28T06:20:19Z"},
      {"CentOS 8.2 64bit", "CentOS", "x86", 40, 0, 24, "2021-01-19T01:55:48Z"},
      {"EulerOS 2.5 64bit", "EulerOS", "x86", 40, 0, 20, "2020-08-17T04:13:26Z"},
      {"EulerOS 2.9 64bit", "EulerOS", "x86", 40, 0, 22, "2021-12-07T10:02:51Z"},
      {"Huawei Cloud EulerOS 2.0 Standard 64 bit", "Huawei Cloud EulerOS", "x86", 40, 0, 25,
       "2023-08-30T08:45:00Z"},
      {"Huawei Cloud EulerOS 2.0 Standard 64 bit ARM", "Huawei Cloud EulerOS", "arm", 40, 0, 25,
       "2023-08-30T09:05:12Z"},
      {"Debian 11.1.0 64bit", "Debian", "x86", 40, 0, 18, "2022-02-11T05:33:21Z"},
      {"Rocky Linux 8.5 64bit", "Rocky", "x86", 40, 0, 22, "2022-04-26T07:18:44Z"},
      {"Windows Server 2016 Datacenter 64bit English", "Windows", "x86", 40, 2048, 112,
       "2021-05-13T12:00:00Z"},
      {"Windows Server 2019 Datacenter 64bit", "Windows", "x86", 40, 2048, 118,
       "2022-10-19T11:20:05Z"},
      {"Windows Server 2022 Datacenter 64bit English", "Windows", "x86", 50, 2048, 125,
       "2023-07-04T13:48:36Z"},
  };
  std::vector<Image> out;
  for (const Entry& e : entries) {
    Image img;
    img.id = StableUuid(std::string("ims-public-image:") + e.name);
    img.name = e.name;
    img.os = e.os;
    img.os_version = e.name;
    img.architecture = e.arch;
    img.min_disk_gb = e.min_disk;
    img.min_ram_mb = e.min_ram;
    img.size_bytes = e.size_gb_tenths * 107374182LL;  // tenths of a GiB
    img.created_at = e.created_at;
    out.push_back(std::move(img));
  }
  return out;
}

}  // namespace

std::string StableUuid(std::string_view seed) {
  crypto::Digest256 d = crypto::Sha256(seed);
  d[6] = static_cast<uint8_t>((d[6] & 0x0f) | 0x50);
  d[8] = static_cast<uint8_t>((d[8] & 0x3f) | 0x80);
  std::string hex = crypto::HexEncode(d.data(), 16);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

const std::vector<Image>& Images() {
  static const std::vector<Image> catalog = BuildCatalog();
  return catalog;
}

const Image* FindImageById(std::string_view id) {
  for (const Image& i : Images()) {
    if (i.id == id) return &i;
  }
  return nullptr;
}

const Image* FindImageByName(std::string_view name) {
  for (const Image& i : Images()) {
    if (i.name == name) return &i;
  }
  return nullptr;
}

}  // namespace fw::providers::compute
