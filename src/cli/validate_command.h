// `formwork validate PATH [-json]`: loads a configuration directory (or file) and validates it
// the way `terraform validate` does, with no server and no network.
#pragma once

#include <string>

namespace fw::cli {

// Prints "Success! The configuration is valid." (exit 0) or the diagnostics on stderr (exit 1);
// with `json`, prints the `terraform validate -json` object on stdout instead.
int RunValidate(const std::string& path, bool json);

}  // namespace fw::cli
