// Reads a zip archive held in memory (APPNOTE.TXT's classic format: stored and deflated entries,
// no ZIP64, no encryption) into its files, with limits, for archives that come from users: RFS
// template_uri zips today, policy zips and module packages later.
//
// Every refusal is a kInvalidArgument Status whose service code is the RFS code of the case
// (spec rfs-api.md §1.7), so callers in RFS pass it on unchanged:
//   RF.10011042  the archive is larger than max_packed_bytes
//   RF.10011102  malformed: no end record, out-of-range or overlapping offsets, truncated data,
//                header mismatch, bad CRC-32 or size, ZIP64, encryption, a method other than
//                stored/deflate, a duplicate path, a name that is not UTF-8 or holds a NUL byte
//   RF.10011041  more than max_files files (directory entries do not count)
//   RF.10011026  the files together (declared or actually inflated) exceed max_unpacked_bytes
//   RF.10011151  a path longer than max_path_bytes
//   RF.10011152  a path segment (file or directory name) longer than max_name_bytes
//   RF.10011155  an absolute path (leading '/' or '\', or a drive letter "C:")
//   RF.10011156  an empty, "." or ".." path segment
//   RF.10011083  a backslash inside a path (a separator elsewhere: it could leave the root)
// Inflating never holds more than an entry's declared size, which is within the budget left.
//
// Thread-safety: pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "base/status.h"

namespace fw::archive {

// The spec's limits for RFS zips (template_uri, policy_uri, module_uri).
struct ZipLimits {
  size_t max_packed_bytes = size_t{1} << 20;    // the archive itself
  size_t max_unpacked_bytes = size_t{1} << 20;  // all files together, inflated
  size_t max_files = 100;                       // directory entries do not count
  size_t max_name_bytes = 255;                  // each path segment
  size_t max_path_bytes = 2048;                 // the whole path
};

// The archive's files by path ("main.tf", "modules/net/main.tf"); directory entries (names
// ending in '/') are checked and left out.
using ZipFiles = std::map<std::string, std::string>;

Result<ZipFiles> ReadZip(std::string_view archive, const ZipLimits& limits = {});

}  // namespace fw::archive
