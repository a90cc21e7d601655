// Loading a configuration: every `.tf` and `.tf.json` file of a directory (or one file) parsed
// and decoded into the model (model.h), with local module calls (`./x`, `../x`) loaded
// recursively up to a depth limit. Registry and git sources are refused with a diagnostic.
//
//   config::LoadResult r = config::LoadConfig("stack/");
//   config::ValidateConfig(*r.config, r.diags);            // references, types (validate.h)
//   std::cerr << hcl::FormatDiagnostics(r.diags, r.Lookup());
//
// Files can also come from memory (RFS templates): LoadConfigFromFiles.
//
// The resulting Config carries its file source (Config::files): LoadConfig's reads the disk,
// relative to the root module's directory; LoadConfigFromFiles's holds exactly the given files
// (scripts and data too), so the file functions of a template read nothing else.
//
// Thread-safety: loading is reentrant; the result is immutable afterwards.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "config/model.h"
#include "hcl/diagnostics.h"
#include "hcl/parser.h"

namespace fw::config {

struct LoadOptions {
  int max_module_depth = 10;  // nested local module calls
  size_t max_files = 1000;    // per module directory
  size_t max_file_bytes = size_t{16} << 20;
  hcl::ParseOptions parse;
};

struct LoadResult {
  std::unique_ptr<Config> config;  // never null (possibly empty on errors)
  hcl::Diagnostics diags;
  std::map<std::string, std::shared_ptr<const hcl::SourceFile>> sources;  // by file name

  // Finds a loaded file's source, for hcl::FormatDiagnostics.
  hcl::SourceLookup Lookup() const;
};

// `path` is a directory (every .tf / .tf.json file in it, sorted by name) or one file.
LoadResult LoadConfig(const std::string& path, const LoadOptions& options = {});

// In-memory files by relative path ("main.tf", "modules/net/main.tf"); the root module is the
// files without a directory part, and module sources resolve against these paths.
LoadResult LoadConfigFromFiles(const std::map<std::string, std::string>& files,
                               const LoadOptions& options = {});

}  // namespace fw::config
