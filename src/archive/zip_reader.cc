#include "archive/zip_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

#include "archive/zip_format.h"

namespace fw::archive {
namespace {

using namespace format;  // NOLINT: the record layout

constexpr char kMalformed[] = "RF.10011102";

Status Malformed(const std::string& why) {
  return InvalidArgument("the zip archive is malformed: " + why, kMalformed);
}

// What the central directory says about one entry.
struct Entry {
  std::string name;
  uint16_t flags = 0;
  uint16_t method = 0;
  uint32_t crc = 0;
  uint32_t packed = 0;
  uint32_t unpacked = 0;
  uint32_t local_offset = 0;
  bool directory = false;
  // Filled from the local header: where the entry's data is.
  size_t data_begin = 0;
  size_t data_end = 0;
};

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<uint8_t>(s[i]);
    size_t extra;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;
    for (size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<uint8_t>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

// The path rules of RFS zips (see the header for the codes).
Status CheckPath(const std::string& name, bool directory, const ZipLimits& limits) {
  if (name.empty()) {
    return InvalidArgument("a zip entry has an empty name", "RF.10011156");
  }
  if (name.find('\0') != std::string::npos) {
    return Malformed("an entry name contains a NUL byte");
  }
  if (!IsValidUtf8(name)) return Malformed("an entry name is not UTF-8");
  const bool drive = name.size() >= 2 && name[1] == ':' &&
                     ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z'));
  if (name[0] == '/' || name[0] == '\\' || drive) {
    return InvalidArgument("the zip entry " + name + " has an absolute path", "RF.10011155");
  }
  if (name.find('\\') != std::string::npos) {
    return InvalidArgument("the zip entry " + name +
                               " contains a backslash; paths in the archive use '/' only",
                           "RF.10011083");
  }
  std::string_view path(name);
  if (directory) path.remove_suffix(1);
  if (path.size() > limits.max_path_bytes) {
    return InvalidArgument("the zip entry path " + name.substr(0, 64) + "... is longer than " +
                               std::to_string(limits.max_path_bytes) + " bytes",
                           "RF.10011151");
  }
  size_t begin = 0;
  while (true) {
    size_t end = path.find('/', begin);
    std::string_view segment =
        path.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
    if (segment.empty() || segment == "." || segment == "..") {
      return InvalidArgument("the zip entry " + name + " has an empty, \".\" or \"..\" segment",
                             "RF.10011156");
    }
    if (segment.size() > limits.max_name_bytes) {
      return InvalidArgument("a file or directory name in the zip entry " +
                                 name.substr(0, 64) + "... is longer than " +
                                 std::to_string(limits.max_name_bytes) + " bytes",
                             "RF.10011152");
    }
    if (end == std::string_view::npos) break;
    begin = end + 1;
  }
  return Status::Ok();
}

Status CheckExtraField(std::string_view extra, const std::string& name) {
  size_t at = 0;
  while (at + 4 <= extra.size()) {
    uint16_t id = U16(extra, at);
    uint16_t size = U16(extra, at + 2);
    if (id == kExtraZip64) return Malformed("ZIP64 entries are not supported (" + name + ")");
    at += 4 + size;
  }
  // A short tail or a block running past the end: tolerated (the field is advisory) as long as
  // it stays inside the record, which the caller has checked.
  return Status::Ok();
}

Status UnpackedTooLarge(const ZipLimits& limits) {
  return InvalidArgument("the files in the zip archive are larger than " +
                             std::to_string(limits.max_unpacked_bytes) + " bytes unpacked",
                         "RF.10011026");
}

// Ends a z_stream however the function returns.
struct InflateGuard {
  z_stream* zs;
  ~InflateGuard() { inflateEnd(zs); }
};

// Inflates a raw deflate stream that must give exactly `declared` bytes. Holds at most
// `declared` bytes; past it, only counts (up to budget + 1) to tell an over-limit entry from a
// wrong size.
Result<std::string> Inflate(std::string_view packed, size_t declared, size_t budget,
                            const std::string& name, const ZipLimits& limits) {
  z_stream zs{};
  if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) return Internal("zlib inflateInit2 failed");
  InflateGuard guard{&zs};
  std::string out;
  out.reserve(declared);
  size_t total = 0;
  unsigned char buf[16384];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  zs.avail_in = static_cast<uInt>(packed.size());  // ≤ max_packed_bytes, checked
  while (true) {
    zs.next_out = buf;
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    size_t produced = sizeof buf - zs.avail_out;
    total += produced;
    if (total > budget) return UnpackedTooLarge(limits);
    if (total <= declared) {
      out.append(reinterpret_cast<const char*>(buf), produced);
    }
    if (rc == Z_STREAM_END) break;
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      return Malformed("the data of " + name + " is truncated");
    }
    return Malformed("the data of " + name + " is not a valid deflate stream");
  }
  if (zs.avail_in != 0) {
    return Malformed("the deflate stream of " + name + " ends before its data does");
  }
  if (total != declared) {
    return Malformed("the entry " + name + " inflates to " + std::to_string(total) +
                     " bytes, not the " + std::to_string(declared) + " it declares");
  }
  return out;
}

}  // namespace

Result<ZipFiles> ReadZip(std::string_view zip, const ZipLimits& limits) {
  if (zip.size() > limits.max_packed_bytes) {
    return InvalidArgument("the zip archive is larger than " +
                               std::to_string(limits.max_packed_bytes) + " bytes",
                           "RF.10011042");
  }
  if (zip.size() < kEndOfCentralDirSize) return Malformed("too short to be a zip archive");

  // The end of central directory record: the last one whose comment reaches the end exactly.
  size_t end_pos = std::string_view::npos;
  size_t lowest = zip.size() > kEndOfCentralDirSize + kMaxCommentSize
                      ? zip.size() - kEndOfCentralDirSize - kMaxCommentSize
                      : 0;
  for (size_t pos = zip.size() - kEndOfCentralDirSize;; --pos) {
    if (U32(zip, pos) == kEndOfCentralDirSig &&
        pos + kEndOfCentralDirSize + U16(zip, pos + 20) == zip.size()) {
      end_pos = pos;
      break;
    }
    if (pos == lowest) break;
  }
  if (end_pos == std::string_view::npos) {
    return Malformed("no end of central directory record (truncated, or not a zip archive)");
  }
  const uint16_t disk = U16(zip, end_pos + 4);
  const uint16_t cd_disk = U16(zip, end_pos + 6);
  const uint16_t entries_here = U16(zip, end_pos + 8);
  const uint16_t entries = U16(zip, end_pos + 10);
  const uint32_t cd_size = U32(zip, end_pos + 12);
  const uint32_t cd_offset = U32(zip, end_pos + 16);
  if (entries == 0xFFFF || cd_size == 0xFFFFFFFF || cd_offset == 0xFFFFFFFF ||
      (end_pos >= kZip64LocatorSize && U32(zip, end_pos - kZip64LocatorSize) == kZip64LocatorSig)) {
    return Malformed("ZIP64 archives are not supported");
  }
  if (disk != 0 || cd_disk != 0 || entries_here != entries) {
    return Malformed("multi-volume archives are not supported");
  }
  if (uint64_t{cd_offset} + cd_size > end_pos) {
    return Malformed("the central directory lies outside the archive");
  }
  if (uint64_t{entries} * kCentralHeaderSize > cd_size) {
    return Malformed("the central directory is too small for its " + std::to_string(entries) +
                     " entries");
  }

  // The central directory: names, sizes and the rules that need no data.
  std::vector<Entry> list;
  list.reserve(entries);
  size_t files = 0;
  uint64_t declared_total = 0;
  const size_t cd_end = size_t{cd_offset} + cd_size;
  size_t at = cd_offset;
  for (size_t i = 0; i < entries; ++i) {
    if (at + kCentralHeaderSize > cd_end || U32(zip, at) != kCentralHeaderSig) {
      return Malformed("central directory entry " + std::to_string(i + 1) + " is damaged");
    }
    Entry e;
    e.flags = U16(zip, at + 8);
    e.method = U16(zip, at + 10);
    e.crc = U32(zip, at + 16);
    e.packed = U32(zip, at + 20);
    e.unpacked = U32(zip, at + 24);
    const size_t name_len = U16(zip, at + 28);
    const size_t extra_len = U16(zip, at + 30);
    const size_t comment_len = U16(zip, at + 32);
    const uint16_t start_disk = U16(zip, at + 34);
    e.local_offset = U32(zip, at + 42);
    const size_t record = kCentralHeaderSize + name_len + extra_len + comment_len;
    if (at + record > cd_end) {
      return Malformed("central directory entry " + std::to_string(i + 1) + " is truncated");
    }
    e.name = std::string(zip.substr(at + kCentralHeaderSize, name_len));
    FW_RETURN_IF_ERROR(
        CheckExtraField(zip.substr(at + kCentralHeaderSize + name_len, extra_len), e.name));
    if (e.packed == 0xFFFFFFFF || e.unpacked == 0xFFFFFFFF || e.local_offset == 0xFFFFFFFF) {
      return Malformed("ZIP64 entries are not supported (" + e.name + ")");
    }
    if (start_disk != 0) return Malformed("multi-volume archives are not supported");
    if (e.flags & (kFlagEncrypted | kFlagStrongEncryption)) {
      return Malformed("the entry " + e.name + " is encrypted; encrypted zips are not supported");
    }
    if (e.method != kMethodStored && e.method != kMethodDeflated) {
      return Malformed("the entry " + e.name + " uses compression method " +
                       std::to_string(e.method) + "; only stored (0) and deflate (8) are "
                       "supported");
    }
    e.directory = !e.name.empty() && e.name.back() == '/';
    FW_RETURN_IF_ERROR(CheckPath(e.name, e.directory, limits));
    if (!e.directory) {
      if (++files > limits.max_files) {
        return InvalidArgument("the zip archive has more than " +
                                   std::to_string(limits.max_files) + " files",
                               "RF.10011041");
      }
      declared_total += e.unpacked;
      if (declared_total > limits.max_unpacked_bytes) return UnpackedTooLarge(limits);
    }
    list.push_back(std::move(e));
    at += record;
  }
  if (at != cd_end) return Malformed("the central directory size does not match its entries");

  // Paths: no duplicates, and no file where another entry needs a directory.
  std::set<std::string_view> file_paths, dir_paths;
  for (const Entry& e : list) {
    std::string_view path(e.name);
    if (e.directory) path.remove_suffix(1);
    if (!(e.directory ? dir_paths : file_paths).insert(path).second) {
      return Malformed("the path " + e.name + " appears more than once");
    }
  }
  for (const Entry& e : list) {
    std::string_view path(e.name);
    if (e.directory) path.remove_suffix(1);
    if (!e.directory && dir_paths.count(path)) {
      return Malformed("the path " + e.name + " is both a file and a directory");
    }
    for (size_t slash = path.find('/'); slash != std::string_view::npos;
         slash = path.find('/', slash + 1)) {
      if (file_paths.count(path.substr(0, slash))) {
        return Malformed("the path " + e.name + " lies under a file");
      }
    }
  }

  // Local headers: in range, agreeing with the central directory, not overlapping.
  for (Entry& e : list) {
    const size_t local = e.local_offset;
    if (local + kLocalHeaderSize > cd_offset || U32(zip, local) != kLocalHeaderSig) {
      return Malformed("the local header of " + e.name + " is missing or out of range");
    }
    const uint16_t flags = U16(zip, local + 6);
    const uint16_t method = U16(zip, local + 8);
    const uint32_t crc = U32(zip, local + 14);
    const uint32_t packed = U32(zip, local + 18);
    const uint32_t unpacked = U32(zip, local + 22);
    const size_t name_len = U16(zip, local + 26);
    const size_t extra_len = U16(zip, local + 28);
    if (local + kLocalHeaderSize + name_len + extra_len > cd_offset) {
      return Malformed("the local header of " + e.name + " is truncated");
    }
    if (zip.substr(local + kLocalHeaderSize, name_len) != e.name) {
      return Malformed("the local header of " + e.name + " names another file");
    }
    if (method != e.method || (flags & (kFlagEncrypted | kFlagStrongEncryption))) {
      return Malformed("the local header of " + e.name + " disagrees with the central directory");
    }
    const bool described_later = (e.flags & kFlagDataDescriptor) != 0;
    auto agrees = [&](uint32_t local_value, uint32_t central_value) {
      return local_value == central_value || (described_later && local_value == 0);
    };
    if (!agrees(crc, e.crc) || !agrees(packed, e.packed) || !agrees(unpacked, e.unpacked)) {
      return Malformed("the local header of " + e.name + " disagrees with the central directory");
    }
    e.data_begin = local + kLocalHeaderSize + name_len + extra_len;
    e.data_end = e.data_begin + e.packed;
    if (e.data_end > cd_offset) return Malformed("the data of " + e.name + " is truncated");
  }
  std::vector<const Entry*> by_offset;
  for (const Entry& e : list) by_offset.push_back(&e);
  std::sort(by_offset.begin(), by_offset.end(),
            [](const Entry* a, const Entry* b) { return a->local_offset < b->local_offset; });
  for (size_t i = 1; i < by_offset.size(); ++i) {
    if (by_offset[i]->local_offset < by_offset[i - 1]->data_end) {
      return Malformed("the entries " + by_offset[i - 1]->name + " and " + by_offset[i]->name +
                       " overlap");
    }
  }

  // The data.
  ZipFiles out;
  size_t unpacked_total = 0;
  for (const Entry& e : list) {
    if (e.directory) continue;
    std::string_view data = zip.substr(e.data_begin, e.packed);
    std::string content;
    if (e.method == kMethodStored) {
      if (e.packed != e.unpacked) {
        return Malformed("the stored entry " + e.name + " has different packed and unpacked "
                         "sizes");
      }
      content = std::string(data);
    } else {
      FW_ASSIGN_OR_RETURN(content, Inflate(data, e.unpacked,
                                           limits.max_unpacked_bytes - unpacked_total, e.name,
                                           limits));
    }
    unpacked_total += content.size();
    const uint32_t crc = static_cast<uint32_t>(
        crc32_z(0, reinterpret_cast<const Bytef*>(content.data()), content.size()));
    if (crc != e.crc) return Malformed("the CRC-32 of " + e.name + " does not match its data");
    out.emplace(e.name, std::move(content));
  }
  return out;
}

}  // namespace fw::archive
