#include "cli/validate_command.h"

#include <iostream>

#include "config/loader.h"
#include "config/validate.h"
#include "hcl/diagnostics.h"

namespace fw::cli {

int RunValidate(const std::string& path, bool json) {
  config::LoadResult r = config::LoadConfig(path);
  config::ValidateConfig(*r.config, r.diags);
  size_t errors = 0;
  size_t warnings = 0;
  for (const hcl::Diagnostic& d : r.diags) {
    (d.severity == hcl::Severity::kError ? errors : warnings) += 1;
  }
  const bool valid = errors == 0;
  if (json) {
    std::string out = "{\"format_version\":\"1.0\",\"valid\":";
    out += valid ? "true" : "false";
    out += ",\"error_count\":" + std::to_string(errors);
    out += ",\"warning_count\":" + std::to_string(warnings);
    out += ",\"diagnostics\":" + hcl::DiagnosticsToJson(r.diags) + "}";
    std::cout << out << "\n";
    return valid ? 0 : 1;
  }
  if (!r.diags.empty()) std::cerr << hcl::FormatDiagnostics(r.diags, r.Lookup()) << "\n";
  if (valid) {
    std::cout << "Success! The configuration is valid";
    if (warnings > 0) std::cout << ", but there were some validation warnings as shown above";
    std::cout << ".\n";
    return 0;
  }
  return 1;
}

}  // namespace fw::cli
