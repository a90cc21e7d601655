// A stable text rendering of a loaded configuration tree, for tests and `formwork validate
// -dump`-style debugging: one line per declaration, child modules after their parent.
#pragma once

#include <string>

#include "config/model.h"

namespace fw::config {

std::string DumpConfig(const Config& config);

}  // namespace fw::config
