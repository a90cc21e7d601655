#include "archive/zip_writer.h"

#include <zlib.h>

#include <cstdint>
#include <limits>

#include "archive/zip_format.h"

namespace fw::archive {
namespace {

using namespace format;  // NOLINT: the record layout

constexpr uint16_t kVersionNeeded = 20;               // 2.0: deflate, directories
constexpr uint16_t kVersionMadeBy = (3 << 8) | 20;    // Unix, 2.0
constexpr uint16_t kDosTime = 0;                      // 00:00:00
constexpr uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr uint32_t kFileMode = 0100644u << 16;
constexpr uint32_t kDirMode = (040755u << 16) | 0x10;  // + MS-DOS directory attribute

Result<std::string> Deflate(const std::string& data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    return Internal("zlib deflateInit2 failed");
  }
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return Internal("zlib deflate failed");
  return out;
}

}  // namespace

Result<std::string> WriteZip(const std::map<std::string, std::string>& files, ZipMethod method) {
  constexpr uint64_t kMax32 = std::numeric_limits<uint32_t>::max() - 1;
  if (files.size() >= 0xFFFF) {
    return InvalidArgument("a zip archive holds at most 65534 entries without ZIP64");
  }
  std::string out, central;
  for (const auto& [path, data] : files) {
    if (path.empty() || path.size() > 0xFFFF) {
      return InvalidArgument("a zip entry name must have 1 to 65535 bytes");
    }
    if (data.size() > kMax32 || data.size() > std::numeric_limits<uInt>::max()) {
      return InvalidArgument("the zip entry " + path + " is too large without ZIP64");
    }
    const bool directory = path.back() == '/';
    uint16_t entry_method = kMethodStored;
    std::string packed;
    if (method == ZipMethod::kDeflated && !directory) {
      FW_ASSIGN_OR_RETURN(packed, Deflate(data));
      entry_method = kMethodDeflated;
    }
    const std::string& body = entry_method == kMethodStored ? data : packed;
    const auto crc = static_cast<uint32_t>(
        crc32_z(0, reinterpret_cast<const Bytef*>(data.data()), data.size()));
    const uint64_t offset = out.size();
    if (offset + kLocalHeaderSize + path.size() + body.size() > kMax32) {
      return InvalidArgument("the zip archive would be too large without ZIP64");
    }
    // The two headers share everything from the version needed to the extra field's length.
    std::string common;
    Put16(common, kVersionNeeded);
    Put16(common, kFlagUtf8);
    Put16(common, entry_method);
    Put16(common, kDosTime);
    Put16(common, kDosDate);
    Put32(common, crc);
    Put32(common, static_cast<uint32_t>(body.size()));
    Put32(common, static_cast<uint32_t>(data.size()));
    Put16(common, static_cast<uint16_t>(path.size()));
    Put16(common, 0);  // extra field length

    Put32(out, kLocalHeaderSig);
    out += common;
    out += path;
    out += body;

    Put32(central, kCentralHeaderSig);
    Put16(central, kVersionMadeBy);
    central += common;
    Put16(central, 0);  // comment length
    Put16(central, 0);  // disk number start
    Put16(central, 0);  // internal attributes
    Put32(central, directory ? kDirMode : kFileMode);
    Put32(central, static_cast<uint32_t>(offset));
    central += path;
  }
  if (uint64_t{out.size()} + central.size() > kMax32) {
    return InvalidArgument("the zip archive would be too large without ZIP64");
  }
  const auto cd_offset = static_cast<uint32_t>(out.size());
  const auto cd_size = static_cast<uint32_t>(central.size());
  out += central;
  Put32(out, kEndOfCentralDirSig);
  Put16(out, 0);  // this disk
  Put16(out, 0);  // the disk with the central directory
  Put16(out, static_cast<uint16_t>(files.size()));
  Put16(out, static_cast<uint16_t>(files.size()));
  Put32(out, cd_size);
  Put32(out, cd_offset);
  Put16(out, 0);  // comment length
  return out;
}

}  // namespace fw::archive
