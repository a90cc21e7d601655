// Zip archives from users (src/archive/zip_reader.h): any bytes read to files or an RF-coded
// refusal, never a crash, a leak or more memory than the limits; what reads back writes again
// (stored and deflated) and reads to the same files.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "archive/zip_reader.h"
#include "archive/zip_writer.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fw::archive;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ZipLimits limits;
  limits.max_unpacked_bytes = 64 << 10;  // keep each run fast; the logic is the same
  auto files = ReadZip(bytes, limits);
  if (!files.ok()) {
    const std::string& code = files.status().service_code();
    Check(code.size() == 11 && code.rfind("RF.10011", 0) == 0);
    return 0;
  }
  size_t total = 0;
  for (const auto& [path, content] : *files) total += content.size();
  Check(files->size() <= limits.max_files && total <= limits.max_unpacked_bytes);
  for (ZipMethod method : {ZipMethod::kStored, ZipMethod::kDeflated}) {
    auto again = WriteZip(*files, method);
    Check(again.ok());
    ZipLimits roomy = limits;
    roomy.max_packed_bytes = std::size_t{4} << 20;
    auto reread = ReadZip(*again, roomy);
    Check(reread.ok() && *reread == *files);
  }
  return 0;
}
