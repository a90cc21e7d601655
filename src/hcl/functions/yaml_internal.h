// Scalar resolution and helpers shared by the YAML reader and writer (internal).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "hcl/value.h"

namespace fw::hcl::yaml_internal {

enum class ScalarStyle { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

// The value of a scalar with the given tag ("" for none, else the long form
// "tag:yaml.org,2002:int") and style, as Terraform's YAML decoder resolves it.
Result<Value> ResolveScalar(const std::string& tag, std::string_view text, ScalarStyle style);

// A mapping key's string ("only strings are allowed as mapping keys" otherwise).
Result<std::string> KeyString(const Value& key,
                              const std::function<Status(const std::string&)>& error);

void AppendUtf8(std::string* out, uint32_t cp);

}  // namespace fw::hcl::yaml_internal
