// Writes a zip archive (stored or deflated entries, UTF-8 names, no ZIP64) from files by path,
// in path order with a fixed 1980-01-01 timestamp, so the same files always give the same
// bytes. A path ending in '/' becomes a directory entry. The result reads back with ReadZip.
//
// Thread-safety: pure functions; safe from any thread.
#pragma once

#include <map>
#include <string>

#include "base/status.h"

namespace fw::archive {

enum class ZipMethod { kStored, kDeflated };

// kInvalidArgument when the files do not fit the classic format (more than 65535 entries, a
// name longer than 65535 bytes, 4 GB or more of data).
Result<std::string> WriteZip(const std::map<std::string, std::string>& files,
                             ZipMethod method = ZipMethod::kDeflated);

}  // namespace fw::archive
