// The RFS naming and length rules (spec rfs-api.md §1.3, §1.8, §11) for stack and execution
// plan names, descriptions, var keys and agencies.
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.h"
#include "stacks/stack_service.h"

namespace fw::stacks {

// 1–128 characters; first a CJK ideograph (U+4E00–U+9FA5) or ASCII letter, then those, digits,
// '_' and '-'. RF.10011006 (empty), RF.10011005 (too long), RF.10011010 (characters).
Status ValidateName(std::string_view field, std::string_view name);
// 0–1024 characters (RF.10011005).
Status ValidateDescription(std::string_view description);
// 0–10 agencies, provider_name unique (RF.10011065), exactly one of name/urn (RF.10011028).
Status ValidateAgencies(const std::vector<Agency>& agencies);
// Characters (UTF-8 code points) in `s`; invalid UTF-8 counts bytes.
size_t CharacterCount(std::string_view s);
bool IsValidUtf8(std::string_view s);

}  // namespace fw::stacks
