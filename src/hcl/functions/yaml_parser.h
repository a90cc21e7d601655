// A YAML reader for yamldecode: one document of block and flow mappings/sequences, plain,
// single-quoted, double-quoted, literal (|) and folded (>) scalars with chomping and
// indentation indicators, comments, anchors and aliases, tags (!!str, !!int...), merge keys
// (<<). Scalars resolve as Terraform's YAML decoder resolves them (YAML 1.1 booleans such as
// `yes`/`off`, `~` and `null`, integers in decimal/0x/0o, floats, timestamps normalised to
// RFC 3339 strings). Mappings become objects, sequences tuples.
//
// Limits: kMaxYamlBytes of input, kMaxYamlDepth of nesting, kMaxYamlNodes of nodes counting
// every alias expansion (billion-laughs input fails instead of exhausting memory).
// Errors read "on line L, column C: <what>".
//
// Thread-safety: pure function.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/status.h"
#include "hcl/value.h"

namespace fw::hcl {

inline constexpr size_t kMaxYamlBytes = 32 * 1024 * 1024;
inline constexpr int kMaxYamlDepth = 256;
inline constexpr size_t kMaxYamlNodes = 1000000;

Result<Value> DecodeYaml(std::string_view text);

// yamlencode's output (the block style of Terraform's YAML encoder).
Result<std::string> EncodeYaml(const Value& value);

}  // namespace fw::hcl
